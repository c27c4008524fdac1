//! A backup with its attachments: one ZIP archive holding the backup file as Export writes
//! it (`backoffice-backup.json`), each attachment as it was added (`attachments/<id>/<name>`, stored,
//! so unpacking the archive by hand gives the files back), and a list of them with what the
//! app keeps beside each file (`attachments.json`). Pure: the browser side streams the files.
//! An encrypted archive holds the backup file encrypted, the list encrypted the same way
//! (`domain::sealed_backup`), and each file sealed by the same key under its id alone.
use serde::{Deserialize, Serialize};

use super::attachments::{owner_parts, MAX_BYTES};
use super::zip::Entry;

pub const BACKUP_PART: &str = "backoffice-backup.json";
pub const LIST_PART: &str = "attachments.json";
const FORMAT: &str = "backoffice-attachments";
const VERSION: u32 = 1;
/// A list of 100,000 attachments is a few MB; a bigger one is not ours.
pub const MOST_LIST_BYTES: usize = 32 << 20;

/// An attachment as the archive lists it: the stored object without its file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub owner: String,
    #[serde(default)]
    pub title: String,
    pub name: String,
    #[serde(default, rename = "type")]
    pub mime: String,
    pub size: u64,
    /// Milliseconds since 1970, as the browser keeps them.
    pub added: f64,
    #[serde(default)]
    pub removed: Option<f64>,
    /// Where its file is in the archive.
    pub path: String,
}

#[derive(Serialize, Deserialize)]
struct List {
    format: String,
    version: u32,
    files: Vec<Attachment>,
}

/// The archive's name beside the backup file's: `backoffice-backup-2026-12-03.zip`.
pub fn file_name(json_name: &str) -> String {
    format!("{}.zip", json_name.strip_suffix(".json").unwrap_or(json_name))
}

/// A file name that unpacks as itself everywhere: no folders, nothing a file system refuses.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c }).take(120).collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "file".into()
    } else {
        trimmed.to_string()
    }
}

/// Where an attachment's file goes in the archive: a folder per attachment, so two files
/// of one name never meet.
pub fn path(id: &str, name: &str) -> String {
    format!("attachments/{}/{}", safe_name(id), safe_name(name))
}

/// Where an attachment's file goes in an encrypted archive: its id alone (its name is in the
/// sealed list).
pub fn sealed_path(id: &str) -> String {
    format!("attachments/{}.sealed", safe_name(id))
}

/// What an attachment's file is sealed with in an encrypted archive: bound to its id.
pub fn sealed_aad(id: &str) -> String {
    format!("file:{id}")
}

pub fn list_text(files: &[Attachment]) -> Vec<u8> {
    serde_json::to_vec(&List { format: FORMAT.into(), version: VERSION, files: files.to_vec() }).expect("attachments serialise")
}

/// Why an archive's attachments cannot be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListError {
    NotJson,
    Foreign,
    Newer(u32),
}

/// The attachments an archive holds, each with its part; `left_out` counts those listed
/// whose file is missing, of the wrong size, too big or not ours to take (a bad id or
/// owner), and ids listed twice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub files: Vec<(Attachment, Entry)>,
    pub left_out: usize,
}

impl Found {
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|(a, _)| a.size).sum()
    }
}

fn usable(a: &Attachment) -> bool {
    let id_ok = !a.id.is_empty() && a.id.len() <= 64 && a.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    id_ok && owner_parts(&a.owner).is_some() && a.size > 0 && a.size <= MAX_BYTES && a.added.is_finite()
}

/// Reads the archive's list against the parts its directory holds.
pub fn found(list: &[u8], parts: &[Entry]) -> Result<Found, ListError> {
    found_in(list, parts, 0)
}

/// [`found`] for an encrypted archive's (opened) list: each part is its file sealed, so
/// longer by the nonce and the tag.
pub fn found_sealed(list: &[u8], parts: &[Entry]) -> Result<Found, ListError> {
    found_in(list, parts, crate::crypto::SEAL_OVERHEAD as u64)
}

fn found_in(list: &[u8], parts: &[Entry], overhead: u64) -> Result<Found, ListError> {
    let value: serde_json::Value = serde_json::from_slice(list).map_err(|_| ListError::NotJson)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ListError::Foreign);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > VERSION as u64 {
        return Err(ListError::Newer(version.min(u32::MAX as u64) as u32));
    }
    let files = value.get("files").and_then(|f| f.as_array()).ok_or(ListError::Foreign)?;
    let mut out = Found::default();
    let mut seen = std::collections::HashSet::new();
    let by_name: std::collections::HashMap<&str, &Entry> = parts.iter().map(|e| (e.name.as_str(), e)).collect();
    for f in files {
        let part = serde_json::from_value::<Attachment>(f.clone()).ok().filter(usable).and_then(|a| {
            let e = by_name.get(a.path.as_str()).filter(|e| e.content.size == a.size + overhead && matches!(e.content.method, 0 | 8))?;
            seen.insert(a.id.clone()).then(|| (a, (*e).clone()))
        });
        match part {
            Some(p) => out.files.push(p),
            None => out.left_out += 1,
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "backup_zip_tests.rs"]
mod tests;
