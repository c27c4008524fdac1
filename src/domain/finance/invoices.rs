//! Invoices to customers and bills from suppliers: lines with an account each, a discount,
//! PPN, a due date. Sending an invoice (or receiving a bill) records it in the books as
//! owed; payments are money in or out against it, several allowed; what is still owed and
//! for how long gives the aging.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::accounts::{by_code, codes, Account};
use super::entries::{Entry, Posting};
use crate::domain::finance::entries::EntryKind;
use crate::domain::purchasing::tax_basis_points;
use crate::domain::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::choice! {
    /// A sale to a client or a bill from a supplier.
    pub enum InvoiceKind {
        Sale = "sale" => "inv.kind.sale",
        Bill = "bill" => "inv.kind.bill",
    }
}
crate::choice! {
    /// Stored states; partly paid, paid and overdue follow from the payments and the date.
    pub enum InvoiceStatus {
        Draft = "draft" => "inv.status.draft",
        Sent = "sent" => "inv.status.sent",
        Cancelled = "cancelled" => "inv.status.cancelled",
    }
}

/// Receivables and payables: what a sent invoice or a received bill is owed on.
pub const RECEIVABLE: &str = "1201";
pub const PAYABLE: &str = "2101";

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct InvoiceLine {
    pub id: String,
    pub description: String,
    pub qty: i64,
    /// Minor units per unit, before PPN.
    pub price: i64,
    /// The income account (an invoice) or expense or asset account (a bill).
    pub account_id: String,
}

impl InvoiceLine {
    pub fn amount(&self) -> i64 {
        self.qty.saturating_mul(self.price)
    }
}

crate::record! {
    /// An invoice the office sends or a bill it receives.
    pub struct Invoice in "invoices" {
        kind: InvoiceKind = InvoiceKind::Sale => Select(InvoiceKind::OPTIONS), "inv.kind" .required().listed().aliases(&["jenis"]),
        /// Ours on an invoice (INV-2026-001); the supplier's on a bill.
        number: String => Text, "inv.number" .required().listed().aliases(&["nomor", "no faktur", "number"]),
        contact_id: String => ContactRef, "inv.contact" .required().listed().aliases(&["pelanggan", "pemasok", "kontak"]),
        date: Option<chrono::NaiveDate> => Date, "inv.date" .required().listed().aliases(&["tanggal"]),
        due: Option<chrono::NaiveDate> => Date, "inv.due" .required().listed().aliases(&["jatuh tempo", "due"]),
        /// PPN in percent as typed ("11"); empty or 0 for none.
        tax: String = "11".into() => Text, "inv.tax" .aliases(&["ppn", "pajak"]),
        /// Taken off the lines' total before PPN.
        discount: Option<i64> => Money, "inv.discount" .aliases(&["diskon", "potongan"]),
        status: InvoiceStatus = InvoiceStatus::Draft => Select(InvoiceStatus::OPTIONS), "inv.status" .required(),
        notes: String => LongText, "inv.notes" .aliases(&["catatan"]),
        /// The purchase order a bill was made from.
        order_id: String => Text, "inv.order",
    }
    stored {
        lines: Vec<InvoiceLine>,
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: None, hidden: &["status", "order_id"] };

impl RecordRules for Invoice {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if !self.tax.trim().is_empty() && tax_basis_points(&self.tax).is_none() {
            errs.push(("tax", "err.percent"));
        }
        if let (Some(d), Some(due)) = (self.date, self.due) {
            if due < d {
                errs.push(("due", "err.before_date"));
            }
        }
        // Lines are added after the header is saved: the discount is held to them once there are some.
        if self.discount.is_some_and(|d| d < 0 || (!self.lines.is_empty() && d > self.subtotal())) {
            errs.push(("discount", "err.discount"));
        }
        errs
    }
    fn title(&self) -> String {
        self.number.clone()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn internal() -> &'static [&'static str] {
        &["order_id"]
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub subtotal: i64,
    pub discount: i64,
    pub tax: i64,
    pub total: i64,
}

/// What an invoice is at a date, from its stored status, payments and due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Draft,
    Sent,
    PartlyPaid,
    Paid,
    Overdue,
    Cancelled,
}

impl State {
    pub fn key(self) -> &'static str {
        match self {
            State::Draft => "inv.status.draft",
            State::Sent => "inv.status.sent",
            State::PartlyPaid => "inv.status.partly_paid",
            State::Paid => "inv.status.paid",
            State::Overdue => "inv.status.overdue",
            State::Cancelled => "inv.status.cancelled",
        }
    }
    pub fn css(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Sent => "ordered",
            State::PartlyPaid => "partial",
            State::Paid => "received",
            State::Overdue => "overdue",
            State::Cancelled => "cancelled",
        }
    }
}

impl Invoice {
    pub fn is_live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }

    pub fn is_sale(&self) -> bool {
        self.kind != InvoiceKind::Bill
    }

    pub fn subtotal(&self) -> i64 {
        self.lines.iter().map(InvoiceLine::amount).sum()
    }

    /// PPN on the total after the discount, rounded half up to the minor unit.
    pub fn totals(&self) -> Totals {
        let subtotal = self.subtotal();
        let discount = self.discount.unwrap_or(0).clamp(0, subtotal.max(0));
        let base = subtotal - discount;
        let bp = if self.tax.trim().is_empty() { 0 } else { tax_basis_points(&self.tax).unwrap_or(0) };
        let tax = (base * bp + 5_000).div_euclid(10_000);
        Totals { subtotal, discount, tax, total: base + tax }
    }

    /// Payments recorded against it: live entries naming it.
    pub fn paid(&self, entries: &[Entry]) -> i64 {
        entries
            .iter()
            .filter(|e| e.is_live() && e.document_id == self.meta.id && e.kind != EntryKind::Journal)
            .map(|e| e.amount.unwrap_or(0))
            .sum()
    }

    pub fn state(&self, paid: i64, today: NaiveDate) -> State {
        match self.status {
            InvoiceStatus::Draft => State::Draft,
            InvoiceStatus::Cancelled => State::Cancelled,
            _ if paid >= self.totals().total => State::Paid,
            _ if self.due.is_some_and(|d| d < today) => State::Overdue,
            _ if paid > 0 => State::PartlyPaid,
            _ => State::Sent,
        }
    }

    /// The books' record of it, dated the invoice's date: for an invoice, owed by the
    /// customer against income and PPN keluaran; for a bill, owed to the supplier against
    /// what was bought and PPN masukan. The discount lowers the first line's account.
    /// `Err` names a chart code or says a line has no account.
    pub fn journal(&self, accounts: &[Account]) -> Result<Entry, &'static str> {
        let t = self.totals();
        let sign = if self.is_sale() { -1 } else { 1 };
        let mut lines: Vec<Posting> = vec![];
        let mut add = |account_id: &str, amount: i64| {
            if amount == 0 {
                return;
            }
            match lines.iter_mut().find(|l| l.account_id == account_id) {
                Some(l) => l.amount += amount,
                None => lines.push(Posting { account_id: account_id.into(), amount, memo: String::new() }),
            }
        };
        let live = |id: &str| accounts.iter().any(|a| a.is_live() && a.meta.id == id);
        for l in &self.lines {
            if !live(&l.account_id) {
                return Err("line");
            }
            add(&l.account_id, sign * l.amount());
        }
        if let Some(first) = self.lines.first() {
            add(&first.account_id, -sign * t.discount);
        }
        let (tax_code, owed_code) = if self.is_sale() { (codes::PPN_OUT, RECEIVABLE) } else { (codes::PPN_IN, PAYABLE) };
        if t.tax != 0 {
            add(&by_code(accounts, tax_code).ok_or(tax_code)?.meta.id, sign * t.tax);
        }
        add(&by_code(accounts, owed_code).ok_or(owed_code)?.meta.id, -sign * t.total);
        Ok(Entry {
            date: self.date,
            kind: EntryKind::Journal,
            contact_id: self.contact_id.clone(),
            description: self.number.clone(),
            reference: self.number.clone(),
            source: format!("invoices/{}", self.meta.id),
            lines,
            ..Entry::default()
        })
    }

    /// A payment of `amount` on `date` through a cash or bank account: money in against
    /// the receivable for an invoice, money out against the payable for a bill.
    pub fn payment(&self, accounts: &[Account], account_id: &str, date: NaiveDate, amount: i64) -> Result<Entry, &'static str> {
        let owed = by_code(accounts, if self.is_sale() { RECEIVABLE } else { PAYABLE }).ok_or(if self.is_sale() {
            RECEIVABLE
        } else {
            PAYABLE
        })?;
        Ok(Entry {
            date: Some(date),
            kind: if self.is_sale() { EntryKind::In } else { EntryKind::Out },
            account_id: account_id.into(),
            category_id: owed.meta.id.clone(),
            amount: Some(amount),
            contact_id: self.contact_id.clone(),
            description: self.number.clone(),
            reference: self.number.clone(),
            document_id: self.meta.id.clone(),
            ..Entry::default()
        })
    }
}

/// The next invoice number of the year: INV-2026-001, one more than the highest used.
pub fn next_number(invoices: &[Invoice], date: NaiveDate) -> String {
    let prefix = format!("INV-{}-", chrono::Datelike::year(&date));
    let n = invoices
        .iter()
        .filter(|i| i.is_sale())
        .filter_map(|i| i.number.strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", n + 1)
}

/// Days past due: current (not yet due), 1–30, 31–60, 61–90, over 90.
pub const BUCKETS: [&str; 5] = ["aging.current", "aging.d30", "aging.d60", "aging.d90", "aging.over90"];

/// What each contact still owes (invoices) or is owed (bills) at `at`, by how long past
/// due, contacts with the most owed first.
pub fn aging(invoices: &[Invoice], entries: &[Entry], sale: bool, at: NaiveDate) -> Vec<(String, [i64; 5])> {
    let mut by: std::collections::HashMap<&str, [i64; 5]> = std::collections::HashMap::new();
    for inv in invoices.iter().filter(|i| i.is_live() && i.is_sale() == sale && i.status == InvoiceStatus::Sent) {
        if inv.date.is_none_or(|d| d > at) {
            continue;
        }
        let paid: i64 = entries
            .iter()
            .filter(|e| e.is_live() && e.document_id == inv.meta.id && e.kind != EntryKind::Journal && e.day().is_some_and(|d| d <= at))
            .map(|e| e.amount.unwrap_or(0))
            .sum();
        let open = inv.totals().total - paid;
        if open <= 0 {
            continue;
        }
        let late = inv.due.map_or(0, |due| (at - due).num_days());
        let bucket = match late {
            i64::MIN..=0 => 0,
            1..=30 => 1,
            31..=60 => 2,
            61..=90 => 3,
            _ => 4,
        };
        by.entry(inv.contact_id.as_str()).or_insert([0; 5])[bucket] += open;
    }
    let mut v: Vec<(String, [i64; 5])> = by.into_iter().map(|(c, b)| (c.to_string(), b)).collect();
    v.sort_by(|a, b| b.1.iter().sum::<i64>().cmp(&a.1.iter().sum::<i64>()).then(a.0.cmp(&b.0)));
    v
}

/// A sent invoice or received bill past its due date with money still owed on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Late {
    pub id: String,
    pub number: String,
    pub contact_id: String,
    /// Days past the due date (at least 1).
    pub days: i64,
    /// Still owed, minor units.
    pub open: i64,
}

/// Invoices (`sale`) or bills past due at `today` and not fully paid by then, the longest
/// late first. One pass over the entries: the Today view asks this of every entry in the books.
pub fn overdue(invoices: &[Invoice], entries: &[Entry], sale: bool, today: NaiveDate) -> Vec<Late> {
    let mut paid: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    let counted =
        |e: &&Entry| e.is_live() && !e.document_id.is_empty() && e.kind != EntryKind::Journal && e.day().is_some_and(|d| d <= today);
    for e in entries.iter().filter(counted) {
        *paid.entry(e.document_id.as_str()).or_default() += e.amount.unwrap_or(0);
    }
    let mut out: Vec<Late> = invoices
        .iter()
        .filter(|i| i.is_live() && i.is_sale() == sale)
        .filter_map(|i| {
            let p = paid.get(i.meta.id.as_str()).copied().unwrap_or(0);
            if i.state(p, today) != State::Overdue {
                return None;
            }
            let days = (today - i.due?).num_days();
            Some(Late {
                id: i.meta.id.clone(),
                number: i.number.clone(),
                contact_id: i.contact_id.clone(),
                days,
                open: i.totals().total - p,
            })
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| b.days.cmp(&a.days).then(a.number.cmp(&b.number)));
    out
}
