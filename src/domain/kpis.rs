//! Key figures the coordinator follows period by period: each has a target and an actual
//! that is typed for the period or worked out from what the other modules already hold
//! (calls, visitors, headcount, cash, overdue receivables, event margin), and a trend.
use chrono::{Datelike, Months, NaiveDate};

use super::client_events::ClientEvent;
use super::event_guests::EventGuest;
use super::event_vendors::EventVendor;
use super::finance::invoices::{overdue, Invoice};
use super::finance::{ledger::Ledger, Account, Entry};
use super::frontdesk::{Call, Visitor};
use super::people::Employee;
use super::record::{validate_by_schema, FieldError, RecordRules, Referable};

crate::choice! {
    /// Where a KPI's actual comes from.
    pub enum Source {
        Typed = "typed" => "kpi.source.typed",
        Calls = "calls" => "kpi.source.calls",
        Visitors = "visitors" => "kpi.source.visitors",
        Headcount = "headcount" => "kpi.source.headcount",
        Cash = "cash" => "kpi.source.cash",
        Receivables = "receivables" => "kpi.source.receivables",
        EventMargin = "event_margin" => "kpi.source.event_margin",
    }
}
crate::choice! {
    /// How long a KPI's period is.
    pub enum Every {
        Month = "month" => "kpi.every.month",
        Quarter = "quarter" => "kpi.every.quarter",
    }
}
crate::choice! {
    /// Which way is good.
    pub enum Better {
        Higher = "higher" => "kpi.better.higher",
        Lower = "lower" => "kpi.better.lower",
    }
}

crate::record! {
    /// A figure followed each period against a target.
    pub struct Kpi in "kpis" {
        name: String => Text, "kpi.name" .required().listed().aliases(&["nama", "kpi", "indikator"]),
        source: Source = Source::Typed => Select(Source::OPTIONS), "kpi.source" .required().listed().aliases(&["sumber", "source"]),
        every: Every = Every::Month => Select(Every::OPTIONS), "kpi.every" .required().listed().aliases(&["periode", "period"]),
        better: Better = Better::Higher => Select(Better::OPTIONS), "kpi.better" .required().aliases(&["arah", "better"]),
        /// Each period's target unless a period has its own; money in whole rupiah (major units).
        target: Option<i64> => Integer, "kpi.target" .listed().aliases(&["target"]),
        owner: String => Suggest("people"), "kpi.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        notes: String => LongText, "kpi.notes" .aliases(&["catatan", "notes"]),
    }
}

impl RecordRules for Kpi {
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl Referable for Kpi {
    fn ref_label(&self) -> String {
        self.name.clone()
    }
}

crate::record! {
    /// A period's typed actual of a KPI, or the period's own target.
    pub struct KpiActual in "kpi_actuals" {
        kpi_id: String => Ref(crate::domain::kpis::Kpi), "kpia.kpi" .required().listed().aliases(&["kpi", "indikator"]),
        /// The period's first day.
        period: Option<chrono::NaiveDate> => Date, "kpia.period" .required().listed().aliases(&["periode", "period"]),
        actual: Option<i64> => Integer, "kpia.actual" .listed().aliases(&["realisasi", "actual"]),
        /// This period's target, when it differs from the KPI's.
        target: Option<i64> => Integer, "kpia.target" .listed().aliases(&["target"]),
        comment: String => LongText, "kpia.comment" .aliases(&["komentar", "catatan", "comment"]),
    }
}

impl RecordRules for KpiActual {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.period.is_some_and(|d| d.day() != 1) {
            errs.push(("period", "err.period_start"));
        }
        errs
    }
    fn title(&self) -> String {
        self.period.map(|d| format!("{:04}-{:02}", d.year(), d.month())).unwrap_or_default()
    }
}

impl Source {
    /// Money figures are shown and compared in the office currency.
    pub fn is_money(self) -> bool {
        matches!(self, Source::Cash | Source::Receivables | Source::EventMargin)
    }
}

/// A period of a KPI: its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Every {
    fn months(self) -> u32 {
        match self {
            Every::Month => 1,
            Every::Quarter => 3,
        }
    }

    /// The period holding `day`.
    pub fn period_of(self, day: NaiveDate) -> Period {
        let n = self.months();
        let first_month = (day.month0() / n) * n + 1;
        let from = NaiveDate::from_ymd_opt(day.year(), first_month, 1).expect("a month's first day");
        let to = from.checked_add_months(Months::new(n)).and_then(|d| d.pred_opt()).unwrap_or(from);
        Period { from, to }
    }

    /// The `n` periods up to the one holding `day`, oldest first.
    pub fn last_periods(self, day: NaiveDate, n: usize) -> Vec<Period> {
        let mut out = vec![self.period_of(day)];
        while out.len() < n {
            let Some(before) = out[0].from.pred_opt() else { break };
            out.insert(0, self.period_of(before));
        }
        out
    }
}

impl Period {
    /// "2026-11" or "2026-Q4".
    pub fn label(&self, every: Every) -> String {
        match every {
            Every::Month => format!("{:04}-{:02}", self.from.year(), self.from.month()),
            Every::Quarter => format!("{:04}-Q{}", self.from.year(), self.from.month0() / 3 + 1),
        }
    }
}

/// What the other modules hold, for working out actuals.
#[derive(Clone, Copy, Default)]
pub struct Facts<'a> {
    pub calls: &'a [Call],
    pub visitors: &'a [Visitor],
    pub employees: &'a [Employee],
    pub accounts: &'a [Account],
    pub entries: &'a [Entry],
    pub invoices: &'a [Invoice],
    pub events: &'a [ClientEvent],
    pub vendors: &'a [EventVendor],
    pub guests: &'a [EventGuest],
}

/// The actual of `source` over `p`, in minor units for money; `None` for a typed KPI.
/// Counts are of the period; balances are at its last day (or `today`, when earlier: a
/// period still running is measured as it stands).
pub fn worked_out(source: Source, p: Period, today: NaiveDate, f: &Facts) -> Option<i64> {
    let within = |d: NaiveDate| p.from <= d && d <= p.to;
    let at = p.to.min(today);
    let n = |count: usize| Some(count as i64);
    match source {
        Source::Typed => None,
        Source::Calls => n(f.calls.iter().filter(|c| c.meta.deleted_at.is_none() && c.at.is_some_and(|t| within(t.date()))).count()),
        Source::Visitors => {
            n(f.visitors.iter().filter(|v| v.meta.deleted_at.is_none() && v.check_in.is_some_and(|t| within(t.date()))).count())
        }
        Source::Headcount => n(f
            .employees
            .iter()
            .filter(|e| e.meta.deleted_at.is_none() && e.joined.is_some_and(|j| j <= at) && e.left_on.is_none_or(|l| l > at))
            .count()),
        Source::Cash => {
            let ledger = Ledger::new(f.accounts, f.entries);
            Some(f.accounts.iter().filter(|a| a.money && a.meta.deleted_at.is_none()).map(|a| ledger.balance_at(&a.meta.id, at)).sum())
        }
        Source::Receivables => Some(overdue(f.invoices, f.entries, true, at).iter().map(|l| l.open).sum()),
        Source::EventMargin => {
            let held: Vec<ClientEvent> = f.events.iter().filter(|e| e.date.is_some_and(within)).cloned().collect();
            Some(super::portfolio::portfolio(&held, f.vendors, f.guests, "").iter().map(|e| e.budget.charged - e.cost).sum())
        }
    }
}

/// A KPI's row for one period.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub period: Period,
    pub target: Option<i64>,
    pub actual: Option<i64>,
    /// The typed record of the period, if any.
    pub record_id: Option<String>,
    /// Against the target, the way that is good.
    pub met: Option<bool>,
    /// Change of the actual from the period before.
    pub change: Option<i64>,
}

/// `kpi` over its last `n` periods up to `today`, oldest first. A period's own target (typed
/// beside its actual) wins over the KPI's; money targets are whole units, scaled by
/// `scale` (10 to the currency's decimals) to compare with money actuals.
pub fn rows(kpi: &Kpi, actuals: &[KpiActual], today: NaiveDate, n: usize, scale: i64, f: &Facts) -> Vec<Row> {
    let unit = if kpi.source.is_money() { scale } else { 1 };
    let mut out: Vec<Row> = vec![];
    for p in kpi.every.last_periods(today, n) {
        // The newest record of the period, if it was typed twice.
        let typed = actuals
            .iter()
            .filter(|a| a.meta.deleted_at.is_none() && a.kpi_id == kpi.meta.id && a.period.is_some_and(|d| kpi.every.period_of(d) == p))
            .max_by_key(|a| a.meta.updated_at);
        let target = typed.and_then(|a| a.target).or(kpi.target).map(|t| t.saturating_mul(unit));
        let actual = match kpi.source {
            Source::Typed => typed.and_then(|a| a.actual),
            s => worked_out(s, p, today, f),
        };
        let met = target.zip(actual).map(|(t, a)| match kpi.better {
            Better::Higher => a >= t,
            Better::Lower => a <= t,
        });
        let change = actual.zip(out.last().and_then(|r| r.actual)).map(|(a, b)| a - b);
        out.push(Row { period: p, target, actual, record_id: typed.map(|a| a.meta.id.clone()), met, change });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::finance::accounts::{by_code, standard_chart};
    use crate::domain::finance::entries::EntryKind;
    use crate::domain::format::Lang;
    use crate::domain::record::Entity;

    fn d(s: &str) -> NaiveDate {
        crate::domain::record::parse_date(s).unwrap()
    }

    fn kpi(source: Source, every: Every, target: Option<i64>) -> Kpi {
        let mut k = Kpi { name: "K".into(), source, every, target, ..Kpi::blank(chrono::DateTime::UNIX_EPOCH) };
        k.meta.id = "k1".into();
        k
    }

    fn typed(period: &str, actual: Option<i64>, target: Option<i64>) -> KpiActual {
        KpiActual { kpi_id: "k1".into(), period: Some(d(period)), actual, target, ..KpiActual::blank(chrono::DateTime::UNIX_EPOCH) }
    }

    #[test]
    fn periods_are_months_or_quarters_named_as_people_say_them() {
        let q = Every::Quarter.period_of(d("2026-11-17"));
        assert_eq!((q.from, q.to, q.label(Every::Quarter)), (d("2026-10-01"), d("2026-12-31"), "2026-Q4".to_string()));
        let m = Every::Month.period_of(d("2026-02-10"));
        assert_eq!((m.to, m.label(Every::Month)), (d("2026-02-28"), "2026-02".to_string()));
        let last = Every::Quarter.last_periods(d("2027-01-05"), 3);
        assert_eq!(last.iter().map(|p| p.label(Every::Quarter)).collect::<Vec<_>>(), ["2026-Q3", "2026-Q4", "2027-Q1"]);
    }

    #[test]
    fn a_typed_kpi_against_its_targets_with_the_change_from_the_period_before() {
        let k = kpi(Source::Typed, Every::Month, Some(90));
        let actuals =
            vec![typed("2026-09-01", Some(80), None), typed("2026-10-01", Some(95), None), typed("2026-11-01", Some(97), Some(100))];
        let rows = rows(&k, &actuals, d("2026-11-20"), 3, 1, &Facts::default());
        let got: Vec<_> = rows.iter().map(|r| (r.period.label(Every::Month), r.target, r.actual, r.met, r.change)).collect();
        assert_eq!(
            got,
            vec![
                ("2026-09".to_string(), Some(90), Some(80), Some(false), None),
                ("2026-10".to_string(), Some(90), Some(95), Some(true), Some(15)),
                // The month's own target wins: 97 is short of 100.
                ("2026-11".to_string(), Some(100), Some(97), Some(false), Some(2)),
            ]
        );
        // Lower is better: a cost under its target is met.
        let cost = Kpi { better: Better::Lower, ..k };
        assert_eq!(super::rows(&cost, &actuals, d("2026-10-20"), 1, 1, &Facts::default())[0].met, Some(false));
    }

    #[test]
    fn actuals_worked_out_from_calls_headcount_and_cash() {
        let call = |at: &str| Call { at: crate::domain::dates::parse_datetime(at), ..Call::blank(chrono::DateTime::UNIX_EPOCH) };
        let mut gone = call("2026-11-05T10:00");
        gone.meta.deleted_at = Some(chrono::Utc::now());
        let calls = vec![call("2026-10-31T16:00"), call("2026-11-01T08:00"), call("2026-11-30T17:00"), gone];
        let person = |joined: &str, left: Option<&str>| Employee {
            joined: Some(d(joined)),
            left_on: left.map(d),
            ..Employee::blank(chrono::DateTime::UNIX_EPOCH)
        };
        let employees = vec![person("2025-01-01", None), person("2026-11-10", None), person("2024-01-01", Some("2026-11-15"))];
        let accounts = standard_chart(Lang::Id);
        let bank = by_code(&accounts, "1111").unwrap().meta.id.clone();
        let income = by_code(&accounts, "4101").unwrap().meta.id.clone();
        let entries = vec![Entry {
            kind: EntryKind::In,
            date: Some(d("2026-11-03")),
            account_id: bank,
            category_id: income,
            amount: Some(5_000_000),
            ..Entry::default()
        }];
        let f = Facts { calls: &calls, employees: &employees, accounts: &accounts, entries: &entries, ..Facts::default() };
        let nov = Every::Month.period_of(d("2026-11-01"));
        assert_eq!(worked_out(Source::Calls, nov, d("2026-12-03"), &f), Some(2), "the trashed call is not counted");
        // At the month's end: one left on the 15th, one joined on the 10th.
        assert_eq!(worked_out(Source::Headcount, nov, d("2026-12-03"), &f), Some(2));
        // A month still running is measured today: the one who left later is still there.
        assert_eq!(worked_out(Source::Headcount, nov, d("2026-11-12"), &f), Some(3));
        assert_eq!(worked_out(Source::Cash, nov, d("2026-12-03"), &f), Some(5_000_000));
        let oct = Every::Month.period_of(d("2026-10-01"));
        assert_eq!(worked_out(Source::Cash, oct, d("2026-12-03"), &f), Some(0));
        // A money target in whole rupiah compares with an actual in minor units.
        let k = kpi(Source::Cash, Every::Month, Some(4_000_000));
        assert_eq!(rows(&k, &[], d("2026-11-30"), 1, 1, &f)[0].met, Some(true));
        let usd = rows(&k, &[], d("2026-11-30"), 1, 100, &f);
        assert_eq!((usd[0].target, usd[0].met), (Some(400_000_000), Some(false)));
    }
}
