//! Attendance: one record per employee per working day (present, late, absent, sick, on
//! leave, on a business trip), with check-in and check-out times and overtime for payroll;
//! built from an attendance machine's punches or typed; summed per month.
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::dates::{day_text, parse_time};
use super::record::{validate_by_schema, FieldError, RecordRules};
use crate::domain::leave::LeaveStatus;
use crate::sort::sort_by;

crate::choice! {
    /// What a day of attendance was.
    pub enum AttendanceStatus {
        Present = "present" => "att.status.present",
        Late = "late" => "att.status.late",
        Absent = "absent" => "att.status.absent",
        Sick = "sick" => "att.status.sick",
        Leave = "leave" => "att.status.leave",
        Trip = "trip" => "att.status.trip",
    }
}

crate::record! {
    /// One employee's day.
    pub struct Attendance in "attendance" {
        employee_id: String => Ref(crate::domain::people::Employee), "att.employee" .required().listed().aliases(&["karyawan", "employee", "nama", "no karyawan"]),
        date: Option<chrono::NaiveDate> => Date, "att.date" .required().listed().aliases(&["tanggal", "date"]),
        status: AttendanceStatus = AttendanceStatus::Present => Select(AttendanceStatus::OPTIONS), "att.status" .required().listed().aliases(&["status", "keterangan"]),
        check_in: Option<chrono::NaiveTime> => Time, "att.check_in" .listed().aliases(&["masuk", "jam masuk", "in"]),
        check_out: Option<chrono::NaiveTime> => Time, "att.check_out" .listed().aliases(&["pulang", "keluar", "jam pulang", "out"]),
        /// Overtime worked that day, in minutes.
        overtime: Option<i64> => Integer, "att.overtime" .listed().aliases(&["lembur", "lembur (menit)", "overtime"]),
        /// Overtime approved: only approved overtime is paid.
        overtime_approved: bool => Check, "att.overtime_approved" .aliases(&["lembur disetujui"]),
        note: String => Text, "att.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for Attendance {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(i), Some(o)) = (self.check_in, self.check_out) {
            if o < i {
                errs.push(("check_out", "err.checkout_before_checkin"));
            }
        }
        if self.overtime.is_some_and(|m| m < 0) {
            errs.push(("overtime", "err.not_negative"));
        }
        errs
    }
    fn title(&self) -> String {
        day_text(self.date)
    }
}

/// One punch of an attendance machine: who, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Punch {
    pub employee_id: String,
    pub at: NaiveDateTime,
}

/// A day per employee from machine punches: the first punch is the check-in, the last the
/// check-out (one punch: check-in only); late when the check-in is after `starts` plus
/// `grace_minutes`. Ordered by date, then employee.
pub fn days_from_punches(punches: &[Punch], starts: NaiveTime, grace_minutes: i64, now: chrono::DateTime<chrono::Utc>) -> Vec<Attendance> {
    use super::record::Entity;
    let mut days: BTreeMap<(NaiveDate, &str), (NaiveDateTime, NaiveDateTime)> = BTreeMap::new();
    for p in punches {
        let e = days.entry((p.at.date(), p.employee_id.as_str())).or_insert((p.at, p.at));
        e.0 = e.0.min(p.at);
        e.1 = e.1.max(p.at);
    }
    let late_after = starts + chrono::Duration::minutes(grace_minutes);
    days.into_iter()
        .map(|((date, who), (first, last))| {
            let mut a = Attendance::blank(now);
            a.employee_id = who.to_string();
            a.date = Some(date);
            a.check_in = Some(super::dates::to_minute(first.time()));
            if last > first {
                a.check_out = Some(super::dates::to_minute(last.time()));
            }
            a.status = if first.time() > late_after { AttendanceStatus::Late } else { AttendanceStatus::Present };
            a
        })
        .collect()
}

/// A date and time as attendance machines export it: `2026-11-02 07:55:12`,
/// `02/11/2026 07:55`, `2026/11/02 07:55`, `02-11-2026 7:55` (day before month, as in
/// Indonesia), with a `T` or a space between.
pub fn parse_machine_time(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim().replace('T', " ");
    let (date, time) = t.split_once(' ')?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let (y, m, d) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let day = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(day.and_time(parse_time(time.trim())?))
}

/// What a column of a machine's export holds.
pub struct PunchColumns {
    pub employee: usize,
    /// The date and time, or the date alone when `time` is set.
    pub when: usize,
    pub time: Option<usize>,
}

/// A table's punches, each employee cell resolved to an employee's id by `resolve` (their
/// number or name). Rows that cannot be read are named by their line, with the cell.
pub fn punches_from_table(
    t: &super::csv_io::Table,
    cols: &PunchColumns,
    resolve: &dyn Fn(&str) -> Option<String>,
) -> (Vec<Punch>, Vec<(usize, String)>) {
    let mut punches = vec![];
    let mut bad = vec![];
    for (i, row) in t.rows.iter().enumerate() {
        let line = t.lines.get(i).copied().unwrap_or(i + 2);
        let cell = |c: usize| row.get(c).map(|s| s.trim()).unwrap_or("");
        let when = match cols.time {
            Some(tc) => format!("{} {}", cell(cols.when), cell(tc)),
            None => cell(cols.when).to_string(),
        };
        match (resolve(cell(cols.employee)), parse_machine_time(&when)) {
            (Some(employee_id), Some(at)) => punches.push(Punch { employee_id, at }),
            (None, _) => bad.push((line, cell(cols.employee).to_string())),
            (_, None) => bad.push((line, when)),
        }
    }
    (punches, bad)
}

/// Imported days merged into what is stored: a day already there for that employee keeps
/// its id, status and overtime and takes the machine's times; the others are new. Returns
/// (days to save, how many replaced stored ones).
pub fn merge_days(stored: &[Attendance], incoming: Vec<Attendance>) -> (Vec<Attendance>, usize) {
    let mut replaced = 0;
    let out = incoming
        .into_iter()
        .map(|mut a| match stored.iter().find(|s| s.meta.deleted_at.is_none() && s.employee_id == a.employee_id && s.date == a.date) {
            Some(s) => {
                replaced += 1;
                let mut kept = s.clone();
                kept.check_in = std::mem::take(&mut a.check_in);
                kept.check_out = std::mem::take(&mut a.check_out);
                if kept.status == AttendanceStatus::Present || kept.status == AttendanceStatus::Late {
                    kept.status = a.status;
                }
                kept
            }
            None => a,
        })
        .collect();
    (out, replaced)
}

/// One employee's month: days per status and minutes of approved overtime.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MonthSummary {
    pub employee_id: String,
    pub days: BTreeMap<AttendanceStatus, u32>,
    pub overtime_minutes: i64,
}

/// The month's live days: (employee id, record).
fn in_month(all: &[Attendance], year: i32, month: u32) -> impl Iterator<Item = (&str, NaiveDate, &Attendance)> {
    all.iter()
        .filter(|a| a.meta.deleted_at.is_none())
        .filter_map(|a| Some((a.employee_id.as_str(), a.date?, a)))
        .filter(move |(_, d, _)| d.year() == year && d.month() == month)
}

/// Each employee's month (`year`, `month`), in the order `employee_ids` gives. One pass
/// over the records, whatever the number of employees.
pub fn month_summary(all: &[Attendance], employee_ids: &[String], year: i32, month: u32) -> Vec<MonthSummary> {
    let mut by: HashMap<&str, MonthSummary> = HashMap::new();
    for (who, _, a) in in_month(all, year, month) {
        let s = by.entry(who).or_default();
        *s.days.entry(a.status).or_default() += 1;
        if a.overtime_approved {
            s.overtime_minutes += a.overtime.unwrap_or(0);
        }
    }
    employee_ids.iter().map(|id| MonthSummary { employee_id: id.clone(), ..by.remove(id.as_str()).unwrap_or_default() }).collect()
}

/// Approved leave on the month's working days that have no attendance record of their own
/// counts as days on leave (a day typed or imported wins): the month sheet and payroll see
/// leave without anyone typing it twice.
pub fn add_leave(
    sums: &mut [MonthSummary],
    all: &[Attendance],
    leave: &[super::leave::LeaveRequest],
    cal: &super::leave::WorkCalendar,
    year: i32,
    month: u32,
) {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { return };
    let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
    let recorded: HashSet<(&str, NaiveDate)> = in_month(all, year, month).map(|(who, d, _)| (who, d)).collect();
    // A set, so two approved requests over one day count it once.
    let mut away: HashSet<(&str, NaiveDate)> = HashSet::new();
    for r in leave.iter().filter(|r| r.meta.deleted_at.is_none() && r.status == LeaveStatus::Approved) {
        let Some((start, end)) = r.dates() else { continue };
        let who = r.employee_id.as_str();
        away.extend(start.max(first).iter_days().take_while(|d| *d <= end.min(last)).filter(|d| cal.is_working_day(*d)).map(|d| (who, d)));
    }
    for s in sums.iter_mut() {
        let n = away.iter().filter(|(who, d)| *who == s.employee_id && !recorded.contains(&(*who, *d))).count() as u32;
        if n > 0 {
            *s.days.entry(AttendanceStatus::Leave).or_default() += n;
        }
    }
}

/// An employee's days in a month, by date.
pub fn month_days(all: &[Attendance], employee_id: &str, year: i32, month: u32) -> Vec<Attendance> {
    let mut v: Vec<Attendance> = all
        .iter()
        .filter(|a| a.meta.deleted_at.is_none() && a.employee_id == employee_id)
        .filter(|a| a.date.is_some_and(|d| d.year() == year && d.month() == month))
        .cloned()
        .collect();
    sort_by(&mut v, |a, b| a.date.cmp(&b.date));
    v
}

#[cfg(test)]
#[path = "attendance_tests.rs"]
mod tests;
