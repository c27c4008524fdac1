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

/// `backoffice-autosave-2026-12-03-191507-k3f9a2.json`: the local time to the second, so
/// one browser's autosaves sort by age by name, and `tag`, this browser's own mark, so two
/// computers (or two browsers) writing to one shared folder never remove each other's.
pub fn file_name(local: NaiveDateTime, tag: &str) -> String {
    format!(
        "{PREFIX}{:04}-{:02}-{:02}-{:02}{:02}{:02}-{tag}.json",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    )
}

/// A browser's mark: six lowercase letters and digits, from any random number.
pub fn tag(random: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..6).map(|i| ALPHABET[((random >> (i * 6)) % 36) as usize] as char).collect()
}

/// Whether `name` is one of this browser's autosaves: the prefix, a time as [`file_name`]
/// writes it, this browser's `tag`, `.json`.
pub fn is_own_autosave(name: &str, tag: &str) -> bool {
    name.strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(".json"))
        .and_then(|rest| rest.strip_suffix(tag))
        .and_then(|rest| rest.strip_suffix('-'))
        .is_some_and(|t| NaiveDateTime::parse_from_str(t, "%Y-%m-%d-%H%M%S").is_ok())
}

/// This browser's autosaves among a folder's `names` beyond the newest `keep`, oldest first,
/// never `written` (the one just made, even when a clock set back makes it sort first).
/// Another browser's autosaves and any other file are never named, and a `keep` of 0 (autosave
/// off, or a setting another version dropped) removes nothing.
pub fn to_remove(names: &[String], keep: u32, tag: &str, written: &str) -> Vec<String> {
    if keep == 0 {
        return vec![];
    }
    let mut ours: Vec<&String> = names.iter().filter(|n| is_own_autosave(n, tag) && n.as_str() != written).collect();
    ours.sort();
    // The one just written counts among those kept.
    let extra = ours.len().saturating_sub(keep as usize - 1);
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
