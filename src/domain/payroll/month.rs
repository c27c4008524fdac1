//! A run over the office: who is paid in the month, each one's days from attendance and
//! leave, what earlier posted payslips paid them, and the payslips that posting freezes.
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::rates::Rates;
use super::records::{month_bounds, month_text, parse_month, pay_on, PayAdjustment, PayStructure, PayrollRun, Payslip};
use super::run::{compute, employed_span, in_month, pays_in_month, Days, Earlier, Month, Refusal, RunKind, Slip};

use crate::domain::attendance::Attendance;
use crate::domain::attendance::AttendanceStatus;
use crate::domain::leave::LeaveKind;
use crate::domain::leave::LeaveStatus;
use crate::domain::leave::{LeaveRequest, WorkCalendar};
use crate::domain::people::Employee;
use crate::sort::sort_by;

/// The lists a run reads.
pub struct Books<'a> {
    pub employees: &'a [Employee],
    pub pay: &'a [PayStructure],
    pub adjustments: &'a [PayAdjustment],
    pub attendance: &'a [Attendance],
    pub leave: &'a [LeaveRequest],
    pub runs: &'a [PayrollRun],
    pub payslips: &'a [Payslip],
    /// Employees' recorded changes: the PTKP status on 1 January.
    pub changes: &'a [crate::domain::people::EmployeeChange],
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunResult {
    pub slips: Vec<Slip>,
    /// Employees left out, with why: (employee id, reason).
    pub refused: Vec<(String, Refusal)>,
}

impl RunResult {
    pub fn total(&self, f: impl Fn(&super::run::Figures) -> i64) -> i64 {
        self.slips.iter().map(|s| f(&s.figures)).sum()
    }
}

/// Payslips of posted runs other than `except`, live.
fn posted<'a>(books: &'a Books, except: &'a str) -> impl Iterator<Item = &'a Payslip> {
    let posted: HashSet<&str> = books
        .runs
        .iter()
        .filter(|r| r.meta.deleted_at.is_none() && r.is_posted() && r.meta.id != except)
        .map(|r| r.meta.id.as_str())
        .collect();
    books.payslips.iter().filter(move |p| p.meta.deleted_at.is_none() && posted.contains(p.run_id.as_str()))
}

/// What posted payslips paid each employee before this run, in the run's year.
pub fn earlier(books: &Books, run_id: &str, year: i32, month: u32) -> HashMap<String, Earlier> {
    let mut out: HashMap<String, Earlier> = HashMap::new();
    let prev = if month == 1 { month_text(year - 1, 12) } else { month_text(year, month - 1) };
    for p in posted(books, run_id) {
        let Some((y, m)) = parse_month(&p.month) else { continue };
        let e = out.entry(p.employee_id.clone()).or_default();
        let n = |v: Option<i64>| v.unwrap_or(0);
        if y == year && m < month {
            e.year_gross += n(p.gross);
            e.year_tax += n(p.tax);
            e.year_contributions += n(p.jht_employee) + n(p.jp_employee);
            e.year_zakat += n(p.zakat);
        } else if y == year && m == month {
            e.month_regular_posted |= p.kind == RunKind::Regular;
            e.month_gross += n(p.gross);
            e.month_tax += n(p.tax);
            e.month_contributions += n(p.jht_employee) + n(p.jp_employee);
            e.month_zakat += n(p.zakat);
        }
        if p.month == prev && p.kind == RunKind::Regular {
            e.previous_net = Some(e.previous_net.unwrap_or(0) + n(p.net));
            e.previous_rounding +=
                super::slip::parse_lines(&p.lines).iter().filter(|l| l.key == "pay.line.rounding").map(|l| l.amount).sum::<i64>();
        }
    }
    out
}

/// Each employee's days in the month: present for the daily allowances; absent (unless a
/// paid leave covers the day) or on approved unpaid leave (unless attendance shows them at
/// work) for the deduction, in half days; approved overtime by day.
pub fn days(books: &Books, cal: &WorkCalendar, year: i32, month: u32) -> HashMap<String, Days> {
    let mut out: HashMap<String, Days> = HashMap::new();
    let Some((first, last)) = month_bounds(year, month) else { return out };
    let mut status: HashMap<(&str, NaiveDate), AttendanceStatus> = HashMap::new();
    for a in books.attendance.iter().filter(|a| a.meta.deleted_at.is_none()) {
        let Some(d) = a.date.filter(|d| *d >= first && *d <= last) else { continue };
        // One record a day counts, the first stored.
        if status.contains_key(&(a.employee_id.as_str(), d)) {
            continue;
        }
        status.insert((a.employee_id.as_str(), d), a.status);
        let e = out.entry(a.employee_id.clone()).or_default();
        if matches!(a.status, AttendanceStatus::Present | AttendanceStatus::Late | AttendanceStatus::Trip) {
            e.present += 1;
        }
        if a.overtime_approved && a.overtime.unwrap_or(0) > 0 {
            e.overtime.push((d, a.overtime.unwrap_or(0)));
        }
    }
    // Approved leave by day: paid or not, and half a day or whole.
    let mut leave: HashMap<(&str, NaiveDate), (bool, u32)> = HashMap::new();
    for r in books.leave.iter().filter(|r| r.meta.deleted_at.is_none() && r.status == LeaveStatus::Approved) {
        let Some((start, end)) = r.dates() else { continue };
        let halves = if r.half_day && start == end { 1 } else { 2 };
        for d in start.max(first).iter_days().take_while(|d| *d <= end.min(last)).filter(|d| cal.is_working_day(*d)) {
            leave.insert((r.employee_id.as_str(), d), (r.kind == LeaveKind::Unpaid, halves));
        }
    }
    let mut unpaid: HashMap<&str, u32> = HashMap::new();
    for (&(who, d), &st) in &status {
        if st == AttendanceStatus::Absent && !leave.contains_key(&(who, d)) {
            *unpaid.entry(who).or_default() += 2;
        }
    }
    for (&(who, d), &(is_unpaid, halves)) in &leave {
        if is_unpaid && status.get(&(who, d)).is_none_or(|st| matches!(*st, AttendanceStatus::Leave | AttendanceStatus::Absent)) {
            *unpaid.entry(who).or_default() += halves;
        }
    }
    for (who, n) in unpaid {
        out.entry(who.to_string()).or_default().unpaid_half_days = n;
    }
    out
}

/// Every employee paid in the run's month, by name: their payslip or why they are left out.
pub fn compute_run(run: &PayrollRun, books: &Books, rates: &Rates, cal: &WorkCalendar) -> RunResult {
    let mut result = RunResult::default();
    let Some((year, month)) = parse_month(&run.month) else { return result };
    let Some((first, last)) = month_bounds(year, month) else { return result };
    let kind = if run.kind == RunKind::Thr { RunKind::Thr } else { RunKind::Regular };
    let paid_on = run.paid_on.unwrap_or(last);
    let service_until = run.holiday_on.unwrap_or(paid_on);
    let m = Month { year, month, kind, paid_on, service_until, rates, calendar: cal };
    let earlier = earlier(books, &run.meta.id, year, month);
    let days = if kind == RunKind::Regular { days(books, cal, year, month) } else { HashMap::new() };
    let mut people: Vec<&Employee> = books.employees.iter().filter(|e| in_month(e, first, last)).collect();
    sort_by(&mut people, |a, b| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)));
    let none = Days::default();
    for e in people {
        let id = e.meta.id.as_str();
        let adjustments: Vec<&PayAdjustment> = if kind == RunKind::Regular {
            books.adjustments.iter().filter(|a| a.meta.deleted_at.is_none() && a.employee_id == id && a.month == run.month).collect()
        } else {
            vec![]
        };
        // THR on the wage when it is paid; a month's pay on each structure for its days.
        let pays = if kind == RunKind::Thr {
            pay_on(books.pay, id, paid_on).map(|p| vec![(paid_on, p)]).unwrap_or_default()
        } else {
            // Not a structure that starts after the employee has left.
            pays_in_month(books.pay, id, first, employed_span(e, first, last).1.max(first))
        };
        // The TER category and the year's PTKP follow the status on 1 January (PMK 168/2023).
        let mut e = e.clone();
        if let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) {
            match crate::domain::people::ptkp_on(&e, books.changes, jan1) {
                Some(p) => e.ptkp = p,
                None => {
                    result.refused.push((id.to_string(), Refusal::NoPtkp));
                    continue;
                }
            }
        }
        let e = &e;
        match compute(e, &pays, days.get(id).unwrap_or(&none), &adjustments, earlier.get(id).unwrap_or(&Earlier::default()), &m) {
            Ok(slip) => result.slips.push(slip),
            Err(why) => result.refused.push((id.to_string(), why)),
        }
    }
    result
}

/// Why a run cannot be posted as it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostProblem {
    AlreadyPosted,
    /// Another regular run of the same month exists: pay would be made twice.
    TwiceInMonth,
    /// Employees (by id) who cannot be paid, and why: no PTKP status or bank account.
    Refused(Vec<(String, Refusal)>),
    /// Employees (by id) whose take-home pay is below zero.
    Negative(Vec<String>),
}

/// What stops `run` from being posted, read from what is stored now (a run restored from
/// the trash, or another tab, may have changed things since the page was drawn).
pub fn post_problems(run: &PayrollRun, books: &Books, result: &RunResult) -> Vec<PostProblem> {
    let mut out = vec![];
    if books.runs.iter().any(|r| r.meta.id == run.meta.id && r.is_posted()) {
        out.push(PostProblem::AlreadyPosted);
    }
    if run.kind == RunKind::Regular
        && books
            .runs
            .iter()
            .any(|r| r.meta.id != run.meta.id && r.meta.deleted_at.is_none() && r.kind == RunKind::Regular && r.month == run.month)
    {
        out.push(PostProblem::TwiceInMonth);
    }
    let refused: Vec<(String, Refusal)> = result.refused.iter().filter(|(_, why)| *why != Refusal::NoPay).cloned().collect();
    if !refused.is_empty() {
        out.push(PostProblem::Refused(refused));
    }
    let negative: Vec<String> = result.slips.iter().filter(|s| s.figures.net < 0).map(|s| s.employee_id.clone()).collect();
    if !negative.is_empty() {
        out.push(PostProblem::Negative(negative));
    }
    out
}

/// Months before `run`'s in its year without a posted regular run: December's
/// reconciliation would miss what they paid.
pub fn unposted_months(run: &PayrollRun, books: &Books) -> Vec<u32> {
    let Some((year, month)) = parse_month(&run.month) else { return vec![] };
    let posted: HashSet<u32> = books
        .runs
        .iter()
        .filter(|r| r.meta.deleted_at.is_none() && r.is_posted() && r.kind == RunKind::Regular)
        .filter_map(|r| parse_month(&r.month).filter(|(y, _)| *y == year).map(|(_, m)| m))
        .collect();
    (1..month).filter(|m| !posted.contains(m)).collect()
}

/// What posting writes: the run's payslips, and those an earlier, interrupted post of the
/// same run left for employees it no longer pays, moved to the trash.
pub fn payslips_to_post(run: &PayrollRun, books: &Books, fresh: Vec<Payslip>, now: chrono::DateTime<chrono::Utc>) -> Vec<Payslip> {
    let keep: HashSet<String> = fresh.iter().map(|p| p.meta.id.clone()).collect();
    let stale =
        books.payslips.iter().filter(|p| p.run_id == run.meta.id && p.meta.deleted_at.is_none() && !keep.contains(&p.meta.id)).map(|p| {
            let mut p = p.clone();
            p.meta.deleted_at = Some(now);
            p
        });
    let mut out: Vec<Payslip> = stale.collect();
    out.extend(fresh);
    out
}

/// The payslips a posted run keeps, one per employee paid. Each is named by its run and
/// employee, so posting again after an interrupted post replaces instead of doubling.
pub fn payslips(run: &PayrollRun, result: &RunResult, employees: &[Employee], now: chrono::DateTime<chrono::Utc>) -> Vec<Payslip> {
    result
        .slips
        .iter()
        .map(|s| {
            let f = &s.figures;
            let e = employees.iter().find(|e| e.meta.id == s.employee_id);
            let mut meta = crate::domain::record::Meta::new(now);
            meta.id = format!("{}-{}", run.meta.id, s.employee_id);
            Payslip {
                meta,
                run_id: run.meta.id.clone(),
                employee_id: s.employee_id.clone(),
                month: run.month.clone(),
                kind: run.kind,
                earnings: Some(f.earnings),
                thr: Some(f.thr),
                benefits: Some(f.benefits),
                gross: Some(f.gross),
                kes_employee: Some(f.kes_employee),
                jht_employee: Some(f.jht_employee),
                jp_employee: Some(f.jp_employee),
                kes_employer: Some(f.kes_employer),
                jht_employer: Some(f.jht_employer),
                jp_employer: Some(f.jp_employer),
                jkk: Some(f.jkk),
                jkm: Some(f.jkm),
                tax: Some(f.tax),
                other_deductions: Some(f.other_deductions),
                zakat: Some(f.zakat),
                net: Some(f.net),
                lines: super::slip::lines_text(&s.lines),
                bank: e.map(|e| e.bank.clone()).unwrap_or_default(),
                account: e.map(|e| e.account.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// A stored payslip's figures, as the run computed them.
pub fn figures(p: &Payslip) -> super::run::Figures {
    let n = |v: Option<i64>| v.unwrap_or(0);
    super::run::Figures {
        earnings: n(p.earnings),
        thr: n(p.thr),
        benefits: n(p.benefits),
        gross: n(p.gross),
        kes_employee: n(p.kes_employee),
        jht_employee: n(p.jht_employee),
        jp_employee: n(p.jp_employee),
        kes_employer: n(p.kes_employer),
        jht_employer: n(p.jht_employer),
        jp_employer: n(p.jp_employer),
        jkk: n(p.jkk),
        jkm: n(p.jkm),
        tax: n(p.tax),
        zakat: n(p.zakat),
        other_deductions: n(p.other_deductions),
        net: n(p.net),
    }
}

/// What a month's runs leave to pay: wages, each BPJS programme (both parts), PPh 21.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthTotals {
    pub employees: usize,
    pub gross: i64,
    pub net: i64,
    pub kesehatan: i64,
    pub jht: i64,
    pub jp: i64,
    pub jkk: i64,
    pub jkm: i64,
    pub tax: i64,
    pub other_deductions: i64,
    /// The BPJS parts taken from pay, and those the office pays on top.
    pub employee_bpjs: i64,
    pub employer_bpjs: i64,
}

pub fn month_totals<'a>(slips: impl IntoIterator<Item = &'a Payslip>) -> MonthTotals {
    let mut t = MonthTotals::default();
    let mut who = HashSet::new();
    for p in slips {
        let n = |v: Option<i64>| v.unwrap_or(0);
        who.insert(p.employee_id.as_str());
        t.gross += n(p.gross);
        t.net += n(p.net);
        t.kesehatan += n(p.kes_employer) + n(p.kes_employee);
        t.jht += n(p.jht_employer) + n(p.jht_employee);
        t.jp += n(p.jp_employer) + n(p.jp_employee);
        t.jkk += n(p.jkk);
        t.jkm += n(p.jkm);
        t.tax += n(p.tax);
        t.other_deductions += n(p.other_deductions);
        t.employee_bpjs += n(p.kes_employee) + n(p.jht_employee) + n(p.jp_employee);
        t.employer_bpjs += n(p.kes_employer) + n(p.jht_employer) + n(p.jp_employer) + n(p.jkk) + n(p.jkm);
    }
    t.employees = who.len();
    t
}

/// Each month of `year` with posted payslips, every run of the month together: what to pay
/// BPJS and the tax office for that month.
pub fn months_of_year(books: &Books, year: i32) -> Vec<(u32, MonthTotals)> {
    let mut by: std::collections::BTreeMap<u32, Vec<&Payslip>> = std::collections::BTreeMap::new();
    for p in posted(books, "") {
        if let Some((y, m)) = parse_month(&p.month).filter(|(y, _)| *y == year) {
            debug_assert_eq!(y, year);
            by.entry(m).or_default().push(p);
        }
    }
    by.into_iter().map(|(m, slips)| (m, month_totals(slips))).collect()
}

/// A journal line: the account's i18n key and its amount, a debit when positive.
pub type JournalLine = (&'static str, i64);

/// The run as the books record it: salary and the office's BPJS as expenses; take-home pay,
/// each BPJS body, PPh 21 and other deductions as what is owed. Debits equal credits.
pub fn journal(t: &MonthTotals) -> Vec<JournalLine> {
    vec![
        ("journal.salary_expense", t.net + t.employee_bpjs + t.tax + t.other_deductions),
        ("journal.bpjs_expense", t.employer_bpjs),
        ("journal.net_payable", -t.net),
        ("journal.kesehatan_payable", -t.kesehatan),
        ("journal.ketenagakerjaan_payable", -(t.jht + t.jp + t.jkk + t.jkm)),
        ("journal.tax_payable", -t.tax),
        ("journal.other_payable", -t.other_deductions),
    ]
}

/// One employee's year from posted payslips: the figures of the annual withholding slip
/// (1721-A1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct YearSummary {
    pub employee_id: String,
    /// Months with a regular payslip.
    pub months: usize,
    /// Wages, allowances, overtime and taxable adjustments (THR apart).
    pub earnings: i64,
    pub thr: i64,
    /// JKK, JKM and Kesehatan premiums paid by the employer.
    pub benefits: i64,
    pub gross: i64,
    pub contributions: i64,
    pub zakat: i64,
    pub tax: i64,
    pub net_paid: i64,
}

pub fn year_summaries(books: &Books, year: i32) -> Vec<YearSummary> {
    let mut by: HashMap<&str, YearSummary> = HashMap::new();
    let mut months: HashMap<&str, HashSet<&str>> = HashMap::new();
    for p in posted(books, "") {
        if parse_month(&p.month).is_none_or(|(y, _)| y != year) {
            continue;
        }
        let n = |v: Option<i64>| v.unwrap_or(0);
        let s =
            by.entry(p.employee_id.as_str()).or_insert_with(|| YearSummary { employee_id: p.employee_id.clone(), ..Default::default() });
        s.earnings += n(p.earnings) - n(p.thr);
        s.thr += n(p.thr);
        s.benefits += n(p.benefits);
        s.gross += n(p.gross);
        s.contributions += n(p.jht_employee) + n(p.jp_employee);
        s.zakat += n(p.zakat);
        s.tax += n(p.tax);
        s.net_paid += n(p.net);
        if p.kind == RunKind::Regular {
            months.entry(p.employee_id.as_str()).or_default().insert(p.month.as_str());
        }
    }
    let mut out: Vec<YearSummary> = by
        .into_values()
        .map(|mut s| {
            s.months = months.get(s.employee_id.as_str()).map_or(0, |m| m.len());
            s
        })
        .collect();
    let name = |id: &str| books.employees.iter().find(|e| e.meta.id == id).map(|e| crate::text::lower(&e.name)).unwrap_or_default();
    sort_by(&mut out, |a, b| name(&a.employee_id).cmp(&name(&b.employee_id)));
    out
}
