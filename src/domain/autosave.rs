//! Autosave to a folder: when a backup is written there, what it is called, and which older
//! ones make room. The browser part (the folder, its permission) is in `ui/autosave_folder.rs`.
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike, Utc};

/// Every autosave's name starts so; a file without it is never removed.
pub const PREFIX: &str = "backoffice-autosave-";
pub const KEEP_DEFAULT: u32 = 10;
pub const KEEP_MAX: u32 = 100;
/// Quiet time after the last change before a backup is written: a burst of saves makes one file.
pub const QUIET_MS: u32 = 5_000;
/// A backup is also written when the last one is older than this, changes or not.
pub const DAILY_HOURS: i64 = 24;

/// `backoffice-autosave-2026-12-03-191507.json`: the local time to the second, so a
/// folder's autosaves sort by age by name, and two in the same minute do not collide.
pub fn file_name(local: NaiveDateTime) -> String {
    format!(
        "{PREFIX}{:04}-{:02}-{:02}-{:02}{:02}{:02}.json",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    )
}

/// Whether `name` is one of ours: the prefix, a time as [`file_name`] writes it, `.json`.
pub fn is_autosave(name: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(".json"))
        .is_some_and(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%d-%H%M%S").is_ok())
}

/// The autosaves among a folder's `names` beyond the newest `keep`, oldest first; any other
/// file in the folder is the user's and is never named.
pub fn to_remove(names: &[String], keep: u32) -> Vec<String> {
    let mut ours: Vec<&String> = names.iter().filter(|n| is_autosave(n)).collect();
    ours.sort();
    let extra = ours.len().saturating_sub(keep.max(1) as usize);
    ours.into_iter().take(extra).cloned().collect()
}

/// How long to wait after the last change: at least [`QUIET_MS`], and ten times what the last
/// autosave took, so a big store (a backup of seconds) is written at most a tenth of the time
/// someone works.
pub fn wait_after_change(last_took_ms: u32) -> u32 {
    QUIET_MS.max(last_took_ms.saturating_mul(10))
}

/// A day has passed since the last backup (downloaded or autosaved), or there was none.
pub fn daily_due(last_backup: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    last_backup.is_none_or(|t| now - t >= chrono::Duration::hours(DAILY_HOURS))
}

/// The number of backups to keep as typed, within 1..=[`KEEP_MAX`]; `None` for anything else.
pub fn parse_keep(text: &str) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (1..=KEEP_MAX).contains(n))
}

#[cfg(test)]
#[path = "autosave_tests.rs"]
mod tests;
