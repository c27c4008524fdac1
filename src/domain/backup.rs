//! The whole-office JSON backup: export, validation on import, replace or merge.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

use super::record::Entity;
// Backups are read by the storage's record reader: one reader per record type in the wasm.
use super::schema::{self, Docs};
use super::settings::Settings;
use crate::table::Columns;

pub const FORMAT: &str = "backoffice-backup";

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub schema_version: u32,
    #[serde(deserialize_with = "crate::table::stamps::stamp", serialize_with = "crate::table::stamps::write_stamp")]
    pub exported_at: DateTime<Utc>,
    pub collections: Docs,
    /// Stored text of parts the exporting app could not read (see [`export`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unreadable: BTreeMap<String, String>,
    /// The audit trail (see [`export`]), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<Value>,
}

/// A file's audit trail in the app's type: `None` when absent or not a log this version
/// reads (the rest of the file is imported all the same).
fn audit_of(v: Option<Value>) -> Option<Vec<super::audit::AuditEntry>> {
    serde_json::from_value(v?).ok()
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

/// One list as the backup file holds it: records come as columns a batch at a time while
/// they are written, so the file never needs a second copy of the data.
pub struct ExportList<'a> {
    pub name: &'a str,
    pub len: usize,
    pub rows: &'a dyn Fn(std::ops::Range<usize>) -> Columns,
}

/// Records per batch of an export: enough to keep the writer busy, little memory.
const BATCH: usize = 1000;

/// The backup file's text: compact, one line (at 100,000 records indentation alone would
/// add megabytes). Written from columns rather than from each record type, so the wasm
/// holds one JSON writer, not one per record type.
///
/// `unreadable` is stored text this version could not read, by part name (`calls.0`): it
/// goes into the file as it is (under `"unreadable"`, beside the collections), so a backup
/// made while a part cannot be read still holds everything the browser holds.
///
/// `audit` is the audit trail, written beside the collections (under `"audit"`): a file
/// keeps the log with the data, and a version that does not know the log reads the rest.
pub fn export(
    lists: &[ExportList],
    settings: Option<&Value>,
    unreadable: &[(String, String)],
    audit: Option<&ExportList>,
    now: DateTime<Utc>,
) -> String {
    let mut out = Vec::with_capacity(lists.iter().map(|l| l.len * 160).sum::<usize>() + 256);
    let head = format!(
        r#"{{"format":"{FORMAT}","schema_version":{},"exported_at":{},"collections":{{"#,
        // The records' schema: a file holds no stored encoding, so a build that reads these
        // records (one before schema 5's ids, say) takes the file.
        schema::RECORDS_CHANGED_AT,
        Value::String(now.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
    );
    out.extend_from_slice(head.as_bytes());
    let mut first = true;
    let mut key = |out: &mut Vec<u8>, name: &str| {
        if !std::mem::take(&mut first) {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, name).expect("a name serialises");
        out.push(b':');
    };
    for l in lists {
        key(&mut out, l.name);
        write_rows(&mut out, l);
    }
    if let Some(s) = settings {
        key(&mut out, "settings");
        serde_json::to_writer(&mut out, s).expect("a JSON value serialises");
    }
    out.push(b'}');
    if let Some(a) = audit {
        out.extend_from_slice(br#","audit":"#);
        write_rows(&mut out, a);
    }
    if !unreadable.is_empty() {
        let parts: serde_json::Map<String, Value> = unreadable.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
        out.extend_from_slice(br#","unreadable":"#);
        serde_json::to_writer(&mut out, &parts).expect("a JSON value serialises");
    }
    out.push(b'}');
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn write_rows(out: &mut Vec<u8>, l: &ExportList) {
    out.push(b'[');
    for start in (0..l.len).step_by(BATCH) {
        if start > 0 {
            out.push(b',');
        }
        (l.rows)(start..(start + BATCH).min(l.len)).write_json_rows(out);
    }
    out.push(b']');
}

pub fn file_name(now: DateTime<Utc>) -> String {
    format!("backoffice-backup-{}.json", super::dates::date_text(now.date_naive()))
}

macro_rules! imported {
    ($($name:ident: $t:ty,)*) => {
        /// A backup read and checked, in the app's own types.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Imported {
            pub schema_version: u32,
            pub exported_at: DateTime<Utc>,
            $(pub $name: Option<Vec<$t>>,)*
            pub settings: Option<Settings>,
            /// Collections this version does not know; they are left out.
            pub unknown: Vec<String>,
            /// Parts the app that wrote the file could not read, carried as their stored
            /// text: (part name, whether this version reads them; their records are then
            /// in the lists above).
            pub parts: Vec<(String, bool)>,
            /// Lists that held one record more than once (a file edited or joined by hand),
            /// with how many extra copies were left out: the newest copy of each is kept.
            pub doubled: Vec<(&'static str, usize)>,
            /// The audit trail the file carries.
            pub audit: Option<Vec<super::audit::AuditEntry>>,
        }

        impl Imported {
            /// Records per collection, for the preview; the settings object counts as one.
            pub fn counts(&self) -> Vec<(&'static str, usize)> {
                let mut out = vec![];
                $(if let Some(v) = &self.$name {
                    out.push((stringify!($name), v.len()));
                })*
                if self.settings.is_some() {
                    out.push(("settings", 1));
                }
                out
            }
        }

        /// Reads a backup: migrated to the current schema, every known collection checked.
        /// Files from schema 2 on hold records as they are now and are read in one pass; older
        /// ones, and any file that fails that pass, go through the JSON tree, which also names
        /// what is wrong.
        pub fn parse(bytes: &[u8]) -> Result<Imported, BackupError> {
            if let Ok(f) = serde_json::from_slice::<Current>(bytes) {
                if f.format == FORMAT && (2..=schema::CURRENT).contains(&f.schema_version) {
                    let mut c = f.collections;
                    let mut first = None;
                    let got = Imported {
                        schema_version: f.schema_version,
                        exported_at: f.exported_at,
                        $($name: keep(&mut first, typed(c.lists.remove(stringify!($name)), stringify!($name))),)*
                        settings: keep(&mut first, settings(c.settings)),
                        unknown: c.unknown,
                        parts: vec![],
                        doubled: vec![],
                        audit: audit_of(f.audit),
                    };
                    return first.map_or(Ok(got.with_parts(f.unreadable).once_each()), Err);
                }
            }
            parse_tree(bytes)
        }

        fn parse_tree(bytes: &[u8]) -> Result<Imported, BackupError> {
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
            let unknown: Vec<String> = b.collections.keys().filter(|k| !crate::registry::COLLECTIONS.contains(&k.as_str())).cloned().collect();
            let mut first = None;
            let got = Imported {
                schema_version: b.schema_version,
                exported_at: b.exported_at,
                $($name: keep(&mut first, columns_of(b.collections.remove(stringify!($name)), stringify!($name)).and_then(|c| typed(c, stringify!($name)))),)*
                settings: keep(&mut first, settings(b.collections.remove("settings"))),
                unknown,
                parts: vec![],
                doubled: vec![],
                audit: audit_of(b.audit),
            };
            first.map_or(Ok(got.with_parts(b.unreadable).once_each()), Err)
        }

        impl Imported {
            /// One record per id in every list: two copies would show as one row that
            /// cannot be told apart, and an edit of one would save over the other.
            fn once_each(mut self) -> Imported {
                $(if let Some(list) = &mut self.$name {
                    let dropped = keep_newest(list);
                    if dropped > 0 {
                        self.doubled.push((stringify!($name), dropped));
                    }
                })*
                self
            }

            /// Reads the parts the file carries as stored text with this version's reader:
            /// a part written by a build that could not read it back (a year typed `0226`)
            /// comes back whole. Parts still unreadable are named and left out.
            fn with_parts(mut self, parts: BTreeMap<String, String>) -> Imported {
                for (part, raw) in parts {
                    let list = part.split_once('.').map_or(part.as_str(), |(l, _)| l);
                    let cols = raw.split_once(';').and_then(|(_, packed)| crate::table::codec::decode_columns(packed).ok());
                    let read = match (list, cols) {
                        $((stringify!($name), Some(c)) => match c.rows_of::<$t>() {
                            Ok(recs) => {
                                self.$name.get_or_insert_with(Vec::new).extend(recs);
                                true
                            }
                            Err(_) => false,
                        },)*
                        _ => false,
                    };
                    self.parts.push((part, read));
                }
                self
            }
        }
    };
}
crate::with_record_lists!(imported);

/// The file as this version writes it, each list read straight into columns (no JSON tree).
#[derive(Deserialize)]
struct Current {
    format: String,
    schema_version: u32,
    #[serde(deserialize_with = "crate::table::stamps::stamp")]
    exported_at: DateTime<Utc>,
    collections: FileCollections,
    #[serde(default)]
    unreadable: BTreeMap<String, String>,
    #[serde(default)]
    audit: Option<Value>,
}

/// The file's collections: known lists as columns, settings as JSON, other names noted.
#[derive(Default)]
struct FileCollections {
    lists: BTreeMap<&'static str, Columns>,
    settings: Option<Value>,
    unknown: Vec<String>,
}

impl<'de> Deserialize<'de> for FileCollections {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FileCollections;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("collections by name")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<FileCollections, A::Error> {
                let mut c = FileCollections::default();
                while let Some(key) = map.next_key::<String>()? {
                    match crate::registry::COLLECTIONS.iter().find(|n| **n == key) {
                        Some(&"settings") => c.settings = Some(map.next_value()?),
                        Some(name) => {
                            c.lists.insert(name, map.next_value()?);
                        }
                        None => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                            c.unknown.push(key);
                        }
                    }
                }
                Ok(c)
            }
        }
        d.deserialize_map(V)
    }
}

/// Leaves one record per id, the most recently changed (the later in the file when equal),
/// where the first copy stood; returns how many copies were left out.
fn keep_newest<E: Entity>(list: &mut Vec<E>) -> usize {
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::with_capacity(list.len());
    let mut kept: Vec<E> = Vec::with_capacity(list.len());
    let before = list.len();
    for r in list.drain(..) {
        match at.get(&r.meta().id) {
            Some(&i) => {
                if r.meta().updated_at >= kept[i].meta().updated_at {
                    kept[i] = r;
                }
            }
            None => {
                at.insert(r.meta().id.clone(), kept.len());
                kept.push(r);
            }
        }
    }
    *list = kept;
    before - list.len()
}

/// The value of a step that worked; the first error is kept for the caller and a blank
/// stands in. Reading every list this way, instead of returning at the first `?`, leaves
/// one clean-up path instead of one per list (6 KB less wasm).
fn keep<T: Default>(first: &mut Option<BackupError>, r: Result<T, BackupError>) -> T {
    r.unwrap_or_else(|e| {
        first.get_or_insert(e);
        T::default()
    })
}

/// A list of the JSON tree as columns.
fn columns_of(v: Option<Value>, name: &str) -> Result<Option<Columns>, BackupError> {
    v.map(Columns::deserialize).transpose().map_err(|e| BackupError::Invalid(name.into(), e.to_string()))
}

/// A list's records in their type; the first that does not fit is named by its position.
fn typed<T: crate::table::FromRow>(cols: Option<Columns>, name: &str) -> Result<Option<Vec<T>>, BackupError> {
    cols.map(|c| c.rows_of().map_err(|(row, e)| BackupError::Invalid(name.into(), format!("#{}: {e}", row + 1)))).transpose()
}

fn settings(v: Option<Value>) -> Result<Option<Settings>, BackupError> {
    v.map(|v| serde_json::from_value(v).map_err(|e| BackupError::Invalid("settings".into(), e.to_string()))).transpose()
}

#[derive(Debug, Default, PartialEq)]
pub struct MergeReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Records changed on both sides: (title, true when the incoming copy won).
    pub conflicts: Vec<(String, bool)>,
}

/// A list after a merge, and what changed in it: the store rewrites only those records.
#[derive(Debug, PartialEq)]
pub struct Merged<E> {
    pub records: Vec<E>,
    /// Positions of records the file's copy replaced.
    pub replaced: Vec<usize>,
    /// Records added at the end.
    pub appended: usize,
}

impl<E> Merged<E> {
    pub fn changed(&self) -> bool {
        !self.replaced.is_empty() || self.appended > 0
    }
}

/// Merges by id: new ids are added; for a shared id the newer `updated_at` wins.
/// A shared id whose copies differ is listed as a conflict with the side that won.
pub fn merge<E: Entity>(local: &[E], incoming: Vec<E>, report: &mut MergeReport) -> Merged<E> {
    let mut out: Vec<E> = local.to_vec();
    let mut index: std::collections::HashMap<String, usize> = out.iter().enumerate().map(|(i, r)| (r.meta().id.clone(), i)).collect();
    let mut replaced = vec![];
    for inc in incoming {
        match index.get(&inc.meta().id) {
            None => {
                index.insert(inc.meta().id.clone(), out.len());
                out.push(inc);
                report.added += 1;
            }
            Some(&i) if out[i] == inc => report.unchanged += 1,
            Some(&i) => {
                let incoming_wins = inc.meta().updated_at > out[i].meta().updated_at;
                report.conflicts.push((inc.title(), incoming_wins));
                if incoming_wins {
                    out[i] = inc;
                    report.updated += 1;
                    if i < local.len() {
                        replaced.push(i);
                    }
                }
            }
        }
    }
    let appended = out.len() - local.len();
    Merged { records: out, replaced, appended }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Contact;
    use serde_json::json;

    fn now() -> DateTime<Utc> {
        "2026-11-22T08:00:00Z".parse().unwrap()
    }

    fn sample() -> Docs {
        let mut d = Docs::new();
        d.insert(
            "contacts".into(),
            json!([{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Ani"}]),
        );
        d.insert("settings".into(), serde_json::to_value(Settings::default()).unwrap());
        d
    }

    fn export_of(d: &Docs) -> String {
        let rows: Vec<(&String, &Vec<Value>)> = d.iter().filter_map(|(k, v)| Some((k, v.as_array()?))).collect();
        type Rows<'a> = Box<dyn Fn(std::ops::Range<usize>) -> Columns + 'a>;
        let fns: Vec<Rows> =
            rows.iter().map(|(_, v)| Box::new(move |r: std::ops::Range<usize>| Columns::from_values(&v[r])) as Rows).collect();
        let lists: Vec<ExportList> =
            rows.iter().zip(&fns).map(|((k, v), f)| ExportList { name: k, len: v.len(), rows: f.as_ref() }).collect();
        export(&lists, d.get("settings"), &[], None, now())
    }

    #[test]
    fn export_parse_round_trip() {
        let text = export_of(&sample());
        assert!(
            text.starts_with(
                r#"{"format":"backoffice-backup","schema_version":4,"exported_at":"2026-11-22T08:00:00Z","collections":{"contacts":[{"#
            ),
            "{text}"
        );
        assert!(serde_json::from_str::<Value>(&text).is_ok());
        let b = parse(text.as_bytes()).unwrap();
        assert!(b.unknown.is_empty());
        assert_eq!(b.contacts.as_ref().unwrap()[0].name, "Ani");
        assert_eq!(b.settings, Some(Settings::default()));
        assert_eq!(b.counts(), vec![("contacts", 1), ("settings", 1)]);
        // The tree path reads the same file to the same records.
        assert_eq!(parse_tree(text.as_bytes()).unwrap(), b);
        assert_eq!(file_name(now()), "backoffice-backup-2026-11-22.json");
    }

    #[test]
    fn a_record_twice_in_a_file_is_imported_once_as_its_newest_copy() {
        let mut d = Docs::new();
        let rec = |name: &str, updated: &str| json!({"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":updated,"name":name});
        let other = json!({"id":"b","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Budi"});
        d.insert(
            "contacts".into(),
            json!([
                rec("Ani", "2026-03-01T00:00:00Z"),
                other,
                rec("Ani Wijaya", "2026-05-01T00:00:00Z"),
                rec("Ani W.", "2026-02-01T00:00:00Z")
            ]),
        );
        let text = export_of(&d);
        for b in [parse(text.as_bytes()).unwrap(), parse_tree(text.as_bytes()).unwrap()] {
            let names: Vec<&str> = b.contacts.as_ref().unwrap().iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, ["Ani Wijaya", "Budi"]);
            assert_eq!(b.doubled, vec![("contacts", 2)]);
        }
        assert!(parse(export_of(&sample()).as_bytes()).unwrap().doubled.is_empty());
    }

    #[test]
    fn bad_files_are_named() {
        let full = export_of(&sample());
        assert_eq!(parse(&full.as_bytes()[..full.len() / 2]).unwrap_err(), BackupError::Truncated);
        assert_eq!(parse(b"\x89PNG\r\n").unwrap_err(), BackupError::NotJson);
        assert_eq!(parse(br#"{"hello":"world"}"#).unwrap_err(), BackupError::Foreign);
        let newer = full.replace(&format!("\"schema_version\":{}", schema::RECORDS_CHANGED_AT), "\"schema_version\":99");
        assert_eq!(parse(newer.as_bytes()).unwrap_err(), BackupError::Newer(99));
        let bad = full.replace("\"name\":\"Ani\"", "\"name\":5");
        assert!(matches!(parse(bad.as_bytes()).unwrap_err(), BackupError::Invalid(c, d) if c == "contacts" && d.starts_with("#1: ")));
        let not_a_record = full.replace("\"contacts\":[{", "\"contacts\":[7,{");
        assert!(matches!(parse(not_a_record.as_bytes()).unwrap_err(), BackupError::Invalid(c, _) if c == "contacts"));
    }

    #[test]
    fn old_backup_is_migrated() {
        let v1 = r#"{"format":"backoffice-backup","schema_version":1,"exported_at":"2026-01-01T00:00:00Z",
            "collections":{"contacts":[{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Ani","email":"ani@x.id"}],
            "calendar_v9":[]}}"#;
        let b = parse(v1.as_bytes()).unwrap();
        assert_eq!(b.unknown, vec!["calendar_v9"]);
        assert_eq!(b.contacts.unwrap()[0].emails, vec!["ani@x.id"]);
        let v2 = v1.replace("\"schema_version\":1", "\"schema_version\":2").replace("\"email\":\"ani@x.id\"", "\"emails\":[\"ani@x.id\"]");
        let b = parse(v2.as_bytes()).unwrap();
        assert_eq!((b.unknown, b.contacts.unwrap()[0].emails.clone()), (vec!["calendar_v9".to_string()], vec!["ani@x.id".to_string()]));
    }

    #[test]
    fn merge_newer_wins_and_conflicts_listed() {
        let c = |id: &str, name: &str, at: &str| -> Contact {
            serde_json::from_value(json!({"id": id, "name": name, "created_at": "2026-01-01T00:00:00Z", "updated_at": at})).unwrap()
        };
        let local = vec![
            c("a", "Ani local", "2026-03-01T00:00:00Z"),
            c("b", "Budi", "2026-03-01T00:00:00Z"),
            c("c", "Citra new", "2026-05-01T00:00:00Z"),
        ];
        let incoming = vec![
            c("a", "Ani remote", "2026-04-01T00:00:00Z"),
            c("b", "Budi", "2026-03-01T00:00:00Z"),
            c("c", "Citra old", "2026-02-01T00:00:00Z"),
            c("d", "Dewi", "2026-02-01T00:00:00Z"),
        ];
        let mut r = MergeReport::default();
        let m = merge(&local, incoming, &mut r);
        // Only the record the file changed and the one it added are to be written.
        assert_eq!((m.replaced.clone(), m.appended, m.changed()), (vec![0], 1, true));
        let out = m.records;
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].name, "Ani remote");
        assert_eq!(out[2].name, "Citra new");
        assert!(!merge(&out, out.clone(), &mut MergeReport::default()).changed());
        assert_eq!(
            r,
            MergeReport { added: 1, updated: 1, unchanged: 1, conflicts: vec![("Ani remote".into(), true), ("Citra old".into(), false)] }
        );
    }
}

#[cfg(test)]
mod parts_tests {
    use super::*;
    use crate::domain::frontdesk::Call;
    use crate::table::{codec, records_as_columns};

    #[test]
    fn parts_carried_as_stored_text_are_read_when_this_version_can() {
        let mut call = Call::blank(DateTime::UNIX_EPOCH);
        call.caller = "Bu Sari".into();
        // As a build before 2026-12-01 stored a year typed 0226: it could not read it back.
        call.at = crate::domain::dates::parse_datetime("0226-12-01T09:30");
        let chunk = format!("7;{}", codec::encode_columns(records_as_columns(std::slice::from_ref(&call))));
        let parts = [("calls.0".to_string(), chunk), ("contacts.2".to_string(), "3;rusak".to_string())];
        let file = export(&[], None, &parts, None, DateTime::UNIX_EPOCH);
        let got = parse(file.as_bytes()).unwrap();
        assert_eq!(got.calls, Some(vec![call]));
        assert_eq!(got.parts, vec![("calls.0".to_string(), true), ("contacts.2".to_string(), false)]);
        // The same file read through the JSON tree (the path older files take).
        let tree = parse_tree(file.as_bytes()).unwrap();
        assert_eq!(tree.parts, got.parts);
    }

    #[test]
    fn the_audit_trail_travels_beside_the_collections_and_older_readers_pass_it_by() {
        let rows = |r: std::ops::Range<usize>| {
            crate::table::records_as_columns(&[serde_json::json!({"seq": 1, "action": "create", "hash": "ab"})][r])
        };
        let audit = ExportList { name: "audit", len: 1, rows: &rows };
        let file = export(&[], None, &[], Some(&audit), DateTime::UNIX_EPOCH);
        let v: Value = serde_json::from_str(&file).unwrap();
        assert_eq!(v["audit"][0]["action"], "create");
        assert!(v["collections"].get("audit").is_none());
        let got = parse(file.as_bytes()).unwrap();
        assert!(got.unknown.is_empty(), "not an unknown collection: {:?}", got.unknown);
        let trail = got.audit.expect("the file's log is read");
        assert_eq!((trail.len(), trail[0].seq, trail[0].hash.as_str()), (1, 1, "ab"));
    }
}
