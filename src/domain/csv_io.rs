//! CSV import and export for any entity, in the dialects Excel and LibreOffice write:
//! comma or semicolon (Indonesian Excel), UTF-8 with or without BOM.
use chrono::{DateTime, Utc};

use super::format::{parse_amount_as, NumberStyle};
use super::record::{fill, problems_after_fill, Entity, FieldDef, FieldError, FieldKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Line in the file where each row starts (the header is line 1).
    pub lines: Vec<usize>,
    /// How the file writes its numbers when it says so itself: a workbook's numbers are
    /// typed cells, written here with a decimal comma. `None` for CSV, whose cells decide.
    pub numbers: Option<NumberStyle>,
}

#[derive(Debug, PartialEq)]
pub enum CsvError {
    Empty,
    /// (line number, detail)
    Malformed(u64, String),
    NotText,
}

pub const BOM: char = '\u{feff}';

/// Picks the delimiter that occurs most in the header line, outside quotes.
pub fn detect_delimiter(text: &str) -> u8 {
    let first = text.trim_start_matches(BOM).lines().next().unwrap_or("");
    let (mut quoted, mut counts) = (false, [0usize; 3]);
    for ch in first.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// Reads the whole file as a table; rows are padded so every row has a cell per header.
pub fn parse_table(bytes: &[u8]) -> Result<Table, CsvError> {
    let text = std::str::from_utf8(bytes).map_err(|_| CsvError::NotText)?;
    let text = text.trim_start_matches(BOM);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = detect_delimiter(text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        rdr.headers().map_err(|e| CsvError::Malformed(1, e.to_string()))?.iter().map(|h| h.trim().to_string()).collect();
    let (mut rows, mut lines) = (Vec::new(), Vec::new());
    // Line numbers counted from the record's byte offset: the reader's own line count runs
    // one short on CRLF files, the ones Excel writes.
    let (mut counted_to, mut line) = (0, 1);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            CsvError::Malformed(line, e.to_string())
        })?;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cells: Vec<String> = rec.iter().map(unprotect).collect();
        cells.resize(headers.len().max(cells.len()), String::new());
        rows.push(cells);
        let mut at = rec.position().map_or(counted_to, |p| p.byte() as usize).min(text.len());
        // The reader's offset can sit on the blank lines it skipped before the record.
        while at < text.len() && matches!(text.as_bytes()[at], b'\r' | b'\n') {
            at += 1;
        }
        line += text.as_bytes()[counted_to..at.max(counted_to)].iter().filter(|b| **b == b'\n').count();
        counted_to = at.max(counted_to);
        lines.push(line);
    }
    Ok(Table { delimiter, headers, rows, lines, numbers: None })
}

/// A field's stored text as a typed spreadsheet cell for the kinds a spreadsheet counts with
/// or sorts by date; `None` for the others, which the screens' own wording fills (a choice's
/// label, a reference's name). Text that does not read as its kind stays text.
pub fn xlsx_cell(kind: FieldKind, raw: &str) -> Option<super::xlsx::Cell> {
    use super::dates::{parse_date, parse_datetime, parse_time};
    use super::xlsx::Cell;
    if raw.trim().is_empty() {
        return matches!(kind, FieldKind::Check).then_some(Cell::Bool(false)).or(Some(Cell::Empty));
    }
    let typed = match kind {
        FieldKind::Money => raw.trim().parse().ok().map(Cell::Money),
        FieldKind::Integer | FieldKind::Number => raw.trim().parse().ok().map(Cell::Integer),
        FieldKind::Date => parse_date(raw).map(Cell::Date),
        FieldKind::DateTime | FieldKind::DateTimeNow => parse_datetime(raw).map(Cell::DateTime),
        FieldKind::Time => parse_time(raw).map(Cell::Time),
        FieldKind::Check => Some(Cell::Bool(true)),
        // One per line or codes, as the import reads them back (the list shows them joined
        // with commas, and weekdays by name).
        FieldKind::Emails | FieldKind::Phones | FieldKind::Lines | FieldKind::People | FieldKind::Weekdays | FieldKind::Tags => {
            Some(Cell::Text(raw.to_string()))
        }
        _ => return None,
    };
    Some(typed.unwrap_or_else(|| Cell::Text(raw.to_string())))
}

/// A sheet of an Excel workbook as the table the import maps, its cells written as the
/// CSV import reads them: numbers with a decimal comma (never a thousands mark, so `1.125`
/// cannot be read as 1125), dates as `YYYY-MM-DD`, times as `HH:MM`, yes as `1`. The header
/// is the first row about as wide as the table, so a title typed above it is passed over.
pub fn table_from_xlsx(bytes: &[u8], sheet: usize) -> Result<Table, super::xlsx::XlsxError> {
    use super::xlsx::{rows, Value, XlsxError};
    let rows = rows(bytes, sheet)?;
    let filled = |cells: &[Value]| cells.iter().filter(|v| !matches!(v, Value::Empty)).count();
    let widest = rows.iter().take(10).map(|(_, r)| filled(r)).max().ok_or(XlsxError::Empty)?;
    let at = rows.iter().take(10).position(|(_, r)| filled(r) * 5 >= widest * 3 && filled(r) >= widest.min(2)).unwrap_or(0);
    let text = |v: &Value| match v {
        Value::Empty => String::new(),
        Value::Text(t) => t.clone(),
        Value::Number(n) => {
            let n = super::xlsx::as_shown(*n);
            if n.fract() == 0.0 && n.abs() < 1e15 {
                format!("{}", n as i64)
            } else {
                n.to_string().replace('.', ",")
            }
        }
        Value::Bool(b) => if *b { "1" } else { "" }.to_string(),
        Value::Date(d) => super::dates::date_text(*d),
        Value::DateTime(t) => format!("{}T{}", super::dates::date_text(t.date()), super::dates::time_text(t.time())),
        Value::Time(t) => super::dates::time_text(*t),
        Value::Error(e) => e.clone(),
    };
    let headers: Vec<String> = rows[at].1.iter().map(|v| text(v).trim().to_string()).collect();
    let (mut body, mut lines) = (vec![], vec![]);
    for (n, cells) in &rows[at + 1..] {
        let mut row: Vec<String> = cells.iter().map(text).collect();
        row.resize(headers.len().max(row.len()), String::new());
        body.push(row);
        lines.push(*n);
    }
    Ok(Table { delimiter: b',', headers, rows: body, lines, numbers: Some(NumberStyle::Indonesian) })
}

pub fn normalise(h: &str) -> String {
    crate::text::lower(h.trim()).replace(['_', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For each column, the field it most likely fills: its key, its label in either language, or an alias.
pub fn guess_mapping<E: Entity>(headers: &[String], label: impl Fn(&str) -> Vec<String>) -> Vec<Option<&'static str>> {
    headers
        .iter()
        .map(|h| {
            let h = normalise(h);
            E::fields()
                .iter()
                .find(|f| {
                    normalise(f.key) == h || label(f.label).iter().any(|l| normalise(l) == h) || f.aliases.iter().any(|a| normalise(a) == h)
                })
                .map(|f| f.key)
        })
        .collect()
}

pub struct RowOutcome<E> {
    /// Line in the file (the header is line 1).
    pub line: usize,
    pub record: E,
    pub errors: Vec<FieldError>,
}

/// What reading a row needs from outside the file.
pub struct Rules<'a> {
    /// Decimals of the office currency: money cells are amounts in major units.
    pub decimals: u32,
    /// A reference cell (an id, a code or a name) to the id of the record it names, by the
    /// field's key (an order line's item: `item_id`); `None` when nothing matches.
    pub resolve: &'a dyn Fn(&str, &str) -> Option<String>,
    /// Values for fields no column fills: rows imported into one record (an event's guests
    /// belong to it unless the file names another).
    pub fixed: &'a [(&'static str, String)],
    /// How the file writes `1.500` and `1,500` (see [`number_style`]).
    pub style: NumberStyle,
}

impl Rules<'_> {
    /// No money, no references: contacts.
    pub const PLAIN: Rules<'static> = Rules { decimals: 0, resolve: &|_, _| None, fixed: &[], style: NumberStyle::Indonesian };
}

/// How the file writes its numbers, from the cells of the columns mapped to money and
/// quantities: the style most of its telling cells show (`1.500.000`, `45.000,50`), else
/// Indonesian. `true` when the file's own numbers said so.
pub fn number_style(fields: &[FieldDef], table: &Table, mapping: &[Option<&'static str>]) -> (NumberStyle, bool) {
    if let Some(style) = table.numbers {
        return (style, true);
    }
    let numeric: Vec<usize> = mapping
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.and_then(|k| fields.iter().find(|f| f.key == k))
                .is_some_and(|f| matches!(f.kind, FieldKind::Money | FieldKind::Number | FieldKind::Integer))
        })
        .map(|(i, _)| i)
        .collect();
    style_of_cells(table.rows.iter().flat_map(|r| numeric.iter().filter_map(|&i| r.get(i))))
}

/// The style most of `cells` show (each telling cell one vote); `true` when any cell told.
/// When none tells, the mark of the `1.500` / `1,500` cells decides (whole numbers being
/// what a file of prices or quantities holds), else Indonesian.
pub fn style_of_cells<'a>(cells: impl Iterator<Item = &'a String>) -> (NumberStyle, bool) {
    let (mut id, mut en) = (0usize, 0usize);
    let (mut dots, mut commas) = (0usize, 0usize);
    for cell in cells {
        match NumberStyle::of(cell) {
            Some(NumberStyle::Indonesian) => id += 1,
            Some(NumberStyle::English) => en += 1,
            None if cell.contains(',') => commas += 1,
            None if cell.contains('.') => dots += 1,
            None => {}
        }
    }
    match (id, en) {
        (0, 0) if commas > dots => (NumberStyle::English, false),
        (0, 0) => (NumberStyle::Indonesian, false),
        _ if en > id => (NumberStyle::English, true),
        _ => (NumberStyle::Indonesian, true),
    }
}

/// Turns mapped rows into records; a row with errors is reported, never half-imported.
pub fn build_records<E: Entity>(table: &Table, mapping: &[Option<&'static str>], now: DateTime<Utc>, rules: &Rules) -> Vec<RowOutcome<E>> {
    table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (values, unknown) = row_values(E::fields(), mapping, row, rules);
            let mut rec = E::blank(now);
            let refused = values.iter().filter_map(|(key, value)| fill(&mut rec, key, value)).collect();
            let mut errors = problems_after_fill(&rec, refused);
            errors.extend(unknown);
            RowOutcome { line: table.lines.get(i).copied().unwrap_or(i + 2), record: rec, errors }
        })
        .collect()
}

/// One row's text for each mapped field, as `Entity::set` takes it, and the references
/// that name nothing stored. Not generic: the per-type part above stays small.
fn row_values(
    fields: &[FieldDef],
    mapping: &[Option<&'static str>],
    row: &[String],
    rules: &Rules,
) -> (Vec<(&'static str, String)>, Vec<FieldError>) {
    let mut unknown: Vec<FieldError> = vec![];
    let mut values = vec![];
    for f in fields {
        let parts: Vec<&str> =
            mapping.iter().zip(row).filter(|(m, v)| **m == Some(f.key) && !v.trim().is_empty()).map(|(_, v)| v.as_str()).collect();
        if parts.is_empty() {
            if let Some((key, value)) = rules.fixed.iter().find(|(k, _)| *k == f.key) {
                values.push((*key, value.clone()));
            }
            continue;
        }
        let joined = match f.kind {
            FieldKind::Emails | FieldKind::Phones => parts.join("\n"),
            FieldKind::Tags => parts.join(","),
            _ => parts.join(" "),
        };
        let value = match f.kind {
            FieldKind::Select(opts) => match_choice(&joined, opts),
            FieldKind::Money => parse_amount_as(&joined, rules.decimals, rules.style).map_or(joined, |m| m.to_string()),
            // "1.500" pieces, written as the file writes its numbers.
            FieldKind::Number | FieldKind::Integer => parse_amount_as(&joined, 0, rules.style).map_or(joined, |m| m.to_string()),
            FieldKind::Ref(_) | FieldKind::ContactRef => (rules.resolve)(f.key, joined.trim()).unwrap_or_else(|| {
                unknown.push((f.key, "err.unknown_ref"));
                joined
            }),
            _ => joined,
        };
        values.push((f.key, value));
    }
    (values, unknown)
}

/// Accepts a choice by its stored value, its label in either language ("Terima",
/// "Receive"), or case-insensitively ("Supplier", "SUPPLIER").
fn match_choice(v: &str, opts: &[(&str, &str)]) -> String {
    use crate::{domain::format::Lang, i18n};
    let lv = crate::text::lower(v.trim());
    opts.iter()
        .find(|(o, _)| *o == lv || o.starts_with(&lv) && !lv.is_empty())
        .or_else(|| opts.iter().find(|(_, l)| [Lang::Id, Lang::En].iter().any(|g| crate::text::lower(i18n::t(*g, l)) == lv)))
        .map(|(o, _)| o.to_string())
        .or_else(|| match lv.as_str() {
            "vendor" | "pemasok" => Some("supplier".into()),
            "klien" | "pelanggan" | "customer" => Some("client".into()),
            "mitra" => Some("partner".into()),
            "lainnya" => Some("other".into()),
            "orang" | "individual" => Some("person".into()),
            "organization" | "organisasi" | "company" | "perusahaan" => Some("organisation".into()),
            _ => None,
        })
        .unwrap_or_else(|| v.trim().to_string())
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A spreadsheet would run `=HYPERLINK(...)` from an exported cell; a leading quote stops it.
/// A text that itself starts with a quote before such a character (`'=`) gets one more, so
/// that reading the file back takes off exactly the quote that was added.
pub fn protect(cell: &str) -> String {
    if cell.starts_with(FORMULA_STARTS) || cell.strip_prefix('\'').is_some_and(quoted) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// What [`protect`] puts a quote before (after the quote it added).
fn quoted(rest: &str) -> bool {
    rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'')
}

/// Undoes [`protect`] on import, so an export read back gives the same values.
fn unprotect(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if quoted(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Exports live records with a BOM and one column per schema field (headers are field keys).
/// Money is written in major units with a point ("45000", "12.50"), as it reads back.
pub fn export<E: Entity>(records: &[E], delimiter: u8, decimals: u32) -> String {
    let mut w = super::csv_write::CsvText::new(delimiter);
    let fields = E::fields();
    let mut header: Vec<&str> = fields.iter().map(|f| f.key).collect();
    header.extend(["created_at", "updated_at"]);
    w.row(&header);
    for r in records.iter().filter(|r| r.meta().deleted_at.is_none()) {
        let mut row: Vec<String> = fields
            .iter()
            .map(|f| match f.kind {
                FieldKind::Money => plain_amount(&r.get(f.key), decimals),
                _ => protect(&r.get(f.key)),
            })
            .collect();
        row.push(r.meta().created_at.to_rfc3339());
        row.push(r.meta().updated_at.to_rfc3339());
        w.row(&row);
    }
    w.finish()
}

/// Minor units as plain major units: "45000", "-12.50"; anything else as it is.
pub fn plain_amount(minor: &str, decimals: u32) -> String {
    let Ok(m) = minor.trim().parse::<i64>() else { return protect(minor) };
    if decimals == 0 {
        return m.to_string();
    }
    let scale = 10i64.pow(decimals);
    let sign = if m < 0 { "-" } else { "" };
    format!("{sign}{}.{:0w$}", m.unsigned_abs() / scale as u64, m.unsigned_abs() % scale as u64, w = decimals as usize)
}

#[cfg(test)]
mod tests {
    use crate::domain::contact::ContactKind;
    #[test]
    fn rows_are_named_by_their_line_in_either_line_ending() {
        for text in ["h;x\n1;a\n\n2;\"b\nc\"\n3;d\n", "h;x\r\n1;a\r\n\r\n2;\"b\r\nc\"\r\n3;d\r\n"] {
            let t = super::parse_table(text.as_bytes()).unwrap();
            assert_eq!(t.lines, vec![2, 4, 6], "{text:?}: an empty line is skipped, a cell over two lines counts both");
        }
    }

    use super::*;
    use crate::domain::contact::Contact;

    fn now() -> DateTime<Utc> {
        "2026-11-22T08:00:00Z".parse().unwrap()
    }
    fn no_labels(_: &str) -> Vec<String> {
        vec![]
    }

    #[test]
    fn semicolon_with_bom_and_indonesian_headers() {
        let file = "\u{feff}Nama;Perusahaan;Email;Telepon;Kategori\nBudi Santoso;PT Maju;budi@maju.co.id;0812-1111-2222;Pemasok\n;;;;\nAni;CV Jaya;ani@jaya;021 555;klien\n";
        let t = parse_table(file.as_bytes()).unwrap();
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.rows.len(), 2, "blank row skipped");
        let map = guess_mapping::<Contact>(&t.headers, no_labels);
        assert_eq!(map, vec![Some("name"), Some("organisation"), Some("emails"), Some("phones"), Some("kind")]);
        let out = build_records::<Contact>(&t, &map, now(), &Rules::PLAIN);
        assert!(out[0].errors.is_empty());
        assert_eq!(out[0].record.kind, ContactKind::Supplier);
        assert_eq!(out[0].record.organisation, "PT Maju");
        assert_eq!(out[1].line, 4);
        assert_eq!(out[1].errors, vec![("emails", "err.email")]);
        assert_eq!(out[1].record.kind, ContactKind::Client);
    }

    #[test]
    fn comma_with_quotes_and_multiple_email_columns() {
        let file = "Name,Email 1,Email 2,Notes\n\"Doe, John\",a@x.com,b@y.com,\"line1\nline2\"\n";
        let t = parse_table(file.as_bytes()).unwrap();
        assert_eq!(t.delimiter, b',');
        let map = guess_mapping::<Contact>(&t.headers, no_labels);
        let out = build_records::<Contact>(&t, &map, now(), &Rules::PLAIN);
        assert_eq!(out[0].record.name, "Doe, John");
        assert_eq!(out[0].record.emails, vec!["a@x.com", "b@y.com"]);
        assert_eq!(out[0].record.notes, "line1\nline2");
    }

    #[test]
    fn unknown_headers_stay_unmapped() {
        let t = parse_table(b"Shoe size,Name\n42,Ana\n").unwrap();
        assert_eq!(guess_mapping::<Contact>(&t.headers, no_labels), vec![None, Some("name")]);
    }

    #[test]
    fn bad_files() {
        assert_eq!(parse_table(b"").unwrap_err(), CsvError::Empty);
        assert_eq!(parse_table(&[0xff, 0xfe, 0x00]).unwrap_err(), CsvError::NotText);
    }

    #[test]
    fn export_neutralises_formulas_and_round_trips() {
        let mut c = Contact::blank(now());
        c.set("name", "=HYPERLINK(\"http://evil\")");
        c.set("phones", "+62 812 000\n-5");
        c.set("notes", "@SUM(A1)");
        c.set("tags", "a, b");
        let csv_text = export(&[c.clone()], b';', 0);
        assert!(csv_text.starts_with('\u{feff}'));
        assert!(csv_text.contains("'=HYPERLINK"));
        assert!(csv_text.contains("'@SUM"));
        assert!(!csv_text.contains(";=HYPERLINK"));
        let t = parse_table(csv_text.as_bytes()).unwrap();
        let map = guess_mapping::<Contact>(&t.headers, no_labels);
        let back = build_records::<Contact>(&t, &map, now(), &Rules::PLAIN).remove(0).record;
        assert_eq!(back.name, c.name);
        assert_eq!(back.phones, c.phones);
        assert_eq!(back.notes, c.notes);
        assert_eq!(back.tags, c.tags);
    }

    #[test]
    fn trashed_records_are_not_exported() {
        let mut c = Contact::blank(now());
        c.set("name", "Gone");
        c.meta.deleted_at = Some(now());
        assert!(!export(&[c], b',', 0).contains("Gone"));
    }

    #[test]
    fn fifteen_hundred_is_read_as_the_file_writes_its_numbers() {
        use crate::domain::format::NumberStyle;
        use crate::domain::inventory::Item;
        let read = |file: &str| {
            let t = parse_table(file.as_bytes()).unwrap();
            let map = guess_mapping::<Item>(&t.headers, |_| vec![]);
            let (style, told) = number_style(Item::fields(), &t, &map);
            let rules = Rules { style, ..Rules::PLAIN };
            let costs: Vec<Option<i64>> = build_records::<Item>(&t, &map, now(), &rules).iter().map(|o| o.record.unit_cost).collect();
            (style, told, costs)
        };
        // An English sheet: 1,500 is fifteen hundred, 1.500 one and a half (no rupiah amount).
        let (style, told, costs) = read("code,name,unit,unit cost\nA,Pen,pcs,\"1,500\"\nB,Ink,pcs,\"2,500,000.00\"\nC,Tip,pcs,1.500\n");
        assert_eq!((style, told), (NumberStyle::English, true));
        assert_eq!(costs, vec![Some(1_500), Some(2_500_000), None]);
        // Indonesian Excel: 1.500 is fifteen hundred.
        let (style, told, costs) = read("kode;nama;satuan;harga satuan\r\nA;Pena;pcs;1.500\r\nB;Tinta;pcs;2.500.000,00\r\n");
        assert_eq!((style, told), (NumberStyle::Indonesian, true));
        assert_eq!(costs, vec![Some(1_500), Some(2_500_000)]);
        // Nothing in the file tells: its round prices are whole numbers, whichever mark they
        // use, and the style is said to be assumed.
        let (style, told, costs) = read("kode;nama;satuan;harga satuan\nA;Pena;pcs;1.500\n");
        assert_eq!((style, told, costs), (NumberStyle::Indonesian, false, vec![Some(1_500)]));
        let (style, told, costs) = read("code,name,unit,unit cost\nA,Pen,pcs,\"25,000\"\nB,Ink,pcs,\"150,000\"\n");
        assert_eq!((style, told, costs), (NumberStyle::English, false, vec![Some(25_000), Some(150_000)]));
    }

    #[test]
    fn money_and_references_read_as_people_write_them() {
        use crate::domain::inventory::{Item, StockMove};
        let file = "kode;nama;satuan;harga satuan\nATK-1;Kertas;rim;45.000\nATK-2;Map;pcs;Rp 2.500,50\n";
        let t = parse_table(file.as_bytes()).unwrap();
        let map = guess_mapping::<Item>(&t.headers, |_| vec![]);
        let out = build_records::<Item>(&t, &map, now(), &Rules::PLAIN);
        assert_eq!(out[0].record.unit_cost, Some(45000));
        assert_eq!(out[1].errors, vec![("unit_cost", "err.money")], "sen in a currency without them is refused, not guessed");
        let usd = Rules { decimals: 2, resolve: &|_, _| None, fixed: &[], ..Rules::PLAIN };
        assert_eq!(build_records::<Item>(&t, &map, now(), &usd)[1].record.unit_cost, Some(250050));
        // Written back in major units, read back the same.
        let again = parse_table(export(&[out[0].record.clone()], b',', 0).as_bytes()).unwrap();
        let map2 = guess_mapping::<Item>(&again.headers, |_| vec![]);
        assert_eq!(build_records::<Item>(&again, &map2, now(), &Rules::PLAIN)[0].record.unit_cost, Some(45000));
        assert!(export(&[out[0].record.clone()], b',', 2).contains(",450.00,"));

        let moves = "item;kind;qty;location;tanggal\nATK-1;Terima;5;Gudang;2026-11-01T09:00\nXYZ;receive;1;Gudang;2026-11-01T09:00\n";
        let t = parse_table(moves.as_bytes()).unwrap();
        let map = guess_mapping::<StockMove>(&t.headers, |_| vec![]);
        let by_code = Rules {
            decimals: 0,
            resolve: &|key, v| (key == "item_id" && v == "ATK-1").then(|| "id-1".to_string()),
            fixed: &[],
            ..Rules::PLAIN
        };
        let out = build_records::<StockMove>(&t, &map, now(), &by_code);
        assert_eq!(
            (out[0].record.item_id.as_str(), out[0].record.kind.code(), out[0].errors.len()),
            ("id-1", "receive", 0),
            "{:?}",
            out[0].errors
        );
        assert!(out[1].errors.contains(&("item_id", "err.unknown_ref")), "an unknown item is named, not linked to nothing");
    }
}
