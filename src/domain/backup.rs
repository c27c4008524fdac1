//! The whole-office JSON backup: export, validation on import, replace or merge.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::contact::Contact;
use super::schema::{self, Docs};
use super::settings::Settings;

pub const FORMAT: &str = "backoffice-backup";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    pub exported_at: DateTime<Utc>,
    pub collections: Docs,
}

#[derive(Debug, PartialEq)]
pub enum BackupError {
    /// Not JSON at all (a photo, a CSV…).
    NotJson,
    /// JSON that ends too early: a download cut short.
    Truncated,
    /// JSON, but not ours.
    Foreign,
    /// Written by a newer version of the app.
    Newer(u32),
    /// One collection does not hold valid records: (collection, detail).
    Invalid(String, String),
}

/// The backup file's text. `collections` is anything that serialises as a map of
/// collection name to data (the app passes its records by reference, no copy). Compact,
/// one line: at 100,000 records indentation alone would add megabytes.
pub fn export<C: Serialize>(collections: &C, now: DateTime<Utc>) -> String {
    #[derive(Serialize)]
    struct Out<'a, C> {
        format: &'static str,
        schema_version: u32,
        exported_at: DateTime<Utc>,
        collections: &'a C,
    }
    serde_json::to_string(&Out { format: FORMAT, schema_version: schema::CURRENT, exported_at: now, collections }).expect("records serialise")
}

pub fn file_name(now: DateTime<Utc>) -> String {
    format!("backoffice-backup-{}.json", now.format("%Y-%m-%d"))
}

/// Parses, migrates to the current schema and checks every known collection.
/// Unknown collections are dropped and returned by name so the preview can say so.
pub fn parse(bytes: &[u8]) -> Result<(Backup, Vec<String>), BackupError> {
    let v: Value = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => BackupError::Truncated,
        _ => BackupError::NotJson,
    })?;
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(BackupError::Foreign);
    }
    let mut b: Backup = serde_json::from_value(v).map_err(|_| BackupError::Foreign)?;
    if b.schema_version > schema::CURRENT {
        return Err(BackupError::Newer(b.schema_version));
    }
    schema::migrate(&mut b.collections, b.schema_version).map_err(|e| BackupError::Invalid("*".into(), e))?;
    b.schema_version = schema::CURRENT;
    let unknown: Vec<String> = b.collections.keys().filter(|k| !schema::COLLECTIONS.contains(&k.as_str())).cloned().collect();
    for k in &unknown {
        b.collections.remove(k);
    }
    check::<Vec<Contact>>(&b.collections, "contacts")?;
    check::<Vec<super::frontdesk::Call>>(&b.collections, "calls")?;
    check::<Vec<super::frontdesk::Visitor>>(&b.collections, "visitors")?;
    check::<Settings>(&b.collections, "settings")?;
    Ok((b, unknown))
}

fn check<T: serde::de::DeserializeOwned>(docs: &Docs, name: &str) -> Result<(), BackupError> {
    match docs.get(name) {
        None => Ok(()),
        Some(v) => T::deserialize(v).map(|_| ()).map_err(|e| BackupError::Invalid(name.into(), e.to_string())),
    }
}

/// Records per collection, for the preview; the settings object counts as one.
pub fn counts(docs: &Docs) -> Vec<(String, usize)> {
    docs.iter().map(|(k, v)| (k.clone(), v.as_array().map_or(1, Vec::len))).collect()
}

#[derive(Debug, Default, PartialEq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records changed on both sides: (title, true when the incoming copy won).
    pub conflicts: Vec<(String, bool)>,
}

fn updated_at(v: &Value) -> Option<DateTime<Utc>> {
    v.get("updated_at")?.as_str()?.parse().ok()
}

fn title(v: &Value) -> String {
    ["name", "title", "organisation", "id"]
        .iter()
        .find_map(|k| v.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .unwrap_or("?")
        .to_string()
}

/// Merges by id: new ids are added; for a shared id the newer `updated_at` wins.
/// A shared id whose copies differ is listed as a conflict with the side that won.
pub fn merge_records(local: &[Value], incoming: &[Value]) -> (Vec<Value>, MergeReport) {
    let mut out: Vec<Value> = local.to_vec();
    let mut report = MergeReport::default();
    let index: std::collections::HashMap<String, usize> = out
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((v.get("id")?.as_str()?.to_string(), i)))
        .collect();
    for inc in incoming {
        let Some(id) = inc.get("id").and_then(Value::as_str) else { continue };
        match index.get(id) {
            None => {
                out.push(inc.clone());
                report.added += 1;
            }
            Some(&i) if out[i] == *inc => report.unchanged += 1,
            Some(&i) => {
                let incoming_wins = updated_at(inc) > updated_at(&out[i]);
                report.conflicts.push((title(inc), incoming_wins));
                if incoming_wins {
                    out[i] = inc.clone();
                    report.updated += 1;
                }
            }
        }
    }
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        "2026-11-22T08:00:00Z".parse().unwrap()
    }

    fn sample() -> Docs {
        let mut d = Docs::new();
        d.insert("contacts".into(), json!([{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Ani"}]));
        d.insert("settings".into(), serde_json::to_value(Settings::default()).unwrap());
        d
    }

    #[test]
    fn export_parse_round_trip() {
        let text = export(&sample(), now());
        let (b, unknown) = parse(text.as_bytes()).unwrap();
        assert!(unknown.is_empty());
        assert_eq!(b.collections, sample());
        assert_eq!(counts(&b.collections), vec![("contacts".into(), 1), ("settings".into(), 1)]);
        assert_eq!(file_name(now()), "backoffice-backup-2026-11-22.json");
    }

    #[test]
    fn bad_files_are_named() {
        let full = export(&sample(), now());
        assert_eq!(parse(&full.as_bytes()[..full.len() / 2]).unwrap_err(), BackupError::Truncated);
        assert_eq!(parse(b"\x89PNG\r\n").unwrap_err(), BackupError::NotJson);
        assert_eq!(parse(br#"{"hello":"world"}"#).unwrap_err(), BackupError::Foreign);
        let newer = full.replace(&format!("\"schema_version\":{}", schema::CURRENT), "\"schema_version\":99");
        assert_eq!(parse(newer.as_bytes()).unwrap_err(), BackupError::Newer(99));
        let bad = full.replace("\"name\":\"Ani\"", "\"name\":5");
        assert!(matches!(parse(bad.as_bytes()).unwrap_err(), BackupError::Invalid(c, _) if c == "contacts"));
    }

    #[test]
    fn old_backup_is_migrated() {
        let v1 = r#"{"format":"backoffice-backup","schema_version":1,"exported_at":"2026-01-01T00:00:00Z",
            "collections":{"contacts":[{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Ani","email":"ani@x.id"}],
            "calendar_v9":[]}}"#;
        let (b, unknown) = parse(v1.as_bytes()).unwrap();
        assert_eq!(unknown, vec!["calendar_v9"]);
        assert_eq!(b.collections["contacts"][0]["emails"], json!(["ani@x.id"]));
    }

    #[test]
    fn merge_newer_wins_and_conflicts_listed() {
        let local = vec![
            json!({"id":"a","name":"Ani local","updated_at":"2026-03-01T00:00:00Z"}),
            json!({"id":"b","name":"Budi","updated_at":"2026-03-01T00:00:00Z"}),
            json!({"id":"c","name":"Citra new","updated_at":"2026-05-01T00:00:00Z"}),
        ];
        let incoming = vec![
            json!({"id":"a","name":"Ani remote","updated_at":"2026-04-01T00:00:00Z"}),
            json!({"id":"b","name":"Budi","updated_at":"2026-03-01T00:00:00Z"}),
            json!({"id":"c","name":"Citra old","updated_at":"2026-02-01T00:00:00Z"}),
            json!({"id":"d","name":"Dewi","updated_at":"2026-02-01T00:00:00Z"}),
        ];
        let (out, r) = merge_records(&local, &incoming);
        assert_eq!(out.len(), 4);
        assert_eq!(out[0]["name"], "Ani remote");
        assert_eq!(out[2]["name"], "Citra new");
        assert_eq!(r, MergeReport { added: 1, updated: 1, unchanged: 1, conflicts: vec![("Ani remote".into(), true), ("Citra old".into(), false)] });
    }
}
