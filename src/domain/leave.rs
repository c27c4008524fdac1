//! Leave: requests with their working days counted against the office's work calendar
//! (working days per week, national holidays and collective leave), annual leave balances,
//! and overlaps within a department.
use std::collections::HashSet;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc, Weekday};

use super::calendar::{occurrences, Event};

use super::dates::day_text;
use super::people::Employee;
use super::record::{validate_by_schema, Entity, FieldError, FormRules, RecordRules};

crate::choice! {
    /// How leave is taken.
    pub enum LeaveKind {
        Annual = "annual" => "leave.kind.annual",
        Sick = "sick" => "leave.kind.sick",
        Maternity = "maternity" => "leave.kind.maternity",
        Important = "important" => "leave.kind.important",
        Unpaid = "unpaid" => "leave.kind.unpaid",
    }
}
crate::choice! {
    /// Where a leave request stands.
    pub enum LeaveStatus {
        Requested = "requested" => "leave.status.requested",
        Approved = "approved" => "leave.status.approved",
        Refused = "refused" => "leave.status.refused",
    }
}

/// The office's leave rules, from its settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LeaveRules {
    /// Annual leave a year after twelve months' service, in working days (12 by UU 13/2003
    /// as amended; an office may give more).
    pub annual_days: u32,
    /// Unused annual days that carry into the next year, at most.
    pub carry_over: u32,
    /// Collective leave days are taken from the annual leave of those entitled to it.
    pub collective_from_annual: bool,
}

impl Default for LeaveRules {
    fn default() -> Self {
        LeaveRules::of(&super::settings::Settings::default())
    }
}

impl LeaveRules {
    pub fn of(s: &super::settings::Settings) -> LeaveRules {
        LeaveRules { annual_days: s.annual_leave_days, carry_over: s.leave_carry_over, collective_from_annual: s.collective_from_annual }
    }
}

crate::record! {
    /// Leave asked for by an employee, decided by HR.
    pub struct LeaveRequest in "leave" {
        employee_id: String => Ref(crate::domain::people::Employee), "leave.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        kind: LeaveKind = LeaveKind::Annual => Select(LeaveKind::OPTIONS), "leave.kind" .required().listed().aliases(&["jenis", "jenis cuti"]),
        start: Option<chrono::NaiveDate> => Date, "leave.start" .required().listed().aliases(&["mulai", "dari", "from"]),
        end: Option<chrono::NaiveDate> => Date, "leave.end" .required().listed().aliases(&["sampai", "selesai", "to"]),
        /// A half day: only for a one-day request.
        half_day: bool => Check, "leave.half_day" .aliases(&["setengah hari"]),
        reason: String => Text, "leave.reason" .aliases(&["alasan", "keperluan"]),
        status: LeaveStatus = LeaveStatus::Requested => Select(LeaveStatus::OPTIONS), "leave.status" .required().listed(),
        /// The day it was approved or refused.
        decided_on: Option<chrono::NaiveDate> => Date, "leave.decided_on",
        note: String => Text, "leave.note" .aliases(&["catatan"]),
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: Some(("start", "end")), hidden: &["status", "decided_on"] };

impl RecordRules for LeaveRequest {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let Some((s, e)) = self.dates() {
            if e < s {
                errs.push(("end", "err.end_before_start"));
            } else if self.half_day && e != s {
                errs.push(("half_day", "err.half_day_one_day"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} – {}", day_text(self.start), day_text(self.end))
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
}

impl LeaveRequest {
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.start?, self.end?))
    }

    fn live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }
}

crate::record! {
    /// A day the office is closed: a national holiday, or collective leave (cuti bersama).
    pub struct Holiday in "holidays" {
        date: Option<chrono::NaiveDate> => Date, "hol.date" .required().listed().aliases(&["tanggal", "date"]),
        name: String => Text, "hol.name" .required().listed().aliases(&["nama", "keterangan", "hari libur"]),
        /// Collective leave: the office is closed and it counts against annual leave.
        collective: bool => Check, "hol.collective" .listed().aliases(&["cuti bersama"]),
    }
}

impl RecordRules for Holiday {
    fn title(&self) -> String {
        format!("{} · {}", day_text(self.date), self.name)
    }
}

/// Which days the office works: five (Monday–Friday) or six (Monday–Saturday) a week, and
/// the days it is closed.
pub struct WorkCalendar {
    pub six_day_week: bool,
    pub closed: Vec<NaiveDate>,
    /// The closed days that are collective leave.
    pub collective: Vec<NaiveDate>,
}

impl WorkCalendar {
    pub fn new(six_day_week: bool, holidays: &[Holiday]) -> WorkCalendar {
        let mut closed: Vec<NaiveDate> = holidays.iter().filter(|h| h.meta.deleted_at.is_none()).filter_map(|h| h.date).collect();
        closed.sort();
        let collective = holidays.iter().filter(|h| h.meta.deleted_at.is_none() && h.collective).filter_map(|h| h.date).collect();
        WorkCalendar { six_day_week, closed, collective }
    }

    /// A day of the office's week (Monday–Friday or –Saturday), holiday or not.
    fn in_work_week(&self, d: NaiveDate) -> bool {
        match d.weekday() {
            Weekday::Sun => false,
            Weekday::Sat => self.six_day_week,
            _ => true,
        }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.in_work_week(d) && self.closed.binary_search(&d).is_err()
    }

    /// Working days from `start` through `end`, in half days (a half-day request is 1).
    pub fn half_days(&self, start: NaiveDate, end: NaiveDate, half_day: bool) -> u32 {
        if end < start {
            return 0;
        }
        let days = start.iter_days().take_while(|d| *d <= end).filter(|d| self.is_working_day(*d)).count() as u32;
        if half_day && start == end {
            days.min(1)
        } else {
            days * 2
        }
    }
}

/// Half days as people say them: "3", "1,5" (or "1.5" in English).
pub fn days_text(half_days: u32, decimal: char) -> String {
    if half_days.is_multiple_of(2) {
        (half_days / 2).to_string()
    } else {
        format!("{}{decimal}5", half_days / 2)
    }
}

/// The day twelve months of service are done.
fn entitled_from(employee: &Employee) -> Option<NaiveDate> {
    employee.joined?.checked_add_months(Months::new(12))
}

/// Annual leave for `year`, in days: the office's full year once twelve months of service
/// are completed within or before that year, none before.
pub fn annual_entitlement(employee: &Employee, year: i32, rules: &LeaveRules) -> u32 {
    match entitled_from(employee) {
        Some(eligible) if eligible.year() <= year => rules.annual_days,
        _ => 0,
    }
}

/// Collective leave days of `year` taken from the employee's annual leave: those on a day
/// of the office's week, once they are entitled.
pub fn collective_taken(employee: &Employee, year: i32, cal: &WorkCalendar, rules: &LeaveRules) -> u32 {
    let Some(eligible) = entitled_from(employee) else { return 0 };
    if !rules.collective_from_annual {
        return 0;
    }
    cal.collective.iter().filter(|d| d.year() == year && **d >= eligible && cal.in_work_week(**d)).count() as u32
}

/// Half days of `year`'s annual leave carried into the next year.
fn carried_out(employee: &Employee, all: &[LeaveRequest], year: i32, cal: &WorkCalendar, rules: &LeaveRules) -> u32 {
    let had = annual_entitlement(employee, year, rules) * 2;
    let used = annual_taken(all, &employee.meta.id, year, cal, "") + collective_taken(employee, year, cal, rules) * 2;
    had.saturating_sub(used).min(rules.carry_over * 2)
}

/// Half days carried over from the year before `year`.
pub fn carried_in(employee: &Employee, all: &[LeaveRequest], year: i32, cal: &WorkCalendar, rules: &LeaveRules) -> u32 {
    carried_out(employee, all, year - 1, cal, rules)
}

/// Half days of annual leave approved for an employee in `year` (by the day each starts),
/// leaving out `except` (the request being decided).
pub fn annual_taken(all: &[LeaveRequest], employee_id: &str, year: i32, cal: &WorkCalendar, except: &str) -> u32 {
    all.iter()
        .filter(|r| {
            r.live()
                && r.employee_id == employee_id
                && r.kind == LeaveKind::Annual
                && r.status == LeaveStatus::Approved
                && r.meta.id != except
        })
        .filter_map(|r| r.dates().map(|(s, e)| (s, e, r.half_day)))
        .filter(|(s, _, _)| s.year() == year)
        .map(|(s, e, half)| cal.half_days(s, e, half))
        .sum()
}

/// Half days of annual leave left in `year`, before `except` is counted: the year's own,
/// what carried over, less requests approved and collective leave.
pub fn annual_left(employee: &Employee, all: &[LeaveRequest], year: i32, cal: &WorkCalendar, rules: &LeaveRules, except: &str) -> i64 {
    let had = annual_entitlement(employee, year, rules) * 2 + carried_in(employee, all, year, cal, rules);
    let used = annual_taken(all, &employee.meta.id, year, cal, except) + collective_taken(employee, year, cal, rules) * 2;
    i64::from(had) - i64::from(used)
}

/// Why `request` cannot be approved, if it cannot: annual leave beyond what is left.
pub fn approval_problem(
    request: &LeaveRequest,
    employee: &Employee,
    all: &[LeaveRequest],
    cal: &WorkCalendar,
    rules: &LeaveRules,
) -> Option<&'static str> {
    let (s, e) = request.dates()?;
    if request.kind != LeaveKind::Annual {
        return None;
    }
    let asked = i64::from(cal.half_days(s, e, request.half_day));
    (asked > annual_left(employee, all, s.year(), cal, rules, &request.meta.id)).then_some("err.leave_balance")
}

/// Other employees of the same department away (approved or asked) on any of the
/// request's days: their names, A→Z.
pub fn overlaps(request: &LeaveRequest, employees: &[Employee], all: &[LeaveRequest]) -> Vec<String> {
    let Some((s, e)) = request.dates() else { return vec![] };
    let dept = |id: &str| employees.iter().find(|x| x.meta.id == id).map(|x| x.department.trim().to_string()).unwrap_or_default();
    let mine = dept(&request.employee_id);
    if mine.is_empty() {
        return vec![];
    }
    let mut names: Vec<String> = all
        .iter()
        .filter(|r| r.live() && r.employee_id != request.employee_id && r.status != LeaveStatus::Refused && dept(&r.employee_id) == mine)
        .filter(|r| r.dates().is_some_and(|(rs, re)| rs <= e && re >= s))
        .filter_map(|r| employees.iter().find(|x| x.meta.id == r.employee_id).map(|x| x.name.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Holidays a calendar file brings (national holidays and collective leave, as published
/// by Google's or the government's calendars): one per day each item covers, a repeating
/// item over the years the file spans, days this office already has left out (counted),
/// and an item whose title says "cuti bersama" taken as collective leave.
pub fn holidays_from_events(events: &[Event], have: &[Holiday], now: DateTime<Utc>) -> (Vec<Holiday>, usize) {
    let starts = events.iter().filter(|e| e.meta.deleted_at.is_none()).filter_map(|e| e.start_at().map(|t| t.date()));
    let (Some(first), Some(last_start)) = (starts.clone().min(), starts.max()) else { return (vec![], 0) };
    // A repeating item (Christmas every year) is taken over the file's own years, at least
    // one, and never more than five, so a rule without an end cannot fill the list.
    let last_day = NaiveDate::from_ymd_opt(last_start.year(), 12, 31).unwrap_or(last_start);
    let to = last_day.min(first.checked_add_months(Months::new(60)).unwrap_or(last_day));
    let known: HashSet<NaiveDate> = have.iter().filter(|h| h.meta.deleted_at.is_none()).filter_map(|h| h.date).collect();
    let mut taken: HashSet<NaiveDate> = HashSet::new();
    let (mut fresh, mut skipped) = (vec![], 0);
    for o in occurrences(events, first, to) {
        let (a, b) = o.days();
        for day in a.iter_days().take_while(|d| *d <= b.min(to)) {
            if known.contains(&day) {
                skipped += 1;
                continue;
            }
            if !taken.insert(day) {
                continue;
            }
            let mut h = Holiday::blank(now);
            h.date = Some(day);
            h.name = o.title.trim().to_string();
            h.collective = is_collective_leave(&h.name);
            fresh.push(h);
        }
    }
    crate::sort::sort_by(&mut fresh, |a, b| a.date.cmp(&b.date));
    (fresh, skipped)
}

fn is_collective_leave(title: &str) -> bool {
    let t = crate::text::lower(title);
    ["cuti bersama", "collective leave", "joint leave"].iter().any(|w| t.contains(w))
}

#[cfg(test)]
#[path = "leave_tests.rs"]
mod tests;
