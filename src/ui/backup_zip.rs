//! A backup with its attachments, as one ZIP archive (domain/backup_zip.rs): written file by
//! file from IndexedDB into a Blob of parts, so the browser never copies every attachment
//! into memory at once; read back by slices of the chosen file, each attachment checked
//! against its checksum before it is stored. Part of the attachments part of the wasm.
use std::collections::HashSet;

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::JsValue;

use super::attachments::{number, text};
use super::files::{blob_of, read_range, save};
use super::state::AppState;
use crate::crypto::Cipher;
use crate::domain::attachments::MAX_BYTES;
use crate::domain::backup_zip::{self as rules, Attachment, Found, ListError, BACKUP_PART, LIST_PART, MOST_LIST_BYTES};
use crate::domain::sealed_backup::{self, FileKey};
use crate::domain::zip::{self, Content, Entry, Writer, ZipError};
use crate::storage::idb;

/// The largest backup file taken out of an archive: a full store (5 M characters of
/// localStorage, packed) is some 40 MB as a backup; more is a zip bomb.
const MOST_BACKUP_BYTES: usize = 128 << 20;

fn too_large(app: &AppState) -> String {
    app.t("attach.zip_too_large").into()
}

/// What an export wrote: the files in the archive, and those the browser could not give
/// back (named, so a backup is never thought whole when it is not).
pub struct Exported {
    pub files: usize,
    pub missing: Vec<String>,
}

/// Downloads `json` (the backup file as Export writes it) and every attachment, those in
/// the trash too, as one archive; with `key` (the one `json` is encrypted with), the list and
/// every file are encrypted by it too.
pub async fn export(app: AppState, json_name: String, json: String, key: Option<FileKey>) -> Result<Exported, String> {
    let failed = |why: String| app.tf("attach.failed", &[("why", why)]);
    let stored = idb::files(None).await.map_err(|e| failed(e.to_string()))?;
    let mut w = Writer::default();
    let parts = Array::new();
    let push = |header: Vec<u8>, body: &JsValue| {
        parts.push(&Uint8Array::from(header.as_slice()));
        parts.push(body);
    };
    let (c, packed) = Content::deflated(json.as_bytes());
    drop(json);
    push(w.part(BACKUP_PART, c).map_err(|_| too_large(&app))?, &Uint8Array::from(packed.as_slice()));
    let mut listed = vec![];
    let mut missing = vec![];
    for v in stored {
        // An encrypted store's files go into the archive as they were added.
        let blob = super::attachments_seal::file(&v).await;
        let v = super::attachments_seal::opened(v);
        // The checksum needs the bytes; the archive takes the stored file itself.
        let bytes = match &blob {
            Some(blob) => read_range(blob, 0, blob.size() as u64).await,
            None => None,
        };
        let (Some(blob), Some(bytes)) = (blob, bytes) else {
            missing.push(text(&v, "name"));
            continue;
        };
        let mut a = Attachment {
            id: text(&v, "id"),
            owner: text(&v, "owner"),
            title: text(&v, "title"),
            name: text(&v, "name"),
            mime: blob.type_(),
            size: bytes.len() as u64,
            added: number(&v, "added").unwrap_or(0.0),
            removed: number(&v, "removed"),
            path: rules::path(&text(&v, "id"), &text(&v, "name")),
        };
        let added = chrono::DateTime::from_timestamp_millis(a.added as i64).unwrap_or_default();
        let when = zip::dos_time(super::state::local(added).naive_local());
        match &key {
            Some((_, data_key)) => {
                let sealed = Cipher::new(data_key).seal(super::passphrase::random, &rules::sealed_aad(&a.id), &bytes);
                a.path = rules::sealed_path(&a.id);
                // Undated: when a file was added is in the sealed list, not beside it.
                push(w.part(&a.path, Content::stored(&sealed)).map_err(|_| too_large(&app))?, &Uint8Array::from(sealed.as_slice()));
            }
            None => push(w.part_dated(&a.path, Content::stored(&bytes), when).map_err(|_| too_large(&app))?, &blob),
        }
        listed.push(a);
    }
    let list = rules::list_text(&listed);
    let list = match &key {
        Some((lock, data_key)) => {
            let text = String::from_utf8(list).expect("the list is JSON");
            sealed_backup::seal(&text, lock, data_key, super::passphrase::random).into_bytes()
        }
        None => list,
    };
    let (c, packed) = Content::deflated(&list);
    push(w.part(LIST_PART, c).map_err(|_| too_large(&app))?, &Uint8Array::from(packed.as_slice()));
    parts.push(&Uint8Array::from(w.finish().map_err(|_| too_large(&app))?.as_slice()));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/zip");
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &opts).map_err(|_| failed("Blob".into()))?;
    save(&rules::file_name(&json_name), blob);
    Ok(Exported { files: listed.len(), missing })
}

/// An archive chosen for import: its backup file's bytes and the attachments it holds.
pub struct Opened {
    pub json: Vec<u8>,
    pub found: Found,
    file: web_sys::File,
    entries: Vec<Entry>,
    /// An encrypted archive's list, read once its key is known ([`Opened::unseal`]).
    sealed_list: Option<Vec<u8>>,
    /// The key its files are sealed by.
    key: Option<[u8; 32]>,
}

impl Opened {
    /// An encrypted archive's list read with `key` (the data key of its backup file), so
    /// its files can be shown and restored.
    pub fn unseal(&mut self, key: &[u8; 32]) -> Result<(), String> {
        let Some(list) = &self.sealed_list else { return Ok(()) };
        let list = sealed_backup::read(list).and_then(|f| f.open_with_key(key)).map_err(|_| "attachments.json".to_string())?;
        self.found = rules::found_sealed(&list, &self.entries).map_err(|_| "attachments.json".to_string())?;
        self.key = Some(*key);
        Ok(())
    }
}

fn zip_error(app: &AppState, e: ZipError) -> String {
    app.t(match e {
        ZipError::NotZip | ZipError::Damaged => "attach.zip_damaged",
        ZipError::Unsupported => "attach.zip_unsupported",
        ZipError::TooLarge => "attach.zip_import_too_large",
    })
    .into()
}

/// A part's bytes, read from the file alone and checked.
async fn part(file: &web_sys::File, e: &Entry, limit: usize) -> Result<Vec<u8>, ZipError> {
    let (from, packed) = located(file, e).await?;
    if e.content.size > limit as u64 {
        return Err(ZipError::TooLarge);
    }
    let bytes = read_range(file, from, from + packed).await.ok_or(ZipError::Damaged)?;
    zip::unpack(&e.content, &bytes, limit)
}

/// Where a part's packed bytes start in the file, and how many there are.
async fn located(file: &web_sys::File, e: &Entry) -> Result<(u64, u64), ZipError> {
    let header = read_range(file, e.local, e.local + zip::LOCAL_LEN as u64).await.ok_or(ZipError::Damaged)?;
    let from = e.local + zip::data_offset(&header)?;
    if from + e.content.packed > file.size() as u64 {
        return Err(ZipError::Damaged);
    }
    Ok((from, e.content.packed))
}

/// Reads an archive's directory, its backup file and its list of attachments; the
/// attachments themselves are read when the import is applied.
pub async fn open(app: AppState, file: web_sys::File) -> Result<Opened, String> {
    let len = file.size() as u64;
    let tail = read_range(&file, len.saturating_sub(zip::TAIL_LEN as u64), len).await.ok_or_else(|| zip_error(&app, ZipError::Damaged))?;
    let d = zip::directory(&tail).map_err(|e| zip_error(&app, e))?;
    if d.start + d.len > len {
        return Err(zip_error(&app, ZipError::Damaged));
    }
    let dir = read_range(&file, d.start, d.start + d.len).await.ok_or_else(|| zip_error(&app, ZipError::Damaged))?;
    let entries = zip::entries(&dir, d.count).map_err(|e| zip_error(&app, e))?;
    let Some(backup) = entries.iter().find(|e| e.name == BACKUP_PART) else { return Err(app.t("attach.zip_not_backup").into()) };
    let json = part(&file, backup, MOST_BACKUP_BYTES).await.map_err(|e| zip_error(&app, e))?;
    let mut sealed_list = None;
    let found = match entries.iter().find(|e| e.name == LIST_PART) {
        Some(list) => {
            let list = part(&file, list, MOST_LIST_BYTES).await.map_err(|e| zip_error(&app, e))?;
            if sealed_backup::is_sealed(&list) {
                sealed_list = Some(list);
                Found::default()
            } else {
                rules::found(&list, &entries).map_err(|e| match e {
                    ListError::Newer(v) => app.tf("attach.zip_newer", &[("v", v.to_string())]),
                    ListError::NotJson | ListError::Foreign => app.t("attach.zip_damaged").into(),
                })?
            }
        }
        None => Found::default(),
    };
    Ok(Opened { json, found, file, entries, sealed_list, key: None })
}

/// What storing an archive's attachments did.
#[derive(Default)]
pub struct Restored {
    pub stored: usize,
    /// Already in this browser (a merge keeps its own).
    pub kept: usize,
    /// Of records neither the imported data nor this browser holds: stored, nobody could
    /// ever see or open them.
    pub no_record: usize,
    /// Their bytes did not match their checksum (the archive was damaged after it was made).
    pub damaged: Vec<String>,
}

/// The stored object for an attachment and its file.
fn object(a: &Attachment, blob: &web_sys::Blob) -> JsValue {
    let o = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&o, &k.into(), &v);
    };
    set("id", a.id.as_str().into());
    set("owner", a.owner.as_str().into());
    set("title", a.title.as_str().into());
    set("name", a.name.as_str().into());
    set("type", a.mime.as_str().into());
    set("size", (a.size as f64).into());
    set("added", a.added.into());
    set("removed", a.removed.map_or(JsValue::NULL, JsValue::from));
    set("blob", blob.into());
    o.into()
}

/// Stores the archive's attachments, one at a time; with `replace`, one of the same id is
/// written over, else this browser's copy is kept.
pub async fn restore(app: AppState, opened: Opened, replace: bool, alive: &HashSet<String>) -> Result<Restored, String> {
    let mut r = Restored::default();
    for (a, e) in &opened.found.files {
        if !alive.contains(&a.owner) {
            r.no_record += 1;
            continue;
        }
        if !replace && matches!(idb::file(&a.id).await, Ok(Some(_))) {
            r.kept += 1;
            continue;
        }
        // The chosen file moved or changed since its preview: nothing more can be read.
        let Some(header) = read_range(&opened.file, e.local, e.local + zip::LOCAL_LEN as u64).await else {
            return Err(app.t("attach.zip_unreadable").into());
        };
        let checked = zip::data_offset(&header).map(|off| e.local + off).and_then(|from| {
            if from + e.content.packed > opened.file.size() as u64 {
                Err(ZipError::Damaged)
            } else {
                Ok(from)
            }
        });
        let Ok(from) = checked else {
            r.damaged.push(a.name.clone());
            continue;
        };
        let Some(bytes) = read_range(&opened.file, from, from + e.content.packed).await else {
            return Err(app.t("attach.zip_unreadable").into());
        };
        let unpacked = zip::unpack(&e.content, &bytes, MAX_BYTES as usize + crate::crypto::SEAL_OVERHEAD).ok();
        // An encrypted archive's file opens with its key, or it is damaged.
        let unpacked = match &opened.key {
            Some(key) => unpacked.and_then(|d| Cipher::new(key).open(&rules::sealed_aad(&a.id), &d).ok()),
            None => unpacked,
        };
        let blob = unpacked.and_then(|data| blob_of(&data, &a.mime));
        match blob {
            Some(blob) => {
                let failed = |e: crate::storage::StorageError| app.tf("attach.failed", &[("why", e.to_string())]);
                idb::put_file(&super::attachments_seal::stored(object(a, &blob)).await.map_err(failed)?).await.map_err(failed)?;
                r.stored += 1;
            }
            None => r.damaged.push(a.name.clone()),
        }
    }
    Ok(r)
}

/// Says what storing an archive's attachments did.
pub fn report(app: &AppState, r: Restored) {
    if !r.damaged.is_empty() {
        app.error(app.tf("attach.zip_damaged_files", &[("n", r.damaged.len().to_string()), ("names", r.damaged.join(", "))]));
    }
    if r.stored > 0 {
        app.info(app.tf("attach.zip_restored", &[("n", r.stored.to_string())]));
    }
    if r.kept > 0 {
        app.info(app.tf("attach.zip_kept", &[("n", r.kept.to_string())]));
    }
    if r.no_record > 0 {
        app.info(app.tf("attach.zip_no_record", &[("n", r.no_record.to_string())]));
    }
}
