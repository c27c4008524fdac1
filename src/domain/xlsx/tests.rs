//! Round trips through our writer and reader, the reader against workbooks Excel and
//! LibreOffice saved (tests/fixtures/xlsx), and files that must be refused.
use chrono::{NaiveDate, NaiveTime};

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Rupiah with cents, so the cents' format and values are seen.
fn rupiah() -> Currency {
    Currency { code: "IDR", symbol: "Rp", decimals: 2 }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/xlsx/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn sample() -> Sheet {
    Sheet {
        name: "Kontak: 2026/12 [semua]".into(),
        header: vec![
            "Nama".into(),
            "Jumlah".into(),
            "Harga".into(),
            "Tanggal".into(),
            "Waktu".into(),
            "Jam".into(),
            "Aktif".into(),
            "Kurs".into(),
        ],
        rows: vec![
            vec![
                Cell::Text("Budi & Siti <PT \"Maju\"> 'ok'".into()),
                Cell::Integer(-12),
                Cell::Money(150_000_050),
                Cell::Date(d(2026, 12, 3)),
                Cell::DateTime(d(2026, 12, 3).and_hms_opt(14, 30, 0).unwrap()),
                Cell::Time(NaiveTime::from_hms_opt(8, 15, 0).unwrap()),
                Cell::Bool(true),
                Cell::Number(0.125),
            ],
            vec![
                Cell::Text("  baris\r\ndua\u{7} _x000D_ 日本 😀 ".into()),
                Cell::Empty,
                Cell::Money(-5),
                Cell::Date(d(1899, 12, 31)),
                Cell::Empty,
                Cell::Empty,
                Cell::Bool(false),
                Cell::Number(f64::NAN),
            ],
            vec![Cell::Text("=HYPERLINK(\"x\")".into())],
        ],
    }
}

#[test]
fn a_written_workbook_reads_back_with_the_same_typed_values() {
    let bytes = workbook(&[sample()], &rupiah());
    let names = sheets(&bytes).unwrap();
    // Characters Excel refuses in a sheet name are left out.
    assert_eq!(names, vec![SheetName { name: "Kontak 202612 semua".into(), hidden: false }]);
    let rows = rows(&bytes, 0).unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0].0, 1);
    assert_eq!(rows[0].1[0], text("Nama"));
    let (n, first) = &rows[1];
    assert_eq!(*n, 2);
    assert_eq!(
        first,
        &vec![
            text("Budi & Siti <PT \"Maju\"> 'ok'"),
            Value::Number(-12.0),
            Value::Number(1_500_000.5),
            Value::Date(d(2026, 12, 3)),
            Value::DateTime(d(2026, 12, 3).and_hms_opt(14, 30, 0).unwrap()),
            Value::Time(NaiveTime::from_hms_opt(8, 15, 0).unwrap()),
            Value::Bool(true),
            Value::Number(0.125),
        ]
    );
    // The bell character XML cannot hold is dropped; a literal `_x000D_` stays text.
    assert_eq!(rows[2].1[0], text("  baris\r\ndua _x000D_ 日本 😀 "));
    assert_eq!(rows[2].1[1], Value::Empty);
    assert_eq!(rows[2].1[2], Value::Number(-0.05));
    assert_eq!(rows[2].1[3], text("1899-12-31"), "a day before 1900 as text, never a #### cell");
    assert_eq!(rows[2].1[6], Value::Bool(false));
    assert_eq!(rows[2].1.len(), 7, "a number that is no number is left empty");
    // A formula-like text is text, never a formula.
    assert_eq!(rows[3].1, vec![text("=HYPERLINK(\"x\")")]);
    // The same sheet gives the same bytes.
    assert_eq!(bytes, workbook(&[sample()], &rupiah()));
}

#[test]
fn the_sheet_is_frozen_filtered_and_formatted() {
    let bytes = workbook(&[sample()], &rupiah());
    let a = zip::Archive::open(&bytes).unwrap();
    let sheet = String::from_utf8(a.read("xl/worksheets/sheet1.xml").unwrap().unwrap()).unwrap();
    assert!(sheet.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
    assert!(sheet.contains(r#"<autoFilter ref="A1:H4"/>"#));
    // Columns as wide as their longest text (the name's 28 characters), within bounds.
    assert!(sheet.contains(r#"<col min="1" max="1" width="30" customWidth="1"/>"#), "{sheet}");
    assert!(sheet.contains(r#"<col min="4" max="4" width="12" customWidth="1"/>"#));
    let styles = String::from_utf8(a.read("xl/styles.xml").unwrap().unwrap()).unwrap();
    assert!(styles.contains(r#"formatCode="&quot;Rp&quot;\ #,##0.00;\-&quot;Rp&quot;\ #,##0.00""#), "{styles}");
    let book = String::from_utf8(a.read("xl/workbook.xml").unwrap().unwrap()).unwrap();
    assert!(book.contains("_xlnm._FilterDatabase"));
    // Whole rupiah: no cents in the format.
    let bytes = workbook(&[sample()], crate::domain::format::currency("IDR"));
    let styles = String::from_utf8(zip::Archive::open(&bytes).unwrap().read("xl/styles.xml").unwrap().unwrap()).unwrap();
    assert!(styles.contains(r#"\ #,##0;"#));
}

#[test]
fn sheets_keep_their_order_and_unique_names() {
    let one = |name: &str| Sheet { name: name.into(), header: vec!["a".into()], rows: vec![vec![Cell::Integer(1)]] };
    let bytes = workbook(&[one("Data"), one("data"), one("")], &rupiah());
    let names: Vec<String> = sheets(&bytes).unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, vec!["Data", "data (2)", "Sheet1"]);
    assert_eq!(rows(&bytes, 1).unwrap()[1].1, vec![Value::Number(1.0)]);
    assert_eq!(rows(&bytes, 3), Err(XlsxError::NoSheet));
    // No sheet at all is still a workbook with one empty sheet.
    assert_eq!(sheets(&workbook(&[], &rupiah())).unwrap().len(), 1);
}

/// LibreOffice Calc 7.4: dates, a number, a date and time.
#[test]
fn dates_libreoffice_saved_read_as_dates() {
    let r = rows(&fixture("date.xlsx"), 0).unwrap();
    assert_eq!(r[0].1, vec![Value::Date(d(2021, 1, 1)), Value::Number(15.0)]);
    assert_eq!(r[1].1[0], Value::Date(d(2021, 1, 2)));
    // 10.632 days in an `[hh]:mm:ss` cell: elapsed hours, not a day in January 1900.
    assert_eq!(r[2].1[0], text("255:10"));
    // The same dates in the 1904 system.
    let r = rows(&fixture("date_1904.xlsx"), 0).unwrap();
    assert_eq!(r[0].1[0], Value::Date(d(2021, 1, 1)));
}

/// Microsoft Excel: numbers, a formula's text, a formula's boolean, shared strings with
/// entities and accents, a date; five sheets in the workbook's order.
#[test]
fn what_excel_saved_reads_as_excel_shows_it() {
    let bytes = fixture("issues.xlsx");
    let names: Vec<String> = sheets(&bytes).unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names, vec!["datatypes", "Sheet1", "issue2", "issue5", "issue6", "spc_chrs"]);
    let r = rows(&bytes, 0).unwrap();
    let col_a: Vec<Value> = r.iter().map(|(_, v)| v[0].clone()).collect();
    assert_eq!(
        col_a,
        vec![Value::Number(1.0), Value::Number(1.5), text("ab"), Value::Bool(false), text("test"), Value::Date(d(2016, 10, 20))]
    );
    let all: Vec<Value> = (0..6).flat_map(|i| rows(&bytes, i).unwrap()).flat_map(|(_, v)| v).collect();
    for s in ["&", "<", ">", "aaa ' aaa", "\"", "☺", "֍", "àâéêèçöïî«»"] {
        assert!(all.contains(&text(s)), "{s} in {all:?}");
    }
    let r = rows(&fixture("encoded_entities.xlsx"), 0).unwrap();
    assert!(r.iter().all(|(_, v)| matches!(&v[0], Value::Text(t) if !t.contains("&amp;") && !t.contains("&#"))), "{r:?}");
}

#[test]
fn hidden_and_chart_sheets() {
    let bytes = fixture("any_sheets.xlsx");
    let names = sheets(&bytes).unwrap();
    assert_eq!(
        names,
        vec![
            SheetName { name: "Visible".into(), hidden: false },
            SheetName { name: "Hidden".into(), hidden: true },
            SheetName { name: "VeryHidden".into(), hidden: true },
        ],
        "the chart sheet has no cells to import"
    );
    let r = rows(&bytes, 0).unwrap();
    assert_eq!(r[0], (1, vec![Value::Number(1.0), Value::Number(2.0)]));
    assert_eq!(r[3].0, 5, "row numbers as in the sheet, empty rows left out");
}

#[test]
fn rich_text_phonetic_guides_cdata_and_escapes() {
    let r = rows(&fixture("richtext-after-plain.xlsx"), 0).unwrap();
    assert_eq!(r[0].1[0], text("abcd"));
    assert_eq!(r[0].1[1], text("abcd"));
    let r = rows(&fixture("rph.xlsx"), 0).unwrap();
    assert_eq!(r[0].1[0], text("課きく　毛こ"), "the furigana is not the text");
    let r = rows(&fixture("inlineStr_cdata.xlsx"), 0).unwrap();
    assert_eq!(r[0].1, vec![text("Hello CDATA"), text("World")]);
    assert_eq!(r[1].1, vec![text("12345"), text("NormalText")]);
    let r = rows(&fixture("has_x000D_inline.xlsx"), 0).unwrap();
    assert_eq!(r[0].1[0], text("ABC\r\nDEF"));
}

#[test]
fn damaged_and_foreign_files_are_refused() {
    let good = workbook(&[sample()], &rupiah());
    assert_eq!(sheets(b"nama;telepon\nBudi;0812").err(), Some(XlsxError::NotXlsx));
    assert_eq!(sheets(&[]).err(), Some(XlsxError::NotXlsx));
    assert_eq!(sheets(&good[..good.len() / 2]).err(), Some(XlsxError::Damaged));
    // A byte changed inside the sheet's compressed data: its checksum fails.
    let mut flipped = good.clone();
    let at = flipped.windows(19).position(|w| w == b"xl/worksheets/sheet").unwrap() + 40;
    flipped[at] ^= 0x55;
    assert_eq!(rows(&flipped, 0).err(), Some(XlsxError::Damaged));
    // A ZIP file without a workbook (a .docx, an .ods).
    let other = zip::write(&[("word/document.xml", b"<w/>".to_vec())]);
    assert_eq!(sheets(&other).err(), Some(XlsxError::NoWorkbook));
    // A part claiming more than a workbook ever holds.
    let mut bomb = zip::write(&[("[Content_Types].xml", vec![b' '; 10]), ("xl/workbook.xml", vec![b' '; 10])]);
    let central = bomb.windows(4).rposition(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    bomb[central + 24..central + 28].copy_from_slice(&(100u32 << 20).to_le_bytes());
    assert_eq!(sheets(&bomb).err(), Some(XlsxError::TooLarge));
}

#[test]
fn serial_numbers_and_dates() {
    let t = d(2026, 12, 3).and_hms_opt(12, 0, 0).unwrap();
    assert_eq!(serial(t), Some(46359.5));
    // Excel's 1900 system: serial 1 is 1 January 1900, 60 its 29 February that never was.
    let midnight = |y, m, day| d(y, m, day).and_hms_opt(0, 0, 0).unwrap();
    assert_eq!(serial(midnight(1900, 1, 1)), Some(1.0));
    assert_eq!(serial(midnight(1900, 2, 28)), Some(59.0));
    assert_eq!(serial(midnight(1900, 3, 1)), Some(61.0));
    assert_eq!(serial(midnight(1899, 12, 31)), None, "before 1900: no date a spreadsheet shows");
    assert_eq!(from_serial(1.0, false), Some(midnight(1900, 1, 1)));
    assert_eq!(from_serial(59.0, false), Some(midnight(1900, 2, 28)));
    assert_eq!(from_serial(60.0, false), Some(midnight(1900, 2, 28)));
    assert_eq!(from_serial(61.0, false), Some(midnight(1900, 3, 1)));
    assert_eq!(from_serial(0.0, true), Some(midnight(1904, 1, 1)));
    assert_eq!(from_serial(46359.5, false), Some(t));
    assert_eq!(from_serial(46359.5 - 1462.0, true), Some(t));
    assert_eq!(from_serial(f64::NAN, false), None);
    assert_eq!(from_serial(-1.0, false), None);
    assert_eq!(write::column_name(0), "A");
    assert_eq!(write::column_name(25), "Z");
    assert_eq!(write::column_name(26), "AA");
    assert_eq!(write::column_name(701), "ZZ");
    assert_eq!(write::column_name(702), "AAA");
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use proptest::prelude::*;

    use super::super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 200, ..ProptestConfig::default() })]

        /// Whatever the bytes, reading says what it found or why not: it never panics.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..600), cut in 0usize..4000, flip in any::<u8>()) {
            let _ = sheets(&bytes);
            let _ = rows(&bytes, 0);
            let mut good = workbook(&[Sheet { name: "a".into(), header: vec!["x".into()], rows: vec![vec![Cell::Integer(7)]] }], crate::domain::format::currency("IDR"));
            let at = cut % good.len();
            good[at] ^= flip;
            let _ = rows(&good, 0);
            good.truncate(at);
            let _ = rows(&good, 0);
        }

        /// Text, whole numbers and dates written come back as they went in.
        #[test]
        fn cells_round_trip(texts in proptest::collection::vec("\\PC{0,20}", 1..8), n in any::<i32>(), days in 0i64..60_000) {
            let date = chrono::NaiveDate::from_ymd_opt(1900, 3, 1).unwrap() + chrono::Duration::days(days);
            let row: Vec<Cell> = texts.iter().map(|t| Cell::Text(t.clone())).chain([Cell::Integer(n as i64), Cell::Date(date)]).collect();
            let bytes = workbook(&[Sheet { name: "s".into(), header: vec!["h".into()], rows: vec![row] }], &Currency { code: "IDR", symbol: "Rp", decimals: 2 });
            let back = rows(&bytes, 0).unwrap();
            let got = &back.last().unwrap().1;
            for (i, t) in texts.iter().enumerate() {
                let kept: String = t.chars().filter(|c| !(((*c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || *c == '\u{fffe}' || *c == '\u{ffff}')).collect();
                let want = if kept.is_empty() { Value::Empty } else { Value::Text(kept) };
                prop_assert_eq!(got.get(i).cloned().unwrap_or(Value::Empty), want);
            }
            prop_assert_eq!(&got[texts.len()], &Value::Number(n as f64));
            prop_assert_eq!(&got[texts.len() + 1], &Value::Date(date));
        }
    }
}

/// A list written as a sheet (typed cells, choices and headers as the screens word them)
/// and imported back through the CSV import's mapping gives the same records.
#[test]
fn a_list_round_trips_through_a_workbook() {
    use crate::domain::assets::Asset;
    use crate::domain::csv_io::{build_records, guess_mapping, table_from_xlsx, xlsx_cell, Rules};
    use crate::domain::format::{Lang, NumberStyle};
    use crate::domain::record::Entity;
    use crate::i18n;
    let now = chrono::DateTime::UNIX_EPOCH;
    let mut a = Asset::blank(now);
    for (k, v) in [
        ("tag", "INV-001"),
        ("name", "Laptop «Budi»; 14\""),
        ("category", "vehicle"),
        ("status", "repair"),
        ("purchase_date", "2026-02-28"),
        ("cost", "15000050"),
        ("life_months", "48"),
        ("salvage", "0"),
        ("notes", "garansi\r\nresmi; =SUM(A1)"),
    ] {
        a.set(k, v);
    }
    let mut b = Asset::blank(now);
    b.set("tag", "INV-002");
    b.set("name", "Meja");
    let records = vec![a, b];
    let fields = Asset::fields();
    let label = |k: &str| i18n::t(Lang::Id, k).to_string();
    let sheet = Sheet {
        name: label("nav.assets"),
        header: fields.iter().map(|f| label(f.label)).collect(),
        rows: records
            .iter()
            .map(|r| {
                fields
                    .iter()
                    .map(|f| {
                        let raw = r.get(f.key);
                        xlsx_cell(f.kind, &raw).unwrap_or_else(|| match f.kind {
                            crate::domain::record::FieldKind::Select(opts) => {
                                Cell::Text(opts.iter().find(|(v, _)| *v == raw).map_or(raw.clone(), |(_, l)| label(l)))
                            }
                            _ => Cell::Text(raw),
                        })
                    })
                    .collect()
            })
            .collect(),
    };
    let bytes = workbook(&[sheet], &Currency { code: "IDR", symbol: "Rp", decimals: 2 });
    let table = table_from_xlsx(&bytes, 0).unwrap();
    assert_eq!(table.lines, vec![2, 3]);
    let mapping = guess_mapping::<Asset>(&table.headers, |k| vec![i18n::t(Lang::Id, k).into(), i18n::t(Lang::En, k).into()]);
    assert_eq!(mapping, fields.iter().map(|f| Some(f.key)).collect::<Vec<_>>(), "every column maps back to its field");
    let style = crate::domain::csv_io::number_style(fields, &table, &mapping).0;
    assert_eq!(style, NumberStyle::Indonesian);
    let rules = Rules { decimals: 2, resolve: &|_, _| None, fixed: &[], style };
    let back = build_records::<Asset>(&table, &mapping, now, &rules);
    assert!(back.iter().all(|o| o.errors.is_empty()), "{:?}", back.iter().map(|o| &o.errors).collect::<Vec<_>>());
    for (o, want) in back.iter().zip(&records) {
        for f in fields {
            assert_eq!(o.record.get(f.key), want.get(f.key), "{}", f.key);
        }
    }
}

/// A title typed above the table is passed over: the header is the first row about as
/// wide as the table (Excel for Mac, a note in C3 and the header in row 9).
#[test]
fn the_header_is_found_below_a_title() {
    let t = crate::domain::csv_io::table_from_xlsx(&fixture("header-row.xlsx"), 0).unwrap();
    assert_eq!(t.headers, vec!["Columns", "Column A", "Column B", "Column C"]);
    assert_eq!(t.rows, vec![vec!["put data here".to_string(), "1".into(), "2".into(), "3".into()]]);
    assert_eq!(t.lines, vec![10]);
    // Numbers with decimals get a decimal comma; dates and times are written as stored.
    let t = crate::domain::csv_io::table_from_xlsx(&fixture("issues.xlsx"), 0).unwrap();
    assert_eq!(t.headers, vec!["1"]);
    let col: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(col, vec!["1,5", "ab", "", "test", "2016-10-20"]);
    let empty = workbook(&[Sheet { name: "x".into(), header: vec![], rows: vec![] }], &rupiah());
    assert_eq!(crate::domain::csv_io::table_from_xlsx(&empty, 0), Err(XlsxError::Empty));
}

#[test]
fn elapsed_hours_noise_and_old_or_locked_files() {
    use super::read::tests_api::{number_value_of, shown_of};
    // `[h]:mm` is hours worked, which may pass a day: never a date.
    assert_eq!(shown_of(164, Some("[h]:mm")), "Duration");
    assert_eq!(number_value_of(1.0625, 164, Some("[h]:mm")), text("25:30"));
    assert_eq!(number_value_of(0.354166666, 164, Some("[h]:mm:ss")), text("8:30"));
    assert_eq!(shown_of(164, Some("[Red]#,##0")), "Number");
    assert_eq!(shown_of(164, Some("[$-421]dd mmmm yyyy")), "Date");
    assert_eq!(shown_of(164, Some("h:mm")), "Time");
    // A number Excel stored with its floating-point noise reads as Excel shows it.
    let noisy = Sheet {
        name: "x".into(),
        header: vec!["a".into(), "b".into()],
        rows: vec![vec![Cell::Number(111_000.000_000_000_01), Cell::Number(2.999_999_999_999_999_6)]],
    };
    let t = crate::domain::csv_io::table_from_xlsx(&workbook(&[noisy], &rupiah()), 0).unwrap();
    assert_eq!(t.rows[0], vec!["111000".to_string(), "3".into()]);
    assert_eq!(t.numbers, Some(crate::domain::format::NumberStyle::Indonesian), "a workbook says how its numbers are written");
    // An old .xls and a password-protected .xlsx are OLE files, not ZIP.
    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.extend(vec![0u8; 600]);
    assert_eq!(sheets(&ole).err(), Some(XlsxError::NotXlsx));
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(sheets(&ole).err(), Some(XlsxError::Unsupported));
}

/// A small file repeating wide rows would ask for gigabytes: refused once it holds more
/// cells than any import needs.
#[test]
fn a_sheet_of_endless_wide_rows_is_refused() {
    let book = workbook(&[Sheet { name: "s".into(), header: vec!["a".into()], rows: vec![] }], &rupiah());
    let a = zip::Archive::open(&book).unwrap();
    let mut parts: Vec<(String, Vec<u8>)> =
        ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]
            .iter()
            .map(|n| (n.to_string(), a.read(n).unwrap().unwrap()))
            .collect();
    let row = r#"<row r="1"><c r="AMJ1"><v>1</v></c></row>"#;
    let sheet = format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>"#,
        row.repeat(5000)
    );
    parts.push(("xl/worksheets/sheet1.xml".into(), sheet.into_bytes()));
    let parts: Vec<(&str, Vec<u8>)> = parts.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    let hostile = zip::write(&parts);
    assert!(hostile.len() < 100_000);
    assert_eq!(rows(&hostile, 0).err(), Some(XlsxError::TooLarge));
}

/// An attendance machine's workbook: a date column and a time column, or one date-time
/// column, read into punches as its CSV would be.
#[test]
fn machine_punches_from_a_workbook() {
    use crate::domain::attendance::{punches_from_table, PunchColumns};
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let sheet = Sheet {
        name: "Log".into(),
        header: vec!["No".into(), "Tanggal".into(), "Jam".into(), "Waktu".into()],
        rows: vec![
            vec![Cell::Integer(7), Cell::Date(d(2026, 11, 2)), Cell::Time(at(7, 55)), Cell::DateTime(d(2026, 11, 2).and_time(at(7, 55)))],
            vec![Cell::Integer(7), Cell::Date(d(2026, 11, 2)), Cell::Time(at(17, 2)), Cell::DateTime(d(2026, 11, 2).and_time(at(17, 2)))],
        ],
    };
    let t = crate::domain::csv_io::table_from_xlsx(&workbook(&[sheet], &rupiah()), 0).unwrap();
    let resolve = |c: &str| (c == "7").then(|| "emp-7".to_string());
    let (apart, bad) = punches_from_table(&t, &PunchColumns { employee: 0, when: 1, time: Some(2) }, &resolve);
    assert!(bad.is_empty(), "{bad:?}");
    let (together, bad) = punches_from_table(&t, &PunchColumns { employee: 0, when: 3, time: None }, &resolve);
    assert!(bad.is_empty(), "{bad:?}");
    let times: Vec<_> = apart.iter().map(|p| (p.employee_id.as_str(), p.at)).collect();
    assert_eq!(times, vec![("emp-7", d(2026, 11, 2).and_time(at(7, 55))), ("emp-7", d(2026, 11, 2).and_time(at(17, 2)))]);
    assert_eq!(together.iter().map(|p| p.at).collect::<Vec<_>>(), apart.iter().map(|p| p.at).collect::<Vec<_>>());
}
