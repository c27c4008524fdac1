//! The compliance register: what the office must do by a date — tax filings and payments,
//! BPJS payments, licences and permits, insurance, contracts with their notice periods,
//! other legal duties — once or again and again, and what was done for each time it fell
//! due (the evidence: a payment's NTPN, a receipt, a licence number).
use chrono::{Datelike, Months, NaiveDate};

use super::dates::day_text;
use super::record::{validate_by_schema, FieldError, FormRules, RecordRules, Referable};

crate::choice! {
    /// What kind of duty an obligation is.
    pub enum ObligationKind {
        Tax = "tax" => "obl.kind.tax",
        Bpjs = "bpjs" => "obl.kind.bpjs",
        Licence = "licence" => "obl.kind.licence",
        Insurance = "insurance" => "obl.kind.insurance",
        Contract = "contract" => "obl.kind.contract",
        Other = "other" => "obl.kind.other",
    }
}
crate::choice! {
    /// How often an obligation falls due, counted from its first due date (whose day of the
    /// month it keeps; the month's last day where the month is shorter).
    pub enum Repeat {
        Once = "once" => "obl.repeat.once",
        Monthly = "monthly" => "obl.repeat.monthly",
        /// On every month's last day (a VAT return): the first due date's month on.
        MonthEnd = "month_end" => "obl.repeat.month_end",
        Months = "months" => "obl.repeat.months",
        Yearly = "yearly" => "obl.repeat.yearly",
    }
}

crate::record! {
    /// A duty of the office with its due dates.
    pub struct Obligation in "obligations" {
        name: String => Text, "obl.name" .required().listed().aliases(&["nama", "kewajiban", "obligation"]),
        kind: ObligationKind = ObligationKind::Tax => Select(ObligationKind::OPTIONS), "obl.kind" .required().listed().aliases(&["jenis"]),
        owner: String => Suggest("people"), "obl.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        first_due: Option<chrono::NaiveDate> => Date, "obl.first_due" .required().aliases(&["jatuh tempo pertama", "tenggat", "due"]),
        repeat: Repeat = Repeat::Monthly => Select(Repeat::OPTIONS), "obl.repeat" .required().listed().aliases(&["berulang", "repeat"]),
        /// For "every N months".
        every: Option<i64> => Integer, "obl.every" .aliases(&["setiap (bulan)", "every"]),
        /// The last day it can fall due (a contract's end); none: for as long as it is kept.
        until: Option<chrono::NaiveDate> => Date, "obl.until" .aliases(&["sampai", "berakhir"]),
        /// A contract's or lease's notice period: notice must be given this many days before
        /// it ends (its last day, or its one due date), or it renews as it is.
        notice_days: Option<i64> => Integer, "obl.notice_days" .aliases(&["masa pemberitahuan (hari)", "notice"]),
        /// Shown on Today from this many days before it is due (none: on the day).
        lead_days: Option<i64> => Integer, "obl.lead_days" .aliases(&["pengingat (hari)", "lead"]),
        /// The rule or document it comes from: a regulation, a licence number, a contract.
        reference: String => Text, "obl.reference" .aliases(&["dasar", "referensi", "nomor"]),
        note: String => LongText, "obl.note" .aliases(&["catatan"]),
    }
}

const RULES: FormRules = FormRules { shown_when: &[("every", "repeat", &["months"])], span: None, hidden: &[] };

/// The reminder a new obligation starts with, in days.
pub const LEAD: i64 = 7;

/// The longest notice period, in days (ten years).
pub const MOST_NOTICE: i64 = 3650;

/// The most a reminder reaches ahead, in days.
pub const MOST_LEAD: i64 = 366;

impl RecordRules for Obligation {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.repeat == Repeat::Months && !self.every.is_some_and(|n| (1..=120).contains(&n)) {
            errs.push(("every", "err.every_months"));
        }
        if self.lead_days.is_some_and(|n| !(0..=MOST_LEAD).contains(&n)) {
            errs.push(("lead_days", "err.lead_days"));
        }
        if self.notice_days.is_some_and(|n| !(1..=MOST_NOTICE).contains(&n)) {
            errs.push(("notice_days", "err.notice_days"));
        } else if self.notice_days.is_some() && self.ends().is_none() {
            errs.push(("notice_days", "err.notice_end"));
        }
        if let (Some(first), Some(until)) = (self.first_due, self.until) {
            if until < first {
                errs.push(("until", "err.end_before_start"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
}

impl Referable for Obligation {
    fn ref_label(&self) -> String {
        self.name.clone()
    }
}

impl Obligation {
    /// Days before a due date it is shown from.
    pub fn lead(&self) -> i64 {
        self.lead_days.unwrap_or(0).clamp(0, MOST_LEAD)
    }

    /// Its last day: the end date, or the one due date of what falls due once.
    pub fn ends(&self) -> Option<NaiveDate> {
        self.until.or(if self.repeat == Repeat::Once { self.first_due } else { None })
    }

    /// The last day to give notice, for a contract with a notice period.
    pub fn notice_date(&self) -> Option<NaiveDate> {
        let days = self.notice_days.filter(|n| (1..=MOST_NOTICE).contains(n))?;
        self.ends()?.checked_sub_days(chrono::Days::new(days as u64))
    }

    /// Months between two due dates; `None` when it falls due once.
    fn step(&self) -> Option<u32> {
        match self.repeat {
            Repeat::Once => None,
            Repeat::Monthly | Repeat::MonthEnd => Some(1),
            Repeat::Months => self.every.and_then(|n| u32::try_from(n).ok()).filter(|n| *n > 0),
            Repeat::Yearly => Some(12),
        }
    }

    /// The due dates from `from` through `to`, earliest first (at most `MOST` of them).
    pub fn due_dates(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        const MOST: usize = 500;
        let Some(first) = self.first_due else { return vec![] };
        let last = self.until.map_or(to, |u| u.min(to));
        let mut out = vec![];
        let Some(step) = self.step() else {
            if first >= from && first <= last {
                out.push(first);
            }
            return out;
        };
        // Each date counted from the first, so a 31st stays the 31st after a short month.
        let at_end = self.repeat == Repeat::MonthEnd;
        let mut k: u32 = 0;
        // Straight to the first date that can be on or after `from`.
        if from > first {
            let months = u32::try_from(month_index(from) - month_index(first)).unwrap_or(0);
            k = (months / step).saturating_sub(1);
        }
        while out.len() < MOST {
            let Some(mut due) = first.checked_add_months(Months::new(k.saturating_mul(step))) else { break };
            if at_end {
                due = month_end(due).unwrap_or(due);
            }
            if due > last {
                break;
            }
            if due >= from {
                out.push(due);
            }
            k += 1;
        }
        out
    }
}

fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The last day of `d`'s month.
fn month_end(d: NaiveDate) -> Option<NaiveDate> {
    d.with_day(1)?.checked_add_months(Months::new(1))?.pred_opt()
}

crate::record! {
    /// One time an obligation fell due, done: when, by whom, with what evidence.
    pub struct ObligationDone in "obligations_done" {
        obligation_id: String => Ref(crate::domain::compliance::Obligation), "obld.obligation" .required().listed().aliases(&["kewajiban", "obligation"]),
        /// The due date it settles.
        due: Option<chrono::NaiveDate> => Date, "obld.due" .required().listed().aliases(&["jatuh tempo", "due"]),
        done_on: Option<chrono::NaiveDate> => Date, "obld.done_on" .required().listed().aliases(&["tanggal selesai", "done"]),
        /// What shows it was done: a payment's NTPN, a filing's receipt number, a new licence.
        evidence: String => Text, "obld.evidence" .required().listed().aliases(&["bukti", "ntpn", "nomor bukti"]),
        by: String => Suggest("people"), "obld.by" .listed().aliases(&["oleh", "by"]),
        /// Records the notice given for a contract's notice deadline, not its due date: a
        /// rent due on the same day is settled on its own.
        notice: bool => Check, "obld.notice" .aliases(&["pemberitahuan", "notice"]),
        note: String => Text, "obld.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for ObligationDone {
    /// The evidence names it ("NTPN 0123…"); the due date while there is none.
    fn title(&self) -> String {
        if self.evidence.trim().is_empty() {
            day_text(self.due)
        } else {
            self.evidence.clone()
        }
    }
}

/// A due date not yet done: overdue, or within the obligation's reminder.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Due {
    pub obligation_id: String,
    pub name: String,
    pub owner: String,
    pub due: NaiveDate,
    /// Days from today: negative when overdue.
    pub days: i64,
    /// The last day to give notice of a contract, not a due date of its own.
    pub notice: bool,
}

/// How far back a due date not done is still listed as overdue, in days: an obligation
/// entered with its first date years ago (or a mistyped year) does not fill Today.
pub const LOOK_BACK: i64 = 2 * 366;

/// Every due date of the live obligations not yet done, up to each one's reminder from
/// `today`, overdue ones of the last two years included; the earliest first.
pub fn open_dues(obligations: &[Obligation], done: &[ObligationDone], today: NaiveDate) -> Vec<Due> {
    dues(obligations, done, today, |o, notice| if notice { o.lead().max(NOTICE_LEAD) } else { o.lead() })
}

/// The due dates not yet done from two years back to `days` after `today`, whatever each
/// obligation's reminder: what a review lists as coming.
pub fn dues_within(obligations: &[Obligation], done: &[ObligationDone], today: NaiveDate, days: i64) -> Vec<Due> {
    dues(obligations, done, today, |_, _| days)
}

/// A notice deadline is shown at least this many days ahead: a notice takes preparing.
pub const NOTICE_LEAD: i64 = 14;

fn dues(obligations: &[Obligation], done: &[ObligationDone], today: NaiveDate, ahead: impl Fn(&Obligation, bool) -> i64) -> Vec<Due> {
    let mut out = vec![];
    let from = today - chrono::Duration::days(LOOK_BACK);
    for o in obligations.iter().filter(|o| o.meta.deleted_at.is_none()) {
        let to = today + chrono::Duration::days(ahead(o, false));
        // A notice matters until the contract ends; after that it renewed or it ended.
        let notice = o
            .notice_date()
            .filter(|d| from <= *d && *d <= today + chrono::Duration::days(ahead(o, true)) && o.ends().is_some_and(|end| today <= end));
        let dates = o.due_dates(from, to).into_iter().map(|d| (d, false)).chain(notice.map(|d| (d, true)));
        for (due, notice) in dates {
            let settled = done
                .iter()
                .any(|d| d.meta.deleted_at.is_none() && d.obligation_id == o.meta.id && d.due == Some(due) && d.notice == notice);
            if !settled {
                out.push(Due {
                    obligation_id: o.meta.id.clone(),
                    name: o.name.clone(),
                    owner: o.owner.clone(),
                    due,
                    days: (due - today).num_days(),
                    notice,
                });
            }
        }
    }
    crate::sort::sort_by(&mut out, |a, b| a.due.cmp(&b.due).then_with(|| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name))));
    out
}

/// The next due dates of the live obligations from `today`, `days` ahead, for a calendar file.
pub fn coming(obligations: &[Obligation], today: NaiveDate, days: i64) -> Vec<(&Obligation, NaiveDate)> {
    let to = today + chrono::Duration::days(days);
    let mut out: Vec<(&Obligation, NaiveDate)> = obligations
        .iter()
        .filter(|o| o.meta.deleted_at.is_none())
        .flat_map(|o| o.due_dates(today, to).into_iter().map(move |d| (o, d)))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.1.cmp(&b.1));
    out
}

/// The coming due dates as a calendar file: an all-day item for each, with an alarm the
/// obligation's reminder days before, so the office's calendar app warns in time.
pub fn deadlines_ics(coming: &[(&Obligation, NaiveDate)], name: &str, stamp: chrono::DateTime<chrono::Utc>) -> String {
    let items: Vec<super::ics_write::AllDay> = coming
        .iter()
        .map(|(o, due)| super::ics_write::AllDay {
            // One UID per obligation and date: a file exported again updates the same items.
            uid: format!("{}-{}@backoffice", o.meta.id, super::dates::compact_date(*due)),
            summary: &o.name,
            first: *due,
            last: *due,
            description: [o.owner.as_str(), o.reference.as_str()].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n"),
            alarm_days: u32::try_from(o.lead()).unwrap_or(0),
        })
        .collect();
    super::ics_write::all_day_calendar(name, &items, stamp)
}

/// The common deadlines of an Indonesian office, offered as a starter list: (name key,
/// kind, day of the month — 31: the month's last day —, month of the year for yearly
/// ones, reference key). A tax or
/// BPJS deadline on a day off moves to the next working day; the list keeps the date.
pub const STARTER: &[(&str, ObligationKind, u32, Option<u32>, &str)] = &[
    ("obl.starter.bpjs_kes", ObligationKind::Bpjs, 10, None, "obl.starter.bpjs_kes_ref"),
    ("obl.starter.pph21_pay", ObligationKind::Tax, 15, None, "obl.starter.pph21_pay_ref"),
    ("obl.starter.bpjs_tk", ObligationKind::Bpjs, 15, None, "obl.starter.bpjs_tk_ref"),
    ("obl.starter.pph21_file", ObligationKind::Tax, 20, None, "obl.starter.pph21_file_ref"),
    ("obl.starter.ppn_file", ObligationKind::Tax, 31, None, "obl.starter.ppn_file_ref"),
    ("obl.starter.annual_company", ObligationKind::Tax, 30, Some(4), "obl.starter.annual_company_ref"),
];

/// The first due date on or after `today` of a starter deadline on `day` (of `month`).
pub fn starter_first_due(today: NaiveDate, day: u32, month: Option<u32>) -> Option<NaiveDate> {
    let on = |y: i32, m: u32| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        first.with_day(day.min(last.day()))
    };
    match month {
        Some(m) => [today.year(), today.year() + 1].into_iter().filter_map(|y| on(y, m)).find(|d| *d >= today),
        None => {
            (0..2).filter_map(|k| today.checked_add_months(Months::new(k))).filter_map(|t| on(t.year(), t.month())).find(|d| *d >= today)
        }
    }
}

#[cfg(test)]
#[path = "compliance_tests.rs"]
mod tests;
