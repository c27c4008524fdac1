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

/// Why a file could not be read and where (1-based lines), for a message in words.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// Not a calendar file at all: it does not start with a BEGIN line.
    NotCalendar,
    /// This line is not `NAME:value`, or stands outside any BEGIN … END; its start is kept.
    BadLine { line: usize, text: String },
    /// This END closes nothing open, or another block than the one open.
    StrayEnd { line: usize },
    /// The file ends inside the block opened on `line` (its SUMMARY, if it has one): cut short.
    Unclosed { line: usize, title: String },
}

impl ReadError {
    /// The line the error is on, if it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::NotCalendar => None,
            ReadError::BadLine { line, .. } | ReadError::StrayEnd { line } | ReadError::Unclosed { line, .. } => Some(*line),
        }
    }
}

/// The file's top-level components (usually one VCALENDAR).
pub fn read(text: &str) -> Result<Vec<Component>, ReadError> {
    // Each open block with the line of its BEGIN.
    let mut open: Vec<(usize, Component)> = vec![];
    let mut top = vec![];
    for (line, content) in logical_lines(text) {
        if content.trim().is_empty() {
            continue;
        }
        let bad = || ReadError::BadLine { line, text: content.chars().take(60).collect() };
        let p = content_line(&content).ok_or_else(bad)?;
        match p.name.as_str() {
            "BEGIN" => open.push((line, Component { name: p.val.trim().to_ascii_uppercase(), ..Component::default() })),
            "END" => {
                let (_, c) = open.pop().filter(|(_, c)| p.val.trim().eq_ignore_ascii_case(&c.name)).ok_or(ReadError::StrayEnd { line })?;
                match open.last_mut() {
                    Some((_, parent)) => parent.components.push(c),
                    None => top.push(c),
                }
            }
            _ => open.last_mut().ok_or_else(bad)?.1.properties.push(p),
        }
    }
    // Cut short: named by the innermost open item with a title (an alarm inside an event
    // names the event), else by the innermost open block.
    let titled = open.iter().rev().find_map(|(line, c)| Some((*line, unescape(&c.find_prop("SUMMARY")?.val))));
    match (titled, open.last()) {
        (Some((line, title)), _) => Err(ReadError::Unclosed { line, title: title.chars().take(80).collect() }),
        (None, Some((line, _))) => Err(ReadError::Unclosed { line: *line, title: String::new() }),
        (None, None) => Ok(top),
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
