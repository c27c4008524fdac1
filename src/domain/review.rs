//! The coordinator's review of a month or a quarter: one document across the modules for
//! a coordination meeting — the plans against their tasks and evaluations, the KPIs with
//! their trend, the books and the payroll of the period, people joining and leaving,
//! equipment and supplies, obligations settled and still open, open action items.
//! Figures of the past are of the period; "as it stands" figures (stock, maintenance due)
//! are of the period's last day, or today while the period is still running.
use chrono::NaiveDate;

use super::assets::{Asset, AssetLog, AssetStatus, LogKind};
use super::compliance::{dues_within, Due, Obligation, ObligationDone};
use super::finance::ledger::Ledger;
use super::finance::reports::profit_and_loss;
use super::kpis::{rows, worked_out, Every, Facts, Kpi, KpiActual, Period, Row, Source};
use super::meeting::{open_actions, Minutes, OpenAction};
use super::payroll::records::RunStatus;
use super::payroll::{PayrollRun, Payslip};
use super::people::{Employee, EmployeeChange};
use super::plans::{reviews_of, tasks_of, PlanReview, PlanTask, TaskStatus, WorkPlan};
use super::purchasing::{OrderStatus, PurchaseOrder};
use super::record::Entity;

/// How many periods of each KPI the review shows: the period and the three before it.
pub const KPI_PERIODS: usize = 4;

/// Obligations due this many days after the review's day are listed as coming.
pub const COMING_DAYS: i64 = 30;

/// Everything the review reads.
#[derive(Clone, Copy, Default)]
pub struct Sources<'a> {
    pub plans: &'a [WorkPlan],
    pub tasks: &'a [PlanTask],
    pub reviews: &'a [PlanReview],
    pub kpis: &'a [Kpi],
    pub actuals: &'a [KpiActual],
    /// Calls, visitors, employees, the books, invoices and events, as KPIs read them.
    pub facts: Facts<'a>,
    pub changes: &'a [EmployeeChange],
    pub runs: &'a [PayrollRun],
    pub payslips: &'a [Payslip],
    pub assets: &'a [Asset],
    pub asset_log: &'a [AssetLog],
    pub orders: &'a [PurchaseOrder],
    pub obligations: &'a [Obligation],
    pub done: &'a [ObligationDone],
    pub minutes: &'a [Minutes],
}

/// A plan running in the period.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub tasks: usize,
    pub done: usize,
    /// Not done and past their due day at the review's day.
    pub late: usize,
    /// The mean per cent done of its tasks.
    pub progress: Option<i64>,
    /// Its evaluation for a period starting within the review's, with the change of score.
    pub evaluation: Option<(PlanReview, Option<i64>)>,
}

/// A KPI over the periods up to the review's.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiLine {
    pub kpi: Kpi,
    pub rows: Vec<Row>,
}

/// The books of the period, beside the period before it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Books {
    pub income: i64,
    pub expenses: i64,
    pub profit: i64,
    pub profit_before: i64,
    /// Money accounts at the review's day.
    pub cash: i64,
    /// Invoices past due and unpaid at the review's day.
    pub receivables_late: i64,
}

/// Posted payroll of the months in the period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pay {
    pub runs: usize,
    pub people: usize,
    /// Gross pay, which holds the office's JKK, JKM and BPJS Kesehatan premiums.
    pub gross: i64,
    pub tax: i64,
    /// JHT and JP paid by the office: beyond gross pay.
    pub employer_pension: i64,
    pub net: i64,
    /// Runs of the period not posted yet.
    pub unposted: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct People {
    pub headcount: usize,
    pub headcount_before: usize,
    pub joined: Vec<(String, NaiveDate)>,
    pub left: Vec<(String, NaiveDate)>,
    /// Recorded changes (position, pay, status…) dated in the period.
    pub changes: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Equipment {
    pub in_use: usize,
    pub repairs: usize,
    pub maintenance: usize,
    /// Spent on repairs and maintenance dated in the period.
    pub cost: i64,
    /// Maintenance late or due within two weeks of the review's day.
    pub service_due: usize,
    pub orders: usize,
    pub ordered: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compliance {
    /// Settled in the period: (obligation, due, done on, evidence).
    pub settled: Vec<(String, NaiveDate, NaiveDate, String)>,
    /// Of those, settled after their due day.
    pub settled_late: usize,
    pub overdue: Vec<Due>,
    pub coming: Vec<Due>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    pub every: Every,
    pub period: Period,
    /// The day "as it stands" figures are of: the period's last day, or today before it.
    pub day: NaiveDate,
    pub plans: Vec<PlanLine>,
    pub kpis: Vec<KpiLine>,
    pub books: Books,
    pub pay: Pay,
    pub people: People,
    pub equipment: Equipment,
    pub compliance: Compliance,
    pub actions: Vec<OpenAction>,
}

/// "2026-11" (a month) or "2026-Q4" (a quarter): the period and how long it is.
pub fn parse_period(text: &str) -> Option<(Every, Period)> {
    let (year, rest) = text.trim().split_once('-')?;
    let year: i32 = year.parse().ok().filter(|y| (1900..=9999).contains(y))?;
    let (every, month) = match rest.strip_prefix(['Q', 'q']) {
        Some(q) => (Every::Quarter, q.parse::<u32>().ok().filter(|q| (1..=4).contains(q))? * 3 - 2),
        None => (Every::Month, rest.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
    };
    Some((every, every.period_of(NaiveDate::from_ymd_opt(year, month, 1)?)))
}

/// The period before `p`, of the same length.
pub fn before(every: Every, p: Period) -> Period {
    every.period_of(p.from.pred_opt().unwrap_or(p.from))
}

/// The period after `p`, of the same length.
pub fn after(every: Every, p: Period) -> Period {
    every.period_of(p.to.succ_opt().unwrap_or(p.to))
}

/// The records not in the trash.
fn live<T: Entity>(all: &[T]) -> impl Iterator<Item = &T> {
    all.iter().filter(|r| r.meta().deleted_at.is_none())
}

/// The review of `p`; `today` bounds the "as it stands" figures; `scale` is 10 to the
/// currency's decimals (KPI money targets are whole units).
pub fn review(every: Every, p: Period, today: NaiveDate, scale: i64, s: &Sources) -> Review {
    let day = p.to.min(today);
    let within = |d: NaiveDate| p.from <= d && d <= p.to;
    Review {
        every,
        period: p,
        day,
        plans: plans(p, day, s),
        kpis: live(s.kpis).map(|k| KpiLine { kpi: k.clone(), rows: rows(k, s.actuals, day, KPI_PERIODS, scale, &s.facts) }).collect(),
        books: books(every, p, day, &s.facts),
        pay: pay(p, s),
        people: people(every, p, today, s),
        equipment: equipment(&within, day, s),
        compliance: compliance(&within, day, s),
        actions: open_actions(s.minutes, day),
    }
}

fn plans(p: Period, day: NaiveDate, s: &Sources) -> Vec<PlanLine> {
    let mut out: Vec<PlanLine> = live(s.plans)
        .filter(|w| w.starts.zip(w.ends()).is_some_and(|(a, b)| a <= p.to && b >= p.from))
        .map(|w| {
            let tasks = tasks_of(s.tasks, &w.meta.id);
            let evaluation = reviews_of(s.reviews, &w.meta.id)
                .into_iter()
                .rfind(|(r, _)| r.period.is_some_and(|d| p.from <= d && d <= p.to))
                .map(|(r, change)| (r.clone(), change));
            PlanLine {
                id: w.meta.id.clone(),
                name: w.name.clone(),
                owner: w.owner.clone(),
                tasks: tasks.len(),
                done: tasks.iter().filter(|t| t.status == TaskStatus::Done).count(),
                late: tasks.iter().filter(|t| t.late(day)).count(),
                progress: super::plans::progress(&tasks),
                evaluation,
            }
        })
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    out
}

fn books(every: Every, p: Period, day: NaiveDate, f: &Facts) -> Books {
    let ledger = Ledger::new(f.accounts, f.entries);
    let now = profit_and_loss(f.accounts, &ledger, p.from, p.to);
    let b = before(every, p);
    let then = profit_and_loss(f.accounts, &ledger, b.from, b.to);
    let cash = f.accounts.iter().filter(|a| a.money && a.meta.deleted_at.is_none()).map(|a| ledger.balance_at(&a.meta.id, day)).sum();
    let receivables_late = worked_out(Source::Receivables, p, day, f).unwrap_or(0);
    Books { income: now.total_income, expenses: now.total_expenses, profit: now.profit, profit_before: then.profit, cash, receivables_late }
}

/// A payroll month ("2026-11") within the period.
fn month_within(month: &str, p: Period) -> bool {
    NaiveDate::parse_from_str(&format!("{}-01", month.trim()), "%Y-%m-%d").is_ok_and(|d| p.from <= d && d <= p.to)
}

fn pay(p: Period, s: &Sources) -> Pay {
    let runs: Vec<&PayrollRun> = live(s.runs).filter(|r| month_within(&r.month, p)).collect();
    let posted: Vec<&str> = runs.iter().filter(|r| r.status == RunStatus::Posted).map(|r| r.meta.id.as_str()).collect();
    let slips: Vec<&Payslip> = live(s.payslips).filter(|x| posted.contains(&x.run_id.as_str())).collect();
    let sum = |f: fn(&Payslip) -> Option<i64>| slips.iter().filter_map(|x| f(x)).sum::<i64>();
    let mut people: Vec<&str> = slips.iter().map(|x| x.employee_id.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    Pay {
        runs: posted.len(),
        people: people.len(),
        gross: sum(|x| x.gross),
        tax: sum(|x| x.tax),
        employer_pension: sum(|x| x.jht_employer) + sum(|x| x.jp_employer),
        net: sum(|x| x.net),
        unposted: runs.len() - posted.len(),
    }
}

/// Employees at the period's end (or today while it runs), as the headcount KPI counts them.
fn headcount(p: Period, today: NaiveDate, f: &Facts) -> usize {
    usize::try_from(worked_out(Source::Headcount, p, today, f).unwrap_or(0)).unwrap_or(0)
}

fn people(every: Every, p: Period, today: NaiveDate, s: &Sources) -> People {
    let within = |d: NaiveDate| p.from <= d && d <= p.to;
    let all = s.facts.employees;
    let named = |pick: fn(&Employee) -> Option<NaiveDate>| {
        let mut v: Vec<(String, NaiveDate)> =
            live(all).filter_map(|e| pick(e).filter(|d| within(*d)).map(|d| (e.name.clone(), d))).collect();
        v.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        v
    };
    People {
        headcount: headcount(p, today, &s.facts),
        headcount_before: headcount(before(every, p), today, &s.facts),
        joined: named(|e| e.joined),
        left: named(|e| e.left_on),
        changes: live(s.changes).filter(|c| c.date.is_some_and(within)).count(),
    }
}

fn equipment(within: &impl Fn(NaiveDate) -> bool, day: NaiveDate, s: &Sources) -> Equipment {
    let live_assets: Vec<&str> = live(s.assets).map(|a| a.meta.id.as_str()).collect();
    let live_assets = &live_assets;
    let logged = |kind: LogKind| {
        live(s.asset_log).filter(move |l| l.kind == kind && l.date.is_some_and(within) && live_assets.contains(&l.asset_id.as_str()))
    };
    let orders: Vec<&PurchaseOrder> = live(s.orders)
        .filter(|o| o.status != OrderStatus::Draft && o.status != OrderStatus::Cancelled && o.date.is_some_and(within))
        .collect();
    Equipment {
        in_use: live(s.assets).filter(|a| a.status == AssetStatus::InUse).count(),
        repairs: logged(LogKind::Repair).count(),
        maintenance: logged(LogKind::Maintenance).count(),
        cost: logged(LogKind::Repair).chain(logged(LogKind::Maintenance)).filter_map(|l| l.cost).sum(),
        service_due: super::assets::maintenance_due(s.assets, s.asset_log, day, 14).len(),
        orders: orders.len(),
        ordered: orders.iter().map(|o| o.totals().total).sum(),
    }
}

fn compliance(within: &impl Fn(NaiveDate) -> bool, day: NaiveDate, s: &Sources) -> Compliance {
    // Only obligations still kept: one in the trash takes its history with it.
    let name = |id: &str| s.obligations.iter().find(|o| o.meta.id == id && o.meta.deleted_at.is_none()).map(|o| o.name.clone());
    let mut settled: Vec<(String, NaiveDate, NaiveDate, String)> = live(s.done)
        .filter_map(|d| Some((name(&d.obligation_id)?, d.due?, d.done_on.filter(|x| within(*x))?, d.evidence.clone())))
        .collect();
    settled.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    let (overdue, coming): (Vec<Due>, Vec<Due>) =
        dues_within(s.obligations, s.done, day, COMING_DAYS).into_iter().partition(|d| d.days < 0);
    Compliance { settled_late: settled.iter().filter(|x| x.2 > x.1).count(), settled, overdue, coming }
}

#[cfg(test)]
#[path = "review_tests.rs"]
mod tests;
