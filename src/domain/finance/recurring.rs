//! Entries that come back on a schedule (rent, internet, a loan instalment): each due date
//! up to today is offered, and recorded in one click; a date already recorded is not
//! recorded again.
use chrono::{Datelike, NaiveDate};

use super::entries::Entry;
use crate::domain::finance::entries::EntryKind;
use crate::domain::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::choice! {
    /// Money in or out: a schedule makes no transfers or journals.
    pub enum RecurringKind {
        In = "in" => "entry.kind.in",
        Out = "out" => "entry.kind.out",
    }
}
crate::choice! {
    /// How often a recurring entry falls due.
    pub enum Every {
        Month = "month" => "rec.every.month",
        Quarter = "quarter" => "rec.every.quarter",
        Year = "year" => "rec.every.year",
    }
}

impl RecurringKind {
    /// The entry a schedule makes.
    pub fn entry_kind(self) -> EntryKind {
        match self {
            RecurringKind::In => EntryKind::In,
            RecurringKind::Out => EntryKind::Out,
        }
    }
}

crate::record! {
    /// Money in or out that repeats: the entry it makes, how often, on which day.
    pub struct Recurring in "recurring" {
        description: String => Text, "rec.description" .required().listed().aliases(&["keterangan", "description"]),
        kind: RecurringKind = RecurringKind::Out => Select(RecurringKind::OPTIONS), "entry.kind" .required().listed().aliases(&["jenis"]),
        account_id: String => Ref(crate::domain::finance::Account, "money"), "entry.account" .required().listed().aliases(&["rekening"]),
        category_id: String => Ref(crate::domain::finance::Account), "entry.category" .required().listed().aliases(&["kategori", "akun"]),
        amount: Option<i64> => Money, "entry.amount" .required().listed().aliases(&["jumlah"]),
        tax: Option<i64> => Money, "entry.tax" .aliases(&["ppn"]),
        contact_id: String => ContactRef, "entry.contact" .aliases(&["kontak"]),
        every: Every = Every::Month => Select(Every::OPTIONS), "rec.every" .required().listed().aliases(&["setiap"]),
        /// Day of the month; a shorter month takes its last day.
        day: Option<i64> => Integer, "rec.day" .required().aliases(&["tanggal", "hari"]),
        start: Option<chrono::NaiveDate> => Date, "rec.start" .required().aliases(&["mulai"]),
        end: Option<chrono::NaiveDate> => Date, "rec.end" .aliases(&["sampai"]),
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: None, hidden: &[] };

impl RecordRules for Recurring {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.day.is_some_and(|d| !(1..=31).contains(&d)) {
            errs.push(("day", "err.day_of_month"));
        }
        if self.amount.is_some_and(|a| a <= 0) {
            errs.push(("amount", "err.amount_positive"));
        }
        if let (Some(s), Some(e)) = (self.start, self.end) {
            if e < s {
                errs.push(("end", "err.end_before_start"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.description.clone()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
}

fn on_day(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    (1..=day).rev().find_map(|d| NaiveDate::from_ymd_opt(y, m, d))
}

impl Recurring {
    pub fn source(&self) -> String {
        format!("recurring/{}", self.meta.id)
    }

    /// Its dates from the start up to `until` (and its end), in order.
    pub fn dates(&self, until: NaiveDate) -> Vec<NaiveDate> {
        let (Some(start), Some(day)) = (self.start, self.day.filter(|d| (1..=31).contains(d))) else { return vec![] };
        let last = self.end.map_or(until, |e| e.min(until));
        let step = match self.every {
            Every::Quarter => 3,
            Every::Year => 12,
            _ => 1,
        };
        let mut out = vec![];
        let (mut y, mut m) = (start.year(), start.month());
        // A schedule runs for years, not forever: 100 years of months at most.
        for _ in 0..1200 {
            let Some(d) = on_day(y, m, day as u32) else { break };
            if d > last {
                break;
            }
            if d >= start {
                out.push(d);
            }
            let next = m - 1 + step;
            y += (next / 12) as i32;
            m = next % 12 + 1;
        }
        out
    }

    /// The dates up to `today` with no entry made from it yet.
    pub fn due(&self, entries: &[Entry], today: NaiveDate) -> Vec<NaiveDate> {
        let source = self.source();
        let made: std::collections::HashSet<NaiveDate> =
            entries.iter().filter(|e| e.is_live() && e.source == source).filter_map(Entry::day).collect();
        if self.meta.deleted_at.is_some() {
            return vec![];
        }
        self.dates(today).into_iter().filter(|d| !made.contains(d)).collect()
    }

    pub fn entry_on(&self, day: NaiveDate) -> Entry {
        Entry {
            date: Some(day),
            kind: self.kind.entry_kind(),
            account_id: self.account_id.clone(),
            category_id: self.category_id.clone(),
            amount: self.amount,
            tax: self.tax,
            contact_id: self.contact_id.clone(),
            description: self.description.clone(),
            source: self.source(),
            ..Entry::default()
        }
    }
}

/// How many entries the schedules should have made by `today` and have not: what the
/// Today view asks the clerk to record.
pub fn due_count(schedules: &[Recurring], entries: &[Entry], today: NaiveDate) -> usize {
    schedules.iter().map(|r| r.due(entries, today).len()).sum()
}
