//! An event's vendors and its budget: what each supplies, the quote, the contract, the
//! deposit and the balance with their due dates, and what the client is charged — so the
//! budget (estimated, contracted, paid, still to pay), the margin and the payments coming
//! due are worked out, never typed twice.
use chrono::NaiveDate;

use crate::sort::sort_by;

use super::client_events::ClientEvent;
use super::event_guests::{counts, guests_of, people, EventGuest};
use super::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::choice! {
    /// What a vendor supplies: the event budget's categories.
    pub enum VendorKind {
        Venue = "venue" => "vendor.kind.venue",
        Catering = "catering" => "vendor.kind.catering",
        Decoration = "decoration" => "vendor.kind.decoration",
        Documentation = "documentation" => "vendor.kind.documentation",
        Entertainment = "entertainment" => "vendor.kind.entertainment",
        SoundLighting = "sound" => "vendor.kind.sound",
        Attire = "attire" => "vendor.kind.attire",
        Printing = "printing" => "vendor.kind.printing",
        Transport = "transport" => "vendor.kind.transport",
        Other = "other" => "vendor.kind.other",
    }
}

crate::choice! {
    /// Where the agreement with a vendor stands.
    pub enum Contract {
        Asked = "asked" => "vendor.contract.asked",
        Quoted = "quoted" => "vendor.contract.quoted",
        Sent = "sent" => "vendor.contract.sent",
        Signed = "signed" => "vendor.contract.signed",
    }
}

crate::record! {
    /// A vendor of an event, and the event budget's line for what it supplies.
    pub struct EventVendor in "event_vendors" {
        supplies: String => Text, "vendor.supplies" .required().listed().aliases(&["keterangan", "uraian", "description"]),
        event_id: String => Ref(crate::domain::client_events::ClientEvent), "vendor.event" .required().listed().aliases(&["event"]),
        kind: VendorKind = VendorKind::Other => Select(VendorKind::OPTIONS), "vendor.kind" .required().listed().aliases(&["kategori", "jenis", "category"]),
        contact_id: String => ContactRef, "vendor.contact" .listed().aliases(&["vendor", "pemasok", "supplier"]),
        /// The budget before any quote.
        estimate: Option<i64> => Money, "vendor.estimate" .aliases(&["anggaran", "estimasi", "estimate"]),
        /// The agreed price: the quote accepted or the contract's sum.
        quote: Option<i64> => Money, "vendor.quote" .listed().aliases(&["penawaran", "harga", "quote", "kontrak"]),
        /// A caterer's price per person: with no agreed total, the total is this for each
        /// person coming.
        per_head: Option<i64> => Money, "vendor.per_head" .aliases(&["harga per orang", "per pax", "per head"]),
        contract: Contract = Contract::Asked => Select(Contract::OPTIONS), "vendor.contract" .required().listed().aliases(&["status kontrak", "contract"]),
        deposit: Option<i64> => Money, "vendor.deposit" .aliases(&["dp", "uang muka", "deposit"]),
        deposit_due: Option<chrono::NaiveDate> => Date, "vendor.deposit_due" .aliases(&["jatuh tempo dp", "deposit due"]),
        deposit_paid: bool => Check, "vendor.deposit_paid" .aliases(&["dp dibayar", "deposit paid"]),
        balance_due: Option<chrono::NaiveDate> => Date, "vendor.balance_due" .aliases(&["jatuh tempo pelunasan", "balance due"]),
        balance_paid: bool => Check, "vendor.balance_paid" .aliases(&["lunas", "paid in full"]),
        /// What the client pays for this line (the price in the client's quotation).
        charged: Option<i64> => Money, "vendor.charged" .listed().aliases(&["harga ke klien", "harga jual", "charged"]),
        notes: String => LongText, "vendor.notes" .aliases(&["catatan", "notes"]),
    }
}

/// A price per person is asked of caterers.
const RULES: FormRules = FormRules { shown_when: &[("per_head", "kind", &["catering"])], span: None, hidden: &[] };

impl RecordRules for EventVendor {
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.deposit.unwrap_or(0) > 0 && self.quote.is_some() && self.deposit > self.quote {
            errs.push(("deposit", "err.vendor_deposit_over_quote"));
        }
        if self.balance_paid && self.quote.is_none() && self.per_head.is_none() {
            errs.push(("quote", "err.vendor_paid_without_quote"));
        }
        errs
    }
    fn title(&self) -> String {
        self.supplies.clone()
    }
}

impl EventVendor {
    /// The agreed total for `people` coming: the agreed price, else the price per person
    /// for each.
    pub fn agreed(&self, people: u32) -> Option<i64> {
        // Nobody counted yet: the price per person gives no total, the estimate stands.
        self.quote.or(self.per_head.filter(|_| people > 0).map(|p| p * i64::from(people)))
    }

    /// What is left after the deposit.
    pub fn balance(&self, people: u32) -> i64 {
        self.agreed(people).unwrap_or(0) - self.deposit.unwrap_or(0)
    }

    /// Paid so far: the deposit once paid, the whole agreed price once the balance is.
    pub fn paid(&self, people: u32) -> i64 {
        if self.balance_paid {
            self.agreed(people).unwrap_or(0)
        } else if self.deposit_paid {
            self.deposit.unwrap_or(0)
        } else {
            0
        }
    }

    /// The cost the budget counts: the agreed price, else the estimate.
    pub fn cost(&self, people: u32) -> i64 {
        self.agreed(people).or(self.estimate).unwrap_or(0)
    }
}

/// An event's vendors not in the trash, in the budget's category order.
pub fn vendors_of<'a>(all: &'a [EventVendor], event_id: &str) -> Vec<&'a EventVendor> {
    let mut v: Vec<&EventVendor> = all.iter().filter(|x| x.meta.deleted_at.is_none() && x.event_id == event_id).collect();
    sort_by(&mut v, |a, b| (a.kind as u8, a.meta.created_at).cmp(&(b.kind as u8, b.meta.created_at)));
    v
}

/// One category of an event's budget, or its total.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BudgetLine {
    pub estimated: i64,
    pub contracted: i64,
    pub paid: i64,
    /// Contracted and not yet paid.
    pub to_pay: i64,
    pub charged: i64,
}

impl BudgetLine {
    fn add(&mut self, v: &EventVendor, people: u32) {
        let agreed = v.agreed(people).unwrap_or(0);
        self.estimated += v.estimate.unwrap_or(0);
        self.contracted += agreed;
        self.paid += v.paid(people);
        // A deposit paid before any price was agreed leaves nothing to pay, not less.
        self.to_pay += (agreed - v.paid(people)).max(0);
        self.charged += v.charged.unwrap_or(0);
    }

    /// What the office keeps: the client's price less the cost (the agreed price where there
    /// is one, else the estimate).
    pub fn margin(&self, cost: i64) -> i64 {
        self.charged - cost
    }
}

/// The budget by category (those with a vendor), the total, and the total cost, for `people`
/// coming (what prices per person are multiplied by).
pub fn budget(vendors: &[&EventVendor], people: u32) -> (Vec<(VendorKind, BudgetLine)>, BudgetLine, i64) {
    let mut lines: Vec<(VendorKind, BudgetLine)> = vec![];
    let mut total = BudgetLine::default();
    for v in vendors {
        match lines.iter_mut().find(|(k, _)| *k == v.kind) {
            Some((_, line)) => line.add(v, people),
            None => {
                let mut line = BudgetLine::default();
                line.add(v, people);
                lines.push((v.kind, line));
            }
        }
        total.add(v, people);
    }
    sort_by(&mut lines, |a, b| (a.0 as u8).cmp(&(b.0 as u8)));
    let cost = vendors.iter().map(|v| v.cost(people)).sum();
    (lines, total, cost)
}

crate::choice! {
    /// Which payment to a vendor is coming due.
    pub enum Payment {
        Deposit = "deposit" => "vendor.pay.deposit",
        Balance = "balance" => "vendor.pay.balance",
    }
}

/// A payment to a vendor not yet made, due within the days looked ahead or already late.
#[derive(Clone, Debug, PartialEq)]
pub struct PaymentDue {
    pub event_id: String,
    pub event: String,
    pub vendor_id: String,
    pub contact_id: String,
    pub supplies: String,
    pub payment: Payment,
    pub amount: i64,
    pub due: NaiveDate,
}

/// Payments due within this many days are shown with the late ones: a week to arrange a
/// transfer.
pub const PAYMENT_AHEAD_DAYS: u64 = 7;

/// Unpaid deposits and balances of events still open, due by `today + ahead` days (late
/// ones included), the earliest first.
pub fn payments_due(
    events: &[ClientEvent],
    vendors: &[EventVendor],
    guests: &[EventGuest],
    today: NaiveDate,
    ahead: u64,
) -> Vec<PaymentDue> {
    let until = today.checked_add_days(chrono::Days::new(ahead)).unwrap_or(today);
    let mut out = vec![];
    for v in vendors.iter().filter(|v| v.meta.deleted_at.is_none()) {
        let Some(e) = events.iter().find(|e| e.meta.id == v.event_id && e.is_open()) else { continue };
        let due = |payment: Payment, amount: i64, due: NaiveDate| PaymentDue {
            event_id: e.meta.id.clone(),
            event: e.name.clone(),
            vendor_id: v.meta.id.clone(),
            contact_id: v.contact_id.clone(),
            supplies: v.supplies.clone(),
            payment,
            amount,
            due,
        };
        let deposit = v.deposit.unwrap_or(0);
        let people = people(e, &counts(&guests_of(guests, &e.meta.id)));
        if let Some(d) = v.deposit_due.filter(|d| *d <= until && deposit > 0 && !v.deposit_paid && !v.balance_paid) {
            out.push(due(Payment::Deposit, deposit, d));
        }
        // The balance is what the deposit leaves; a deposit without a day of its own is
        // paid with it.
        if let Some(d) = v.balance_due.filter(|d| *d <= until && !v.balance_paid) {
            let amount = if v.deposit_paid || v.deposit_due.is_some() { v.balance(people) } else { v.agreed(people).unwrap_or(0) };
            if amount > 0 {
                out.push(due(Payment::Balance, amount, d));
            }
        }
    }
    sort_by(&mut out, |a, b| (a.due, &a.event).cmp(&(b.due, &b.event)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_date(s).unwrap()
    }

    fn vendor(kind: &str, estimate: &str, quote: &str, deposit: &str, charged: &str) -> EventVendor {
        let mut v = EventVendor::blank("2026-11-01T08:00:00Z".parse().unwrap());
        v.set("event_id", "ev1");
        v.set("kind", kind);
        v.set("supplies", kind);
        v.set("estimate", estimate);
        v.set("quote", quote);
        v.set("deposit", deposit);
        v.set("charged", charged);
        v
    }

    #[test]
    fn the_budget_adds_up_by_category_with_the_margin() {
        let mut catering = vendor("catering", "30000000", "32500000", "10000000", "40000000");
        catering.deposit_paid = true;
        let mut venue = vendor("venue", "15000000", "15000000", "5000000", "18000000");
        venue.balance_paid = true;
        let decoration = vendor("decoration", "8000000", "", "", "10000000");
        let snacks = vendor("catering", "2000000", "1500000", "", "2500000");
        let all = [catering, venue, decoration, snacks];
        let mine = vendors_of(&all, "ev1");
        assert_eq!(mine.iter().map(|v| v.kind.code()).collect::<Vec<_>>(), ["venue", "catering", "catering", "decoration"]);
        let (lines, total, cost) = budget(&mine, 120);
        assert_eq!(lines.iter().map(|(k, _)| k.code()).collect::<Vec<_>>(), ["venue", "catering", "decoration"]);
        assert_eq!(
            lines[1].1,
            BudgetLine { estimated: 32_000_000, contracted: 34_000_000, paid: 10_000_000, to_pay: 24_000_000, charged: 42_500_000 }
        );
        assert_eq!(total.paid, 25_000_000);
        assert_eq!(total.to_pay, 24_000_000);
        // Decoration has no quote yet: its estimate stands in the cost.
        assert_eq!(cost, 15_000_000 + 32_500_000 + 1_500_000 + 8_000_000);
        assert_eq!(total.margin(cost), 70_500_000 - 57_000_000);
    }

    #[test]
    fn a_caterer_priced_per_person_costs_that_for_each_person_coming() {
        let mut v = vendor("catering", "30000000", "", "5000000", "");
        v.set("per_head", "250000");
        assert_eq!(v.agreed(118), Some(29_500_000));
        let (_, total, cost) = budget(&[&v], 118);
        assert_eq!((total.contracted, total.to_pay, cost), (29_500_000, 29_500_000, 29_500_000));
        v.deposit_paid = true;
        assert_eq!(v.balance(118), 24_500_000);
        // An agreed total wins over the price per person.
        v.set("quote", "28000000");
        assert_eq!(v.agreed(118), Some(28_000_000));
        assert!(v.validate().is_empty());
    }

    #[test]
    fn deposits_and_balances_come_due_until_paid_for_open_events() {
        let mut e = ClientEvent::blank("2026-11-01T08:00:00Z".parse().unwrap());
        e.meta.id = "ev1".into();
        e.set("name", "Resepsi");
        e.set("date", "2027-02-14");
        let mut v = vendor("catering", "", "30000000", "10000000", "");
        v.set("deposit_due", "2026-12-05");
        v.set("balance_due", "2027-02-07");
        let today = d("2026-12-01");
        let due = |v: &EventVendor, today: NaiveDate| due_of(&e, v, today);
        fn due_of(e: &ClientEvent, v: &EventVendor, today: NaiveDate) -> Vec<(Payment, i64, String)> {
            payments_due(std::slice::from_ref(e), std::slice::from_ref(v), &[], today, 7)
                .iter()
                .map(|p| (p.payment, p.amount, p.due.to_string()))
                .collect::<Vec<_>>()
        }
        assert_eq!(due(&v, today), [(Payment::Deposit, 10_000_000, "2026-12-05".to_string())]);
        // Not yet within the week.
        assert!(due(&v, d("2026-11-20")).is_empty());
        // Late and unpaid, it stays; the balance joins it in its week.
        assert_eq!(due(&v, d("2027-02-01")).len(), 2);
        v.deposit_paid = true;
        assert_eq!(due(&v, d("2027-02-01")), [(Payment::Balance, 20_000_000, "2027-02-07".to_string())]);
        v.balance_paid = true;
        assert!(due(&v, d("2027-02-10")).is_empty());
        // A lost event owes nothing more.
        v.balance_paid = false;
        e.set("stage", "lost");
        assert!(due_of(&e, &v, d("2027-02-10")).is_empty());
    }

    #[test]
    fn a_deposit_above_the_quote_is_refused() {
        let v = vendor("venue", "", "5000000", "6000000", "");
        assert!(v.validate().contains(&("deposit", "err.vendor_deposit_over_quote")));
        let mut ok = vendor("venue", "", "5000000", "2000000", "");
        assert!(ok.validate().is_empty());
        ok.quote = None;
        ok.deposit = None;
        ok.balance_paid = true;
        assert!(ok.validate().contains(&("quote", "err.vendor_paid_without_quote")));
    }
}
