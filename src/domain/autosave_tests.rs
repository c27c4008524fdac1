use super::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

#[test]
fn names_carry_the_local_second_and_sort_by_age() {
    assert_eq!(file_name(at("2026-12-03 09:05:07")), "backoffice-autosave-2026-12-03-090507.json");
    let a = file_name(at("2026-12-03 23:59:59"));
    let b = file_name(at("2026-12-04 00:00:00"));
    assert!(a < b);
    assert!(is_autosave(&a));
}

#[test]
fn only_our_own_files_are_ever_removed() {
    let names: Vec<String> = [
        "backoffice-autosave-2026-12-01-080000.json",
        "backoffice-autosave-2026-12-03-080000.json",
        "backoffice-autosave-2026-12-02-080000.json",
        "backoffice-backup-2026-11-01.json",
        "backoffice-autosave-notes.json",
        "backoffice-autosave-2026-12-01-080000.json.crswap",
        "laporan.xlsx",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(to_remove(&names, 2), vec!["backoffice-autosave-2026-12-01-080000.json".to_string()]);
    assert_eq!(to_remove(&names, 1).len(), 2);
    assert!(to_remove(&names, 3).is_empty());
    // Keeping none would delete the backup just written: at least one stays.
    assert_eq!(to_remove(&names, 0).len(), 2);
}

#[test]
fn a_big_store_is_written_less_often() {
    assert_eq!(wait_after_change(40), QUIET_MS);
    assert_eq!(wait_after_change(2_000), 20_000);
    assert_eq!(wait_after_change(u32::MAX), u32::MAX);
}

#[test]
fn a_backup_a_day_at_least() {
    let now: DateTime<Utc> = "2026-12-03T12:00:00Z".parse().unwrap();
    assert!(daily_due(None, now));
    assert!(daily_due(Some(now - chrono::Duration::hours(24)), now));
    assert!(!daily_due(Some(now - chrono::Duration::hours(23)), now));
}

#[test]
fn the_number_kept_is_between_one_and_a_hundred() {
    assert_eq!(parse_keep(" 12 "), Some(12));
    for bad in ["0", "101", "-1", "", "sepuluh", "1,5"] {
        assert_eq!(parse_keep(bad), None, "{bad}");
    }
}
