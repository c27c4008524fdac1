//! Supplies and stock: items, and the stock ledger every quantity on hand is derived from.
//! Nobody types a quantity on hand; they record what came in, went out, moved or was
//! counted, and the figures follow. Quantities are whole units: pick the unit (box, ream,
//! ml) so counts are whole.
use crate::sort::sort_by;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::record::{validate_by_schema, Entity, FieldError, FormRules, RecordRules};

/// A whole number typed in a text field; empty or unreadable counts as zero.
pub fn int(s: &str) -> i64 {
    s.trim().parse().unwrap_or(0)
}

crate::record! {
    pub struct Item in "items" {
        code: String => Text, "item.code" .required().listed().aliases(&["sku", "kode", "kode barang"]),
        name: String => Text, "item.name" .required().listed().aliases(&["nama", "nama barang", "item"]),
        category: String => Suggest("categories"), "item.category" .listed().aliases(&["kategori"]),
        unit: String = "pcs".into() => Text, "item.unit" .required().listed().aliases(&["satuan", "uom"]),
        /// Where it is normally kept; new movements start here.
        location: String => Suggest("locations"), "item.location" .listed().aliases(&["lokasi", "gudang"]),
        reorder_point: Option<i64> => Integer, "item.reorder_point" .aliases(&["titik pesan ulang", "min"]),
        reorder_qty: Option<i64> => Integer, "item.reorder_qty" .aliases(&["jumlah pesan ulang"]),
        /// Preferred supplier: a contact id.
        supplier_id: String => ContactRef, "item.supplier",
        /// Minor units of the office currency.
        unit_cost: Option<i64> => Money, "item.unit_cost" .aliases(&["harga satuan", "cost", "harga"]),
        notes: String => LongText, "item.notes" .aliases(&["catatan"]),
        /// "1" while the item is stocked.
        active: String = "1".into() => Check, "item.active" .aliases(&["aktif"]),
    }
}

impl RecordRules for Item {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        for k in ["reorder_point", "reorder_qty", "unit_cost"] {
            if int(&self.get(k)) < 0 && !errs.iter().any(|(f, _)| *f == k) {
                errs.push((k, "err.negative"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} {}", self.code, self.name)
    }
}

impl Item {
    pub fn is_active(&self) -> bool {
        self.meta.deleted_at.is_none() && !self.active.is_empty()
    }
    pub fn cost(&self) -> i64 {
        self.unit_cost.unwrap_or(0)
    }
}

/// Another live item already using this code (codes are how people find things on shelves).
pub fn code_taken<'a>(items: &'a [Item], item: &Item) -> Option<&'a Item> {
    let code = item.code.trim();
    items.iter().find(|i| i.meta.id != item.meta.id && i.meta.deleted_at.is_none() && i.code.trim().eq_ignore_ascii_case(code))
}

crate::choice! {
    /// What a stock movement does.
    pub enum MoveKind {
        Receive = "receive" => "move.kind.receive",
        Issue = "issue" => "move.kind.issue",
        Transfer = "transfer" => "move.kind.transfer",
        Adjust = "adjust" => "move.kind.adjust",
    }
}

crate::record! {
    /// One line of the stock ledger.
    pub struct StockMove in "stock" {
        item_id: String => Ref(crate::domain::inventory::Item), "move.item" .required().listed().aliases(&["item", "barang"]),
        kind: MoveKind = MoveKind::Receive => Select(MoveKind::OPTIONS), "move.kind" .required().listed().aliases(&["jenis"]),
        /// Units moved; for an adjustment, signed (+ found, − lost).
        qty: Option<i64> => Integer, "move.qty" .required().listed().aliases(&["jumlah", "quantity"]),
        /// Where it happened: into here on receipt, out of here on issue or transfer.
        location: String => Suggest("locations"), "move.location" .listed().aliases(&["lokasi"]),
        /// Transfer destination.
        to_location: String => Suggest("locations"), "move.to_location" .aliases(&["ke lokasi"]),
        /// Issue: the employee or department that took it.
        to_whom: String => Suggest("people"), "move.to_whom" .listed().aliases(&["untuk", "penerima"]),
        /// Issue purpose or adjustment reason.
        reason: String => Text, "move.reason" .aliases(&["keperluan", "alasan"]),
        /// Receipt: cost per unit, minor units.
        unit_cost: Option<i64> => Money, "move.unit_cost" .aliases(&["harga satuan"]),
        /// Local date and time of the movement.
        at: Option<chrono::NaiveDateTime> => DateTimeNow, "move.at" .required().listed().aliases(&["tanggal", "waktu"]),
    }
    stored {
        /// Receipt against a purchase order: the order's id and line id.
        order_id: String,
        order_line: String,
    }
}

const MOVE_RULES: FormRules = FormRules {
    shown_when: &[("to_location", "kind", &["transfer"]), ("to_whom", "kind", &["issue"]), ("unit_cost", "kind", &["receive"])],
    span: None,
    hidden: &[],
};

impl RecordRules for StockMove {
    fn form_rules() -> &'static FormRules {
        &MOVE_RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let has = |errs: &Vec<FieldError>, k: &str| errs.iter().any(|(f, _)| *f == k);
        if !has(&errs, "qty") && self.qty.is_some() {
            let q = self.qty.unwrap_or(0);
            if self.kind == MoveKind::Adjust && q == 0 {
                errs.push(("qty", "err.not_zero"));
            } else if self.kind != MoveKind::Adjust && q <= 0 {
                errs.push(("qty", "err.positive"));
            }
        }
        match self.kind {
            MoveKind::Transfer if self.to_location.trim().is_empty() => errs.push(("to_location", "err.required")),
            MoveKind::Transfer if self.to_location.trim() == self.location.trim() => errs.push(("to_location", "err.same_place")),
            MoveKind::Issue if self.to_whom.trim().is_empty() => errs.push(("to_whom", "err.required")),
            MoveKind::Adjust if self.reason.trim().is_empty() => errs.push(("reason", "err.required")),
            _ => {}
        }
        errs
    }
    fn title(&self) -> String {
        let q = self.qty.unwrap_or(0);
        match self.kind {
            MoveKind::Receive => format!("+{q}"),
            MoveKind::Issue => format!("−{q} → {}", self.to_whom),
            MoveKind::Transfer => format!("{q} {} → {}", self.location, self.to_location),
            _ => format!("{q:+} ({})", self.reason),
        }
    }
}

impl StockMove {
    fn live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }
    /// The change this line makes at each place it touches.
    pub fn effects(&self) -> Vec<(&str, i64)> {
        let q = self.qty.unwrap_or(0);
        match self.kind {
            MoveKind::Receive | MoveKind::Adjust => vec![(self.location.as_str(), q)],
            MoveKind::Issue => vec![(self.location.as_str(), -q)],
            MoveKind::Transfer => vec![(self.location.as_str(), -q), (self.to_location.as_str(), q)],
        }
    }
    pub fn date(&self) -> Option<NaiveDate> {
        self.at.map(|t| t.date())
    }
}

/// Quantities on hand, derived from the ledger in one pass.
#[derive(Default, Debug, PartialEq)]
pub struct Stock {
    pub by_item: HashMap<String, i64>,
    /// (item id, location) → units; places that net to zero are left out.
    pub by_place: BTreeMap<(String, String), i64>,
}

impl Stock {
    pub fn of(moves: &[StockMove]) -> Stock {
        let mut s = Stock::default();
        for m in moves.iter().filter(|m| m.live()) {
            for (place, q) in m.effects() {
                *s.by_item.entry(m.item_id.clone()).or_default() += q;
                *s.by_place.entry((m.item_id.clone(), place.to_string())).or_default() += q;
            }
        }
        s.by_place.retain(|_, q| *q != 0);
        s
    }
    pub fn on_hand(&self, item_id: &str) -> i64 {
        self.by_item.get(item_id).copied().unwrap_or(0)
    }
    pub fn at(&self, item_id: &str, location: &str) -> i64 {
        self.by_place.get(&(item_id.to_string(), location.to_string())).copied().unwrap_or(0)
    }
    /// Every place an item is, with its quantity.
    pub fn places(&self, item_id: &str) -> Vec<(String, i64)> {
        self.by_place.iter().filter(|((i, _), _)| i == item_id).map(|((_, l), q)| (l.clone(), *q)).collect()
    }
}

/// An item at or under its reorder point.
#[derive(Debug, Clone, PartialEq)]
pub struct Low {
    pub item_id: String,
    pub on_hand: i64,
    /// Already ordered and not yet received.
    pub on_order: i64,
    pub suggested: i64,
}

/// Active items whose stock, counting what is already on order, is at or under the reorder
/// point; the suggestion is the reorder quantity, or more if that would still leave it at
/// or under the point. Ordered by name.
pub fn low_stock(items: &[Item], stock: &Stock, on_order: &HashMap<String, i64>) -> Vec<Low> {
    let mut out: Vec<(&Item, Low)> = items
        .iter()
        .filter(|i| i.is_active() && i.reorder_point.is_some())
        .filter_map(|i| {
            let (point, have, coming) =
                (i.reorder_point.unwrap_or(0), stock.on_hand(&i.meta.id), on_order.get(&i.meta.id).copied().unwrap_or(0));
            (have + coming <= point).then(|| {
                let needed = point - (have + coming) + 1;
                (i, Low { item_id: i.meta.id.clone(), on_hand: have, on_order: coming, suggested: i.reorder_qty.unwrap_or(0).max(needed) })
            })
        })
        .collect();
    sort_by(&mut out, |a, b| crate::text::lower(&a.0.name).cmp(&crate::text::lower(&b.0.name)));
    out.into_iter().map(|(_, l)| l).collect()
}

/// One row of the stock value report.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueRow {
    pub group: String,
    pub units: i64,
    /// Minor units: quantity × the item's unit cost.
    pub value: i64,
}

/// Stock value by category and by location, each sorted by group name, with a total.
pub fn stock_value(items: &[Item], stock: &Stock) -> (Vec<ValueRow>, Vec<ValueRow>, i64) {
    let by_id: HashMap<&str, &Item> = items.iter().filter(|i| i.meta.deleted_at.is_none()).map(|i| (i.meta.id.as_str(), i)).collect();
    let mut cats: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut places: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut total = 0;
    for ((item_id, place), q) in &stock.by_place {
        let Some(item) = by_id.get(item_id.as_str()) else { continue };
        let v = q * item.cost();
        total += v;
        for (map, key) in [(&mut cats, &item.category), (&mut places, place)] {
            let e = map.entry(key.clone()).or_default();
            e.0 += q;
            e.1 += v;
        }
    }
    let rows = |m: BTreeMap<String, (i64, i64)>| m.into_iter().map(|(group, (units, value))| ValueRow { group, units, value }).collect();
    (rows(cats), rows(places), total)
}

/// Issues per item (name, units, value) and per recipient (name, value).
pub type Usage = (Vec<(String, i64, i64)>, Vec<(String, i64)>);

/// Issues in a period: per item (units, value) and per recipient (value), biggest first.
pub fn usage(items: &[Item], moves: &[StockMove], from: NaiveDate, to: NaiveDate) -> Usage {
    let cost: HashMap<&str, i64> = items.iter().map(|i| (i.meta.id.as_str(), i.cost())).collect();
    let mut per_item: HashMap<String, (i64, i64)> = HashMap::new();
    let mut per_whom: HashMap<String, i64> = HashMap::new();
    for m in moves.iter().filter(|m| m.live() && m.kind == MoveKind::Issue && m.date().is_some_and(|d| d >= from && d <= to)) {
        let q = m.qty.unwrap_or(0);
        let v = q * cost.get(m.item_id.as_str()).copied().unwrap_or(0);
        let e = per_item.entry(m.item_id.clone()).or_default();
        e.0 += q;
        e.1 += v;
        *per_whom.entry(m.to_whom.clone()).or_default() += v;
    }
    let mut items_out: Vec<(String, i64, i64)> = per_item.into_iter().map(|(k, (q, v))| (k, q, v)).collect();
    sort_by(&mut items_out, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut whom: Vec<(String, i64)> = per_whom.into_iter().collect();
    sort_by(&mut whom, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    (items_out, whom)
}

#[cfg(test)]
#[path = "inventory_tests.rs"]
mod tests;
