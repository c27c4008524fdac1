use super::*;
use crate::domain::record::Entity;
use chrono::Utc;

fn at(s: &str) -> NaiveDateTime {
    crate::domain::dates::parse_datetime(s).unwrap()
}

fn punch(who: &str, s: &str) -> Punch {
    Punch { employee_id: who.into(), at: at(s) }
}

#[test]
fn punches_make_one_day_per_employee_late_after_the_grace() {
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let punches = vec![
        punch("sari", "2026-11-02T17:05"),
        punch("sari", "2026-11-02T07:55"),
        punch("sari", "2026-11-02T12:01"),
        punch("budi", "2026-11-02T08:20"),
        punch("budi", "2026-11-03T08:10"),
    ];
    let days = days_from_punches(&punches, eight, 15, Utc::now());
    let got: Vec<(&str, &str, &str, &str, &str)> = days
        .iter()
        .map(|a| {
            (
                crate::domain::dates::text_of(a.date),
                a.employee_id.as_str(),
                a.status.code(),
                crate::domain::dates::text_of_time(a.check_in),
                crate::domain::dates::text_of_time(a.check_out),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2026-11-02", "budi", "late", "08:20", ""),
            ("2026-11-02", "sari", "present", "07:55", "17:05"),
            ("2026-11-03", "budi", "present", "08:10", ""),
        ]
    );
    assert!(days.iter().all(|a| a.validate().is_empty()));
}

#[test]
fn importing_again_updates_the_days_already_there() {
    let eight = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
    let mut sick = Attendance::blank(Utc::now());
    sick.employee_id = "sari".into();
    sick.date = crate::domain::dates::parse_date("2026-11-02");
    sick.status = AttendanceStatus::Sick;
    let mut typed = Attendance::blank(Utc::now());
    typed.employee_id = "budi".into();
    typed.date = crate::domain::dates::parse_date("2026-11-02");
    typed.overtime = Some(90);
    let incoming = days_from_punches(
        &[punch("sari", "2026-11-02T09:00"), punch("budi", "2026-11-02T07:50"), punch("ani", "2026-11-02T08:00")],
        eight,
        0,
        Utc::now(),
    );
    let (out, replaced) = merge_days(&[sick.clone(), typed.clone()], incoming);
    assert_eq!(replaced, 2);
    let by = |who: &str| out.iter().find(|a| a.employee_id == who).unwrap().clone();
    assert_eq!((by("sari").meta.id, by("sari").status.code()), (sick.meta.id, "sick"), "a sick day stays sick");
    assert_eq!(
        (by("budi").meta.id, by("budi").overtime, crate::domain::dates::text_of_time(by("budi").check_in)),
        (typed.meta.id, Some(90), "07:50")
    );
    assert_eq!(by("ani").status, AttendanceStatus::Present);
}

#[test]
fn a_month_sums_days_and_approved_overtime() {
    let day = |date: &str, status: &str, ot: Option<i64>, ok: bool| {
        let mut a = Attendance::blank(Utc::now());
        a.employee_id = "sari".into();
        a.date = crate::domain::dates::parse_date(date);
        a.status = AttendanceStatus::from_code(status).unwrap();
        a.overtime = ot;
        a.overtime_approved = ok;
        a
    };
    let all = vec![
        day("2026-11-02", "present", Some(120), true),
        day("2026-11-03", "late", Some(60), false),
        day("2026-11-04", "sick", None, false),
        day("2026-11-05", "present", Some(30), true),
        day("2026-12-01", "present", Some(600), true),
    ];
    let s = &month_summary(&all, &["sari".to_string(), "budi".to_string()], 2026, 11);
    assert_eq!(s[0].days.get(&AttendanceStatus::Present), Some(&2));
    assert_eq!((s[0].days.get(&AttendanceStatus::Late), s[0].days.get(&AttendanceStatus::Sick)), (Some(&1), Some(&1)));
    assert_eq!(s[0].overtime_minutes, 150, "unapproved overtime is not counted");
    assert!(s[1].days.is_empty());
    assert_eq!(month_days(&all, "sari", 2026, 11).len(), 4);
}

#[test]
fn times_are_checked() {
    let mut a = Attendance::blank(Utc::now());
    a.employee_id = "sari".into();
    a.set("date", "2026-11-02");
    a.set("check_in", "17:00");
    a.set("check_out", "08:00");
    a.overtime = Some(-5);
    assert_eq!(a.validate(), vec![("check_out", "err.checkout_before_checkin"), ("overtime", "err.not_negative")]);
    // A time that is not one is refused when typed, and the one before is not kept.
    assert_eq!(crate::domain::record::fill(&mut a, "check_in", "25:00"), Some(("check_in", "err.time")));
    assert_eq!(a.check_in, None);
}

#[test]
fn machine_exports_read_in_their_date_orders() {
    let want = at("2026-11-02T07:55");
    for text in ["2026-11-02 07:55", "02/11/2026 07:55", "2026/11/02 07:55:00", "02-11-2026 7:55", "2026-11-02T07:55:00"] {
        assert_eq!(parse_machine_time(text), Some(want), "{text}");
    }
    for bad in ["", "2026-11-02", "31/02/2026 08:00", "kemarin 08:00", "02/11/2026 25:00"] {
        assert_eq!(parse_machine_time(bad), None, "{bad}");
    }
}

#[test]
fn a_fingerprint_export_becomes_punches_and_names_what_it_cannot_read() {
    let text = "No;Nama;Tanggal;Jam\r\n101;Sari;02/11/2026;07:55\r\n101;Sari;02/11/2026;17:02\r\n999;Siapa;02/11/2026;08:00\r\n102;Budi;hari ini;08:00\r\n";
    let t = crate::domain::csv_io::parse_table(text.as_bytes()).unwrap();
    let resolve = |s: &str| match s {
        "101" => Some("sari-id".to_string()),
        "102" => Some("budi-id".to_string()),
        _ => None,
    };
    let (punches, bad) = punches_from_table(&t, &PunchColumns { employee: 0, when: 2, time: Some(3) }, &resolve);
    assert_eq!(punches, vec![punch("sari-id", "2026-11-02T07:55"), punch("sari-id", "2026-11-02T17:02")]);
    assert_eq!(bad, vec![(4, "999".to_string()), (5, "hari ini 08:00".to_string())]);
}

#[test]
fn approved_leave_fills_the_days_not_recorded() {
    use crate::domain::leave::{LeaveRequest, WorkCalendar};
    let mut sick = Attendance::blank(Utc::now());
    sick.employee_id = "sari".into();
    sick.date = crate::domain::dates::parse_date("2026-11-05");
    sick.status = AttendanceStatus::Sick;
    let all = vec![sick];
    let request = |status: &str| {
        let mut r = LeaveRequest::blank(Utc::now());
        r.employee_id = "sari".into();
        r.set("start", "2026-11-04");
        r.set("end", "2026-11-09");
        r.set("status", status);
        r
    };
    let cal = WorkCalendar::new(false, &[]);
    let mut sums = month_summary(&all, &["sari".to_string()], 2026, 11);
    add_leave(&mut sums, &all, &[request("approved"), request("refused")], &cal, 2026, 11);
    // Wednesday 4th, Friday 6th and Monday 9th; Thursday 5th was typed as sick; the weekend is not work.
    assert_eq!((sums[0].days.get(&AttendanceStatus::Leave), sums[0].days.get(&AttendanceStatus::Sick)), (Some(&3), Some(&1)));
}
