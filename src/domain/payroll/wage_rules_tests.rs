//! The rules a month's pay follows beyond the plain case: the overtime wage base (PP 35/2021
//! art. 32(4) and 33(3)), a public holiday on a six-day week's shortest day (art. 31(2)b),
//! JP ending at the pension age (PP 45/2015 art. 15) and a pay structure changing mid-month.
use chrono::{DateTime, NaiveDate};

use super::month::compute_run;
use super::month::Books;
use super::rates::{parse_age_steps, AgeSteps, Rates};
use super::records::{PayRates, PayStructure, PayrollRun};
use super::run::{
    age_on, compute, jp_ended, overtime_base, overtime_pay, pays_in_month, Arg, Days, Earlier, Month, OvertimeBase, RunKind, Slip,
};
use super::slip::{lines_text, parse_lines};
use crate::domain::leave::{Holiday, WorkCalendar};
use crate::domain::people::Employee;
use crate::domain::record::Entity;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn shipped() -> Rates {
    PayRates::shipped().rates().unwrap()
}

fn employee(born: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.set("name", "Sri");
    e.set("joined", "2010-01-04");
    e.set("birth_date", born);
    e.set("ptkp", "TK/0");
    e.set("account", "1234567890");
    e.set("nik", "3174012345670001");
    e
}

fn pay(e: &Employee, from: &str, basic: i64, meal: i64, transport: i64) -> PayStructure {
    let mut p = PayStructure::blank(DateTime::UNIX_EPOCH);
    p.employee_id = e.meta.id.clone();
    p.from = crate::domain::dates::parse_date(from);
    p.basic = Some(basic);
    p.meal_per_day = Some(meal);
    p.transport_per_day = Some(transport);
    p
}

fn month_of(y: i32, m: u32, rates: &Rates, cal: &WorkCalendar, f: impl FnOnce(&Month) -> Slip) -> Slip {
    let last = super::records::month_bounds(y, m).unwrap().1;
    f(&Month { year: y, month: m, kind: RunKind::Regular, paid_on: last, service_until: last, rates, calendar: cal })
}

fn line<'a>(s: &'a Slip, key: &str) -> Option<&'a super::run::Line> {
    s.lines.iter().find(|l| l.key == key)
}

/// PP 35/2021 art. 32(4): basic and fixed allowances under 75 % of the whole wage → the base
/// is 75 % of it. 3,000,000 basic with 2,000,000 of meal and transport for 20 days: the
/// whole wage is 5,000,000, the base 3,750,000, the hourly wage 21,676; two hours on a
/// working day are 1.5 + 2 hours' worth: 75,866.
#[test]
fn overtime_is_paid_on_at_least_three_quarters_of_the_whole_wage() {
    let rates = shipped();
    let cal = WorkCalendar::new(false, &[]);
    assert_eq!(overtime_base(&rates, 3_000_000, 2_000_000), (3_750_000, OvertimeBase::Floor));
    // 4,000,000 of 5,000,000 is 80 %: the wage itself.
    assert_eq!(overtime_base(&rates, 4_000_000, 1_000_000), (4_000_000, OvertimeBase::Wage));
    // A rate set may leave the floor out.
    assert_eq!(overtime_base(&Rates { overtime_floor: 0, ..shipped() }, 3_000_000, 2_000_000).1, OvertimeBase::Wage);

    let e = employee("1990-05-05");
    let p = pay(&e, "2020-01-01", 3_000_000, 50_000, 50_000);
    let days = Days { present: 20, unpaid_half_days: 0, overtime: vec![(d(2026, 3, 2), 120)] };
    let s = month_of(2026, 3, &rates, &cal, |m| compute(&e, &[(d(2020, 1, 1), &p)], &days, &[], &Earlier::default(), m).unwrap());
    let ot = line(&s, "pay.line.overtime_floor").expect("the floor is said on the payslip");
    assert_eq!(ot.amount, 21_676 * 35 / 10);
    assert!(ot.how.contains(&("wage", Arg::Money(3_750_000))), "{:?}", ot.how);
    assert!(ot.how.contains(&("rate", Arg::Percent(7_500))));
    assert!(line(&s, "pay.line.overtime").is_none());
    // BPJS stays on basic and fixed allowances.
    assert_eq!(s.figures.jht_employee, 60_000);
}

/// PP 35/2021 art. 33(3)'s minimum-wage base is for wages paid by the piece: a monthly
/// wage below the regional minimum is the base as it is (the shortfall is another matter).
#[test]
fn the_minimum_wage_is_no_overtime_base_for_a_monthly_wage() {
    let rates = Rates { wage_floor: 5_396_761, ..shipped() };
    assert_eq!(overtime_base(&rates, 4_000_000, 0), (4_000_000, OvertimeBase::Wage));
}

/// PP 35/2021 art. 31(2)b: a public holiday on the shortest working day of a six-day week
/// pays hours 1–5 at 2, the 6th at 3 and the 7th–9th at 4 — 8 hours are 21 hours' worth
/// (a Sunday's schedule makes them 17). Collective leave on a Saturday is no public holiday.
#[test]
fn a_holiday_on_a_six_day_weeks_saturday_has_its_own_schedule() {
    let rates = shipped();
    let saturday = d(2026, 8, 15);
    let mut holiday = Holiday::blank(DateTime::UNIX_EPOCH);
    holiday.date = Some(saturday);
    let six = WorkCalendar::new(true, std::slice::from_ref(&holiday));
    let hourly = 3_000_000 / 173;
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(saturday, 8 * 60)]).0, hourly * 21);
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(d(2026, 8, 16), 8 * 60)]).0, hourly * 17, "a Sunday");
    // A five-day week's Saturday is a rest day whatever it holds.
    let five = WorkCalendar::new(false, std::slice::from_ref(&holiday));
    assert_eq!(overtime_pay(&rates, &five, 3_000_000, &[(saturday, 8 * 60)]).0, hourly * 16);
    holiday.collective = true;
    let six = WorkCalendar::new(true, &[holiday]);
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(saturday, 8 * 60)]).0, hourly * 17, "collective leave");
}

/// PP 45/2015 art. 15: 56 at first, 57 from 2019, one year more every three years.
#[test]
fn the_pension_age_rises_every_three_years() {
    let steps = shipped().jp_pension_age;
    let at = |y| steps.in_year(y);
    assert_eq!((at(2014), at(2015), at(2018), at(2019), at(2021)), (None, Some(56), Some(56), Some(57), Some(57)));
    assert_eq!((at(2022), at(2024), at(2025), at(2027), at(2028)), (Some(58), Some(58), Some(59), Some(59), Some(60)));
    assert_eq!((at(2043), at(2060)), (Some(65), Some(65)));
    assert_eq!(parse_age_steps(""), Some(AgeSteps(vec![])));
    for bad in ["2019:57 2019:58", "2022:58 2019:57", "2019", "2019:x", "19:57", "2019:570"] {
        assert_eq!(parse_age_steps(bad), None, "{bad}");
    }
    let mut r = PayRates::shipped();
    r.jp_pension_age = "2019-57".into();
    assert_eq!(r.rates().unwrap_err(), vec![("jp_pension_age", "err.age_steps")]);
    assert_eq!(age_on(d(1966, 3, 15), d(2025, 3, 14)), 58);
    assert_eq!(age_on(d(1966, 3, 15), d(2025, 3, 15)), 59);
}

/// JP is paid up to the month in which an employee reaches the pension age, then no more,
/// for the employee and the office alike; the payslip says why.
#[test]
fn jp_ends_once_the_pension_age_is_reached() {
    let rates = shipped();
    let cal = WorkCalendar::new(false, &[]);
    // 59 on 15 March 2026, 2026's pension age (58 in 2025 was short of 2025's 59): March
    // is paid, April is not.
    let sri = employee("1967-03-15");
    let p = pay(&sri, "2020-01-01", 8_000_000, 0, 0);
    let run = |y, m| {
        month_of(y, m, &rates, &cal, |mm| compute(&sri, &[(d(2020, 1, 1), &p)], &Days::default(), &[], &Earlier::default(), mm).unwrap())
    };
    let march = run(2026, 3);
    assert_eq!((march.figures.jp_employee, march.figures.jp_employer), (80_000, 160_000));
    assert!(line(&march, "pay.line.jp_ended").is_none());
    let april = run(2026, 4);
    assert_eq!((april.figures.jp_employee, april.figures.jp_employer), (0, 0));
    assert!(line(&april, "pay.line.jp_employee").is_none() && line(&april, "pay.line.jp_employer").is_none());
    let ended = line(&april, "pay.line.jp_ended").expect("the payslip says JP ended");
    assert_eq!(ended.how, vec![("age", Arg::Count(59)), ("pension", Arg::Count(59))]);
    // JHT goes on; take-home pay is higher by the JP no longer deducted.
    assert_eq!(april.figures.jht_employee, 160_000);
    assert_eq!(april.figures.net - march.figures.net, 80_000 - (march.figures.tax - april.figures.tax));
    // A posted payslip keeps the line.
    assert_eq!(parse_lines(&lines_text(&april.lines)), april.lines);

    // Born on the first of a month: that month starts at the pension age.
    assert_eq!(jp_ended(&rates, &employee("1967-04-01"), d(2026, 4, 1)), Some((59, 59)));
    assert_eq!(jp_ended(&rates, &employee("1967-04-01"), d(2026, 3, 1)), None);
    // 58 in 2024 was 2024's pension age: reached for good, though 2025's is 59.
    assert_eq!(jp_ended(&rates, &employee("1966-06-10"), d(2025, 1, 1)), Some((58, 58)));
    assert_eq!(jp_ended(&rates, &employee("1966-12-20"), d(2025, 1, 1)), Some((58, 58)), "58 on 20 December 2024");
    assert_eq!(jp_ended(&rates, &employee("1967-01-20"), d(2025, 2, 1)), None, "58 only in 2025, when it is 59");
    // No birth date: JP goes on. An empty schedule: JP never ends.
    assert_eq!(jp_ended(&rates, &employee(""), d(2025, 4, 1)), None);
    assert_eq!(jp_ended(&Rates { jp_pension_age: AgeSteps::default(), ..shipped() }, &sri, d(2030, 1, 1)), None);
}

/// A raise from 16 March 2026 pays the old basic wage for the 10 working days before it and
/// the new one for the 12 from it (22 in the month); BPJS is on the month's last wage.
#[test]
fn a_pay_change_mid_month_pays_each_wage_for_its_days() {
    let e = employee("1990-05-05");
    let old = pay(&e, "2025-01-01", 6_000_000, 0, 0);
    let mut new = pay(&e, "2026-03-16", 7_000_000, 0, 0);
    new.fixed_allowance = Some(1_100_000);
    let mut gone = pay(&e, "2026-03-20", 9_000_000, 0, 0);
    gone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let all = vec![old.clone(), new.clone(), gone];
    let (first, last) = (d(2026, 3, 1), d(2026, 3, 31));
    let pays = pays_in_month(&all, &e.meta.id, first, last);
    assert_eq!(pays, vec![(first, &old), (d(2026, 3, 16), &new)], "the trashed structure is no change");

    let employees = [e.clone()];
    let books =
        Books { employees: &employees, pay: &all, adjustments: &[], attendance: &[], leave: &[], runs: &[], payslips: &[], changes: &[] };
    let mut run = PayrollRun::blank(DateTime::UNIX_EPOCH);
    run.month = "2026-03".into();
    let cal = WorkCalendar::new(false, &[]);
    let result = compute_run(&run, &books, &shipped(), &cal);
    let s = &result.slips[0];
    let basics: Vec<(i64, Vec<(&str, Arg)>)> =
        s.lines.iter().filter(|l| l.key == "pay.line.basic").map(|l| (l.amount, l.how.clone())).collect();
    let part = |days| vec![("days", Arg::Count(days)), ("total", Arg::Count(22))];
    assert_eq!(basics, vec![(6_000_000 * 10 / 22, part(10)), (7_000_000 * 12 / 22, part(12))]);
    // The fixed allowance starts with the new structure: no line for the old one's nothing.
    let fixed: Vec<i64> = s.lines.iter().filter(|l| l.key == "pay.line.fixed").map(|l| l.amount).collect();
    assert_eq!(fixed, vec![1_100_000 * 12 / 22]);
    assert_eq!(s.figures.jht_employee, 8_100_000 * 2 / 100);
    assert_eq!(s.figures.earnings, 6_000_000 * 10 / 22 + 7_000_000 * 12 / 22 + 1_100_000 * 12 / 22);

    // A change on the first of the month is a whole month of the new wage.
    let from_first = vec![old.clone(), pay(&e, "2026-03-01", 7_000_000, 0, 0)];
    let pays = pays_in_month(&from_first, &e.meta.id, first, last);
    assert_eq!(pays.len(), 1);
    assert_eq!(pays[0].1.basic, Some(7_000_000));
    // A leaver on the 13th: a raise from the 16th is not theirs.
    let mut leaver = e.clone();
    leaver.set("status", "left");
    leaver.set("left_on", "2026-03-13");
    let employees = [leaver];
    let books = Books { employees: &employees, ..books };
    let s = &compute_run(&run, &books, &shipped(), &cal).slips[0];
    let basics: Vec<i64> = s.lines.iter().filter(|l| l.key == "pay.line.basic").map(|l| l.amount).collect();
    assert_eq!(basics, vec![6_000_000 * 10 / 22]);
    assert_eq!(s.figures.jht_employee, 6_000_000 * 2 / 100, "BPJS on the wage they left with");
    // A joiner on the 18th whose structure starts the day they join: 10 of 22 days.
    let mut joiner = employee("1995-01-01");
    joiner.set("joined", "2026-03-18");
    let own = pay(&joiner, "2026-03-18", 5_500_000, 0, 0);
    let all = [own];
    let pays = pays_in_month(&all, &joiner.meta.id, first, last);
    assert_eq!(pays.len(), 1, "nothing in force before they joined");
    let s = month_of(2026, 3, &shipped(), &cal, |m| compute(&joiner, &pays, &Days::default(), &[], &Earlier::default(), m).unwrap());
    assert_eq!(line(&s, "pay.line.basic").unwrap().amount, 5_500_000 * 10 / 22);
    // Joined on the 10th, the structure typed from the 18th: paid from the day they joined
    // (16 working days), never left unpaid for the days between.
    joiner.set("joined", "2026-03-10");
    let s = month_of(2026, 3, &shipped(), &cal, |m| compute(&joiner, &pays, &Days::default(), &[], &Earlier::default(), m).unwrap());
    assert_eq!(line(&s, "pay.line.basic").unwrap().amount, 5_500_000 * 16 / 22);
}

/// Take-home pay rounded down to whole thousands keeps some rupiah back each month: they are
/// paid with the next month's pay, untaxed, so a year keeps nothing back.
#[test]
fn what_rounding_keeps_back_is_paid_the_next_month() {
    use super::month::payslips;
    use super::records::RunStatus;
    let e = employee("1990-05-05");
    let all = vec![pay(&e, "2020-01-01", 6_123_457, 0, 0)];
    let employees = [e.clone()];
    let rates = Rates { round_net: 1000, ..shipped() };
    let cal = WorkCalendar::new(false, &[]);
    let run_of = |month: &str| {
        let mut r = PayrollRun::blank(DateTime::UNIX_EPOCH);
        r.month = month.into();
        r
    };
    let mut jan = run_of("2026-01");
    let (runs, slips) = (vec![], vec![]);
    let books = Books {
        employees: &employees,
        pay: &all,
        adjustments: &[],
        attendance: &[],
        leave: &[],
        runs: &runs,
        payslips: &slips,
        changes: &[],
    };
    let result = compute_run(&jan, &books, &rates, &cal);
    let kept = result.slips[0].lines.iter().find(|l| l.key == "pay.line.rounding").map_or(0, |l| l.amount);
    assert!(kept > 0 && kept < 1000, "{kept}");
    assert_eq!(result.slips[0].figures.net % 1000, 0);
    jan.status = RunStatus::Posted;
    let slips = payslips(&jan, &result, &employees, DateTime::UNIX_EPOCH);
    let runs = vec![jan];
    let books = Books { runs: &runs, payslips: &slips, ..books };
    let feb = &compute_run(&run_of("2026-02"), &books, &rates, &cal).slips[0];
    let carry = feb.lines.iter().find(|l| l.key == "pay.line.rounding_carry").expect("January's rounding paid in February");
    assert_eq!(carry.amount, kept);
    assert_eq!(feb.figures.gross, result.slips[0].figures.gross, "untaxed: the gross is January's");
    assert_eq!(parse_lines(&lines_text(&feb.lines)), feb.lines);
    // Whole rupiah (the shipped rounding) keeps nothing back, so nothing is carried.
    let jan = &compute_run(&run_of("2026-01"), &Books { runs: &[], payslips: &[], ..books }, &shipped(), &cal).slips[0];
    assert!(jan.lines.iter().all(|l| l.key != "pay.line.rounding" && l.key != "pay.line.rounding_carry"));
}
