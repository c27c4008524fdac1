use super::*;
use crate::domain::record::Entity;
use chrono::{DateTime, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn employee(name: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.set("name", name);
    e.set("joined", "2025-03-01");
    e
}

#[test]
fn a_blank_employee_needs_a_name_and_a_join_date() {
    let errs = Employee::blank(Utc::now()).validate();
    assert!(errs.contains(&("name", "err.required")) && errs.contains(&("joined", "err.required")), "{errs:?}");
    assert_eq!(employee("Sari").validate(), vec![]);
}

#[test]
fn nik_has_16_digits_and_npwp_15_or_16() {
    let mut e = employee("Sari");
    e.set("nik", "3174 0123 4567 0001");
    e.set("npwp", "09.254.294.3-407.000");
    assert_eq!(e.validate(), vec![], "spaces, dots and dashes as people write them");
    e.set("npwp", "3174012345670001");
    assert_eq!(e.validate(), vec![], "the 16-digit NPWP (NIK as tax number)");
    for (nik, npwp) in [("317401234567000", "09.254.294.3-407"), ("3174O12345670001", "092542943407000X")] {
        e.set("nik", nik);
        e.set("npwp", npwp);
        assert_eq!(e.validate(), vec![("nik", "err.nik"), ("npwp", "err.npwp")], "{nik} {npwp}");
    }
}

#[test]
fn a_fixed_term_contract_needs_its_dates_in_order() {
    let mut e = employee("Budi");
    e.set("contract", "pkwt");
    let errs = e.validate();
    assert!(errs.contains(&("contract_start", "err.required")) && errs.contains(&("contract_end", "err.required")));
    e.set("contract_start", "2026-01-01");
    e.set("contract_end", "2025-12-31");
    assert_eq!(e.validate(), vec![("contract_end", "err.end_before_start")]);
    e.set("contract_end", "2026-12-31");
    assert_eq!(e.validate(), vec![]);
    // A permanent employee's old contract dates are not judged.
    e.set("contract", "pkwtt");
    e.set("contract_end", "2025-01-01");
    assert_eq!(e.validate(), vec![]);
}

#[test]
fn leaving_needs_a_last_day_after_joining() {
    let mut e = employee("Ani");
    e.set("status", "left");
    assert_eq!(e.validate(), vec![("left_on", "err.required")]);
    e.set("left_on", "2025-02-01");
    assert_eq!(e.validate(), vec![("left_on", "err.left_before_joined")]);
    e.set("left_on", "2026-11-30");
    assert_eq!(e.validate(), vec![]);
    assert!(!e.is_current());
}

#[test]
fn contracts_ending_within_the_window_soonest_first() {
    let pkwt = |name: &str, end: &str| {
        let mut e = employee(name);
        e.set("contract", "pkwt");
        e.set("contract_start", "2026-01-01");
        e.set("contract_end", end);
        e
    };
    let mut gone = pkwt("Gone", "2026-12-10");
    gone.set("status", "left");
    let all = vec![
        pkwt("Later", "2026-12-31"),
        pkwt("Past", "2026-11-30"),
        pkwt("Soon", "2026-12-05"),
        pkwt("Far", "2027-01-01"),
        gone,
        employee("Permanent"),
    ];
    let names: Vec<String> = contracts_ending(&all, d(2026, 12, 1), 30).into_iter().map(|(e, _)| e.name).collect();
    assert_eq!(names, vec!["Soon", "Later"]);
}

#[test]
fn months_worked_count_whole_months_through_the_last_day() {
    assert_eq!(months_worked(d(2026, 1, 1), d(2026, 12, 31)), 12);
    assert_eq!(months_worked(d(2026, 1, 15), d(2026, 7, 14)), 6);
    assert_eq!(months_worked(d(2026, 1, 15), d(2026, 7, 13)), 5);
    assert_eq!(months_worked(d(2026, 1, 31), d(2026, 2, 28)), 1);
    assert_eq!(months_worked(d(2026, 3, 1), d(2026, 3, 1)), 0);
    assert_eq!(months_worked(d(2026, 3, 1), d(2026, 2, 1)), 0);
    assert_eq!(months_worked(d(2024, 2, 29), d(2026, 2, 28)), 24);
}

#[test]
fn an_edit_records_each_tracked_change_once() {
    let before = employee("Sari");
    let mut after = before.clone();
    after.set("position", "Supervisor");
    after.set("department", "Keuangan");
    after.set("phone", "0812 555");
    let day = d(2026, 12, 1);
    let c = changes(&before, &after, day, Utc::now());
    let got: Vec<(&str, &str, &str)> = c.iter().map(|c| (c.what.code(), c.from.as_str(), c.to.as_str())).collect();
    assert_eq!(got, vec![("position", "", "Supervisor"), ("department", "", "Keuangan")], "the phone is not history");
    assert!(c
        .iter()
        .all(|c| c.employee_id == after.meta.id && c.date == crate::domain::dates::parse_date("2026-12-01") && c.validate().is_empty()));
    assert!(changes(&after, &after, day, Utc::now()).is_empty());
    // The timeline reads oldest first, whatever order the changes were stored in.
    let mut older = c[0].clone();
    older.date = crate::domain::dates::parse_date("2026-01-05");
    let h = history(&[c[1].clone(), older, c[0].clone()], &after.meta.id);
    assert_eq!(h.iter().map(|c| crate::domain::dates::text_of(c.date)).collect::<Vec<_>>(), vec!["2026-01-05", "2026-12-01", "2026-12-01"]);
}

#[test]
fn directory_by_department_and_the_org_chart() {
    let mut boss = employee("Rina Direktur");
    boss.set("department", "Direksi");
    let mut sari = employee("Sari");
    sari.set("department", "Keuangan");
    sari.manager_id = boss.meta.id.clone();
    let mut ani = employee("Ani");
    ani.set("department", "keuangan");
    ani.manager_id = sari.meta.id.clone();
    let mut none = employee("Tanpa Bagian");
    none.manager_id = "gone".into();
    let mut left = employee("Sudah Keluar");
    left.set("status", "left");
    let (mut x, mut y) = (employee("X"), employee("Y"));
    x.manager_id = y.meta.id.clone();
    y.manager_id = x.meta.id.clone();
    let all = vec![ani.clone(), sari.clone(), boss.clone(), none.clone(), left, x, y];
    let groups: Vec<(String, Vec<String>)> =
        by_department(&all).into_iter().map(|(d, v)| (d, v.into_iter().map(|e| e.name).collect())).collect();
    assert_eq!(groups[0], ("Direksi".to_string(), vec!["Rina Direktur".to_string()]));
    assert_eq!(groups[1].1, vec!["Ani", "Sari"], "Keuangan and keuangan are one department");
    assert_eq!(groups.last().unwrap().0, "", "no department last");
    let chart: Vec<(usize, String)> = org_chart(&all).into_iter().map(|(d, e)| (d, e.name)).collect();
    assert_eq!(
        &chart[..4],
        &[(0, "Rina Direktur".to_string()), (1, "Sari".to_string()), (2, "Ani".to_string()), (0, "Tanpa Bagian".to_string())]
    );
    assert_eq!(chart.len(), 6, "the two in a loop still show, once each: {chart:?}");
}
