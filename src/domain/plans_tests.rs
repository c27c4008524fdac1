use chrono::{DateTime, NaiveDate};

use super::{board, late_tasks, progress, reviews_of, tasks_of, PlanReview, PlanTask, TaskStatus, WorkPlan};
use crate::domain::record::{Entity, RecordRules};

fn d(s: &str) -> NaiveDate {
    crate::domain::dates::parse_date(s).unwrap()
}

fn plan(period: &str, starts: &str) -> WorkPlan {
    let mut p = WorkPlan::blank(DateTime::UNIX_EPOCH);
    p.meta.id = "plan".into();
    p.set("name", "Keuangan Q1");
    p.set("period", period);
    p.set("starts", starts);
    p
}

fn task(title: &str, due: &str, status: &str, progress: &str) -> PlanTask {
    let mut t = PlanTask::blank(DateTime::UNIX_EPOCH);
    t.meta.id = title.into();
    t.plan_id = "plan".into();
    t.set("title", title);
    t.set("due", due);
    t.set("status", status);
    t.set("progress", progress);
    t
}

fn review(period: &str, score: &str, written: i64) -> PlanReview {
    let mut r = PlanReview::blank(DateTime::from_timestamp(written, 0).unwrap());
    r.plan_id = "plan".into();
    r.set("period", period);
    r.set("score", score);
    r
}

#[test]
fn a_plan_runs_a_month_a_quarter_or_a_year() {
    assert_eq!(plan("month", "2027-01-01").ends(), Some(d("2027-01-31")));
    assert_eq!(plan("quarter", "2027-01-01").ends(), Some(d("2027-03-31")));
    assert_eq!(plan("year", "2027-04-01").ends(), Some(d("2028-03-31")));
    let mut p = plan("quarter", "");
    assert_eq!(p.ends(), None);
    assert_eq!(p.validate(), vec![("starts", "err.required")]);
    p.set("starts", "2027-01-15");
    assert!(p.validate().is_empty());
}

#[test]
fn tasks_progress_and_lateness() {
    let today = d("2027-02-10");
    let mut gone = task("dihapus", "2027-01-01", "todo", "");
    gone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let mut other = task("rencana lain", "2027-01-01", "todo", "");
    other.plan_id = "other".into();
    let all = vec![
        task("Tutup buku Januari", "2027-02-05", "done", "40"),
        task("Rekonsiliasi bank", "2027-02-08", "doing", "50"),
        task("Anggaran Q2", "", "todo", ""),
        task("Audit kas kecil", "2027-02-28", "blocked", "10"),
        gone,
        other,
    ];
    let mine: Vec<&str> = tasks_of(&all, "plan").iter().map(|t| t.title.as_str()).collect();
    assert_eq!(mine, ["Tutup buku Januari", "Rekonsiliasi bank", "Audit kas kecil", "Anggaran Q2"], "by due day, none last");
    // Done counts as 100 whatever was typed: (100 + 50 + 10 + 0) / 4.
    assert_eq!(progress(&tasks_of(&all, "plan")), Some(40));
    assert_eq!(progress(&[]), None);
    // Late: the bank reconciliation (due 8 Feb, doing) and the other plan's task; not the done one, not the deleted one.
    assert_eq!(late_tasks(&all, today), 2);
    let columns: Vec<(TaskStatus, Vec<&str>)> =
        board(&all).into_iter().map(|(s, ts)| (s, ts.into_iter().map(|t| t.title.as_str()).collect())).collect();
    assert_eq!(
        columns,
        vec![
            (TaskStatus::Todo, vec!["rencana lain", "Anggaran Q2"]),
            (TaskStatus::Doing, vec!["Rekonsiliasi bank"]),
            (TaskStatus::Blocked, vec!["Audit kas kecil"]),
            (TaskStatus::Done, vec!["Tutup buku Januari"]),
        ],
        "every plan's, by due day, none last; the deleted one left out"
    );
    let mut bad = task("x", "", "todo", "120");
    assert_eq!(bad.validate(), vec![("progress", "err.percent")]);
    bad.set("progress", "100");
    bad.blocked_by = "x".into();
    assert_eq!(bad.validate(), vec![("blocked_by", "err.blocked_by_itself")]);
}

#[test]
fn evaluations_one_a_period_compared_with_the_one_before() {
    let mut gone = review("2027-04-01", "1", 5);
    gone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let all =
        [review("2027-04-01", "4", 3), review("2027-01-01", "3", 1), review("2027-04-01", "2", 2), review("2027-07-01", "5", 4), gone];
    let shown: Vec<(String, Option<u32>, Option<i64>)> =
        reviews_of(&all, "plan").iter().map(|(r, change)| (r.period.unwrap().to_string(), r.score, *change)).collect();
    assert_eq!(
        shown,
        vec![("2027-01-01".into(), Some(3), None), ("2027-04-01".into(), Some(4), Some(1)), ("2027-07-01".into(), Some(5), Some(1))],
        "April's later evaluation wins"
    );
    assert_eq!(review("2027-01-01", "6", 1).validate(), vec![("score", "err.score")]);
}
