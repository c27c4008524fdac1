//! Work plans: a plan per team or person for a month, a quarter or a year, with its goals
//! and targets, its tasks (owner, due day, status, progress, what blocks them) and an
//! evaluation per period (target, actual, score, comment) so periods can be compared.
use chrono::{Months, NaiveDate};

use super::dates::day_text;
use super::record::{validate_by_schema, FieldError, RecordRules, Referable};

crate::choice! {
    /// How long a plan runs from its first day.
    pub enum PlanPeriod {
        Month = "month" => "plan.period.month",
        Quarter = "quarter" => "plan.period.quarter",
        Year = "year" => "plan.period.year",
    }
}
crate::choice! {
    /// Where a task stands.
    pub enum TaskStatus {
        Todo = "todo" => "ptask.status.todo",
        Doing = "doing" => "ptask.status.doing",
        Blocked = "blocked" => "ptask.status.blocked",
        Done = "done" => "ptask.status.done",
    }
}

crate::record! {
    /// A team's or a person's plan for a period.
    pub struct WorkPlan in "work_plans" {
        name: String => Text, "plan.name" .required().listed().aliases(&["nama", "rencana", "plan"]),
        /// The team or the person.
        owner: String => Suggest("people"), "plan.owner" .listed().aliases(&["tim", "penanggung jawab", "owner"]),
        period: PlanPeriod = PlanPeriod::Quarter => Select(PlanPeriod::OPTIONS), "plan.period" .required().listed().aliases(&["periode"]),
        starts: Option<chrono::NaiveDate> => Date, "plan.starts" .required().listed().aliases(&["mulai", "start"]),
        goals: String => LongText, "plan.goals" .aliases(&["sasaran", "tujuan", "goals"]),
        /// What counts as done, measured: "20 new clients", "overtime under 5 %".
        targets: String => LongText, "plan.targets" .aliases(&["target", "targets"]),
    }
}

impl RecordRules for WorkPlan {
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl Referable for WorkPlan {
    fn ref_label(&self) -> String {
        self.name.clone()
    }
}

impl WorkPlan {
    /// The plan's last day.
    pub fn ends(&self) -> Option<NaiveDate> {
        self.period_end(self.starts?)
    }

    /// The last day of the period that starts on `start`.
    pub fn period_end(&self, start: NaiveDate) -> Option<NaiveDate> {
        let months = match self.period {
            PlanPeriod::Month => 1,
            PlanPeriod::Quarter => 3,
            PlanPeriod::Year => 12,
        };
        start.checked_add_months(Months::new(months))?.pred_opt()
    }
}

crate::record! {
    /// A task of a plan.
    pub struct PlanTask in "plan_tasks" {
        plan_id: String => Ref(crate::domain::plans::WorkPlan), "ptask.plan" .required().listed().aliases(&["rencana", "plan"]),
        title: String => Text, "ptask.title" .required().listed().aliases(&["tugas", "task"]),
        owner: String => Suggest("people"), "ptask.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        due: Option<chrono::NaiveDate> => Date, "ptask.due" .listed().aliases(&["tenggat", "due"]),
        status: TaskStatus = TaskStatus::Todo => Select(TaskStatus::OPTIONS), "ptask.status" .required().listed().aliases(&["status"]),
        /// Per cent done, 0–100 (a done task counts as 100).
        progress: Option<i64> => Integer, "ptask.progress" .listed().aliases(&["progres", "kemajuan", "progress"]),
        /// The task that must be finished first.
        blocked_by: String => Ref(crate::domain::plans::PlanTask), "ptask.blocked_by" .aliases(&["terhambat oleh", "blocked by"]),
        notes: String => LongText, "ptask.notes" .aliases(&["catatan"]),
    }
}

impl RecordRules for PlanTask {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.progress.is_some_and(|p| !(0..=100).contains(&p)) {
            errs.push(("progress", "err.percent"));
        }
        if !self.blocked_by.is_empty() && self.blocked_by == self.meta.id {
            errs.push(("blocked_by", "err.blocked_by_itself"));
        }
        errs
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Referable for PlanTask {
    fn ref_label(&self) -> String {
        self.title.clone()
    }
}

impl PlanTask {
    /// Per cent done: a done task is 100 whatever was typed.
    pub fn done_percent(&self) -> i64 {
        if self.status == TaskStatus::Done {
            100
        } else {
            self.progress.unwrap_or(0).clamp(0, 100)
        }
    }

    /// Past its due day and not done.
    pub fn late(&self, today: NaiveDate) -> bool {
        self.meta.deleted_at.is_none() && self.status != TaskStatus::Done && self.due.is_some_and(|d| d < today)
    }
}

/// A plan's live tasks, by due day (those without one last), then title.
pub fn tasks_of<'a>(tasks: &'a [PlanTask], plan_id: &str) -> Vec<&'a PlanTask> {
    let mut out: Vec<&PlanTask> = tasks.iter().filter(|t| t.meta.deleted_at.is_none() && t.plan_id == plan_id).collect();
    crate::sort::sort_by(&mut out, |a, b| {
        (a.due.is_none(), a.due, crate::text::lower(&a.title)).cmp(&(b.due.is_none(), b.due, crate::text::lower(&b.title)))
    });
    out
}

/// A plan's progress: the mean of its tasks' per cent done; `None` without tasks.
pub fn progress(tasks: &[&PlanTask]) -> Option<i64> {
    (!tasks.is_empty()).then(|| tasks.iter().map(|t| t.done_percent()).sum::<i64>() / tasks.len() as i64)
}

/// Every live task by status, in the board's order, each column by due day (those without
/// one last).
pub fn board(tasks: &[PlanTask]) -> Vec<(TaskStatus, Vec<&PlanTask>)> {
    TaskStatus::ALL
        .iter()
        .map(|status| {
            let mut at: Vec<&PlanTask> = tasks.iter().filter(|t| t.meta.deleted_at.is_none() && t.status == *status).collect();
            crate::sort::sort_by(&mut at, |a, b| {
                (a.due.is_none(), a.due, crate::text::lower(&a.title)).cmp(&(b.due.is_none(), b.due, crate::text::lower(&b.title)))
            });
            (*status, at)
        })
        .collect()
}

/// Tasks past their due day and not done, of every plan.
pub fn late_tasks(tasks: &[PlanTask], today: NaiveDate) -> usize {
    tasks.iter().filter(|t| t.late(today)).count()
}

crate::record! {
    /// A plan's evaluation for one period: the target, what was reached, a score and a
    /// comment; kept per period, so periods can be compared.
    pub struct PlanReview in "plan_reviews" {
        plan_id: String => Ref(crate::domain::plans::WorkPlan), "prev.plan" .required().listed().aliases(&["rencana", "plan"]),
        /// The period's first day.
        period: Option<chrono::NaiveDate> => Date, "prev.period" .required().listed().aliases(&["periode", "period"]),
        target: String => Text, "prev.target" .listed().aliases(&["target"]),
        actual: String => Text, "prev.actual" .listed().aliases(&["realisasi", "actual"]),
        /// 1 (far below) to 5 (well above).
        score: Option<u32> => Number, "prev.score" .required().listed().aliases(&["nilai", "skor", "score"]),
        comment: String => LongText, "prev.comment" .aliases(&["komentar", "catatan", "comment"]),
    }
}

impl RecordRules for PlanReview {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.score.is_some_and(|s| !(1..=5).contains(&s)) {
            errs.push(("score", "err.score"));
        }
        errs
    }
    fn title(&self) -> String {
        day_text(self.period)
    }
}

/// A plan's evaluations, one a period (the latest written wins), earliest period first,
/// each with the change of score from the period before.
pub fn reviews_of<'a>(reviews: &'a [PlanReview], plan_id: &str) -> Vec<(&'a PlanReview, Option<i64>)> {
    let mut live: Vec<&PlanReview> =
        reviews.iter().filter(|r| r.meta.deleted_at.is_none() && r.plan_id == plan_id && r.period.is_some()).collect();
    crate::sort::sort_by(&mut live, |a, b| (a.period, a.meta.updated_at).cmp(&(b.period, b.meta.updated_at)));
    let mut one_a_period: Vec<&PlanReview> = vec![];
    for r in live {
        match one_a_period.last_mut() {
            Some(last) if last.period == r.period => *last = r,
            _ => one_a_period.push(r),
        }
    }
    let mut out = vec![];
    let mut before: Option<u32> = None;
    for r in one_a_period {
        let change = match (before, r.score) {
            (Some(b), Some(s)) => Some(i64::from(s) - i64::from(b)),
            _ => None,
        };
        before = r.score.or(before);
        out.push((r, change));
    }
    out
}

#[cfg(test)]
#[path = "plans_tests.rs"]
mod tests;
