//! Leave: requests with their working days counted against the office's work calendar
//! (working days per week, national holidays and collective leave), annual leave balances,
//! and overlaps within a department.
use std::collections::HashSet;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc, Weekday};

use super::calendar::{occurrences, Event};

use super::dates::day_text;
use super::people::Employee;
use super::record::{validate_by_schema, Entity, FieldError, FormRules, RecordRules};
use super::settings::ImportantDays;

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
    /// The important reasons the law gives paid leave for (UU 13/2003 art. 93(4)).
    pub enum ImportantReason {
        Unstated = "" => "leave.why.unstated",
        Marriage = "marriage" => "leave.why.marriage",
        ChildMarriage = "child_marriage" => "leave.why.child_marriage",
        ChildRite = "child_rite" => "leave.why.child_rite",
        Birth = "birth" => "leave.why.birth",
        Death = "death" => "leave.why.death",
        HouseholdDeath = "household_death" => "leave.why.household_death",
    }
}

impl ImportantReason {
    /// The paid working days the office gives for the reason.
    pub fn days(self, given: &ImportantDays) -> Option<u32> {
        match self {
            ImportantReason::Unstated => None,
            ImportantReason::Marriage => Some(given.marriage),
            ImportantReason::ChildMarriage => Some(given.child_marriage),
            ImportantReason::ChildRite => Some(given.child_rite),
            ImportantReason::Birth => Some(given.birth),
            ImportantReason::Death => Some(given.death),
            ImportantReason::HouseholdDeath => Some(given.household_death),
        }
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
    /// Sick leave longer than this many working days needs a doctor's letter.
    pub sick_days_without_letter: u32,
    /// Maternity leave without a doctor's letter, in months (3–6).
    pub maternity_months: u32,
    /// Paid working days for each important reason.
    pub important: ImportantDays,
}

impl Default for LeaveRules {
    fn default() -> Self {
        LeaveRules::of(&super::settings::Settings::default())
    }
}

impl LeaveRules {
    pub fn of(s: &super::settings::Settings) -> LeaveRules {
        LeaveRules {
            annual_days: s.annual_leave_days,
            carry_over: s.leave_carry_over,
            collective_from_annual: s.collective_from_annual,
            sick_days_without_letter: s.sick_days_without_letter,
            // Settings restored from a backup were never validated: never below the law.
            maternity_months: s.maternity_months.clamp(3, MATERNITY_MONTHS_MAX),
            important: s.important_days.at_least_the_law(),
        }
    }
}

crate::record! {
    /// Leave asked for by an employee, decided by HR.
    pub struct LeaveRequest in "leave" {
        employee_id: String => Ref(crate::domain::people::Employee), "leave.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        kind: LeaveKind = LeaveKind::Annual => Select(LeaveKind::OPTIONS), "leave.kind" .required().listed().aliases(&["jenis", "jenis cuti"]),
        /// For leave of an important reason: which, as the law lists them.
        why: ImportantReason => Select(ImportantReason::OPTIONS), "leave.why" .aliases(&["alasan penting"]),
        start: Option<chrono::NaiveDate> => Date, "leave.start" .required().listed().aliases(&["mulai", "dari", "from"]),
        end: Option<chrono::NaiveDate> => Date, "leave.end" .required().listed().aliases(&["sampai", "selesai", "to"]),
        /// A half day: only for a one-day request.
        half_day: bool => Check, "leave.half_day" .aliases(&["setengah hari"]),
        /// A doctor's letter was handed in (sick leave beyond the office's days without one;
        /// maternity leave beyond three months).
        letter: bool => Check, "leave.letter" .aliases(&["surat dokter", "surat keterangan dokter"]),
        reason: String => Text, "leave.reason" .aliases(&["alasan", "keperluan"]),
        status: LeaveStatus = LeaveStatus::Requested => Select(LeaveStatus::OPTIONS), "leave.status" .required().listed(),
        /// The day it was approved or refused.
        decided_on: Option<chrono::NaiveDate> => Date, "leave.decided_on",
        note: String => Text, "leave.note" .aliases(&["catatan"]),
    }
}

const RULES: FormRules = FormRules {
    shown_when: &[("why", "kind", &["important"]), ("letter", "kind", &["sick", "maternity"])],
    span: Some(("start", "end")),
    hidden: &["status", "decided_on"],
};

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
        if self.kind == LeaveKind::Important && self.why == ImportantReason::Unstated {
            errs.push(("why", "err.required"));
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
        closed.dedup();
        // A collective leave day counts once, and not when the day is a holiday of its own.
        let own: HashSet<NaiveDate> =
            holidays.iter().filter(|h| h.meta.deleted_at.is_none() && !h.collective).filter_map(|h| h.date).collect();
        let mut collective: Vec<NaiveDate> = holidays
            .iter()
            .filter(|h| h.meta.deleted_at.is_none() && h.collective)
            .filter_map(|h| h.date)
            .filter(|d| !own.contains(d))
            .collect();
        collective.sort();
        collective.dedup();
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

/// Half days of `year`'s annual leave carried into the next year: what is left of the
/// year's own and what it carried in (used first), up to the limit.
fn carried_out(employee: &Employee, all: &[LeaveRequest], year: i32, cal: &WorkCalendar, rules: &LeaveRules) -> u32 {
    if rules.carry_over == 0 || annual_entitlement(employee, year, rules) == 0 {
        return 0;
    }
    let had = annual_entitlement(employee, year, rules) * 2 + carried_in(employee, all, year, cal, rules);
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

/// Maternity leave: the office's months, at least the law's three (UU 13/2003 art. 82: one
/// and a half before the birth and one and a half after); up to six when a doctor's letter
/// shows the conditions UU 4/2024 names.
pub const MATERNITY_MONTHS_MAX: u32 = 6;

/// The last day of `months` of leave starting on `start`.
fn months_from(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))?.pred_opt()
}

/// A maternity request longer than the office gives without one: it needs the doctor's
/// letter.
pub fn maternity_needs_letter(request: &LeaveRequest, rules: &LeaveRules) -> bool {
    request.kind == LeaveKind::Maternity
        && request.dates().is_some_and(|(s, e)| months_from(s, rules.maternity_months).is_some_and(|last| e > last))
}

/// Why `request` cannot be approved, if it cannot: annual leave beyond what is left,
/// maternity leave beyond six months (or beyond the office's months without the doctor's
/// letter), sick leave beyond the office's days without a doctor's letter, leave of an
/// important reason beyond the days the office gives for it.
pub fn approval_problem(
    request: &LeaveRequest,
    employee: &Employee,
    all: &[LeaveRequest],
    cal: &WorkCalendar,
    rules: &LeaveRules,
) -> Option<&'static str> {
    let (s, e) = request.dates()?;
    if request.kind == LeaveKind::Maternity {
        if months_from(s, MATERNITY_MONTHS_MAX).is_some_and(|last| e > last) {
            return Some("err.maternity_long");
        }
        return (maternity_needs_letter(request, rules) && !request.letter).then_some("err.maternity_letter");
    }
    if request.kind == LeaveKind::Sick {
        let asked = sick_spell(request, all, cal);
        return (!request.letter && asked > rules.sick_days_without_letter.saturating_mul(2)).then_some("err.sick_letter");
    }
    if request.kind == LeaveKind::Important {
        let asked = cal.half_days(s, e, request.half_day);
        return request.why.days(&rules.important).is_some_and(|days| asked > days * 2).then_some("err.important_days");
    }
    if request.kind != LeaveKind::Annual {
        return None;
    }
    let asked = i64::from(cal.half_days(s, e, request.half_day));
    (asked > annual_left(employee, all, s.year(), cal, rules, &request.meta.id)).then_some("err.leave_balance")
}

/// Half days of the sickness `request` is part of: the request itself with the employee's
/// approved sick leave that overlaps it or touches it (no working day between), so a week
/// of sickness asked for a day at a time still needs the doctor's letter.
pub fn sick_spell(request: &LeaveRequest, all: &[LeaveRequest], cal: &WorkCalendar) -> u32 {
    let Some((mut from, mut to)) = request.dates() else { return 0 };
    // (first day, last day, a half day) of each request.
    let span = |r: &LeaveRequest| r.dates().map(|(s, e)| (s, e, r.half_day && s == e));
    let others: Vec<(NaiveDate, NaiveDate, bool)> = all
        .iter()
        .filter(|r| {
            r.live()
                && r.employee_id == request.employee_id
                && r.kind == LeaveKind::Sick
                && r.status == LeaveStatus::Approved
                && r.meta.id != request.meta.id
        })
        .filter_map(span)
        .collect();
    // No working day strictly between `a` and `b`.
    let touch = |a: NaiveDate, b: NaiveDate| a >= b || a.succ_opt().zip(b.pred_opt()).is_none_or(|(x, y)| cal.half_days(x, y, false) == 0);
    loop {
        let grown =
            others.iter().fold((from, to), |(f, t), &(s, e, _)| if touch(e, f) && touch(t, s) { (f.min(s), t.max(e)) } else { (f, t) });
        if grown == (from, to) {
            break;
        }
        (from, to) = grown;
    }
    // Each working day of the spell once: a half only when every request covering it is
    // a half day.
    let covering: Vec<(NaiveDate, NaiveDate, bool)> =
        others.into_iter().filter(|&(s, e, _)| s <= to && e >= from).chain(span(request)).collect();
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| cal.is_working_day(*d))
        .map(|d| {
            let halves: Vec<bool> = covering.iter().filter(|(s, e, _)| *s <= d && d <= *e).map(|c| c.2).collect();
            if halves.is_empty() {
                0
            } else if halves.iter().all(|half| *half) {
                1
            } else {
                2
            }
        })
        .sum()
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

/// What a calendar file of public holidays brings.
#[derive(Debug, Default)]
pub struct FromFile {
    /// One holiday per new day, in date order.
    pub fresh: Vec<Holiday>,
    /// Days the holiday list already has, left out.
    pub known: usize,
    /// Items that are no day off (Google marks its observances so), left out.
    pub observances: usize,
}

/// Days a file may bring at most: five years of holidays are a few hundred.
const MAX_DAYS: usize = 2_000;

/// Holidays a calendar file brings (national holidays and collective leave, as published
/// by Google's or the government's calendars): one per day each item covers, a repeating
/// item over the years the file's own dated items span (this year and the next when it has
/// only repeating ones, five at most), days this office already has left out, observances
/// left out, and an item whose title says "cuti bersama" taken as collective leave unless
/// the same day is also a holiday of its own.
pub fn holidays_from_events(events: &[Event], have: &[Holiday], today: NaiveDate, now: DateTime<Utc>) -> FromFile {
    let mut out = FromFile::default();
    let days_off: Vec<&Event> = events
        .iter()
        .filter(|e| e.meta.deleted_at.is_none() && !e.title.trim().is_empty())
        .filter(|e| {
            let observance = is_observance(&e.notes);
            out.observances += usize::from(observance);
            !observance
        })
        .collect();
    let dated = days_off.iter().filter(|e| e.repeat == super::calendar::Repeat::Never).filter_map(|e| e.start_at().map(|t| t.date()));
    let year_end = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(today);
    let (from, to) = match (dated.clone().min(), dated.max()) {
        // The dated items' years, the last five at most (an old series start cannot hide them).
        (Some(first), Some(last)) => {
            let to = year_end(last.year());
            let first = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
            (first.max(to.checked_sub_months(Months::new(60)).unwrap_or(first)), to)
        }
        _ => (NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today), year_end(today.year() + 1)),
    };
    let known: HashSet<NaiveDate> = have.iter().filter(|h| h.meta.deleted_at.is_none()).filter_map(|h| h.date).collect();
    let mut seen_known: HashSet<NaiveDate> = HashSet::new();
    let mut by_day: std::collections::BTreeMap<NaiveDate, (String, bool)> = std::collections::BTreeMap::new();
    // One item at a time, so a hostile rule cannot build millions of occurrences at once.
    'items: for e in days_off {
        for o in occurrences(std::slice::from_ref(e), from, to) {
            let (a, b) = o.days();
            for day in a.max(from).iter_days().take_while(|d| *d <= b.min(to)) {
                if known.contains(&day) {
                    seen_known.insert(day);
                    continue;
                }
                let name = o.title.trim().to_string();
                let collective = is_collective_leave(&name);
                match by_day.get_mut(&day) {
                    // A day that is a holiday of its own is not taken from annual leave.
                    Some(held) if held.1 && !collective => *held = (name, false),
                    Some(_) => {}
                    None => {
                        if by_day.len() >= MAX_DAYS {
                            break 'items;
                        }
                        by_day.insert(day, (name, collective));
                    }
                }
            }
        }
    }
    out.known = seen_known.len();
    out.fresh = by_day
        .into_iter()
        .map(|(day, (name, collective))| {
            let mut h = Holiday::blank(now);
            h.date = Some(day);
            h.name = name;
            h.collective = collective;
            h
        })
        .collect();
    out
}

fn is_collective_leave(title: &str) -> bool {
    let t = crate::text::lower(title);
    ["cuti bersama", "collective leave", "joint leave", "joint holiday"].iter().any(|w| t.contains(w))
}

/// Google's holiday calendars describe each item as "Public holiday" or "Observance" (in
/// Indonesian "Hari libur nasional" or "Perayaan"); an observance is no day off.
fn is_observance(description: &str) -> bool {
    let first = crate::text::lower(description.lines().next().unwrap_or_default().trim());
    first.starts_with("observance") || first.starts_with("perayaan")
}

#[cfg(test)]
#[path = "leave_tests.rs"]
mod tests;
