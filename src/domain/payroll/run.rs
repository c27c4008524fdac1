//! One employee's pay for a month or a THR payment: every figure from the pay structure,
//! the month's attendance, the rate set in force and what earlier posted runs paid, with a
//! line for each amount saying how it was reached. Pure: the same inputs give the same
//! payslip every time.
use chrono::{Datelike, NaiveDate};

use super::rates::{Bp, Rates};
use super::records::{PayAdjustment, PayStructure};
use super::tax::{self, share, share_rounded, Annual};
use crate::domain::leave::WorkCalendar;
use crate::domain::people::EmployeeStatus;
use crate::domain::people::{id_digits, Employee};

pub use super::records::RunKind;

/// What a figure on a line is, so the payslip prints it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Money(i64),
    Count(i64),
    Percent(Bp),
    /// Minutes, printed as hours and minutes.
    Minutes(i64),
    /// Half days, printed as days ("1,5").
    HalfDays(i64),
    Text(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Earning,
    Deduction,
    /// Paid by the employer on top of pay (BPJS premiums): shown, not paid out.
    Employer,
    /// How the tax was reached: shown, not paid out.
    Info,
}

/// One line of a payslip: its label's key, the amount, and what the explanation
/// (`<key>.how`) fills in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub group: Group,
    pub key: &'static str,
    pub amount: i64,
    pub how: Vec<(&'static str, Arg)>,
}

/// What earlier posted payslips of the same year paid the employee.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Earlier {
    /// Gross for tax in earlier months of the year.
    pub year_gross: i64,
    /// PPh 21 withheld in earlier months of the year.
    pub year_tax: i64,
    /// The employee's own JHT and JP in earlier months of the year.
    pub year_contributions: i64,
    /// The same month's other posted runs (a THR run beside the regular one).
    pub month_gross: i64,
    pub month_tax: i64,
    pub month_contributions: i64,
    /// Zakat paid through the employer, deducted from the year's net income.
    pub year_zakat: i64,
    pub month_zakat: i64,
    /// The month's regular run is posted: a THR run in a reconciling month may then settle
    /// the year, since no later run of the month will.
    pub month_regular_posted: bool,
    /// Last month's take-home pay from its regular run, to flag a large change.
    pub previous_net: Option<i64>,
    /// What rounding last month's take-home pay down kept back: paid with this month's.
    pub previous_rounding: i64,
}

/// The month's days as attendance and leave give them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Days {
    /// Days a meal and transport allowance is paid for: present, late, on a business trip.
    pub present: u32,
    /// Absent without leave and unpaid leave, in half days: deducted from the monthly wage.
    pub unpaid_half_days: u32,
    /// Approved overtime: (day, minutes).
    pub overtime: Vec<(NaiveDate, i64)>,
}

pub struct Month<'a> {
    pub year: i32,
    pub month: u32,
    pub kind: RunKind,
    /// When pay reaches accounts.
    pub paid_on: NaiveDate,
    /// THR: the holiday, which service is counted up to.
    pub service_until: NaiveDate,
    pub rates: &'a Rates,
    pub calendar: &'a WorkCalendar,
}

/// Why an employee is left out of a run, named so the clerk can fix it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NoPtkp,
    NoAccount,
    NoPay,
}

impl Refusal {
    pub fn key(self) -> &'static str {
        match self {
            Refusal::NoPtkp => "pay.refuse.ptkp",
            Refusal::NoAccount => "pay.refuse.account",
            Refusal::NoPay => "pay.refuse.pay",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    NegativeNet,
    /// Take-home pay changed by more than 20 % from last month: (last month, percent).
    BigChange(i64, i64),
}

/// The figures a posted payslip keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub earnings: i64,
    pub thr: i64,
    pub benefits: i64,
    pub gross: i64,
    pub kes_employee: i64,
    pub jht_employee: i64,
    pub jp_employee: i64,
    pub kes_employer: i64,
    pub jht_employer: i64,
    pub jp_employer: i64,
    pub jkk: i64,
    pub jkm: i64,
    pub tax: i64,
    /// Included in `other_deductions`.
    pub zakat: i64,
    pub other_deductions: i64,
    pub net: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub employee_id: String,
    pub figures: Figures,
    pub lines: Vec<Line>,
    /// December or the leaving month: the year's reconciliation.
    pub annual: Option<Annual>,
    pub warnings: Vec<Warning>,
}

/// BPJS contributions on a monthly wage (basic and fixed allowances).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bpjs {
    pub kes_base: i64,
    pub jp_base: i64,
    pub kes_employer: i64,
    pub kes_employee: i64,
    pub jht_employer: i64,
    pub jht_employee: i64,
    pub jp_employer: i64,
    pub jp_employee: i64,
    pub jkk: i64,
    pub jkm: i64,
}

pub fn bpjs(rates: &Rates, wage: i64) -> Bpjs {
    let kes_base = wage.max(rates.wage_floor).min(rates.kes_cap);
    let jp_base = wage.min(rates.jp_cap);
    Bpjs {
        kes_base,
        jp_base,
        kes_employer: share_rounded(kes_base, rates.kes_employer),
        kes_employee: share_rounded(kes_base, rates.kes_employee),
        jht_employer: share_rounded(wage, rates.jht_employer),
        jht_employee: share_rounded(wage, rates.jht_employee),
        jp_employer: share_rounded(jp_base, rates.jp_employer),
        jp_employee: share_rounded(jp_base, rates.jp_employee),
        jkk: share_rounded(wage, rates.jkk),
        jkm: share_rounded(wage, rates.jkm),
    }
}

/// Overtime pay for approved minutes on each day: the hourly wage (the month's wage base ÷
/// divisor, rounded down to the rupiah) times each hour's multiplier, on working days and
/// on rest days (by the office's week); a public holiday on a six-day week's Saturday, its
/// shortest day, has a schedule of its own. Returns (pay, minutes).
pub fn overtime_pay(rates: &Rates, calendar: &WorkCalendar, base: i64, days: &[(NaiveDate, i64)]) -> (i64, i64) {
    let rest = if calendar.six_day_week { &rates.overtime_rest_6day } else { &rates.overtime_rest_5day };
    let mut weighted: i128 = 0; // minutes × tenths
    let mut minutes = 0;
    for (day, m) in days.iter().filter(|(_, m)| *m > 0) {
        let mult = if calendar.is_working_day(*day) {
            &rates.overtime_workday
        } else if short_day_holiday(calendar, *day) {
            &rates.overtime_short_holiday
        } else {
            rest
        };
        minutes += m;
        let mut left = *m;
        let mut hour = 0;
        while left > 0 {
            let now = left.min(60);
            weighted += now as i128 * mult.of_hour(hour) as i128;
            left -= now;
            hour += 1;
        }
    }
    // The hourly wage in whole rupiah, as the ministry of manpower's examples floor it.
    let hourly = base / rates.overtime_divisor;
    ((hourly as i128 * weighted / 600) as i64, minutes)
}

/// A public holiday (not collective leave) on the Saturday of a six-day week, whose working
/// hours are the week's shortest.
fn short_day_holiday(calendar: &WorkCalendar, day: NaiveDate) -> bool {
    calendar.six_day_week
        && day.weekday() == chrono::Weekday::Sat
        && calendar.closed.binary_search(&day).is_ok()
        && calendar.collective.binary_search(&day).is_err()
}

/// Why the overtime wage base is not simply basic wage and fixed allowances.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OvertimeBase {
    Wage,
    /// Basic and fixed allowances are less than this share of the whole month's wage
    /// (with the allowances paid per day): the base is that share (PP 35/2021 art. 32(4)).
    /// (Art. 33(3)'s minimum-wage base is for wages paid by the piece, which payroll does
    /// not pay.)
    Floor,
}

/// The month's overtime wage base from basic and fixed allowances (`wage`) and the
/// allowances paid per day present (`variable`).
pub fn overtime_base(rates: &Rates, wage: i64, variable: i64) -> (i64, OvertimeBase) {
    let whole = wage + variable.max(0);
    let floor = share(whole, rates.overtime_floor);
    if floor > wage {
        (floor, OvertimeBase::Floor)
    } else {
        (wage, OvertimeBase::Wage)
    }
}

/// Whole years from `born` to `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = (on.year() - born.year()) as i64;
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years.max(0)
}

/// JP stops once an employee has reached the pension age in force on that day: from the
/// first month that begins after it. Whether it has for the month starting `first`, as
/// (their age, the pension age they reached); an employee without a birth date keeps
/// paying. Reached once is reached for good, though the pension age rises later (58 in
/// December 2024 is past 2024's 58, and still in January 2025 when it is 59).
pub fn jp_ended(rates: &Rates, e: &Employee, first: NaiveDate) -> Option<(i64, u32)> {
    let born = e.birth_date?;
    // Within a year the pension age is one and the age only grows: each earlier year's
    // last day, then this month's first, says whether it was reached.
    let ends = (born.year()..first.year()).filter_map(|y| NaiveDate::from_ymd_opt(y, 12, 31)).chain(std::iter::once(first));
    let reached = ends.filter(|day| *day <= first).find_map(|day| {
        let pension = rates.jp_pension_age.in_year(day.year())?;
        (age_on(born, day) >= pension as i64).then_some(pension)
    })?;
    Some((age_on(born, first), reached))
}

/// Whole months of service from `joined` to `on`.
pub fn months_of_service(joined: NaiveDate, on: NaiveDate) -> i64 {
    let mut m = (on.year() - joined.year()) as i64 * 12 + on.month() as i64 - joined.month() as i64;
    if on.day() < joined.day() && on.day() < last_day(on) {
        m -= 1;
    }
    m.max(0)
}

fn last_day(d: NaiveDate) -> u32 {
    super::records::month_bounds(d.year(), d.month()).map_or(28, |(_, l)| l.day())
}

/// THR (Permenaker 6/2016): a month's wage after twelve months' service up to the holiday,
/// months ÷ 12 of it from one month, nothing under one month. Returns (amount, months).
pub fn thr_amount(wage: i64, joined: NaiveDate, holiday: NaiveDate) -> (i64, i64) {
    let months = months_of_service(joined, holiday);
    match months {
        0 => (0, 0),
        1..=11 => (wage * months / 12, months),
        _ => (wage, 12),
    }
}

/// The employee has a tax ID: an NPWP, or a 16-digit NIK that serves as one.
pub fn has_tax_id(e: &Employee) -> bool {
    let digits = |s: &str| id_digits(s).map_or(0, |d| d.len());
    matches!(digits(&e.npwp), 15 | 16) || digits(&e.nik) == 16
}

/// The first and last day of the month the employee was employed.
pub fn employed_span(e: &Employee, first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = e.joined.map_or(first, |j| j.max(first));
    let end = if e.status == EmployeeStatus::Left { e.left_on.map_or(last, |l| l.min(last)) } else { last };
    (start, end)
}

fn working_days(cal: &WorkCalendar, a: NaiveDate, b: NaiveDate) -> i64 {
    if a > b {
        return 0;
    }
    a.iter_days().take_while(|d| *d <= b).filter(|d| cal.is_working_day(*d)).count() as i64
}

/// The pay structures in force during a month, in date order, each with the first day it
/// applies to: the one in force on the first day (if any), then each that starts later in
/// the month. A raise on the 15th pays the old wage before it and the new one from it.
pub fn pays_in_month<'a>(
    all: &'a [PayStructure],
    employee_id: &str,
    first: NaiveDate,
    last: NaiveDate,
) -> Vec<(NaiveDate, &'a PayStructure)> {
    let mut starts: Vec<NaiveDate> = all
        .iter()
        .filter(|p| p.meta.deleted_at.is_none() && p.employee_id == employee_id)
        .filter_map(|p| p.from)
        .filter(|f| *f > first && *f <= last)
        .collect();
    starts.push(first);
    starts.sort();
    starts.dedup();
    starts.into_iter().filter_map(|day| Some((day, super::records::pay_on(all, employee_id, day)?))).collect()
}

/// Whether an employee is paid in this month: joined by its end, not gone before it.
pub fn in_month(e: &Employee, first: NaiveDate, last: NaiveDate) -> bool {
    e.meta.deleted_at.is_none()
        && e.joined.is_some_and(|j| j <= last)
        && (e.status != EmployeeStatus::Left || e.left_on.is_none_or(|l| l >= first))
}

/// Months of `year` the employee worked up to `month` (or their leaving month): the
/// biaya jabatan limit is so many times the monthly one.
pub fn months_employed(e: &Employee, year: i32, month: u32) -> i64 {
    let start = e.joined.filter(|j| j.year() == year).map_or(1, |j| j.month());
    let end = if e.status == EmployeeStatus::Left {
        e.left_on.filter(|l| l.year() == year).map_or(month, |l| l.month().min(month))
    } else {
        month
    };
    (end as i64 - start as i64 + 1).max(1)
}

/// The month is the employee's last of the year for tax: December, or the month they leave.
fn reconciles(e: &Employee, m: &Month) -> bool {
    m.month == 12 || (e.status == EmployeeStatus::Left && e.left_on.is_some_and(|l| l.year() == m.year && l.month() == m.month))
}

pub fn refusal(e: &Employee, pay: Option<&PayStructure>) -> Option<Refusal> {
    if tax::ter_category(e.ptkp.code()).is_none() {
        Some(Refusal::NoPtkp)
    } else if e.account.trim().is_empty() {
        Some(Refusal::NoAccount)
    } else if pay.is_none_or(|p| p.basic.is_none()) {
        Some(Refusal::NoPay)
    } else {
        None
    }
}

/// One employee's payslip, or why they cannot be paid. `pays` are the structures in force
/// during the month with the day each applies from ([`pays_in_month`]); the last one
/// decides everything but the basic wage and fixed allowances, which each pays for its days.
pub fn compute(
    e: &Employee,
    pays: &[(NaiveDate, &PayStructure)],
    days: &Days,
    adjustments: &[&PayAdjustment],
    earlier: &Earlier,
    m: &Month,
) -> Result<Slip, Refusal> {
    let pay = pays.last().map(|(_, p)| *p);
    if let Some(r) = refusal(e, pay) {
        return Err(r);
    }
    let pay = pay.ok_or(Refusal::NoPay)?;
    let rates = m.rates;
    let category = tax::ter_category(e.ptkp.code()).ok_or(Refusal::NoPtkp)?;
    let (first, last) = super::records::month_bounds(m.year, m.month).ok_or(Refusal::NoPay)?;
    let basic = pay.basic.unwrap_or(0);
    let fixed = pay.fixed_allowance.unwrap_or(0);
    let wage = basic + fixed;
    let mut lines: Vec<Line> = vec![];
    let mut line = |group, key, amount: i64, how: Vec<(&'static str, Arg)>| {
        if amount != 0 || matches!(key, "pay.line.basic" | "pay.line.tax" | "pay.line.tax_ter" | "pay.line.thr" | "pay.line.jp_ended") {
            lines.push(Line { group, key, amount, how })
        }
    };
    let mut f = Figures::default();

    let mut contributions = 0;
    let mut zakat = 0;
    if m.kind == RunKind::Regular {
        let (start, end) = employed_span(e, first, last);
        let total = working_days(m.calendar, first, last);
        let employed = working_days(m.calendar, start, end);
        let (mut basic_paid, mut fixed_paid) = (0, 0);
        for (i, (from, p)) in pays.iter().enumerate() {
            // This structure's days: from its start to the day before the next. The first
            // also pays any days employed before it began, as a month's only one always has.
            let until = pays.get(i + 1).and_then(|(next, _)| next.pred_opt()).unwrap_or(last);
            let from = if i == 0 { start } else { start.max(*from) };
            let days = working_days(m.calendar, from, end.min(until));
            if days == 0 && pays.len() > 1 {
                continue;
            }
            let part = |v: Option<i64>| {
                let v = v.unwrap_or(0);
                if days == total || total == 0 {
                    v
                } else {
                    (v as i128 * days as i128 / total as i128) as i64
                }
            };
            let (b, f) = (part(p.basic), part(p.fixed_allowance));
            let how = if days == total { vec![] } else { vec![("days", Arg::Count(days)), ("total", Arg::Count(total))] };
            line(Group::Earning, "pay.line.basic", b, how.clone());
            line(Group::Earning, "pay.line.fixed", f, how);
            basic_paid += b;
            fixed_paid += f;
        }
        // Never more than the days employed: a joiner's pay does not go below nothing.
        let half_days = (days.unpaid_half_days as i64).min(2 * employed);
        let unpaid = if total == 0 { 0 } else { (wage as i128 * half_days as i128 / (2 * total) as i128) as i64 };
        line(Group::Earning, "pay.line.unpaid", -unpaid, vec![("n", Arg::HalfDays(half_days)), ("total", Arg::Count(total))]);
        let present = days.present as i64;
        let meal = present * pay.meal_per_day.unwrap_or(0);
        let transport = present * pay.transport_per_day.unwrap_or(0);
        line(Group::Earning, "pay.line.meal", meal, vec![("n", Arg::Count(present)), ("rate", Arg::Money(pay.meal_per_day.unwrap_or(0)))]);
        line(
            Group::Earning,
            "pay.line.transport",
            transport,
            vec![("n", Arg::Count(present)), ("rate", Arg::Money(pay.transport_per_day.unwrap_or(0)))],
        );
        // The whole wage is the month's: with the meal and transport paid for the days present.
        let (base, why) = overtime_base(rates, wage, meal + transport);
        let (overtime, minutes) = overtime_pay(rates, m.calendar, base, &days.overtime);
        let mut how = vec![("time", Arg::Minutes(minutes)), ("wage", Arg::Money(base)), ("divisor", Arg::Count(rates.overtime_divisor))];
        let key = match why {
            OvertimeBase::Wage => "pay.line.overtime",
            OvertimeBase::Floor => {
                how.push(("rate", Arg::Percent(rates.overtime_floor)));
                "pay.line.overtime_floor"
            }
        };
        line(Group::Earning, key, overtime, how);
        f.earnings = basic_paid + fixed_paid - unpaid + meal + transport + overtime;

        let mut b = bpjs(rates, wage);
        let ended = jp_ended(rates, e, first);
        if ended.is_some() {
            (b.jp_employee, b.jp_employer) = (0, 0);
        }
        let pct = |bp: Bp, base: i64| vec![("rate", Arg::Percent(bp)), ("base", Arg::Money(base))];
        line(Group::Deduction, "pay.line.kes_employee", b.kes_employee, pct(rates.kes_employee, b.kes_base));
        line(Group::Deduction, "pay.line.jht_employee", b.jht_employee, pct(rates.jht_employee, wage));
        line(Group::Deduction, "pay.line.jp_employee", b.jp_employee, pct(rates.jp_employee, b.jp_base));
        if let Some((age, pension)) = ended {
            line(Group::Deduction, "pay.line.jp_ended", 0, vec![("age", Arg::Count(age)), ("pension", Arg::Count(pension as i64))]);
        }
        line(Group::Employer, "pay.line.kes_employer", b.kes_employer, pct(rates.kes_employer, b.kes_base));
        line(Group::Employer, "pay.line.jht_employer", b.jht_employer, pct(rates.jht_employer, wage));
        line(Group::Employer, "pay.line.jp_employer", b.jp_employer, pct(rates.jp_employer, b.jp_base));
        line(Group::Employer, "pay.line.jkk", b.jkk, pct(rates.jkk, wage));
        line(Group::Employer, "pay.line.jkm", b.jkm, pct(rates.jkm, wage));
        f.kes_employee = b.kes_employee;
        f.jht_employee = b.jht_employee;
        f.jp_employee = b.jp_employee;
        f.kes_employer = b.kes_employer;
        f.jht_employer = b.jht_employer;
        f.jp_employer = b.jp_employer;
        f.jkk = b.jkk;
        f.jkm = b.jkm;
        f.benefits = b.kes_employer + b.jkk + b.jkm;
        contributions = b.jht_employee + b.jp_employee;
        let loan = pay.loan.unwrap_or(0);
        let coop = pay.coop.unwrap_or(0);
        zakat = pay.zakat.unwrap_or(0);
        line(Group::Deduction, "pay.line.loan", loan, vec![]);
        line(Group::Deduction, "pay.line.coop", coop, vec![]);
        line(Group::Deduction, "pay.line.zakat", zakat, vec![]);
        f.other_deductions = loan + coop + zakat;
        f.zakat = zakat;
    } else {
        let joined = e.joined.unwrap_or(m.service_until);
        let (thr, months) = thr_amount(wage, joined, m.service_until);
        line(Group::Earning, "pay.line.thr", thr, vec![("months", Arg::Count(months)), ("wage", Arg::Money(wage))]);
        f.thr = thr;
        f.earnings = thr;
    }
    let mut untaxed = 0;
    // Last month's rounding is this month's: over a year nothing is kept back.
    if m.kind == RunKind::Regular && earlier.previous_rounding > 0 {
        line(Group::Earning, "pay.line.rounding_carry", earlier.previous_rounding, vec![]);
        untaxed += earlier.previous_rounding;
    }
    for a in adjustments {
        let amount = a.amount.unwrap_or(0);
        line(Group::Earning, "pay.line.adjustment", amount, vec![("note", Arg::Text(a.note.clone()))]);
        if a.taxable {
            f.earnings += amount;
        } else {
            untaxed += amount;
        }
    }
    f.gross = f.earnings + f.benefits;

    let tax_id = has_tax_id(e);
    let mut annual = None;
    // A THR run settles the year only once the month's regular run is posted; before that,
    // the regular run will.
    if reconciles(e, m) && (m.kind == RunKind::Regular || earlier.month_regular_posted) {
        let ptkp = tax::ptkp_amount(rates, e.ptkp.code()).ok_or(Refusal::NoPtkp)?;
        let months = months_employed(e, m.year, m.month);
        let year = tax::annual(
            rates,
            earlier.year_gross + earlier.month_gross + f.gross,
            earlier.year_contributions + earlier.month_contributions + contributions,
            earlier.year_zakat + earlier.month_zakat + zakat,
            months,
            ptkp,
        );
        let due = tax::with_surcharge(rates, year.tax, tax_id);
        let withheld = earlier.year_tax + earlier.month_tax;
        f.tax = due - withheld;
        line(Group::Info, "pay.line.annual_gross", year.gross, vec![]);
        line(Group::Info, "pay.line.position_cost", year.position_cost, vec![("rate", Arg::Percent(rates.position_cost))]);
        line(Group::Info, "pay.line.contributions", year.contributions, vec![]);
        line(Group::Info, "pay.line.zakat_year", year.zakat, vec![]);
        line(Group::Info, "pay.line.ptkp", year.ptkp, vec![("status", Arg::Text(e.ptkp.code().to_string()))]);
        line(Group::Info, "pay.line.pkp", year.pkp, vec![]);
        let how = vec![("annual", Arg::Money(due)), ("withheld", Arg::Money(withheld))];
        if f.tax < 0 {
            line(Group::Earning, "pay.line.tax_refund", -f.tax, how);
        } else {
            line(Group::Deduction, "pay.line.tax", f.tax, how);
        }
        annual = Some(year);
    } else {
        let base = earlier.month_gross + f.gross;
        let rate = tax::ter_table(rates, category).rate(base);
        let due = tax::with_surcharge(rates, share(base, rate), tax_id);
        f.tax = due - earlier.month_tax;
        line(
            Group::Deduction,
            "pay.line.tax_ter",
            f.tax,
            vec![("category", Arg::Text(category.to_string())), ("rate", Arg::Percent(rate)), ("base", Arg::Money(base))],
        );
    }
    if f.benefits > 0 {
        line(Group::Info, "pay.line.benefits", f.benefits, vec![]);
    }
    let net = f.earnings + untaxed - f.kes_employee - f.jht_employee - f.jp_employee - f.tax - f.other_deductions;
    let rounded = if net > 0 { net - net % rates.round_net } else { net };
    line(Group::Deduction, "pay.line.rounding", net - rounded, vec![]);
    f.other_deductions += net - rounded;
    f.net = rounded;

    let mut warnings = vec![];
    if f.net < 0 {
        warnings.push(Warning::NegativeNet);
    }
    if let Some(prev) = earlier.previous_net.filter(|p| *p > 0 && m.kind == RunKind::Regular) {
        let change = (f.net - prev) * 100 / prev;
        if change.abs() > 20 {
            warnings.push(Warning::BigChange(prev, change));
        }
    }
    Ok(Slip { employee_id: e.meta.id.clone(), figures: f, lines, annual, warnings })
}
