use super::*;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
}

#[test]
fn names_carry_the_local_second_and_the_browser_and_sort_by_age() {
    assert_eq!(file_name(at("2026-12-03 09:05:07"), "k3f9a2"), "backoffice-autosave-2026-12-03-090507-k3f9a2.json");
    let a = file_name(at("2026-12-03 23:59:59"), "k3f9a2");
    let b = file_name(at("2026-12-04 00:00:00"), "k3f9a2");
    assert!(a < b);
    assert!(is_own_autosave(&a, "k3f9a2"));
    assert!(!is_own_autosave(&a, "zzzzzz"));
    let t = tag(0x0123_4567_89ab_cdef);
    assert_eq!(t.len(), 6);
    assert!(t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    assert_ne!(t, tag(42));
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn only_this_browsers_own_autosaves_are_ever_removed() {
    let folder = names(&[
        "backoffice-autosave-2026-12-01-080000-aaaaaa.json",
        "backoffice-autosave-2026-12-03-080000-aaaaaa.json",
        "backoffice-autosave-2026-12-02-080000-aaaaaa.json",
        // A colleague's computer writing to the same shared folder.
        "backoffice-autosave-2026-11-01-080000-bbbbbb.json",
        "backoffice-backup-2026-11-01.json",
        "backoffice-autosave-notes.json",
        "backoffice-autosave-2026-12-01-080000-aaaaaa.json.crswap",
        "laporan.xlsx",
    ]);
    let newest = "backoffice-autosave-2026-12-03-080000-aaaaaa.json";
    assert_eq!(to_remove(&folder, 2, "aaaaaa", newest), names(&["backoffice-autosave-2026-12-01-080000-aaaaaa.json"]));
    assert_eq!(to_remove(&folder, 1, "aaaaaa", newest).len(), 2);
    assert!(to_remove(&folder, 3, "aaaaaa", newest).is_empty());
    assert!(to_remove(&folder, 1, "cccccc", "x").is_empty(), "another browser's files are never ours");
    // Autosave off, or its setting lost: nothing goes.
    assert!(to_remove(&folder, 0, "aaaaaa", newest).is_empty());
}

#[test]
fn the_backup_just_written_stays_even_when_the_clock_went_back() {
    let folder = names(&[
        "backoffice-autosave-2026-12-03-080000-aaaaaa.json",
        "backoffice-autosave-2026-12-02-080000-aaaaaa.json",
        "backoffice-autosave-2000-01-01-000000-aaaaaa.json",
    ]);
    let written = "backoffice-autosave-2000-01-01-000000-aaaaaa.json";
    assert_eq!(to_remove(&folder, 2, "aaaaaa", written), names(&["backoffice-autosave-2026-12-02-080000-aaaaaa.json"]));
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
