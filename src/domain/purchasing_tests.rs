use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::inventory::{low_stock, Stock};

fn item(id: &str, supplier: &str, cost: i64, point: &str, qty: &str) -> Item {
    let mut i = Item::blank(DateTime::UNIX_EPOCH);
    i.meta.id = id.into();
    i.code = id.to_uppercase();
    i.name = format!("Item {id}");
    i.supplier_id = supplier.into();
    i.unit_cost = Some(cost);
    i.reorder_point = point.parse().ok();
    i.reorder_qty = qty.parse().ok();
    i
}

fn po(lines: &[(&str, i64, i64)]) -> PurchaseOrder {
    let mut p = PurchaseOrder::blank(DateTime::UNIX_EPOCH);
    p.meta.id = "po1".into();
    p.number = "PO-2026-001".into();
    p.supplier_id = "sup".into();
    p.date = crate::domain::dates::parse_date("2026-11-20");
    p.status = OrderStatus::Ordered;
    p.lines = lines
        .iter()
        .map(|(id, qty, price)| Line {
            id: format!("l-{id}"),
            item_id: id.to_string(),
            description: id.to_string(),
            qty: *qty,
            price: *price,
        })
        .collect();
    p
}

#[test]
fn totals_with_tax_rounded_half_up() {
    let mut p = po(&[("paper", 3, 45_000), ("pens", 7, 2_950)]);
    assert_eq!(p.totals(), Totals { subtotal: 155_650, tax: 17_122, total: 172_772 }, "11 % of 155.650 is 17.121,5");
    p.tax = "".into();
    assert_eq!(p.totals().total, 155_650);
    p.tax = "12,5 %".into();
    assert_eq!(p.totals().tax, 19_456);
    for bad in ["abc", "101", "11,555", "-5"] {
        p.tax = bad.into();
        assert!(p.validate().contains(&("tax", "err.percent")), "{bad}");
    }
}

#[test]
fn partial_then_full_receipt_writes_the_ledger_and_moves_the_state() {
    let p = po(&[("paper", 10, 45_000), ("pens", 20, 3_000)]);
    let mut ledger: Vec<StockMove> = vec![];
    assert_eq!(p.state(&ledger), OrderStatus::Ordered);

    let (moves, over) = p.receive(
        &ledger,
        &[("l-paper".into(), 4), ("l-pens".into(), 0)],
        "Gudang",
        crate::domain::dates::parse_datetime("2026-11-21T10:00").unwrap(),
        DateTime::UNIX_EPOCH,
    );
    assert!(over.is_empty());
    assert_eq!(moves.len(), 1, "nothing received on a line writes nothing");
    assert_eq!((moves[0].qty, moves[0].unit_cost, moves[0].location.as_str()), (Some(4), Some(45000), "Gudang"));
    ledger.extend(moves);
    assert_eq!(p.state(&ledger), OrderStatus::Partial);
    assert_eq!(on_order(std::slice::from_ref(&p), &ledger).get("paper"), Some(&6));

    let (moves, over) = p.receive(
        &ledger,
        &[("l-paper".into(), 7), ("l-pens".into(), 20)],
        "Gudang",
        crate::domain::dates::parse_datetime("2026-11-22T10:00").unwrap(),
        DateTime::UNIX_EPOCH,
    );
    assert_eq!(over, ["l-paper"], "4 + 7 is more than the 10 ordered: warned");
    ledger.extend(moves);
    assert_eq!(p.state(&ledger), OrderStatus::Received);
    assert_eq!(Stock::of(&ledger).on_hand("paper"), 11);
    assert!(on_order(std::slice::from_ref(&p), &ledger).values().all(|q| *q == 0));

    let mut cancelled = p.clone();
    cancelled.status = OrderStatus::Cancelled;
    assert_eq!(cancelled.state(&ledger), OrderStatus::Cancelled);
}

#[test]
fn numbers_run_per_year() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(next_number(&[], d), "PO-2026-001");
    let mut a = po(&[]);
    a.number = "PO-2026-009".into();
    let mut b = po(&[]);
    b.number = "PO-2025-044".into();
    assert_eq!(next_number(&[a, b], d), "PO-2026-010");
}

#[test]
fn low_stock_becomes_one_draft_per_supplier() {
    let items = vec![
        item("paper", "sup-a", 45_000, "10", "40"),
        item("pens", "sup-b", 3_000, "10", "50"),
        item("clips", "sup-a", 500, "5", "20"),
        item("tea", "", 20_000, "2", "6"),
    ];
    let low = low_stock(&items, &Stock::default(), &HashMap::new());
    let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let drafts = drafts_from_low_stock(&low, &items, &[], d, DateTime::UNIX_EPOCH);
    type Summary = (String, String, Vec<(String, i64, i64)>);
    let summary: Vec<Summary> = drafts
        .iter()
        .map(|p| (p.number.clone(), p.supplier_id.clone(), p.lines.iter().map(|l| (l.item_id.clone(), l.qty, l.price)).collect()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("PO-2026-001".into(), "".into(), vec![("tea".into(), 6, 20_000)]),
            ("PO-2026-002".into(), "sup-a".into(), vec![("clips".into(), 20, 500), ("paper".into(), 40, 45_000)]),
            ("PO-2026-003".into(), "sup-b".into(), vec![("pens".into(), 50, 3_000)]),
        ]
    );
    assert!(drafts.iter().all(|p| p.status == OrderStatus::Draft && p.date == crate::domain::dates::parse_date("2026-11-22")));
}
