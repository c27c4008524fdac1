use chrono::{DateTime, NaiveDate};

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn laptop() -> Asset {
    let mut a = Asset::blank(DateTime::UNIX_EPOCH);
    a.meta.id = "lap".into();
    a.tag = "IT-001".into();
    a.name = "Laptop".into();
    a.purchase_date = crate::domain::dates::parse_date("2026-01-15");
    a.cost = Some(12000000);
    a.salvage = Some(2400000);
    a.life_months = Some(48);
    a
}

fn entry(kind: &str, date: &str, who: &str, n: i64) -> AssetLog {
    let mut l = AssetLog::blank(DateTime::from_timestamp(n, 0).unwrap());
    l.asset_id = "lap".into();
    l.kind = LogKind::from_code(kind).unwrap();
    l.date = crate::domain::dates::parse_date(date);
    l.who = who.into();
    l.action = "servis".into();
    l
}

#[test]
fn straight_line_by_whole_months_never_below_salvage() {
    let a = laptop();
    assert_eq!(book_value(&a, d("2026-01-15")), (0, 12_000_000));
    assert_eq!(book_value(&a, d("2026-02-14")), (0, 12_000_000), "not a whole month yet");
    assert_eq!(book_value(&a, d("2026-02-15")), (200_000, 11_800_000), "9.600.000 over 48 months");
    assert_eq!(book_value(&a, d("2027-01-15")), (2_400_000, 9_600_000));
    assert_eq!(book_value(&a, d("2035-01-01")), (9_600_000, 2_400_000), "stops at salvage");
    let mut end = a.clone();
    end.purchase_date = crate::domain::dates::parse_date("2026-01-31");
    assert_eq!(book_value(&end, d("2026-02-28")).0, 200_000, "a month-end purchase ages at each month end");
    let mut no_life = a.clone();
    no_life.life_months = None;
    assert_eq!(book_value(&no_life, d("2030-01-01")), (0, 12_000_000));
}

#[test]
fn holder_follows_check_out_and_in() {
    let mut log = vec![entry("checkout", "2026-03-01", "Budi", 1)];
    assert_eq!(holder(&log, "lap").map(|l| l.who.as_str()), Some("Budi"));
    log.push(entry("checkin", "2026-03-05", "", 2));
    assert!(holder(&log, "lap").is_none());
    log.push(entry("checkout", "2026-03-10", "Citra", 3));
    log.push(entry("repair", "2026-03-11", "", 4));
    assert_eq!(holder(&log, "lap").map(|l| l.who.as_str()), Some("Citra"), "a repair entry does not end a loan");
    assert_eq!(history(&log, "lap").len(), 4);
    assert!(holder(&log, "other").is_none());
}

#[test]
fn maintenance_comes_due_after_the_last_service() {
    let mut a = laptop();
    a.every = Some(6);
    a.every_unit = EveryUnit::Months;
    let mut log = vec![];
    assert_eq!(next_maintenance(&a, &log), Some(d("2026-07-15")), "from purchase when never serviced");
    log.push(entry("maintenance", "2026-07-20", "", 1));
    log.push(entry("repair", "2026-09-01", "", 2));
    assert_eq!(next_maintenance(&a, &log), Some(d("2027-01-20")), "a repair is not a service");
    let all = vec![a.clone()];
    assert!(maintenance_due(&all, &log, d("2026-12-01"), 14).is_empty());
    assert_eq!(maintenance_due(&all, &log, d("2027-01-10"), 14).len(), 1, "due soon");
    assert_eq!(maintenance_due(&all, &log, d("2027-03-01"), 14)[0].1, d("2027-01-20"), "overdue");
    let mut days = a.clone();
    days.every = Some(90);
    days.every_unit = EveryUnit::Days;
    assert_eq!(next_maintenance(&days, &log), Some(d("2026-10-18")));
    let mut retired = a.clone();
    retired.status = AssetStatus::Retired;
    assert_eq!(next_maintenance(&retired, &log), None);
}

#[test]
fn validation_of_assets_and_log_entries() {
    let mut a = laptop();
    assert!(a.validate().is_empty());
    a.salvage = Some(13000000);
    assert_eq!(a.validate(), vec![("salvage", "err.salvage")]);
    let mut out = entry("checkout", "2026-03-01", "", 1);
    out.due = crate::domain::dates::parse_date("2026-02-01");
    assert_eq!(out.validate(), vec![("who", "err.required"), ("due", "err.before_start")]);
    let mut fix = entry("repair", "2026-03-01", "", 1);
    fix.action.clear();
    assert_eq!(fix.validate(), vec![("action", "err.required")]);
}
