//! A run over a small office from the People module's records.
use chrono::{DateTime, NaiveDate};

use super::bank::{bank_file, transfer_groups, BankLayout};
use super::month::{compute_run, month_totals, payslips, year_summaries, Books};
use super::rates::{parse_scaled, parse_table, table_text};
use super::records::{rates_on, PayAdjustment, PayRates, PayStructure, PayrollRun, Payslip};
use super::run::{Refusal, Warning};
use super::slip::{lines_text, parse_lines};
use crate::domain::attendance::Attendance;
use crate::domain::attendance::AttendanceStatus;
use crate::domain::leave::LeaveKind;
use crate::domain::leave::LeaveStatus;
use crate::domain::leave::{LeaveRequest, WorkCalendar};
use crate::domain::payroll::records::RunKind;
use crate::domain::payroll::records::RunStatus;
use crate::domain::people::Employee;
use crate::domain::people::Ptkp;
use crate::domain::record::{Entity, RecordRules};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn employee(name: &str, joined: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.set("name", name);
    e.set("joined", joined);
    e.set("ptkp", "TK/0");
    e.set("bank", "BCA");
    e.set("account", "123-456-7890");
    e
}

fn pay(e: &Employee, basic: i64, meal: i64) -> PayStructure {
    let mut p = PayStructure::blank(DateTime::UNIX_EPOCH);
    p.employee_id = e.meta.id.clone();
    p.from = crate::domain::dates::parse_date("2020-01-01");
    p.basic = Some(basic);
    p.meal_per_day = Some(meal);
    p
}

fn run(month: &str, kind: &str, paid_on: &str) -> PayrollRun {
    let mut r = PayrollRun::blank(DateTime::UNIX_EPOCH);
    r.month = month.into();
    r.kind = RunKind::from_code(kind).unwrap();
    r.paid_on = crate::domain::dates::parse_date(paid_on);
    r.holiday = "Idul Fitri".into();
    r
}

fn day(e: &Employee, date: &str, status: &str, overtime: i64) -> Attendance {
    let mut a = Attendance::blank(DateTime::UNIX_EPOCH);
    a.employee_id = e.meta.id.clone();
    a.date = crate::domain::dates::parse_date(date);
    a.status = AttendanceStatus::from_code(status).unwrap();
    if overtime > 0 {
        a.overtime = Some(overtime);
        a.overtime_approved = true;
    }
    a
}

struct Office {
    employees: Vec<Employee>,
    pay: Vec<PayStructure>,
    adjustments: Vec<PayAdjustment>,
    attendance: Vec<Attendance>,
    leave: Vec<LeaveRequest>,
    runs: Vec<PayrollRun>,
    payslips: Vec<Payslip>,
    changes: Vec<crate::domain::people::EmployeeChange>,
}

impl Office {
    fn books(&self) -> Books<'_> {
        Books {
            employees: &self.employees,
            pay: &self.pay,
            adjustments: &self.adjustments,
            attendance: &self.attendance,
            leave: &self.leave,
            runs: &self.runs,
            payslips: &self.payslips,
            changes: &self.changes,
        }
    }

    /// Computes and posts a run, as the run page does.
    fn post(&mut self, mut r: PayrollRun) -> super::month::RunResult {
        let rates = PayRates::shipped().rates().unwrap();
        let cal = WorkCalendar::new(false, &[]);
        let result = compute_run(&r, &self.books(), &rates, &cal);
        r.status = RunStatus::Posted;
        self.payslips.extend(payslips(&r, &result, &self.employees, DateTime::UNIX_EPOCH));
        self.runs.push(r);
        result
    }
}

fn office() -> Office {
    let ani = employee("Ani", "2020-02-03");
    let budi = employee("Budi", "2026-01-14"); // joins mid-January
    let mut citra = employee("Citra", "2019-05-01");
    citra.set("account", ""); // no bank account yet
    let mut dodi = employee("Dodi", "2021-07-01");
    dodi.set("status", "left");
    dodi.set("left_on", "2025-12-31"); // gone before the year
    let pay = vec![pay(&ani, 8_000_000, 25_000), pay(&budi, 6_000_000, 25_000), pay(&citra, 7_000_000, 0), pay(&dodi, 5_000_000, 0)];
    let attendance = vec![
        day(&ani, "2026-01-05", "present", 90),
        day(&ani, "2026-01-06", "present", 0),
        day(&ani, "2026-01-07", "absent", 0),
        day(&budi, "2026-01-14", "late", 0),
    ];
    Office {
        employees: vec![ani, budi, citra, dodi],
        pay,
        adjustments: vec![],
        attendance,
        leave: vec![],
        runs: vec![],
        payslips: vec![],
        changes: vec![],
    }
}

#[test]
fn a_run_pays_who_works_that_month_and_names_who_it_cannot_pay() {
    let o = office();
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let r = compute_run(&run("2026-01", "regular", "2026-01-28"), &o.books(), &rates, &cal);
    let names: Vec<&str> = r.slips.iter().map(|s| o.employees.iter().find(|e| e.meta.id == s.employee_id).unwrap().name.as_str()).collect();
    assert_eq!(names, ["Ani", "Budi"], "by name; Dodi left before January");
    assert_eq!(r.refused, vec![(o.employees[2].meta.id.clone(), Refusal::NoAccount)]);

    let ani = &r.slips[0];
    // January 2026 has 22 working days (Mon–Fri); one absent day is deducted.
    let line = |key: &str| ani.lines.iter().find(|l| l.key == key).map(|l| l.amount);
    assert_eq!(line("pay.line.unpaid"), Some(-8_000_000 / 22));
    assert_eq!(line("pay.line.meal"), Some(2 * 25_000));
    // 90 minutes on a Monday: 1.5 × hour one, 2 × half an hour; hourly 8,000,000 / 173 = 46,242.
    assert_eq!(line("pay.line.overtime"), Some(46_242 * 25 / 10));
    // Budi joined on the 14th: 14 of 22 working days (14th–30th January).
    let budi = &r.slips[1];
    assert_eq!(budi.lines.iter().find(|l| l.key == "pay.line.basic").unwrap().amount, 6_000_000 * 13 / 22);
}

#[test]
fn the_same_inputs_give_the_same_payslips() {
    let o = office();
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let r = run("2026-01", "regular", "2026-01-28");
    assert_eq!(compute_run(&r, &o.books(), &rates, &cal), compute_run(&r, &o.books(), &rates, &cal));
}

#[test]
fn posted_months_feed_later_months_and_a_big_change_is_flagged() {
    let mut o = office();
    o.employees[2].set("account", "555");
    o.post(run("2026-01", "regular", "2026-01-28"));
    assert_eq!(o.payslips.len(), 3);
    // A raise for Ani in February: more than 20 % more take-home pay.
    let mut raise = pay(&o.employees[0], 11_000_000, 25_000);
    raise.from = crate::domain::dates::parse_date("2026-02-01");
    o.pay.push(raise);
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let feb = compute_run(&run("2026-02", "regular", "2026-02-26"), &o.books(), &rates, &cal);
    let ani = feb.slips.iter().find(|s| s.employee_id == o.employees[0].meta.id).unwrap();
    assert!(matches!(ani.warnings.as_slice(), [Warning::BigChange(_, p)] if *p > 20), "{:?}", ani.warnings);
    let citra = feb.slips.iter().find(|s| s.employee_id == o.employees[2].meta.id).unwrap();
    assert!(citra.warnings.is_empty());
}

#[test]
fn a_thr_run_pays_by_service_and_taxes_the_month_together() {
    let mut o = office();
    o.employees[2].set("account", "555");
    o.post(run("2026-03", "regular", "2026-03-26"));
    let thr = o.post(run("2026-03", "thr", "2026-03-13"));
    let amount = |i: usize| thr.slips.iter().find(|s| s.employee_id == o.employees[i].meta.id).unwrap().figures.thr;
    assert_eq!(amount(0), 8_000_000, "over a year's service");
    assert_eq!(amount(1), 6_000_000 / 12, "one whole month: 14 January to 13 March is one month");
    // Ani: March's regular pay and THR taxed together at their TER rate.
    let ani = o.employees[0].meta.id.clone();
    let march: Vec<&Payslip> = o.payslips.iter().filter(|p| p.employee_id == ani && p.month == "2026-03").collect();
    let gross: i64 = march.iter().map(|p| p.gross.unwrap()).sum();
    let tax: i64 = march.iter().map(|p| p.tax.unwrap()).sum();
    let rates = PayRates::shipped().rates().unwrap();
    assert_eq!(tax, super::tax::share(gross, rates.ter_a.rate(gross)));
}

#[test]
fn december_reconciles_the_year_from_posted_payslips() {
    let mut o = office();
    o.employees[2].set("account", "555");
    o.attendance.clear();
    for m in 1..=11 {
        o.post(run(&format!("2026-{m:02}"), "regular", &format!("2026-{m:02}-25")));
    }
    let dec = o.post(run("2026-12", "regular", "2026-12-24"));
    let ani = dec.slips.iter().find(|s| s.employee_id == o.employees[0].meta.id).unwrap();
    let a = ani.annual.as_ref().unwrap();
    let withheld: i64 =
        o.payslips.iter().filter(|p| p.employee_id == ani.employee_id && p.month != "2026-12").map(|p| p.tax.unwrap()).sum();
    assert_eq!(ani.figures.tax, a.tax - withheld);
    assert_eq!(a.gross, 12 * ani.figures.gross);
    let books = o.books();
    let year = year_summaries(&books, 2026);
    assert_eq!(year.len(), 3);
    let months = super::month::months_of_year(&books, 2026);
    assert_eq!(months.len(), 12);
    assert_eq!(months.iter().map(|(_, t)| t.tax).sum::<i64>(), year.iter().map(|y| y.tax).sum::<i64>());
    let ys = year.iter().find(|y| y.employee_id == ani.employee_id).unwrap();
    assert_eq!((ys.months, ys.tax, ys.gross), (12, a.tax, a.gross), "the year's tax is what was withheld");
}

#[test]
fn posting_again_replaces_the_payslips_it_made() {
    let o = office();
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let r = run("2026-01", "regular", "2026-01-28");
    let result = compute_run(&r, &o.books(), &rates, &cal);
    let first = payslips(&r, &result, &o.employees, DateTime::UNIX_EPOCH);
    let again = payslips(&r, &result, &o.employees, chrono::Utc::now());
    let ids = |v: &[Payslip]| v.iter().map(|p| p.meta.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&first), ids(&again), "the same run and employee name the same payslip");
    assert!(first[0].meta.id.starts_with(&r.meta.id));
}

#[test]
fn the_bank_file_follows_the_layout() {
    let mut o = office();
    o.employees[2].set("account", "555");
    o.post(run("2026-01", "regular", "2026-01-28"));
    let slips: Vec<&Payslip> = o.payslips.iter().collect();
    let file = bank_file("account;name;amount;note", true, &slips, &o.employees, "Gaji 2026-01", d(2026, 1, 28)).unwrap();
    let rows: Vec<&str> = file.lines().collect();
    assert_eq!(rows[0], "account;name;amount;note");
    let ani = o.payslips.iter().find(|p| p.employee_id == o.employees[0].meta.id).unwrap();
    assert_eq!(rows[1], format!("1234567890;Ani;{};Gaji 2026-01", ani.net.unwrap()));
    assert_eq!(rows.len(), 4);
    assert_eq!(bank_file("account,nama", false, &slips, &o.employees, "", d(2026, 1, 28)).unwrap_err(), "nama");
    let totals = month_totals(o.payslips.iter());
    assert_eq!(totals.employees, 3);
    let journal = super::month::journal(&totals);
    assert_eq!(journal.iter().map(|(_, v)| v).sum::<i64>(), 0, "debits equal credits: {journal:?}");
    assert_eq!(journal[2], ("journal.net_payable", -totals.net));
    assert_eq!(totals.net, o.payslips.iter().map(|p| p.net.unwrap()).sum::<i64>());
    assert_eq!(totals.jp, o.payslips.iter().map(|p| p.jp_employer.unwrap() + p.jp_employee.unwrap()).sum::<i64>());
}

#[test]
fn each_bank_with_a_layout_has_its_own_file_the_rest_the_settings_one() {
    let mut o = office();
    o.employees[1].set("bank", "Mandiri");
    o.employees[2].set("bank", "BRI");
    o.employees[2].set("account", "555");
    o.post(run("2026-01", "regular", "2026-01-28"));
    let bank_of = |p: &Payslip| p.bank.clone();
    let layout = |bank: &str, columns: &str| {
        let mut l = BankLayout::blank(DateTime::UNIX_EPOCH);
        l.set("bank", bank);
        l.set("columns", columns);
        l
    };
    // No layouts: everyone in the Settings' file.
    let groups = transfer_groups(&o.payslips, &[]);
    assert_eq!(groups.len(), 1);
    assert!(groups[0].0.is_none() && groups[0].1.len() == 3);
    // Mandiri's and BCA's own layouts (typed in another case), one for a bank nobody uses, one in the trash.
    let mut trashed = layout("BRI", "account");
    trashed.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let layouts = [layout("mandiri", "account;amount"), layout(" bca ", "name,account,amount"), layout("BNI", "account"), trashed];
    let groups = transfer_groups(&o.payslips, &layouts);
    let shape: Vec<(Option<String>, Vec<String>)> =
        groups.iter().map(|(l, g)| (l.map(|l| l.bank.trim().to_string()), g.iter().map(|p| bank_of(p)).collect())).collect();
    assert_eq!(
        shape,
        vec![(Some("bca".into()), vec!["BCA".into()]), (Some("mandiri".into()), vec!["Mandiri".into()]), (None, vec!["BRI".into()])]
    );
    let (mandiri, slips) = &groups[1];
    let file = bank_file(&mandiri.unwrap().columns, false, slips, &o.employees, "", d(2026, 1, 28)).unwrap();
    assert_eq!(file.lines().next().unwrap(), format!("1234567890;{}", slips[0].net.unwrap()));
    // A layout must name known columns.
    assert_eq!(layout("BCA", "rekening;jumlah").validate(), vec![("columns", "err.bank_layout")]);
    assert_eq!(BankLayout::blank(DateTime::UNIX_EPOCH).validate(), vec![("bank", "err.required")]);
}

#[test]
fn a_posted_payslip_keeps_its_lines() {
    let mut o = office();
    let mut a = PayAdjustment::blank(DateTime::UNIX_EPOCH);
    a.employee_id = o.employees[0].meta.id.clone();
    a.month = "2026-01".into();
    a.amount = Some(-150_000);
    a.note = "Koreksi\tDesember".into();
    o.adjustments.push(a);
    let r = o.post(run("2026-01", "regular", "2026-01-28"));
    let lines = &r.slips[0].lines;
    let back = parse_lines(&lines_text(lines));
    assert_eq!(back.len(), lines.len());
    assert!(back.iter().any(|l| l.key == "pay.line.adjustment" && l.amount == -150_000));
    assert_eq!(parse_lines("x\tnot.a.key\t5\ngarbage\n\n"), vec![]);
}

#[test]
fn rate_sets_take_effect_on_their_date() {
    let mut march = PayRates::shipped();
    march.from = crate::domain::dates::parse_date("2026-03-01");
    march.jp_cap = Some(11_086_300);
    let mut older = PayRates::shipped();
    older.from = crate::domain::dates::parse_date("2025-03-01");
    older.jp_cap = Some(10_547_400);
    let all = vec![march, older];
    assert_eq!(rates_on(&all, d(2026, 2, 28)).unwrap().jp_cap, 10_547_400);
    assert_eq!(rates_on(&all, d(2026, 3, 1)).unwrap().jp_cap, 11_086_300);
    assert_eq!(rates_on(&[], d(2026, 3, 1)), PayRates::shipped().rates(), "the shipped set when the office has none");
    let mut bad = PayRates::shipped();
    bad.from = crate::domain::dates::parse_date("2026-01-01");
    bad.jht_employee = "2 %".into();
    bad.ter_a = "5.4:0 5.0:1 *:2".into();
    bad.overtime_workday = "".into();
    let errs = bad.validate();
    assert!(errs.contains(&("jht_employee", "err.percent")) && errs.contains(&("ter_a", "err.rate_table")), "{errs:?}");
    assert!(errs.contains(&("overtime_workday", "err.required")), "{errs:?}");
}

#[test]
fn rate_tables_read_as_written() {
    for text in [super::rates::shipped::TER_A, super::rates::shipped::TER_B, super::rates::shipped::TER_C, super::rates::shipped::BRACKETS]
    {
        let t = parse_table(text).unwrap();
        assert_eq!(table_text(&t), text);
    }
    let a = parse_table(super::rates::shipped::TER_A).unwrap();
    assert_eq!((a.rate(5_400_000), a.rate(5_400_001), a.rate(1_400_000_000), a.rate(1_400_000_001)), (0, 25, 3300, 3400));
    assert_eq!(parse_scaled("3,7", 2), Some(370));
    assert_eq!(parse_scaled("0.245", 2), None);
    assert_eq!(parse_table("5:1 *:2 6:3"), None, "nothing after the rate above");
}

#[test]
fn a_run_month_and_an_adjustment_month_are_checked() {
    let mut r = run("2026-13", "regular", "2026-01-28");
    assert!(r.validate().contains(&("month", "err.month")));
    r.month = "2026-02".into();
    assert!(r.validate().contains(&("paid_on", "err.paid_in_month")));
    let mut t = run("2026-03", "thr", "2026-03-13");
    t.holiday = String::new();
    assert!(t.validate().contains(&("holiday", "err.required")));
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        #[test]
        fn rate_parsers_never_panic(s in "\\PC{0,80}") {
            let _ = super::parse_table(&s);
            let _ = super::parse_scaled(&s, 6);
            let _ = super::super::rates::parse_multipliers(&s);
            let _ = super::parse_lines(&s);
            let _ = super::super::records::parse_month(&s);
        }

        #[test]
        fn progressive_tax_never_exceeds_the_top_rate(pkp in 0i64..10_000_000_000) {
            let b = super::parse_table(super::super::rates::shipped::BRACKETS).unwrap();
            let t = b.progressive(pkp);
            prop_assert!(t >= 0 && t <= pkp * 35 / 100);
            prop_assert!(b.progressive(pkp + 1000) >= t);
        }
    }
}

fn leave(e: &Employee, kind: &str, start: &str, end: &str, half: bool) -> LeaveRequest {
    let mut r = LeaveRequest::blank(DateTime::UNIX_EPOCH);
    r.employee_id = e.meta.id.clone();
    r.kind = LeaveKind::from_code(kind).unwrap();
    r.start = crate::domain::dates::parse_date(start);
    r.end = crate::domain::dates::parse_date(end);
    r.half_day = half;
    r.status = LeaveStatus::Approved;
    r
}

#[test]
fn unpaid_days_count_absence_without_leave_and_unpaid_leave_in_half_days() {
    let mut o = office();
    let ani = o.employees[0].clone();
    o.attendance = vec![
        day(&ani, "2026-02-02", "absent", 0),  // no leave: deducted
        day(&ani, "2026-02-03", "absent", 0),  // covered by sick leave: paid
        day(&ani, "2026-02-05", "present", 0), // unpaid leave asked, but came in: paid
    ];
    o.leave = vec![
        leave(&ani, "sick", "2026-02-03", "2026-02-03", false),
        leave(&ani, "unpaid", "2026-02-05", "2026-02-05", false),
        leave(&ani, "unpaid", "2026-02-09", "2026-02-09", true),  // half a day
        leave(&ani, "unpaid", "2026-02-16", "2026-02-17", false), // two days
    ];
    let cal = WorkCalendar::new(false, &[]);
    let days = super::month::days(&o.books(), &cal, 2026, 2);
    assert_eq!(days[&ani.meta.id].unpaid_half_days, 2 + 1 + 4);
    assert_eq!(days[&ani.meta.id].present, 1);
}

#[test]
fn a_joiner_is_never_deducted_more_than_the_days_employed() {
    let mut o = office();
    let budi = o.employees[1].clone(); // joined 14 January
    o.leave = vec![leave(&budi, "unpaid", "2026-01-01", "2026-01-31", false)];
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let r = compute_run(&run("2026-01", "regular", "2026-01-28"), &o.books(), &rates, &cal);
    let s = r.slips.iter().find(|s| s.employee_id == budi.meta.id).unwrap();
    let line = |k: &str| s.lines.iter().find(|l| l.key == k).map_or(0, |l| l.amount);
    assert_eq!(line("pay.line.basic") + line("pay.line.unpaid"), 0, "{:?}", s.lines);
}

#[test]
fn posting_is_refused_twice_in_a_month_below_zero_or_again() {
    let mut o = office();
    o.employees[2].set("account", "555");
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let jan = run("2026-01", "regular", "2026-01-28");
    let result = compute_run(&jan, &o.books(), &rates, &cal);
    assert_eq!(super::month::post_problems(&jan, &o.books(), &result), vec![]);
    o.post(jan.clone());
    let posted = o.runs[0].clone();
    assert!(super::month::post_problems(&posted, &o.books(), &result).contains(&super::month::PostProblem::AlreadyPosted));
    let second = run("2026-01", "regular", "2026-01-30");
    assert!(super::month::post_problems(&second, &o.books(), &result).contains(&super::month::PostProblem::TwiceInMonth));
    // A loan larger than the pay.
    let mut loan = pay(&o.employees[0], 1_000_000, 0);
    loan.from = crate::domain::dates::parse_date("2026-02-01");
    loan.loan = Some(5_000_000);
    o.pay.push(loan);
    let feb = run("2026-02", "regular", "2026-02-26");
    let result = compute_run(&feb, &o.books(), &rates, &cal);
    assert_eq!(
        super::month::post_problems(&feb, &o.books(), &result),
        vec![super::month::PostProblem::Negative(vec![o.employees[0].meta.id.clone()])]
    );
}

#[test]
fn posting_again_moves_payslips_of_employees_no_longer_paid_to_the_trash() {
    let mut o = office();
    o.employees[2].set("account", "555");
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let jan = run("2026-01", "regular", "2026-01-28");
    // A first post stored its payslips, then stopped before the run was marked posted.
    let first = payslips(&jan, &compute_run(&jan, &o.books(), &rates, &cal), &o.employees, DateTime::UNIX_EPOCH);
    o.payslips.extend(first);
    o.employees[2].set("account", "");
    let fresh = payslips(&jan, &compute_run(&jan, &o.books(), &rates, &cal), &o.employees, DateTime::UNIX_EPOCH);
    let out = super::month::payslips_to_post(&jan, &o.books(), fresh, DateTime::UNIX_EPOCH);
    let citra = out.iter().find(|p| p.employee_id == o.employees[2].meta.id).unwrap();
    assert!(citra.meta.deleted_at.is_some());
    assert_eq!(out.iter().filter(|p| p.meta.deleted_at.is_none()).count(), 2);
}

#[test]
fn a_thr_run_in_december_settles_the_year_only_after_the_regular_run() {
    let mut o = office();
    o.employees[2].set("account", "555");
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let mut natal = run("2026-12", "thr", "2026-12-18");
    natal.holiday = "Natal".into();
    natal.holiday_on = crate::domain::dates::parse_date("2026-12-25");
    let before = compute_run(&natal, &o.books(), &rates, &cal);
    assert!(before.slips.iter().all(|s| s.annual.is_none()), "taxed by TER: the regular run will settle the year");
    o.post(run("2026-12", "regular", "2026-12-24"));
    let after = compute_run(&natal, &o.books(), &rates, &cal);
    assert!(after.slips.iter().all(|s| s.annual.is_some()));
    let books = o.books();
    assert_eq!(super::month::unposted_months(&run("2026-12", "regular", "2026-12-24"), &books), (1..12).collect::<Vec<u32>>());
}

#[test]
fn the_ter_category_and_ptkp_follow_the_status_on_1_january() {
    let mut o = office();
    o.employees[2].set("account", "555");
    let before = o.employees[0].clone();
    // Ani marries with a child in June: K/1 from then on, TK/0 for this year's tax.
    o.employees[0].set("ptkp", "K/1");
    o.changes = crate::domain::people::changes(&before, &o.employees[0], d(2026, 6, 10), DateTime::UNIX_EPOCH);
    assert_eq!(crate::domain::people::ptkp_on(&o.employees[0], &o.changes, d(2026, 1, 1)), Some(Ptkp::TK0));
    assert_eq!(crate::domain::people::ptkp_on(&o.employees[0], &o.changes, d(2027, 1, 1)), Some(Ptkp::K1));
    let rates = PayRates::shipped().rates().unwrap();
    let cal = WorkCalendar::new(false, &[]);
    let july = compute_run(&run("2026-07", "regular", "2026-07-24"), &o.books(), &rates, &cal);
    let ani = july.slips.iter().find(|s| s.employee_id == o.employees[0].meta.id).unwrap();
    let ter = ani.lines.iter().find(|l| l.key == "pay.line.tax_ter").unwrap();
    assert!(ter.how.contains(&("category", super::run::Arg::Text("A".into()))), "{:?}", ter.how);
    let next = compute_run(&run("2027-01", "regular", "2027-01-25"), &o.books(), &rates, &cal);
    let ani = next.slips.iter().find(|s| s.employee_id == o.employees[0].meta.id).unwrap();
    let ter = ani.lines.iter().find(|l| l.key == "pay.line.tax_ter").unwrap();
    assert!(ter.how.contains(&("category", super::run::Arg::Text("B".into()))), "{:?}", ter.how);
}

#[test]
fn a_hand_typed_ptkp_change_that_is_no_status_is_refused_never_guessed() {
    use crate::domain::record::RecordRules;
    let mut o = office();
    let before = o.employees[0].clone();
    o.employees[0].set("ptkp", "K/1");
    o.changes = crate::domain::people::changes(&before, &o.employees[0], d(2026, 6, 10), DateTime::UNIX_EPOCH);
    o.changes[0].from = "k1".into();
    assert!(o.changes[0].validate().contains(&("from", "err.choice")), "the form says so");
    assert_eq!(crate::domain::people::ptkp_on(&o.employees[0], &o.changes, d(2026, 1, 1)), None);
    let rates = PayRates::shipped().rates().unwrap();
    let july = compute_run(&run("2026-07", "regular", "2026-07-24"), &o.books(), &rates, &WorkCalendar::new(false, &[]));
    assert!(july.refused.contains(&(o.employees[0].meta.id.clone(), super::run::Refusal::NoPtkp)));
}
