//! One sheet written as a workbook Excel and LibreOffice open without a word: a bold header
//! row, frozen and filtered, columns as wide as their text, numbers as numbers, money with
//! the currency's format, dates as dates. Strings are written inline in their cells.
use std::fmt::Write as _;

use super::{serial, time_fraction, Cell, Currency, Sheet};

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The cell formats `styles.xml` declares, by their place in `cellXfs`.
mod style {
    pub const HEADER: u32 = 1;
    pub const MONEY: u32 = 2;
    pub const DATE: u32 = 3;
    pub const DATE_TIME: u32 = 4;
    pub const TIME: u32 = 5;
    pub const INTEGER: u32 = 6;
}

/// XML text: the five escapes, and characters XML 1.0 cannot hold left out (a control
/// character pasted into a note would make the whole sheet unreadable). A literal `_x000D_`
/// is written as Excel writes it (`_x005F_x000D_`), so it is not read back as a character,
/// and a carriage return as `_x000D_`.
fn escape(s: &str, out: &mut String) {
    for (i, c) in s.char_indices() {
        if c == '_' && looks_escaped(&s[i..]) {
            out.push_str("_x005F_");
            continue;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML readers turn a carriage return into a line feed: Excel escapes it.
            '\r' => out.push_str("_x000D_"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
}

/// `_xHHHH_`: how Office Open XML writes a character XML cannot hold.
fn looks_escaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b.starts_with(b"_x") && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape(s, &mut out);
    out
}

/// `A`, `B`, …, `Z`, `AA`: the column's letters.
pub(super) fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Minor units as a decimal number in major units: `150000050` with 2 decimals is `1500000.50`.
fn major(minor: i64, decimals: u32) -> String {
    if decimals == 0 {
        return minor.to_string();
    }
    let scale = 10u64.pow(decimals);
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:0w$}", abs / scale, abs % scale, w = decimals as usize)
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not blank.
fn sheet_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    let clean = clean.trim().trim_matches('\'').to_string();
    if clean.is_empty() {
        "Sheet1".into()
    } else {
        clean
    }
}

/// How many characters a cell shows, for the column's width.
fn shown_width(cell: &Cell, currency: &Currency) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(t) => t.lines().map(|l| l.chars().count()).max().unwrap_or(0),
        Cell::Integer(v) => v.to_string().len() + v.to_string().len() / 3,
        Cell::Number(v) => v.to_string().len(),
        Cell::Money(v) => {
            let digits = major(*v, 0).len().saturating_sub(currency.decimals as usize);
            currency.symbol.chars().count() + 1 + digits + digits / 3 + currency.decimals as usize + 1
        }
        Cell::Date(_) => 10,
        Cell::DateTime(_) => 16,
        Cell::Time(_) => 5,
        Cell::Bool(_) => 5,
    }
}

/// Excel holds at most this many characters in a cell and asks to repair a file with more.
const MOST_IN_CELL: usize = 32_767;

fn inline_text(x: &mut String, at: &str, t: &str) {
    let _ = write!(x, "<c r=\"{at}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    match t.char_indices().nth(MOST_IN_CELL) {
        Some((cut, _)) => escape(&t[..cut], x),
        None => escape(t, x),
    }
    x.push_str("</t></is></c>");
}

fn sheet_xml(sheet: &Sheet, currency: &Currency) -> String {
    let columns = sheet.header.len().max(sheet.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    let last_row = sheet.rows.len() + 1;
    let range = format!("A1:{}{last_row}", column_name(columns - 1));
    let mut widths: Vec<usize> = (0..columns).map(|i| sheet.header.get(i).map_or(0, |h| h.chars().count() + 3)).collect();
    for row in &sheet.rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(shown_width(cell, currency));
        }
    }
    let mut x = String::with_capacity(64 + sheet.rows.len() * columns * 24);
    x.push_str(HEAD);
    let _ = write!(x, "<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><dimension ref=\"{range}\"/>");
    x.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
    x.push_str("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
    for (i, w) in widths.iter().enumerate() {
        let _ = write!(x, "<col min=\"{n}\" max=\"{n}\" width=\"{}\" customWidth=\"1\"/>", (*w).clamp(8, 60) + 2, n = i + 1);
    }
    x.push_str("</cols><sheetData><row r=\"1\">");
    for (i, h) in sheet.header.iter().enumerate() {
        let _ = write!(x, "<c r=\"{}1\" s=\"{}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", column_name(i), style::HEADER);
        escape(h, &mut x);
        x.push_str("</t></is></c>");
    }
    x.push_str("</row>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let n = r + 2;
        let _ = write!(x, "<row r=\"{n}\">");
        for (i, cell) in row.iter().enumerate() {
            let at = format!("{}{n}", column_name(i));
            let number = |x: &mut String, s: u32, v: &str| {
                let _ = write!(x, "<c r=\"{at}\" s=\"{s}\"><v>{v}</v></c>");
            };
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => inline_text(&mut x, &at, t),
                Cell::Integer(v) => number(&mut x, style::INTEGER, &v.to_string()),
                Cell::Number(v) if v.is_finite() => {
                    let _ = write!(x, "<c r=\"{at}\"><v>{v}</v></c>");
                }
                Cell::Number(_) => {}
                Cell::Money(v) => number(&mut x, style::MONEY, &major(*v, currency.decimals)),
                Cell::Date(d) => match serial(d.and_time(chrono::NaiveTime::MIN)) {
                    Some(v) => number(&mut x, style::DATE, &v.to_string()),
                    None => inline_text(&mut x, &at, &crate::domain::dates::date_text(*d)),
                },
                Cell::DateTime(t) => match serial(*t) {
                    Some(v) => number(&mut x, style::DATE_TIME, &v.to_string()),
                    None => inline_text(&mut x, &at, &crate::domain::dates::datetime_text(*t)),
                },
                Cell::Time(t) => number(&mut x, style::TIME, &time_fraction(*t).to_string()),
                Cell::Bool(b) => {
                    let _ = write!(x, "<c r=\"{at}\" t=\"b\"><v>{}</v></c>", u8::from(*b));
                }
            }
        }
        x.push_str("</row>");
    }
    let _ = write!(x, "</sheetData><autoFilter ref=\"{range}\"/>");
    x.push_str("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
    x
}

fn styles_xml(currency: &Currency) -> String {
    let cents = if currency.decimals == 0 { String::new() } else { format!(".{}", "0".repeat(currency.decimals as usize)) };
    let symbol = escaped(&currency.symbol.replace('"', ""));
    let money = escaped(&format!("\"{symbol}\"\\ #,##0{cents};\\-\"{symbol}\"\\ #,##0{cents}"));
    format!(
        "{HEAD}<styleSheet xmlns=\"{MAIN_NS}\">\
<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"{money}\"/><numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/>\
<numFmt numFmtId=\"166\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/><numFmt numFmtId=\"167\" formatCode=\"hh:mm\"/></numFmts>\
<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>\
<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>\
<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>\
<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>\
<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"166\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"167\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>\
<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>\
<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    )
}

/// The workbook of `sheets` (at least one), as the bytes of an .xlsx file.
pub fn workbook(sheets: &[Sheet], currency: &Currency) -> Vec<u8> {
    let blank = [Sheet { name: String::new(), header: vec![], rows: vec![] }];
    let sheets = if sheets.is_empty() { &blank[..] } else { sheets };
    let mut names: Vec<String> = vec![];
    for s in sheets {
        // Two sheets may not share a name.
        let mut name = sheet_name(&s.name);
        let mut n = 2;
        while names.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
            name = format!("{} ({n})", sheet_name(&s.name).chars().take(26).collect::<String>());
            n += 1;
        }
        names.push(name);
    }
    let mut types = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    );
    let mut book = format!("{HEAD}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><bookViews><workbookView/></bookViews><sheets>");
    let mut filters = String::new();
    let mut rels = format!("{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    let mut parts: Vec<(String, Vec<u8>)> = vec![];
    for (i, (s, name)) in sheets.iter().zip(&names).enumerate() {
        let n = i + 1;
        let _ = write!(types, "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        let _ = write!(book, "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>", escaped(name));
        let columns = s.header.len().max(s.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        // Excel keeps a filter's range in this hidden name; without it the filter is dropped.
        let _ = write!(
            filters,
            "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">'{}'!$A$1:${}${}</definedName>",
            escaped(&name.replace('\'', "''")),
            column_name(columns - 1),
            s.rows.len() + 1
        );
        let _ = write!(rels, "<Relationship Id=\"rId{n}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>");
        parts.push((format!("xl/worksheets/sheet{n}.xml"), sheet_xml(s, currency).into_bytes()));
    }
    types.push_str("</Types>");
    let _ = write!(book, "</sheets><definedNames>{filters}</definedNames></workbook>");
    let _ = write!(rels, "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/></Relationships>", sheets.len() + 1);
    let root = format!(
        "{HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let mut all: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", types.into_bytes()),
        ("_rels/.rels", root.into_bytes()),
        ("xl/workbook.xml", book.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/styles.xml", styles_xml(currency).into_bytes()),
    ];
    all.extend(parts.iter().map(|(n, d)| (n.as_str(), d.clone())));
    super::zip::write(&all)
}
