use super::*;
use crate::domain::dates::time_text;
use crate::domain::leave::{Holiday, WorkCalendar};

fn stored(employee: &str, date: &str, status: &str, check_in: &str) -> Attendance {
    let mut a = Attendance::blank(Utc::now());
    a.employee_id = employee.into();
    a.set("date", date);
    a.set("status", status);
    a.set("check_in", check_in);
    a
}

fn row<'a>(rows: &'a mut [GridRow], date: &str) -> &'a mut GridRow {
    let d = crate::domain::dates::parse_date(date).unwrap();
    rows.iter_mut().find(|r| r.date == d).unwrap()
}

#[test]
fn the_grid_has_every_day_of_the_month_with_what_is_stored() {
    let mut holiday = Holiday::blank(Utc::now());
    holiday.set("date", "2026-08-17");
    let cal = WorkCalendar::new(false, &[holiday]);
    let mut gone = stored("sari", "2026-08-04", "absent", "");
    gone.meta.deleted_at = Some(Utc::now());
    let all = vec![stored("sari", "2026-08-03", "late", "08:20"), stored("budi", "2026-08-03", "sick", ""), gone];
    let rows = grid(&all, "sari", 2026, 8, &cal);
    assert_eq!(rows.len(), 31);
    let monday = &rows[2];
    assert_eq!((monday.status.as_str(), monday.check_in.as_str(), monday.working), ("late", "08:20", true));
    assert_eq!(rows[3].status, "", "a deleted day is not shown");
    assert!(!rows[0].working, "1 August 2026 is a Saturday");
    assert!(!rows[16].working, "the 17th is a holiday");
}

#[test]
fn typed_rows_become_days_blank_and_unchanged_rows_are_left_out() {
    let cal = WorkCalendar::new(false, &[]);
    let all = vec![stored("sari", "2026-08-03", "late", "08:20")];
    let loaded = grid(&all, "sari", 2026, 8, &cal);
    let mut rows = loaded.clone();
    // Tuesday typed with times only: present. Wednesday sick. Monday untouched.
    let tue = row(&mut rows, "2026-08-04");
    // Typed as a keypad and Indonesians write them.
    (tue.check_in, tue.check_out, tue.overtime) = ("0755".into(), "17.30".into(), "30".into());
    row(&mut rows, "2026-08-05").status = "sick".into();
    let days = days_from_grid(&all, "sari", &loaded, &rows, Utc::now()).unwrap();
    assert_eq!(days.len(), 2, "Monday unchanged is not written again");
    assert_eq!((days[0].status, days[0].overtime, days[0].employee_id.as_str()), (AttendanceStatus::Present, Some(30), "sari"));
    let times = (days[0].check_in.map(time_text), days[0].check_out.map(time_text));
    assert_eq!(times, (Some("07:55".to_string()), Some("17:30".to_string())));
    assert_eq!(days[1].status, AttendanceStatus::Sick);
    // Changing Monday keeps its id (the stored day is changed in place).
    row(&mut rows, "2026-08-03").status = "present".into();
    let days = days_from_grid(&all, "sari", &loaded, &rows, Utc::now()).unwrap();
    let monday = days.iter().find(|d| d.date == all[0].date).unwrap();
    assert_eq!((monday.meta.id.as_str(), monday.status), (all[0].meta.id.as_str(), AttendanceStatus::Present));
}

#[test]
fn every_bad_row_is_named_and_nothing_is_written() {
    let cal = WorkCalendar::new(false, &[]);
    let loaded = grid(&[], "sari", 2026, 8, &cal);
    let mut rows = loaded.clone();
    row(&mut rows, "2026-08-03").check_in = "25:00".into();
    let wed = row(&mut rows, "2026-08-05");
    (wed.check_in, wed.check_out) = ("17:00".into(), "08:00".into());
    row(&mut rows, "2026-08-06").overtime = "-5".into();
    row(&mut rows, "2026-08-07").status = "holiday".into();
    row(&mut rows, "2026-08-10").status = "present".into();
    let errs = days_from_grid(&[], "sari", &loaded, &rows, Utc::now()).unwrap_err();
    let days: Vec<u32> = errs.iter().map(|(d, _, _)| d.day()).collect();
    assert_eq!(days, [3, 5, 6, 7], "{errs:?}");
    assert_eq!(errs[0].1, "check_in");
    assert_eq!(errs[1], (errs[1].0, "check_out", "err.checkout_before_checkin"));
}

#[test]
fn rows_not_typed_since_loading_never_put_back_an_older_day() {
    let cal = WorkCalendar::new(false, &[]);
    let mut monday = stored("sari", "2026-08-03", "present", "08:00");
    monday.set("overtime", "60");
    monday.overtime_approved = true;
    let loaded = grid(std::slice::from_ref(&monday), "sari", 2026, 8, &cal);
    // Another tab marks Monday sick after the grid was loaded; the grid's Monday is untouched.
    let mut now_stored = monday.clone();
    now_stored.status = AttendanceStatus::Sick;
    let mut rows = loaded.clone();
    row(&mut rows, "2026-08-04").status = "present".into();
    let days = days_from_grid(std::slice::from_ref(&now_stored), "sari", &loaded, &rows, Utc::now()).unwrap();
    assert_eq!(days.len(), 1, "only Tuesday, typed here");
    // Changing Monday's overtime here asks for its approval again; a changed time keeps it.
    row(&mut rows, "2026-08-03").overtime = "90".into();
    let days = days_from_grid(std::slice::from_ref(&monday), "sari", &loaded, &rows, Utc::now()).unwrap();
    let mon = days.iter().find(|d| d.date == monday.date).unwrap();
    assert_eq!((mon.overtime, mon.overtime_approved), (Some(90), false));
    row(&mut rows, "2026-08-03").overtime = "60".into();
    row(&mut rows, "2026-08-03").check_in = "07:45".into();
    let days = days_from_grid(std::slice::from_ref(&monday), "sari", &loaded, &rows, Utc::now()).unwrap();
    assert!(days.iter().find(|d| d.date == monday.date).unwrap().overtime_approved);
}
