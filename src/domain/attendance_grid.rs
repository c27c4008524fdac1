//! The month grid: one employee's month typed a row per day from the keyboard, then saved
//! in one write. A row with a status (or times, which mean present) is a day of attendance,
//! the stored one changed in place; a blank row is left out; an unchanged row is not written.
use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::attendance::{Attendance, AttendanceStatus};
use super::dates::time_text;
use super::leave::WorkCalendar;
use super::record::{fill, Entity, RecordRules};

/// One day of the grid as typed: the texts of its fields.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct GridRow {
    pub date: NaiveDate,
    /// A working day by the office's week and holidays; the others are shaded.
    pub working: bool,
    /// A status code, or empty while none is chosen.
    pub status: String,
    pub check_in: String,
    pub check_out: String,
    /// Minutes.
    pub overtime: String,
}

impl GridRow {
    fn blank(&self) -> bool {
        [&self.status, &self.check_in, &self.check_out, &self.overtime].iter().all(|t| t.trim().is_empty())
    }
}

/// A time as typed on the grid, the way the record reads it: `0755` and `7.55` (a keypad has
/// no colon; Indonesian writes a dot) are `07:55`.
fn typed_time(text: &str) -> String {
    let t = text.trim().replace('.', ":");
    if (3..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        let (h, m) = t.split_at(t.len() - 2);
        return format!("{h}:{m}");
    }
    t
}

/// A problem in a row: its day, the field and the message key.
pub type GridError = (NaiveDate, &'static str, &'static str);

/// The employee's live day stored for `date`.
fn stored_day<'a>(all: &'a [Attendance], employee_id: &str, date: NaiveDate) -> Option<&'a Attendance> {
    all.iter().find(|a| a.meta.deleted_at.is_none() && a.employee_id == employee_id && a.date == Some(date))
}

/// The month (`year`, `month`) of `employee_id` as grid rows, with what is stored.
pub fn grid(all: &[Attendance], employee_id: &str, year: i32, month: u32, cal: &WorkCalendar) -> Vec<GridRow> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else { return vec![] };
    first
        .iter_days()
        .take_while(|d| d.month() == month)
        .map(|date| {
            let day = stored_day(all, employee_id, date);
            GridRow {
                date,
                working: cal.is_working_day(date),
                status: day.map(|a| a.status.code().to_string()).unwrap_or_default(),
                check_in: day.and_then(|a| a.check_in).map(time_text).unwrap_or_default(),
                check_out: day.and_then(|a| a.check_out).map(time_text).unwrap_or_default(),
                overtime: day.and_then(|a| a.overtime).map(|m| m.to_string()).unwrap_or_default(),
            }
        })
        .collect()
}

/// The days to write from the rows typed since the grid was `loaded`, or every problem at
/// once. Only rows the user changed are written, so a day changed elsewhere meanwhile (another
/// tab) is not put back. A stored day keeps what the grid does not show (its note, id), and
/// its overtime approval unless the minutes changed (changed overtime is approved again); a
/// row cleared of everything leaves a stored day as it was (a day is removed on its own
/// page, where it can be undone).
pub fn days_from_grid(
    stored: &[Attendance],
    employee_id: &str,
    loaded: &[GridRow],
    rows: &[GridRow],
    now: DateTime<Utc>,
) -> Result<Vec<Attendance>, Vec<GridError>> {
    let (mut days, mut errors) = (vec![], vec![]);
    let edited = rows.iter().filter(|r| !r.blank() && !loaded.contains(r));
    for row in edited {
        let before = stored_day(stored, employee_id, row.date);
        let mut day = before.cloned().unwrap_or_else(|| {
            let mut a = Attendance::blank(now);
            a.employee_id = employee_id.to_string();
            a.date = Some(row.date);
            a
        });
        let (check_in, check_out) = (typed_time(&row.check_in), typed_time(&row.check_out));
        let status = if row.status.trim().is_empty() { AttendanceStatus::Present.code() } else { row.status.trim() };
        let typed =
            [("status", status), ("check_in", check_in.as_str()), ("check_out", check_out.as_str()), ("overtime", row.overtime.as_str())];
        let mut bad: Vec<GridError> = typed.iter().filter_map(|(k, v)| fill(&mut day, k, v)).map(|(k, e)| (row.date, k, e)).collect();
        if bad.is_empty() {
            bad = day.validate().into_iter().map(|(k, e)| (row.date, k, e)).collect();
        }
        if before.is_some_and(|b| b.overtime != day.overtime) {
            day.overtime_approved = false;
        }
        if !bad.is_empty() {
            errors.extend(bad);
        } else if before != Some(&day) {
            days.push(day);
        }
    }
    if errors.is_empty() {
        Ok(days)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
#[path = "attendance_grid_tests.rs"]
mod tests;
