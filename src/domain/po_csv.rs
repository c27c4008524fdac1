//! Purchase orders as CSV: one row per order line, the order's own columns repeated on each
//! row, so a spreadsheet can filter and total them; read back by grouping rows by number.
use super::record::RecordRules;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::csv_io::{normalise, plain_amount, protect, Rules, Table};
use super::dates::day_text;
use super::format::{parse_amount_as, NumberStyle};
use super::purchasing::{Line, PurchaseOrder};
use super::record::Entity;
use crate::domain::purchasing::OrderStatus;
use crate::domain::xlsx::{Cell, Sheet};

const COLUMNS: &[(&str, &[&str])] = &[
    ("number", &["nomor", "no po", "po"]),
    ("supplier", &["pemasok", "vendor"]),
    ("date", &["tanggal", "tanggal pesanan"]),
    ("expected", &["perkiraan tiba"]),
    ("status", &[]),
    ("tax", &["pajak", "ppn"]),
    ("item", &["barang", "kode", "kode barang"]),
    ("description", &["uraian", "keterangan"]),
    ("qty", &["jumlah", "quantity"]),
    ("price", &["harga", "harga satuan", "unit price"]),
    ("amount", &["jumlah harga", "total"]),
    ("notes", &["catatan"]),
];

/// One row per line (an order without lines gets one row); references as people read them.
pub fn export(
    orders: &[PurchaseOrder],
    supplier: &dyn Fn(&str) -> String,
    item: &dyn Fn(&str) -> String,
    delimiter: u8,
    decimals: u32,
) -> String {
    let mut w = super::csv_write::CsvText::new(delimiter);
    w.row(COLUMNS.iter().map(|(k, _)| *k));
    for po in orders.iter().filter(|o| o.meta.deleted_at.is_none()) {
        let head = [
            po.number.clone(),
            supplier(&po.supplier_id),
            day_text(po.date),
            day_text(po.expected),
            po.status.code().to_string(),
            po.tax.clone(),
        ];
        let empty = [Line::default()];
        let lines: &[Line] = if po.lines.is_empty() { &empty } else { &po.lines };
        for l in lines {
            let has = !l.item_id.is_empty();
            let money = |m: i64| if has { plain_amount(&m.to_string(), decimals) } else { String::new() };
            let mut row: Vec<String> = head.iter().map(|c| protect(c)).collect();
            row.extend([
                protect(&if has { item(&l.item_id) } else { String::new() }),
                protect(&l.description),
                if has { l.qty.to_string() } else { String::new() },
                money(l.price),
                money(l.amount()),
                protect(&po.notes),
            ]);
            w.row(&row);
        }
    }
    w.finish()
}

/// The same rows as a workbook's sheet, headed as the CSV is: dates as dates, quantities
/// and money as numbers (a line without an item has neither).
pub fn sheet(orders: &[PurchaseOrder], supplier: &dyn Fn(&str) -> String, item: &dyn Fn(&str) -> String, name: String) -> Sheet {
    let text = |t: String| if t.is_empty() { Cell::Empty } else { Cell::Text(t) };
    let day = |d: Option<chrono::NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
    let mut rows = vec![];
    for po in orders.iter().filter(|o| o.meta.deleted_at.is_none()) {
        let empty = [Line::default()];
        let lines: &[Line] = if po.lines.is_empty() { &empty } else { &po.lines };
        for l in lines {
            let has = !l.item_id.is_empty();
            let when = |c: Cell| if has { c } else { Cell::Empty };
            rows.push(vec![
                text(po.number.clone()),
                text(supplier(&po.supplier_id)),
                day(po.date),
                day(po.expected),
                text(po.status.code().to_string()),
                text(po.tax.clone()),
                when(text(item(&l.item_id))),
                text(l.description.clone()),
                when(Cell::Integer(l.qty)),
                when(Cell::Money(l.price)),
                when(Cell::Money(l.amount())),
                text(po.notes.clone()),
            ]);
        }
    }
    Sheet { name, header: COLUMNS.iter().map(|(k, _)| k.to_string()).collect(), rows }
}

/// An order read from a file, with the file lines it came from and their problems.
pub struct Read {
    pub order: PurchaseOrder,
    pub lines: Vec<usize>,
    /// (file line, i18n key of the problem)
    pub errors: Vec<(usize, &'static str)>,
}

/// How the file writes its prices and quantities (see [`super::csv_io::style_of_cells`]).
pub fn number_style(table: &Table) -> (NumberStyle, bool) {
    if let Some(style) = table.numbers {
        return (style, true);
    }
    let numeric: Vec<usize> = ["price", "qty"].iter().filter_map(|k| column(table, k)).collect();
    super::csv_io::style_of_cells(table.rows.iter().flat_map(|r| numeric.iter().filter_map(|&i| r.get(i))))
}

/// The file's column for `key`, by its name or an alias.
fn column(table: &Table, key: &str) -> Option<usize> {
    let (k, aliases) = COLUMNS.iter().find(|(k, _)| *k == key).expect("known column");
    table.headers.iter().position(|h| {
        let h = normalise(h);
        h == *k || aliases.iter().any(|a| normalise(a) == h)
    })
}

/// Groups rows by order number; an order with any bad row is reported whole, never half-read.
/// `taken` says whether a number is already in use.
pub fn import(table: &Table, rules: &Rules, taken: &dyn Fn(&str) -> bool, now: DateTime<Utc>) -> Vec<Read> {
    let cols: Vec<Option<usize>> = COLUMNS.iter().map(|(k, _)| column(table, k)).collect();
    let cell = |row: &[String], key: &str| -> String {
        let i = COLUMNS.iter().position(|(k, _)| *k == key).expect("known column");
        cols[i].and_then(|c| row.get(c)).map(|s| s.trim().to_string()).unwrap_or_default()
    };
    let mut groups: BTreeMap<String, Read> = BTreeMap::new();
    // (order number, field) of dates already refused as not a day: "required" would say it twice.
    let mut refused_dates: Vec<(String, &str)> = vec![];
    for (i, row) in table.rows.iter().enumerate() {
        let line = table.lines.get(i).copied().unwrap_or(i + 2);
        let number = cell(row, "number");
        let r = groups.entry(number.clone()).or_insert_with(|| {
            let mut po = PurchaseOrder::blank(now);
            po.number = number.clone();
            let mut errors = vec![];
            refused_dates.retain(|(n, _)| *n != number);
            for key in ["date", "expected"] {
                if let Some((_, problem)) = crate::domain::record::fill(&mut po, key, &cell(row, key)) {
                    errors.push((line, problem));
                    refused_dates.push((number.clone(), key));
                }
            }
            po.tax = cell(row, "tax");
            po.notes = cell(row, "notes");
            let typed = crate::text::lower(&cell(row, "status"));
            let status = if typed.is_empty() { Some(OrderStatus::Draft) } else { OrderStatus::from_code(&typed) };
            po.status = status.unwrap_or_default();
            match rules.resolve_opt("supplier_id", &cell(row, "supplier")) {
                Some(id) => po.supplier_id = id,
                None => errors.push((line, "err.unknown_ref")),
            }
            if !matches!(status, Some(OrderStatus::Draft | OrderStatus::Ordered | OrderStatus::Cancelled)) {
                errors.push((line, "err.po_status"));
            }
            if !number.is_empty() && taken(&number) {
                errors.push((line, "err.number_taken"));
            }
            Read { order: po, lines: vec![], errors }
        });
        r.lines.push(line);
        let item = cell(row, "item");
        if item.is_empty() {
            continue;
        }
        let Some(item_id) = (rules.resolve)("item_id", &item) else {
            r.errors.push((line, "err.unknown_ref"));
            continue;
        };
        let qty = parse_amount_as(&cell(row, "qty"), 0, rules.style).filter(|q| *q > 0);
        let price = parse_amount_as(&cell(row, "price"), rules.decimals, rules.style).filter(|p| *p >= 0);
        match (qty, price) {
            (Some(qty), Some(price)) => {
                r.order.lines.push(Line { id: crate::domain::ids::new_id(), item_id, description: cell(row, "description"), qty, price })
            }
            (None, _) => r.errors.push((line, "err.positive")),
            (_, None) => r.errors.push((line, "err.money")),
        }
    }
    groups
        .into_values()
        .map(|mut r| {
            let first = r.lines.first().copied().unwrap_or(0);
            for (field, e) in r.order.validate() {
                // An unknown supplier is already named; "required" would say it twice.
                let named = (field == "supplier_id" && r.errors.iter().any(|(_, x)| *x == "err.unknown_ref"))
                    || refused_dates.iter().any(|(n, f)| *n == r.order.number && *f == field);
                if !named && !r.errors.iter().any(|(_, x)| *x == e) {
                    r.errors.push((first, e));
                }
            }
            r
        })
        .collect()
}

impl Rules<'_> {
    fn resolve_opt(&self, key: &str, text: &str) -> Option<String> {
        if text.trim().is_empty() {
            None
        } else {
            (self.resolve)(key, text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::csv_io::parse_table;

    fn resolve(c: &str, v: &str) -> Option<String> {
        match (c, v) {
            ("supplier_id", "PT Kertas Jaya") => Some("sup-1".into()),
            ("item_id", "ATK-001") => Some("paper".into()),
            ("item_id", "ATK-002") => Some("pens".into()),
            _ => None,
        }
    }

    #[test]
    fn orders_with_lines_round_trip_and_bad_rows_are_named() {
        let rules = Rules { decimals: 0, resolve: &resolve, fixed: &[], style: NumberStyle::Indonesian };
        let file = "nomor;pemasok;tanggal;status;ppn;barang;uraian;jumlah;harga\n\
                    PO-2026-010;PT Kertas Jaya;2026-11-20;ordered;11;ATK-001;Kertas A4;10;45.000\n\
                    PO-2026-010;PT Kertas Jaya;2026-11-20;ordered;11;ATK-002;Pulpen;24;2.500\n\
                    PO-2026-011;PT Kertas Jaya;2026-11-21;;;ATK-404;Hilang;1;100\n\
                    PO-2026-012;Toko Lain;2026-11-21;received;;ATK-001;Kertas;x;100\n";
        let t = parse_table(file.as_bytes()).unwrap();
        let read = import(&t, &rules, &|n| n == "PO-2026-001", DateTime::UNIX_EPOCH);
        assert_eq!(read.len(), 3);
        let ok = &read[0];
        assert!(ok.errors.is_empty(), "{:?}", ok.errors);
        assert_eq!(
            (ok.order.number.as_str(), ok.order.supplier_id.as_str(), ok.order.lines.len(), ok.lines.clone()),
            ("PO-2026-010", "sup-1", 2, vec![2, 3])
        );
        assert_eq!(ok.order.totals().total, (450_000 + 60_000) * 111 / 100);
        assert_eq!(read[1].errors, vec![(4, "err.unknown_ref")]);
        let bad: Vec<&str> = read[2].errors.iter().map(|(_, e)| *e).collect();
        assert_eq!(bad, ["err.unknown_ref", "err.po_status", "err.positive"]);

        // Written out and read back: the same order, line for line.
        let text = export(
            std::slice::from_ref(&ok.order),
            &|_| "PT Kertas Jaya".into(),
            &|id| if id == "paper" { "ATK-001".into() } else { "ATK-002".into() },
            b',',
            0,
        );
        assert!(text.contains("PO-2026-010,PT Kertas Jaya,2026-11-20,,ordered,11,ATK-001,Kertas A4,10,45000,450000,"));
        let back = import(&parse_table(text.as_bytes()).unwrap(), &rules, &|_| false, DateTime::UNIX_EPOCH);
        assert!(back[0].errors.is_empty());
        let strip =
            |p: &PurchaseOrder| p.lines.iter().map(|l| (l.item_id.clone(), l.description.clone(), l.qty, l.price)).collect::<Vec<_>>();
        assert_eq!(strip(&back[0].order), strip(&ok.order));

        // Through a workbook: typed cells out, the same order back.
        let s = sheet(
            std::slice::from_ref(&ok.order),
            &|_| "PT Kertas Jaya".into(),
            &|id| if id == "paper" { "ATK-001".into() } else { "ATK-002".into() },
            "Pesanan".into(),
        );
        assert_eq!(s.rows[0][2], Cell::Date(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()));
        assert_eq!((&s.rows[0][8], &s.rows[0][9], &s.rows[0][10]), (&Cell::Integer(10), &Cell::Money(45_000), &Cell::Money(450_000)));
        let bytes = crate::domain::xlsx::workbook(&[s], crate::domain::format::currency("IDR"));
        let t = crate::domain::csv_io::table_from_xlsx(&bytes, 0).unwrap();
        let back = import(&t, &rules, &|_| false, DateTime::UNIX_EPOCH);
        assert!(back[0].errors.is_empty(), "{:?}", back[0].errors);
        assert_eq!(strip(&back[0].order), strip(&ok.order));
        assert_eq!(back[0].order.date, ok.order.date);
    }

    #[test]
    fn a_date_that_is_not_a_day_is_named_once() {
        let rules = Rules { decimals: 0, resolve: &resolve, fixed: &[], style: NumberStyle::Indonesian };
        let file = "nomor;pemasok;tanggal;expected;status;barang;jumlah;harga\n\
                    PO-2026-020;PT Kertas Jaya;31/11/2026;2026-12-40;ordered;ATK-001;1;100\n\
                    PO-2026-021;PT Kertas Jaya;2026-11-21;;ordered;ATK-001;1;100\n";
        let read = import(&parse_table(file.as_bytes()).unwrap(), &rules, &|_| false, DateTime::UNIX_EPOCH);
        assert_eq!(read[0].errors, vec![(2, "err.date"), (2, "err.date")], "the order date and the expected date, no 'required' besides");
        assert!(read[1].errors.is_empty());
        assert_eq!((read[1].order.date, read[1].order.expected), (crate::domain::dates::parse_date("2026-11-21"), None));
    }
}
