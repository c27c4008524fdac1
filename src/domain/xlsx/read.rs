//! Reading a workbook a spreadsheet program saved: its sheets' names, then one sheet's cells
//! as values — shared and inline strings, numbers, booleans, errors, and numbers whose cell
//! format is a date or time as dates and times; a formula is read as its last computed value.
use std::collections::HashMap;

use chrono::NaiveDate;
use quick_xml::events::{BytesStart, Event};

use super::zip::Archive;
use super::{from_serial, Value, XlsxError};

/// No office list has more columns; a cell further right is a damaged or hostile file.
const MOST_COLUMNS: usize = 1024;
const MOST_ROWS: usize = 1_048_576;
/// Cells kept in all (counting the empty ones a row holds up to its last): far more than an
/// import previews, and bounded, so a small file repeating rows cannot exhaust memory.
const MOST_CELLS: usize = 4_000_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetName {
    pub name: String,
    /// Hidden in the program: listed last, never chosen by default.
    pub hidden: bool,
}

struct Sheet {
    name: String,
    hidden: bool,
    path: String,
}

struct Book<'a> {
    archive: Archive<'a>,
    sheets: Vec<Sheet>,
    date1904: bool,
    styles: Option<String>,
    strings: Option<String>,
}

/// An attribute's unescaped value by its local name (`r:id` is `id`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .and_then(|a| a.unescape_value().ok())
        .map(|v| v.into_owned())
}

/// Calls `on` with every element start (and empty element), its end, and its text, with
/// entities resolved.
enum Xml<'e> {
    Open(&'e BytesStart<'e>, bool),
    Close(&'e [u8]),
    Text(&'e str),
}

fn walk(bytes: &[u8], mut on: impl FnMut(Xml)) -> Result<(), XlsxError> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).map_err(|_| XlsxError::Damaged)? {
            Event::Start(e) => on(Xml::Open(&e, false)),
            Event::Empty(e) => {
                on(Xml::Open(&e, true));
                on(Xml::Close(e.local_name().as_ref()));
            }
            Event::End(e) => on(Xml::Close(e.local_name().as_ref())),
            // As written: no line-end normalising (Excel escapes a carriage return itself).
            Event::Text(t) => on(Xml::Text(&t.decode().map_err(|_| XlsxError::Damaged)?)),
            Event::CData(t) => on(Xml::Text(&String::from_utf8_lossy(&t))),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|_| XlsxError::Damaged)? {
                    Some(c) => c,
                    None => match &*r {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        _ => return Err(XlsxError::Damaged),
                    },
                };
                on(Xml::Text(c.encode_utf8(&mut [0; 4])));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

fn local(e: &BytesStart) -> Vec<u8> {
    e.local_name().as_ref().to_vec()
}

/// Excel writes characters XML cannot hold as `_xHHHH_` (`_x000D_` for a carriage return).
fn unescape_ooxml(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 2..at + 6).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match (code, rest.get(at + 6..at + 7)) {
            (Some(h), Some("_")) => {
                out.extend(u32::from_str_radix(h, 16).ok().and_then(char::from_u32));
                rest = &rest[at + 7..];
            }
            _ => {
                out.push_str("_x");
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A part named relative to another (`worksheets/sheet1.xml` from `xl/workbook.xml`).
fn resolve(from: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in target.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// (Id, type's last word, target) of a part's relationships.
fn relationships(a: &Archive, part: &str) -> Result<Vec<(String, String, String)>, XlsxError> {
    let Some(bytes) = a.read(&rels_of(part))? else { return Ok(vec![]) };
    let mut out = vec![];
    walk(&bytes, |x| {
        if let Xml::Open(e, _) = x {
            if local(e) == b"Relationship" {
                let kind = attr(e, "Type").unwrap_or_default().rsplit('/').next().unwrap_or_default().to_string();
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    out.push((id, kind, resolve(part, &target)));
                }
            }
        }
    })?;
    Ok(out)
}

/// An OLE compound file: an old .xls workbook, or an .xlsx encrypted with a password (kept
/// in such a file, with its encryption described in a stream of that name).
const OLE: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

fn encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

fn open(bytes: &[u8]) -> Result<Book<'_>, XlsxError> {
    if bytes.starts_with(&OLE) {
        return Err(if encrypted_ooxml(bytes) { XlsxError::Unsupported } else { XlsxError::NotXlsx });
    }
    let archive = Archive::open(bytes)?;
    let root = relationships(&archive, "")?;
    let main = root.iter().find(|(_, k, _)| k == "officeDocument").map_or("xl/workbook.xml".to_string(), |(_, _, t)| t.clone());
    let workbook = archive.read(&main)?.ok_or(XlsxError::NoWorkbook)?;
    let rels = relationships(&archive, &main)?;
    let mut sheets = vec![];
    let mut date1904 = false;
    walk(&workbook, |x| {
        if let Xml::Open(e, _) = x {
            match local(e).as_slice() {
                b"workbookPr" => date1904 = matches!(attr(e, "date1904").as_deref(), Some("1" | "true")),
                b"sheet" => {
                    let id = attr(e, "id").unwrap_or_default();
                    // Chart sheets have no cells: only worksheets are listed.
                    if let Some((_, _, path)) = rels.iter().find(|(i, k, _)| *i == id && k == "worksheet") {
                        sheets.push(Sheet {
                            name: attr(e, "name").unwrap_or_default(),
                            hidden: attr(e, "state").is_some_and(|s| s != "visible"),
                            path: path.clone(),
                        });
                    }
                }
                _ => {}
            }
        }
    })?;
    let find = |kind: &str| rels.iter().find(|(_, k, _)| k == kind).map(|(_, _, t)| t.clone());
    Ok(Book { styles: find("styles"), strings: find("sharedStrings"), archive, sheets, date1904 })
}

/// The workbook's worksheets in order, the visible ones first.
pub fn sheets(bytes: &[u8]) -> Result<Vec<SheetName>, XlsxError> {
    let book = open(bytes)?;
    let mut out: Vec<SheetName> = book.sheets.iter().map(|s| SheetName { name: s.name.clone(), hidden: s.hidden }).collect();
    out.sort_by_key(|s| s.hidden);
    Ok(out)
}

fn shared_strings(book: &Book) -> Result<Vec<String>, XlsxError> {
    let Some(path) = &book.strings else { return Ok(vec![]) };
    let Some(bytes) = book.archive.read(path)? else { return Ok(vec![]) };
    let mut out = vec![];
    let (mut current, mut in_t, mut phonetic) = (String::new(), false, 0u32);
    walk(&bytes, |x| match x {
        Xml::Open(e, empty) => match local(e).as_slice() {
            b"si" => current.clear(),
            b"t" if !empty => in_t = true,
            b"rPh" if !empty => phonetic += 1,
            _ => {}
        },
        Xml::Close(name) => match name {
            b"si" => out.push(unescape_ooxml(&current)),
            b"t" => in_t = false,
            b"rPh" => phonetic = phonetic.saturating_sub(1),
            _ => {}
        },
        // Phonetic guides (furigana) are not the cell's text.
        Xml::Text(t) if in_t && phonetic == 0 => current.push_str(t),
        Xml::Text(_) => {}
    })?;
    Ok(out)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Number,
    Date,
    DateTime,
    Time,
    /// Hours worked and the like (`[h]:mm`): may pass 24 hours, read as `H:MM` text.
    Duration,
}

/// What a number format shows, from its id (the built-in ones) or its code.
fn shown(id: u32, code: Option<&str>) -> Shown {
    match (id, code) {
        (14..=17 | 27..=31 | 34..=36 | 50..=58, None) => Shown::Date,
        (22, None) => Shown::DateTime,
        (18..=21 | 32 | 33 | 45..=47, None) => Shown::Time,
        (_, Some(code)) => {
            // Quoted text, escaped characters and [colour]/[$-locale] sections are not parts.
            let mut plain = String::new();
            let (mut quoted, mut bracket, mut escaped) = (false, None::<String>, false);
            let mut elapsed = false;
            for c in code.chars() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => quoted = !quoted,
                    '[' if !quoted => bracket = Some(String::new()),
                    ']' if !quoted => {
                        // `[h]`, `[mm]`, `[ss]`: elapsed time; `[Red]`, `[$-421]` are not parts.
                        let inside = bracket.take().unwrap_or_default().to_ascii_lowercase();
                        if !inside.is_empty() && inside.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                            elapsed = true;
                            plain.push('h');
                        }
                    }
                    _ if quoted => {}
                    c if bracket.is_some() => bracket.get_or_insert_with(String::new).push(c),
                    c => plain.push(c.to_ascii_lowercase()),
                }
            }
            let plain = plain.split(';').next().unwrap_or_default().replace("general", "");
            let date = plain.contains(['y', 'd']) || (plain.contains('m') && !plain.contains(['h', 's']));
            let time = plain.contains(['h', 's']);
            match (date, time) {
                (false, true) if elapsed => Shown::Duration,
                (true, true) => Shown::DateTime,
                (true, false) => Shown::Date,
                (false, true) => Shown::Time,
                _ => Shown::Number,
            }
        }
        _ => Shown::Number,
    }
}

/// What each cell style (`s`) shows.
fn styles(book: &Book) -> Result<Vec<Shown>, XlsxError> {
    let Some(path) = &book.styles else { return Ok(vec![]) };
    let Some(bytes) = book.archive.read(path)? else { return Ok(vec![]) };
    let mut codes: HashMap<u32, String> = HashMap::new();
    let mut ids: Vec<u32> = vec![];
    let mut in_xfs = false;
    walk(&bytes, |x| match x {
        Xml::Open(e, _) => match local(e).as_slice() {
            b"numFmt" => {
                if let (Some(id), Some(code)) = (attr(e, "numFmtId").and_then(|i| i.parse().ok()), attr(e, "formatCode")) {
                    codes.insert(id, code);
                }
            }
            b"cellXfs" => in_xfs = true,
            b"xf" if in_xfs => ids.push(attr(e, "numFmtId").and_then(|i| i.parse().ok()).unwrap_or(0)),
            _ => {}
        },
        Xml::Close(b"cellXfs") => in_xfs = false,
        _ => {}
    })?;
    Ok(ids.iter().map(|id| shown(*id, codes.get(id).map(String::as_str))).collect())
}

/// `B12` → (column 1, row 12).
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters = r.bytes().take_while(u8::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r[..letters].bytes().fold(0usize, |n, b| n * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1) - 1;
    let row: usize = r[letters..].parse().ok()?;
    Some((col, row))
}

fn number_value(v: f64, shown: Shown, date1904: bool) -> Value {
    if shown == Shown::Duration && v.is_finite() && v.abs() < 1e6 {
        let minutes = (v.abs() * 1440.0).round() as i64;
        let sign = if v < 0.0 { "-" } else { "" };
        return Value::Text(format!("{sign}{}:{:02}", minutes / 60, minutes % 60));
    }
    let Some(t) = (!matches!(shown, Shown::Number | Shown::Duration)).then(|| from_serial(v, date1904)).flatten() else {
        return Value::Number(v);
    };
    match shown {
        Shown::Time if v < 1.0 => Value::Time(t.time()),
        Shown::Date if t.time() == chrono::NaiveTime::MIN => Value::Date(t.date()),
        _ => Value::DateTime(t),
    }
}

/// The cells of the sheet at `index` in [`sheets`]' order: each row that holds anything,
/// with its row number in the sheet, one value per column from A.
pub fn rows(bytes: &[u8], index: usize) -> Result<Vec<(usize, Vec<Value>)>, XlsxError> {
    let book = open(bytes)?;
    let mut order: Vec<&Sheet> = book.sheets.iter().collect();
    order.sort_by_key(|s| s.hidden);
    let sheet = order.get(index).ok_or(XlsxError::NoSheet)?;
    let data = book.archive.read(&sheet.path)?.ok_or(XlsxError::Damaged)?;
    let strings = shared_strings(&book)?;
    let shown_by_style = styles(&book)?;

    let mut out: Vec<(usize, Vec<Value>)> = vec![];
    let (mut too_large, mut kept) = (false, 0usize);
    let (mut row_no, mut col) = (0usize, 0usize);
    let mut cell: Option<(usize, String, usize)> = None; // (column, type, style)
    let (mut v, mut inline) = (String::new(), String::new());
    let (mut in_v, mut in_t, mut phonetic) = (false, false, 0u32);
    let mut values: Vec<Value> = vec![];
    walk(&data, |x| match x {
        Xml::Open(e, _) => match local(e).as_slice() {
            b"row" => {
                row_no = attr(e, "r").and_then(|r| r.parse().ok()).unwrap_or(row_no + 1);
                col = 0;
                values.clear();
            }
            b"c" => {
                let at = attr(e, "r").and_then(|r| cell_ref(&r)).map_or(col, |(c, _)| c);
                let style = attr(e, "s").and_then(|s| s.parse().ok()).unwrap_or(0);
                cell = Some((at, attr(e, "t").unwrap_or_default(), style));
                v.clear();
                inline.clear();
            }
            b"v" => in_v = true,
            b"t" => in_t = true,
            b"rPh" => phonetic += 1,
            _ => {}
        },
        Xml::Text(t) if in_v => v.push_str(t),
        Xml::Text(t) if in_t && phonetic == 0 && cell.is_some() => inline.push_str(t),
        Xml::Text(_) => {}
        Xml::Close(name) => match name {
            b"v" => in_v = false,
            b"t" => in_t = false,
            b"rPh" => phonetic = phonetic.saturating_sub(1),
            b"c" => {
                let Some((at, kind, style)) = cell.take() else { return };
                col = at + 1;
                let value = match kind.as_str() {
                    "s" => v.trim().parse::<usize>().ok().and_then(|i| strings.get(i)).map_or(Value::Empty, |s| Value::Text(s.clone())),
                    "inlineStr" if inline.is_empty() => Value::Text(unescape_ooxml(&v)),
                    "inlineStr" => Value::Text(unescape_ooxml(&inline)),
                    "str" => Value::Text(unescape_ooxml(&v)),
                    "b" => Value::Bool(matches!(v.trim(), "1" | "true")),
                    "e" => Value::Error(v.clone()),
                    "d" => iso_date(v.trim()),
                    _ if v.trim().is_empty() => Value::Empty,
                    _ => match v.trim().parse::<f64>() {
                        Ok(n) => number_value(n, shown_by_style.get(style).copied().unwrap_or(Shown::Number), book.date1904),
                        Err(_) => Value::Text(v.clone()),
                    },
                };
                if matches!(&value, Value::Empty) || matches!(&value, Value::Text(t) if t.is_empty()) {
                    return;
                }
                if at >= MOST_COLUMNS {
                    too_large = true;
                    return;
                }
                if values.len() <= at {
                    values.resize(at + 1, Value::Empty);
                }
                values[at] = value;
            }
            b"row" if !values.is_empty() && row_no <= MOST_ROWS => {
                kept += values.len();
                if kept > MOST_CELLS {
                    too_large = true;
                    values.clear();
                } else {
                    out.push((row_no, std::mem::take(&mut values)));
                }
            }
            _ => {}
        },
    })?;
    if too_large {
        return Err(XlsxError::TooLarge);
    }
    out.sort_by_key(|(n, _)| *n);
    Ok(out)
}

/// A `t="d"` cell: an ISO 8601 date or date and time.
fn iso_date(s: &str) -> Value {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Value::Date(d);
    }
    let s = s.trim_end_matches('Z');
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, f) {
            return Value::DateTime(t);
        }
    }
    Value::Text(s.to_string())
}

/// What the tests look at of a number format, without a file.
#[cfg(test)]
pub(super) mod tests_api {
    pub fn shown_of(id: u32, code: Option<&str>) -> String {
        format!("{:?}", super::shown(id, code))
    }

    pub fn number_value_of(v: f64, id: u32, code: Option<&str>) -> super::Value {
        super::number_value(v, super::shown(id, code), false)
    }
}
