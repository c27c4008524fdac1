//! Purchase orders: lines with quantities and prices, totals with tax, and receipts that
//! write the stock ledger. What has been received is read from the ledger (moves carrying
//! the order's id), so an order can never disagree with the stock it brought in.
use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::inventory::{Item, Low, StockMove};
use super::record::{validate_by_schema, Entity, FieldError, FormRules, RecordRules};
use crate::domain::inventory::MoveKind;

#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Line {
    pub id: String,
    pub item_id: String,
    /// What the supplier should read; the item's name unless changed.
    pub description: String,
    pub qty: i64,
    /// Minor units per unit.
    pub price: i64,
}

impl Line {
    pub fn new(item: &Item, qty: i64) -> Line {
        Line { id: crate::domain::ids::new_id(), item_id: item.meta.id.clone(), description: item.name.clone(), qty, price: item.cost() }
    }
    pub fn amount(&self) -> i64 {
        self.qty * self.price
    }
}

crate::record! {
    pub struct PurchaseOrder in "orders" {
        number: String => Text, "po.number" .required().listed().aliases(&["nomor", "po"]),
        supplier_id: String => ContactRef, "po.supplier" .required().listed().aliases(&["pemasok", "supplier"]),
        date: Option<chrono::NaiveDate> => Date, "po.date" .required().listed().aliases(&["tanggal"]),
        expected: Option<chrono::NaiveDate> => Date, "po.expected" .listed().aliases(&["perkiraan tiba"]),
        /// draft, ordered or cancelled; partly received and received follow from the ledger.
        status: OrderStatus = OrderStatus::Draft => Select(OrderStatus::OPTIONS), "po.status" .required().listed(),
        /// Tax rate in percent as typed ("11" for PPN 11 %).
        tax: String = "11".into() => Text, "po.tax" .aliases(&["pajak", "ppn"]),
        notes: String => LongText, "po.notes" .aliases(&["catatan"]),
    }
    stored {
        lines: Vec<Line>,
    }
}

crate::choice! {
    /// Where a purchase order stands.
    pub enum OrderStatus {
        Draft = "draft" => "po.status.draft",
        Ordered = "ordered" => "po.status.ordered",
        Partial = "partial" => "po.status.partial",
        Received = "received" => "po.status.received",
        Cancelled = "cancelled" => "po.status.cancelled",
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: None, hidden: &["status"] };

impl RecordRules for PurchaseOrder {
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if tax_basis_points(&self.tax).is_none() {
            errs.push(("tax", "err.percent"));
        }
        if let (Some(d), Some(e)) = (self.date, self.expected) {
            if e < d {
                errs.push(("expected", "err.before_date"));
            }
        }
        if self.lines.iter().any(|l| l.qty <= 0 || l.price < 0 || l.item_id.is_empty()) {
            errs.push(("lines", "err.lines"));
        }
        errs
    }
    fn title(&self) -> String {
        self.number.clone()
    }
}

/// "11", "11,5", "11.5 %" → basis points (1100, 1150); empty is no tax.
pub fn tax_basis_points(s: &str) -> Option<i64> {
    let t = s.trim().trim_end_matches('%').trim().replace(',', ".");
    if t.is_empty() {
        return Some(0);
    }
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() || frac.len() > 2 || !whole.chars().chain(frac.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let bp = whole.parse::<i64>().ok()? * 100 + format!("{frac:0<2}").parse::<i64>().ok()?;
    (bp <= 10_000).then_some(bp)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
}

impl PurchaseOrder {
    /// Subtotal, tax rounded half up to the minor unit, and total.
    pub fn totals(&self) -> Totals {
        let subtotal: i64 = self.lines.iter().map(Line::amount).sum();
        let bp = tax_basis_points(&self.tax).unwrap_or(0);
        let tax = (subtotal * bp + 5_000).div_euclid(10_000);
        Totals { subtotal, tax, total: subtotal + tax }
    }

    /// Units received so far per line id.
    pub fn received(&self, moves: &[StockMove]) -> HashMap<String, i64> {
        let mut got = HashMap::new();
        for m in moves.iter().filter(|m| m.meta.deleted_at.is_none() && m.kind == MoveKind::Receive && m.order_id == self.meta.id) {
            *got.entry(m.order_line.clone()).or_default() += m.qty.unwrap_or(0);
        }
        got
    }

    /// The status as it stands: receipts in the ledger decide partly received / received.
    pub fn state(&self, moves: &[StockMove]) -> OrderStatus {
        match self.status {
            OrderStatus::Draft => OrderStatus::Draft,
            OrderStatus::Cancelled => OrderStatus::Cancelled,
            _ => {
                let got = self.received(moves);
                let all = !self.lines.is_empty() && self.lines.iter().all(|l| got.get(&l.id).copied().unwrap_or(0) >= l.qty);
                if all {
                    OrderStatus::Received
                } else if got.values().any(|q| *q > 0) {
                    OrderStatus::Partial
                } else {
                    OrderStatus::Ordered
                }
            }
        }
    }

    /// Receives `qty` per line id into `location`: ledger lines to store, and the lines that
    /// would then exceed what was ordered (a warning to confirm, not a refusal: suppliers
    /// send extra).
    pub fn receive(
        &self,
        moves: &[StockMove],
        qty: &[(String, i64)],
        location: &str,
        at: NaiveDateTime,
        now: DateTime<Utc>,
    ) -> (Vec<StockMove>, Vec<String>) {
        let got = self.received(moves);
        let mut out = vec![];
        let mut over = vec![];
        for (line_id, q) in qty.iter().filter(|(_, q)| *q > 0) {
            let Some(line) = self.lines.iter().find(|l| l.id == *line_id) else { continue };
            if got.get(line_id).copied().unwrap_or(0) + q > line.qty {
                over.push(line_id.clone());
            }
            let mut m = StockMove::blank(now);
            m.kind = MoveKind::Receive;
            m.item_id = line.item_id.clone();
            m.qty = Some(*q);
            m.location = location.to_string();
            m.unit_cost = Some(line.price);
            m.reason = self.number.clone();
            m.order_id = self.meta.id.clone();
            m.order_line = line_id.clone();
            m.at = Some(at);
            out.push(m);
        }
        (out, over)
    }
}

/// Units ordered and not yet received, per item, over orders still open.
pub fn on_order(orders: &[PurchaseOrder], moves: &[StockMove]) -> HashMap<String, i64> {
    let mut out: HashMap<String, i64> = HashMap::new();
    for po in orders.iter().filter(|o| o.meta.deleted_at.is_none() && matches!(o.state(moves), OrderStatus::Ordered | OrderStatus::Partial))
    {
        let got = po.received(moves);
        for l in &po.lines {
            let open = (l.qty - got.get(&l.id).copied().unwrap_or(0)).max(0);
            *out.entry(l.item_id.clone()).or_default() += open;
        }
    }
    out
}

/// The next free number of the year: PO-2026-001, PO-2026-002, …
pub fn next_number(orders: &[PurchaseOrder], today: NaiveDate) -> String {
    let prefix = format!("PO-{}-", today.year());
    let last = orders.iter().filter_map(|o| o.number.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("{prefix}{:03}", last + 1)
}

/// Draft orders for the low stock list, one per preferred supplier (items without one share
/// an order with no supplier yet), lines in the list's order.
pub fn drafts_from_low_stock(
    low: &[Low],
    items: &[Item],
    orders: &[PurchaseOrder],
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Vec<PurchaseOrder> {
    let mut by_supplier: BTreeMap<String, Vec<Line>> = BTreeMap::new();
    for l in low.iter().filter(|l| l.suggested > 0) {
        let Some(item) = items.iter().find(|i| i.meta.id == l.item_id) else { continue };
        by_supplier.entry(item.supplier_id.clone()).or_default().push(Line::new(item, l.suggested));
    }
    let mut made: Vec<PurchaseOrder> = vec![];
    for (supplier, lines) in by_supplier {
        let mut po = PurchaseOrder::blank(now);
        let all: Vec<PurchaseOrder> = orders.iter().chain(made.iter()).cloned().collect();
        po.number = next_number(&all, today);
        po.supplier_id = supplier;
        po.date = Some(today);
        po.lines = lines;
        made.push(po);
    }
    made
}

#[cfg(test)]
#[path = "purchasing_tests.rs"]
mod tests;
