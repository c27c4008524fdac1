//! The audit trail: every create, change, move to the trash, restore, deletion for good and
//! import, appended to a log whose entries are chained by hash, so that a changed, removed
//! or reordered entry shows as a broken link when the log is verified.
//!
//! What the chain proves: the log is as it was written, or names the first entry that is
//! not. It holds no secret, so someone able to rewrite the whole log from its first entry
//! could forge a consistent one; the last link shown on the Data screen (and kept in every
//! backup) is what an office compares to notice that.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

crate::choice! {
    /// What happened to a record (or a list).
    pub enum AuditAction {
        Create = "create" => "audit.action.create",
        Change = "change" => "audit.action.change",
        Trash = "trash" => "audit.action.trash",
        Restore = "restore" => "audit.action.restore",
        Purge = "purge" => "audit.action.purge",
        Import = "import" => "audit.action.import",
        Archive = "archive" => "audit.action.archive",
    }
}

/// One field's value before and after, as text (long text cut, see [`MAX_VALUE`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Change {
    /// The field's key in the record.
    pub field: String,
    /// The field's name as the screen showed it then ("" for a field no form shows).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditEntry {
    /// The entry's number in the whole log, archived entries included: 1, 2, 3 …
    pub seq: u64,
    #[serde(deserialize_with = "crate::table::stamps::stamp", serialize_with = "crate::table::stamps::write_stamp")]
    pub at: DateTime<Utc>,
    /// Who uses this browser (Settings), as it was then.
    pub who: String,
    pub action: AuditAction,
    /// The list's collection name.
    pub list: String,
    /// The record's id ("" for an import or an archive).
    pub record: String,
    /// The record's title then, so the log reads without the record.
    pub title: String,
    pub changes: Vec<Change>,
    /// An import's or an archive's summary.
    pub note: String,
    /// The link before this one. Only the first entry kept stores it (after an archive it
    /// is the last archived entry's); every later entry's is the hash of the one before it.
    pub prev: String,
    /// This entry's link: see [`link`].
    pub hash: String,
}

/// Longest value kept whole in an entry, in characters: a letter's body or minutes' notes
/// would otherwise make the log as large as the records.
pub const MAX_VALUE: usize = 200;

/// Fields every save changes or that say nothing to a reader.
const UNLOGGED: &[&str] = &["updated_at", "created_at", "deleted_at", "id"];

fn shown(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.iter().all(Value::is_string) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// `text`, or its first [`MAX_VALUE`] characters and "…".
pub fn clip(text: &str) -> String {
    if text.chars().count() <= MAX_VALUE {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(MAX_VALUE).collect();
    cut.push('…');
    cut
}

/// A change between two texts as kept in the log: both cut to [`MAX_VALUE`] characters,
/// from where they start to differ when that is further in (an edit at the end of a long
/// letter shows as "…" and the words around it, not as two equal beginnings).
pub fn change(field: &str, before: &str, after: &str) -> Change {
    let same = before.chars().zip(after.chars()).take_while(|(a, b)| a == b).count();
    let from = same.saturating_sub(MAX_VALUE / 4);
    let part = |t: &str| {
        if from == 0 {
            return clip(t);
        }
        let rest: String = t.chars().skip(from).collect();
        format!("…{}", clip(&rest))
    };
    Change { field: field.into(), before: part(before), after: part(after), ..Default::default() }
}

/// The fields that differ between two stored records (JSON objects), in the order of the
/// record after the change; a field absent counts as empty.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let empty = serde_json::Map::new();
    let (b, a) = (before.as_object().unwrap_or(&empty), after.as_object().unwrap_or(&empty));
    let mut keys: Vec<&String> = a.keys().collect();
    keys.extend(b.keys().filter(|k| !a.contains_key(*k)));
    keys.into_iter()
        .filter(|k| !UNLOGGED.contains(&k.as_str()))
        .filter_map(|k| {
            let (x, y) = (shown(b.get(k).unwrap_or(&Value::Null)), shown(a.get(k).unwrap_or(&Value::Null)));
            (x != y).then(|| change(k, &x, &y))
        })
        .collect()
}

/// What a save did to a record, from the record before it (if any) and after it, or `None`
/// when nothing a reader would see changed (saving a form untouched).
pub fn classify(before: Option<&Value>, after: &Value) -> Option<(AuditAction, Vec<Change>)> {
    let trashed = |v: &Value| v.get("deleted_at").is_some_and(|d| !d.is_null());
    match before {
        None => Some((AuditAction::Create, diff(&Value::Null, after))),
        Some(b) if !trashed(b) && trashed(after) => Some((AuditAction::Trash, vec![])),
        Some(b) if trashed(b) && !trashed(after) => Some((AuditAction::Restore, vec![])),
        Some(b) => {
            let changes = diff(b, after);
            (!changes.is_empty()).then_some((AuditAction::Change, changes))
        }
    }
}

/// An entry's link: SHA-256 over the previous link and the entry's content, the first 16
/// bytes in hex. 128 bits tell any change from another; the whole 32 would double the room
/// the log takes for nothing more.
pub fn link(prev: &str, e: &AuditEntry) -> String {
    let content = (e.seq, e.at.timestamp_millis(), &e.who, e.action.code(), &e.list, &e.record, &e.title, &e.changes, &e.note);
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update([0]);
    h.update(serde_json::to_vec(&content).expect("an entry serialises"));
    h.finalize()[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Where the log ends: the next entry's number and the link it chains to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tail {
    pub seq: u64,
    pub hash: String,
}

impl Tail {
    pub fn of(log: &[AuditEntry]) -> Tail {
        log.last().map_or_else(Tail::default, |e| Tail { seq: e.seq, hash: e.hash.clone() })
    }

    /// Numbers and links `e` after the log's end, and moves the end past it. The log's
    /// first entry keeps the link it starts from.
    pub fn seal(&mut self, mut e: AuditEntry) -> AuditEntry {
        e.seq = self.seq + 1;
        e.prev = if self.seq == 0 { self.hash.clone() } else { String::new() };
        e.hash = link(&self.hash, &e);
        self.seq = e.seq;
        self.hash = e.hash.clone();
        e
    }
}

/// What verifying the log found.
#[derive(Clone, Debug, PartialEq)]
pub enum Verified {
    /// Every link holds: how many entries, and the last link.
    Intact { entries: usize, last: String },
    /// The first entry whose link does not hold (its number as stored, and its place).
    Broken { seq: u64, index: usize },
}

/// Recomputes every link from the first entry kept. An entry changed, removed, inserted or
/// moved breaks the chain at the first place it shows.
pub fn verify(log: &[AuditEntry]) -> Verified {
    // A log that does not start at entry 1 starts where an archive said it would: the
    // entries before it cannot simply be deleted and the link copied forward.
    if let Some(first) = log.first() {
        let archived = |e: &AuditEntry| {
            e.action == AuditAction::Archive
                && e.note.split(';').nth(2).and_then(|to| to.parse::<u64>().ok()) == first.seq.checked_sub(1)
                && e.note.rsplit(';').next() == Some(first.prev.as_str())
        };
        let starts = if first.seq == 1 { first.prev.is_empty() } else { first.seq > 1 && log.iter().any(archived) };
        if !starts {
            return Verified::Broken { seq: first.seq, index: 0 };
        }
    }
    let mut prev = log.first().map(|e| e.prev.clone()).unwrap_or_default();
    for (index, e) in log.iter().enumerate() {
        let follows = index == 0 || e.seq == log[index - 1].seq + 1;
        if !follows || (index > 0 && !e.prev.is_empty()) || link(&prev, e) != e.hash {
            return Verified::Broken { seq: e.seq, index };
        }
        prev = e.hash.clone();
    }
    Verified::Intact { entries: log.len(), last: prev }
}

/// Archives the entries made before `before`: they leave the log (the caller has saved
/// them to a file first), the first one kept now carries the link they ended on, and an
/// archive entry saying how many went is appended. `None` when nothing is that old.
pub fn archive(log: &[AuditEntry], before: DateTime<Utc>, who: &str, now: DateTime<Utc>) -> Option<Vec<AuditEntry>> {
    let n = log.iter().take_while(|e| e.at < before).count();
    if n == 0 {
        return None;
    }
    let gone = &log[n - 1];
    let mut kept: Vec<AuditEntry> = log[n..].to_vec();
    if let Some(first) = kept.first_mut() {
        first.prev = gone.hash.clone();
    }
    let mut tail = if kept.is_empty() { Tail { seq: gone.seq, hash: gone.hash.clone() } } else { Tail::of(&kept) };
    let note = format!("{n};{};{};{}", log[0].seq, gone.seq, gone.hash);
    let entry = AuditEntry { at: now, who: who.into(), action: AuditAction::Archive, list: "audit".into(), note, ..Default::default() };
    let sealed = tail.seal(entry);
    // An archive that took every entry leaves its own entry first: it keeps the link.
    let sealed = if kept.is_empty() { AuditEntry { prev: gone.hash.clone(), ..sealed } } else { sealed };
    kept.push(sealed);
    Some(kept)
}

/// The log as CSV: one row per changed field (an entry without fields, one row), each row
/// with its entry's link, so an archived file can still be checked against the log.
pub fn csv(
    log: &[AuditEntry],
    header: [&str; 12],
    delimiter: u8,
    action: impl Fn(AuditAction) -> String,
    note: impl Fn(&AuditEntry) -> String,
) -> String {
    let mut out = super::csv_write::CsvText::new(delimiter);
    out.row(header.iter().map(|h| h.to_string()));
    for e in log {
        let row = |c: Option<&Change>| {
            let (field, before, after) = c.map_or(Default::default(), |c| {
                (if c.label.is_empty() { c.field.clone() } else { c.label.clone() }, c.before.clone(), c.after.clone())
            });
            let note = if c.is_none() { note(e) } else { String::new() };
            let at = e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            [
                e.seq.to_string(),
                at,
                e.who.clone(),
                action(e.action),
                e.list.clone(),
                e.record.clone(),
                e.title.clone(),
                field,
                before,
                after,
                note,
                e.hash.clone(),
            ]
        };
        if e.changes.is_empty() {
            out.row(row(None));
        }
        for c in &e.changes {
            out.row(row(Some(c)));
        }
    }
    out.finish()
}

#[cfg(test)]
#[path = "audit_tests.rs"]
mod tests;
