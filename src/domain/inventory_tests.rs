use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::stocktake::Stocktake;

fn item(id: &str, name: &str, cat: &str, loc: &str, point: &str, qty: &str, cost: i64) -> Item {
    let mut i = Item::blank(DateTime::UNIX_EPOCH);
    i.meta.id = id.into();
    i.code = id.to_uppercase();
    i.name = name.into();
    i.category = cat.into();
    i.location = loc.into();
    i.reorder_point = point.parse().ok();
    i.reorder_qty = qty.parse().ok();
    i.unit_cost = Some(cost);
    i
}

fn mv(item: &str, kind: &str, qty: i64, loc: &str) -> StockMove {
    let mut m = StockMove::blank(DateTime::UNIX_EPOCH);
    m.item_id = item.into();
    m.kind = MoveKind::from_code(kind).unwrap();
    m.qty = Some(qty);
    m.location = loc.into();
    m.at = crate::domain::dates::parse_datetime("2026-11-02T09:00");
    m
}

fn transfer(item: &str, qty: i64, from: &str, to: &str) -> StockMove {
    let mut m = mv(item, "transfer", qty, from);
    m.to_location = to.into();
    m
}

fn issue(item: &str, qty: i64, loc: &str, whom: &str, at: &str) -> StockMove {
    let mut m = mv(item, "issue", qty, loc);
    m.to_whom = whom.into();
    m.at = crate::domain::dates::parse_datetime(at);
    m
}

#[test]
fn on_hand_follows_every_kind_of_movement() {
    let moves = vec![
        mv("paper", "receive", 50, "Gudang"),
        issue("paper", 12, "Gudang", "Keuangan", "2026-11-03T10:00"),
        transfer("paper", 10, "Gudang", "Lantai 2"),
        mv("paper", "adjust", -3, "Lantai 2"),
        mv("toner", "receive", 4, "Gudang"),
    ];
    let s = Stock::of(&moves);
    assert_eq!(s.on_hand("paper"), 35);
    assert_eq!(s.at("paper", "Gudang"), 28);
    assert_eq!(s.at("paper", "Lantai 2"), 7);
    assert_eq!(s.places("paper"), vec![("Gudang".to_string(), 28), ("Lantai 2".to_string(), 7)]);
    assert_eq!(s.on_hand("toner"), 4);
    assert_eq!(s.on_hand("nothing"), 0);

    // A movement in the trash no longer counts.
    let mut trashed = moves.clone();
    trashed[1].meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    assert_eq!(Stock::of(&trashed).on_hand("paper"), 47);
}

#[test]
fn movements_are_validated_by_kind() {
    let errs = |m: &StockMove| m.validate().into_iter().map(|(k, e)| format!("{k}:{e}")).collect::<Vec<_>>();
    assert!(errs(&mv("paper", "receive", 5, "Gudang")).is_empty());
    assert_eq!(errs(&mv("paper", "receive", 0, "Gudang")), ["qty:err.positive"]);
    assert_eq!(errs(&mv("paper", "adjust", 0, "Gudang")), ["qty:err.not_zero", "reason:err.required"]);
    assert_eq!(errs(&mv("paper", "issue", 2, "Gudang")), ["to_whom:err.required"]);
    assert_eq!(errs(&transfer("paper", 2, "Gudang", "Gudang")), ["to_location:err.same_place"]);
    let mut typo = mv("paper", "receive", 1, "");
    // A typed number field keeps no text: what it refused is named, not the blank left.
    let refused = crate::domain::record::fill(&mut typo, "qty", "1,5").into_iter().collect();
    assert_eq!(crate::domain::record::problems_after_fill(&typo, refused), vec![("qty", "err.integer")]);
}

#[test]
fn low_stock_counts_what_is_on_order_and_suggests_enough() {
    let items = vec![
        item("paper", "Kertas A4", "ATK", "Gudang", "20", "50", 45_000),
        item("pens", "Pulpen", "ATK", "Gudang", "10", "5", 3_000),
        item("toner", "Toner", "Printer", "Gudang", "2", "4", 900_000),
        item("tea", "Teh", "Pantry", "Pantry", "", "", 20_000),
    ];
    let moves = vec![mv("paper", "receive", 20, "Gudang"), mv("pens", "receive", 2, "Gudang"), mv("toner", "receive", 1, "Gudang")];
    let s = Stock::of(&moves);
    let none = HashMap::new();
    let low = low_stock(&items, &s, &none);
    let ids: Vec<&str> = low.iter().map(|l| l.item_id.as_str()).collect();
    assert_eq!(ids, ["paper", "pens", "toner"], "at or under the point, by name; no point, never low");
    assert_eq!(low[0].suggested, 50);
    assert_eq!(low[1].suggested, 9, "5 would leave it at 7, still under 10");

    // Four toners already ordered lift it over its point.
    let on_order = HashMap::from([("toner".to_string(), 4)]);
    assert!(!low_stock(&items, &s, &on_order).iter().any(|l| l.item_id == "toner"));

    // A retired item is not reordered.
    let mut retired = items.clone();
    retired[0].active.clear();
    assert!(!low_stock(&retired, &s, &none).iter().any(|l| l.item_id == "paper"));
}

#[test]
fn value_by_category_and_location() {
    let items =
        vec![item("paper", "Kertas", "ATK", "Gudang", "", "", 45_000), item("toner", "Toner", "Printer", "Gudang", "", "", 900_000)];
    let moves = vec![mv("paper", "receive", 10, "Gudang"), transfer("paper", 4, "Gudang", "Lantai 2"), mv("toner", "receive", 2, "Gudang")];
    let (cats, places, total) = stock_value(&items, &Stock::of(&moves));
    assert_eq!(total, 10 * 45_000 + 2 * 900_000);
    assert_eq!(
        cats,
        vec![ValueRow { group: "ATK".into(), units: 10, value: 450_000 }, ValueRow { group: "Printer".into(), units: 2, value: 1_800_000 }]
    );
    assert_eq!(
        places,
        vec![
            ValueRow { group: "Gudang".into(), units: 8, value: 6 * 45_000 + 1_800_000 },
            ValueRow { group: "Lantai 2".into(), units: 4, value: 180_000 }
        ]
    );
}

#[test]
fn usage_over_a_period_per_item_and_department() {
    let items = vec![item("paper", "Kertas", "ATK", "Gudang", "", "", 45_000), item("pens", "Pulpen", "ATK", "Gudang", "", "", 3_000)];
    let moves = vec![
        issue("paper", 2, "Gudang", "Keuangan", "2026-10-31T16:00"),
        issue("paper", 3, "Gudang", "Keuangan", "2026-11-01T08:00"),
        issue("pens", 10, "Gudang", "HR", "2026-11-15T08:00"),
        issue("paper", 1, "Gudang", "HR", "2026-11-30T17:00"),
        mv("paper", "receive", 100, "Gudang"),
    ];
    let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (per_item, per_whom) = usage(&items, &moves, d("2026-11-01"), d("2026-11-30"));
    assert_eq!(per_item, vec![("pens".to_string(), 10, 30_000), ("paper".to_string(), 4, 180_000)]);
    assert_eq!(per_whom, vec![("Keuangan".to_string(), 135_000), ("HR".to_string(), 75_000)]);
}

#[test]
fn stocktake_posts_variances_of_counted_items_only() {
    let items = vec![
        item("paper", "Kertas", "ATK", "Gudang", "", "", 45_000),
        item("pens", "Pulpen", "ATK", "Gudang", "", "", 3_000),
        item("clips", "Klip", "ATK", "Gudang", "", "", 500),
        item("tea", "Teh", "Pantry", "Pantry", "", "", 20_000),
    ];
    let moves = vec![
        mv("paper", "receive", 20, "Gudang"),
        mv("pens", "receive", 30, "Gudang"),
        mv("clips", "receive", 5, "Gudang"),
        mv("tea", "receive", 3, "Pantry"),
    ];
    let s = Stock::of(&moves);
    let mut st = Stocktake::blank(DateTime::UNIX_EPOCH);
    st.location = "Gudang".into();
    let scope: Vec<&str> = st.scope(&items, &s).iter().map(|i| i.meta.id.as_str()).collect();
    assert_eq!(scope, ["clips", "paper", "pens"], "by code, the Pantry's tea is out of scope");

    st.set_count("paper", "18");
    st.set_count("pens", "30");
    st.set_count("clips", "x");
    assert_eq!(st.bad_counts(), ["clips"]);
    st.set_count("clips", "");
    assert!(st.bad_counts().is_empty(), "clearing a count removes it");
    let v = st.variances(&items, &s);
    assert_eq!(v.len(), 2, "clips were not counted: no variance, no adjustment");
    assert_eq!(v[0].diff, -2);
    assert_eq!(v[1].diff, 0);
    let adj =
        st.adjustments(&items, &s, crate::domain::dates::parse_datetime("2026-11-20T17:00").unwrap(), "Stock opname", DateTime::UNIX_EPOCH);
    assert_eq!(adj.len(), 1);
    assert_eq!((adj[0].kind.code(), adj[0].qty, adj[0].location.as_str()), ("adjust", Some(-2), "Gudang"));
    assert!(adj[0].validate().is_empty());
    let after: Vec<StockMove> = moves.into_iter().chain(adj).collect();
    assert_eq!(Stock::of(&after).on_hand("paper"), 18);
}

#[test]
fn codes_are_unique_among_live_items() {
    let mut a = item("a", "Kertas", "", "", "", "", 0);
    a.code = "ATK-01".into();
    let mut b = item("b", "Pulpen", "", "", "", "", 0);
    b.code = "atk-01 ".into();
    assert!(code_taken(&[a.clone()], &b).is_some());
    assert!(code_taken(&[a.clone()], &a).is_none(), "an item does not clash with itself");
    a.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    assert!(code_taken(&[a], &b).is_none());
}
