//! Reads iCalendar text (RFC 5545 §3.1) into nested components: unfolds continuation
//! lines, splits each content line into name, parameters and value, and pairs BEGIN/END.
//!
//! Written here rather than taken from the `icalendar` crate because its parser (with nom
//! and the Unicode case tables its case-insensitive matching pulls in) was 22 KB of the
//! app's 425 KB brotli download, over the 400 KB budget. The crate stays as the reference:
//! a test reads every fixture with both parsers and compares the trees.

/// A BEGIN/END block: its properties in file order and the blocks inside it.
#[derive(Debug, Default, PartialEq)]
pub struct Component {
    /// Upper-cased: names are case-insensitive (RFC 5545 §2).
    pub name: String,
    pub properties: Vec<Property>,
    pub components: Vec<Component>,
}

#[derive(Debug, PartialEq)]
pub struct Property {
    /// Upper-cased.
    pub name: String,
    pub params: Vec<Param>,
    /// As written, escapes included (see [`unescape`]).
    pub val: String,
}

#[derive(Debug, PartialEq)]
pub struct Param {
    /// Upper-cased; empty when the file has `;;`, which the caller treats as damage.
    pub key: String,
    /// As written, without the quotes of a single quoted value; empty without `=`.
    pub val: String,
}

impl Component {
    /// The first property called `name` (upper case).
    pub fn find_prop(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

impl Property {
    /// The value of parameter `key` (upper case).
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|p| p.key == key).map(|p| p.val.as_str())
    }
}

/// Where and why a file could not be read: the 1-based line and the line's start.
#[derive(Debug, PartialEq)]
pub struct ReadError {
    pub line: usize,
    pub text: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}: {}", self.line, self.text)
    }
}

/// The file's top-level components (usually one VCALENDAR).
pub fn read(text: &str) -> Result<Vec<Component>, ReadError> {
    let mut open: Vec<Component> = vec![];
    let mut top = vec![];
    for (line, content) in logical_lines(text) {
        if content.trim().is_empty() {
            continue;
        }
        let fail = || ReadError { line, text: content.chars().take(60).collect() };
        let p = content_line(&content).ok_or_else(fail)?;
        match p.name.as_str() {
            "BEGIN" => open.push(Component { name: p.val.trim().to_ascii_uppercase(), ..Component::default() }),
            "END" => {
                let c = open.pop().filter(|c| p.val.trim().eq_ignore_ascii_case(&c.name)).ok_or_else(fail)?;
                match open.last_mut() {
                    Some(parent) => parent.components.push(c),
                    None => top.push(c),
                }
            }
            _ => open.last_mut().ok_or_else(fail)?.properties.push(p),
        }
    }
    match open.pop() {
        Some(c) => Err(ReadError { line: text.lines().count(), text: format!("BEGIN:{} … END", c.name) }),
        None => Ok(top),
    }
}

/// Lines with their continuations (a line starting with a space or tab) joined, each with
/// the number of the physical line it starts on. CRLF and bare LF are both accepted.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = vec![];
    for (i, raw) in text.trim_start_matches('\u{feff}').split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => out.push((i + 1, raw.to_string())),
        }
    }
    out
}

/// `NAME *(;PARAM=VALUE[,VALUE]) : VALUE`; parameter values may be quoted and then hold
/// `;`, `:` and `,`.
fn content_line(line: &str) -> Option<Property> {
    let name_end = line.find([';', ':'])?;
    let name = &line[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    let mut rest = &line[name_end..];
    let mut params = vec![];
    while let Some(after) = rest.strip_prefix(';') {
        let key_end = after.find(['=', ';', ':'])?;
        let key = after[..key_end].trim().to_ascii_uppercase();
        rest = &after[key_end..];
        let mut val = "";
        if let Some(v) = rest.strip_prefix('=') {
            let len = param_value_len(v)?;
            val = &v[..len];
            rest = &v[len..];
            // One quoted value is stored without its quotes (a list keeps them).
            if let Some(inner) = val.strip_prefix('"').and_then(|x| x.strip_suffix('"')).filter(|x| !x.contains('"')) {
                val = inner;
            }
        }
        params.push(Param { key, val: val.to_string() });
    }
    let val = rest.strip_prefix(':')?;
    Some(Property { name: name.to_ascii_uppercase(), params, val: val.to_string() })
}

/// Length of a parameter's value list: up to the first `;` or `:` outside quotes.
fn param_value_len(v: &str) -> Option<usize> {
    let mut quoted = false;
    for (i, b) in v.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b';' | b':' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// A TEXT value with its escapes resolved: `\\ \; \, \n \N`, and `\:` which some
/// programs write; any other backslash is kept as it is.
pub fn unescape(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(x @ ('\\' | ';' | ',' | ':')) => out.push(x),
            Some(x) => {
                out.push('\\');
                out.push(x);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
#[path = "ics_read_tests.rs"]
mod tests;
