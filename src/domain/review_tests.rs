use super::*;
use crate::domain::finance::accounts::{by_code, standard_chart};
use crate::domain::finance::entries::EntryKind;
use crate::domain::finance::Entry;
use crate::domain::format::Lang;
use crate::domain::kpis::Source;
use crate::domain::meeting::{Action, ActionStatus};
use crate::domain::record::Entity;
use chrono::DateTime;

fn d(s: &str) -> NaiveDate {
    crate::domain::record::parse_date(s).unwrap()
}

fn with_id<T: Entity>(mut r: T, id: &str) -> T {
    r.meta_mut().id = id.into();
    r
}

#[test]
fn periods_are_read_as_months_or_quarters_and_stepped() {
    let (every, q) = parse_period("2026-Q4").unwrap();
    assert_eq!((every, q.from, q.to), (Every::Quarter, d("2026-10-01"), d("2026-12-31")));
    let (every, m) = parse_period("2027-02").unwrap();
    assert_eq!((every, m.from, m.to), (Every::Month, d("2027-02-01"), d("2027-02-28")));
    assert_eq!(before(Every::Quarter, q).from, d("2026-07-01"));
    assert_eq!(after(Every::Quarter, q).from, d("2027-01-01"));
    assert_eq!(before(Every::Month, m).to, d("2027-01-31"));
    for bad in ["2026-Q5", "2026-13", "2026-00", "26-11", "", "2026", "2026-Qx", "10000-01"] {
        assert!(parse_period(bad).is_none(), "{bad}");
    }
}

#[test]
fn plans_of_the_period_with_their_tasks_and_evaluation() {
    let epoch = DateTime::UNIX_EPOCH;
    let plan =
        |id: &str, name: &str, starts: &str| with_id(WorkPlan { name: name.into(), starts: Some(d(starts)), ..WorkPlan::blank(epoch) }, id);
    // Quarter plans: Q4 runs in the review; Q2 does not.
    let plans = vec![plan("p1", "Sales", "2026-10-01"), plan("p2", "Old", "2026-04-01"), plan("p3", "admin", "2026-10-01")];
    let task = |plan: &str, status: TaskStatus, due: &str| PlanTask {
        plan_id: plan.into(),
        title: "t".into(),
        status,
        due: Some(d(due)),
        ..PlanTask::blank(epoch)
    };
    let tasks = vec![
        task("p1", TaskStatus::Done, "2026-10-15"),
        task("p1", TaskStatus::Doing, "2026-11-01"),
        task("p1", TaskStatus::Todo, "2026-12-20"),
        task("p2", TaskStatus::Todo, "2026-05-01"),
    ];
    let eval = |period: &str, score: u32| PlanReview {
        plan_id: "p1".into(),
        period: Some(d(period)),
        score: Some(score),
        ..PlanReview::blank(epoch)
    };
    let reviews = vec![eval("2026-07-01", 2), eval("2026-10-01", 4)];
    let s = Sources { plans: &plans, tasks: &tasks, reviews: &reviews, ..Sources::default() };
    let (every, q) = parse_period("2026-Q4").unwrap();
    let r = review(every, q, d("2026-12-01"), 1, &s);
    // By name whatever the case; the Q2 plan is left out.
    assert_eq!(r.plans.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["admin", "Sales"]);
    let sales = &r.plans[1];
    assert_eq!((sales.tasks, sales.done, sales.late), (3, 1, 1), "the task due 1 Nov is late on 1 Dec");
    let (ev, change) = sales.evaluation.as_ref().unwrap();
    assert_eq!((ev.score, *change), (Some(4), Some(2)), "Q4's evaluation, two points up on Q3's");
    assert!(r.plans[0].evaluation.is_none());
}

#[test]
fn books_payroll_and_people_of_the_period() {
    let epoch = DateTime::UNIX_EPOCH;
    let accounts = standard_chart(Lang::Id);
    let id = |code: &str| by_code(&accounts, code).unwrap().meta.id.clone();
    let entry = |kind: EntryKind, date: &str, category: &str, amount: i64| Entry {
        kind,
        date: Some(d(date)),
        account_id: id("1111"),
        category_id: id(category),
        amount: Some(amount),
        ..Entry::default()
    };
    let entries = vec![
        entry(EntryKind::In, "2026-11-03", "4101", 10_000_000),
        entry(EntryKind::Out, "2026-11-20", "6101", 4_000_000),
        entry(EntryKind::In, "2026-10-05", "4101", 3_000_000),
    ];
    let person = |name: &str, joined: &str, left: Option<&str>| {
        with_id(Employee { name: name.into(), joined: Some(d(joined)), left_on: left.map(d), ..Employee::blank(epoch) }, name)
    };
    let employees =
        vec![person("Ani", "2024-01-01", None), person("Budi", "2026-11-10", None), person("Citra", "2023-01-01", Some("2026-11-15"))];
    let run =
        |id: &str, month: &str, status: RunStatus| with_id(PayrollRun { month: month.into(), status, ..PayrollRun::blank(epoch) }, id);
    let runs =
        vec![run("r1", "2026-11", RunStatus::Posted), run("r2", "2026-12", RunStatus::Draft), run("r3", "2026-10", RunStatus::Posted)];
    let slip = |run: &str, who: &str, gross: i64| Payslip {
        run_id: run.into(),
        employee_id: who.into(),
        gross: Some(gross),
        tax: Some(gross / 20),
        net: Some(gross - gross / 20),
        kes_employer: Some(gross / 25),
        jkk: Some(10),
        jht_employer: Some(gross * 37 / 1000),
        jp_employer: Some(gross / 50),
        ..Payslip::blank(epoch)
    };
    let payslips = vec![slip("r1", "Ani", 8_000_000), slip("r1", "Budi", 6_000_000), slip("r2", "Ani", 8_000_000), slip("r3", "Ani", 1)];
    let s = Sources {
        facts: Facts { accounts: &accounts, entries: &entries, employees: &employees, ..Facts::default() },
        runs: &runs,
        payslips: &payslips,
        ..Sources::default()
    };
    let (every, nov) = parse_period("2026-11").unwrap();
    let r = review(every, nov, d("2026-12-03"), 1, &s);
    assert_eq!((r.books.income, r.books.expenses, r.books.profit, r.books.profit_before), (10_000_000, 4_000_000, 6_000_000, 3_000_000));
    assert_eq!(r.books.cash, 9_000_000, "every entry up to the month's end");
    // Only November's posted run; December's draft is another month.
    assert_eq!((r.pay.runs, r.pay.people, r.pay.gross, r.pay.net, r.pay.unposted), (1, 2, 14_000_000, 13_300_000, 0));
    // Kesehatan, JKK and JKM are in gross already: only JHT and JP come on top.
    assert_eq!(r.pay.employer_pension, 518_000 + 280_000);
    assert_eq!((r.people.headcount, r.people.headcount_before), (2, 2));
    assert_eq!(r.people.joined, vec![("Budi".to_string(), d("2026-11-10"))]);
    assert_eq!(r.people.left, vec![("Citra".to_string(), d("2026-11-15"))]);
    // December is still running on 3 Dec: its draft run is counted as not posted.
    let (_, dec) = parse_period("2026-12").unwrap();
    let r = review(Every::Month, dec, d("2026-12-03"), 1, &s);
    assert_eq!((r.pay.runs, r.pay.unposted, r.day), (0, 1, d("2026-12-03")));
}

#[test]
fn obligations_settled_late_and_open_actions() {
    let epoch = DateTime::UNIX_EPOCH;
    let mut pph = with_id(crate::domain::compliance::Obligation::blank(epoch), "o1");
    pph.name = "PPh 21".into();
    pph.first_due = Some(d("2026-09-10"));
    pph.lead_days = Some(7);
    let done = |due: &str, on: &str, evidence: &str| ObligationDone {
        obligation_id: "o1".into(),
        due: Some(d(due)),
        done_on: Some(d(on)),
        evidence: evidence.into(),
        ..ObligationDone::blank(epoch)
    };
    let dones = vec![
        done("2026-10-10", "2026-10-09", "NTPN 1"),
        done("2026-11-10", "2026-11-12", "NTPN 2"),
        done("2026-09-10", "2026-09-10", "NTPN 0"),
    ];
    let obligations = vec![pph];
    let mut m = Minutes { title: "Rapat".into(), date: Some(d("2026-11-02")), ..Minutes::blank(epoch) };
    m.actions = vec![
        Action { status: ActionStatus::Open, ..Action::new("Kirim laporan") },
        Action { status: ActionStatus::Done, ..Action::new("Selesai") },
    ];
    let minutes = vec![m];
    let s = Sources { obligations: &obligations, done: &dones, minutes: &minutes, ..Sources::default() };
    let (every, q) = parse_period("2026-Q4").unwrap();
    let r = review(every, q, d("2026-12-14"), 1, &s);
    let settled: Vec<&str> = r.compliance.settled.iter().map(|x| x.3.as_str()).collect();
    assert_eq!(settled, ["NTPN 1", "NTPN 2"], "September's is another quarter");
    assert_eq!(r.compliance.settled_late, 1);
    // 10 December is not settled: four days late on the 14th.
    assert_eq!(r.compliance.overdue.iter().map(|x| (x.due, x.days)).collect::<Vec<_>>(), [(d("2026-12-10"), -4)]);
    // Coming within 30 days whatever the obligation's own reminder (7 days).
    assert_eq!(r.compliance.coming.iter().map(|x| x.due).collect::<Vec<_>>(), [d("2027-01-10")]);
    assert_eq!(r.actions.len(), 1);
    assert_eq!(r.actions[0].action.text, "Kirim laporan");
}

#[test]
fn kpis_show_the_period_and_the_three_before() {
    let epoch = DateTime::UNIX_EPOCH;
    let k = with_id(Kpi { name: "Calls".into(), source: Source::Calls, every: Every::Month, ..Kpi::blank(epoch) }, "k1");
    let kpis = vec![k];
    let (every, q) = parse_period("2026-Q3").unwrap();
    let r = review(every, q, d("2026-12-03"), 1, &Sources { kpis: &kpis, ..Sources::default() });
    let labels: Vec<String> = r.kpis[0].rows.iter().map(|x| x.period.label(Every::Month)).collect();
    assert_eq!(labels, ["2026-06", "2026-07", "2026-08", "2026-09"], "up to the quarter's last month");
}
