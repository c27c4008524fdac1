//! The storage seam against the browser's real localStorage (headless Chromium):
//! quota refusal with rollback, corrupted keys, newer schema, revisions, migration.
#![cfg(target_arch = "wasm32")]

use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::storage::{chunk_key, doc_key, usage, Backend, Db, Edit, LocalStorageBackend, StorageError, META_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn raw() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh() -> Db {
    raw().clear().unwrap();
    Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap().0
}

fn contacts(n: usize) -> Vec<Contact> {
    (0..n)
        .map(|i| {
            let mut c = Contact::blank("2026-11-22T08:00:00Z".parse().unwrap());
            // Random text, so the records do not compress away.
            c.set("name", &format!("Kontak {i} {}", uuid::Uuid::new_v4()));
            c.set("emails", &format!("kontak{i}@contoh.co.id"));
            c
        })
        .collect()
}

/// Fills localStorage with filler keys until less than ~1,000 characters are left.
fn fill_storage() {
    let s = raw();
    let mut i = 0;
    for step in [1_000_000usize, 100_000, 10_000, 1_000] {
        loop {
            if s.set_item(&format!("filler{i}"), &"x".repeat(step)).is_err() {
                break;
            }
            i += 1;
        }
    }
}

fn remove_filler() {
    let s = raw();
    let keys: Vec<String> = (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).filter(|k| k.starts_with("filler")).collect();
    for k in keys {
        s.remove_item(&k).unwrap();
    }
}

#[wasm_bindgen_test]
fn quota_exceeded_is_refused_and_nothing_is_lost() {
    let mut db = fresh();
    db.save("contacts", &contacts(3)).unwrap();
    let before = (raw().get_item(&doc_key("contacts")).unwrap(), raw().get_item(&chunk_key("contacts", 0)).unwrap());
    fill_storage();
    assert_eq!(db.save("contacts", &contacts(40)), Err(StorageError::Quota));
    // One record more in the same chunk: an edit, refused just the same.
    let mut more = db.load_list::<Contact>("contacts").unwrap().unwrap();
    more.extend(contacts(40));
    assert_eq!(db.save_edit("contacts", &more, &Edit::appended(40)), Err(StorageError::Quota));
    let after = (raw().get_item(&doc_key("contacts")).unwrap(), raw().get_item(&chunk_key("contacts", 0)).unwrap());
    assert_eq!(after, before, "stored text untouched");
    let back: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(back.len(), 3);
    remove_filler();
    db.save_edit("contacts", &more, &Edit::appended(40)).unwrap();
    assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), more);
    raw().clear().unwrap();
}

/// Saving a record writes the list's patch; with the quota full, a save that would grow it
/// is refused with every key as it was, and the patch reads back over its chunk.
#[wasm_bindgen_test]
fn a_saved_record_goes_to_the_patch_and_a_full_quota_leaves_it_as_it_was() {
    let mut db = fresh();
    let mut all = contacts(200);
    db.save("contacts", &all).unwrap();
    all[3].set("role", "Direktur");
    db.save_edit("contacts", &all, &Edit::replaced(3)).unwrap();
    // Chunks 0 and 1 hold the list; the patch is chunk 2.
    assert!(raw().get_item(&chunk_key("contacts", 2)).unwrap().is_some());
    let reopened = || Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap().0;
    assert_eq!(reopened().load_list::<Contact>("contacts").unwrap().unwrap(), all);
    let keys = || [doc_key("contacts"), chunk_key("contacts", 0), chunk_key("contacts", 2)].map(|k| raw().get_item(&k).unwrap());
    let before = keys();
    fill_storage();
    let mut more = all.clone();
    for c in &mut more[10..20] {
        c.set("notes", &contacts(20).into_iter().map(|c| c.name).collect::<Vec<_>>().join(" "));
    }
    let edit = Edit { replaced: (10..20).collect(), ..Default::default() };
    assert_eq!(db.save_edit("contacts", &more, &edit), Err(StorageError::Quota));
    assert_eq!(keys(), before, "stored text untouched");
    remove_filler();
    assert_eq!(reopened().load_list::<Contact>("contacts").unwrap().unwrap(), all);
    db.save_edit("contacts", &more, &edit).unwrap();
    assert_eq!(reopened().load_list::<Contact>("contacts").unwrap().unwrap(), more);
    raw().clear().unwrap();
}

#[wasm_bindgen_test]
fn corrupted_key_is_reported_and_never_overwritten() {
    let mut db = fresh();
    db.save("settings", &serde_json::json!({"company_name":"PT Maju"})).unwrap();
    raw().set_item(&doc_key("contacts"), "{\"schema\":2,\"rev\":1,\"data\":[{").unwrap();
    let mut db2 = Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap().0;
    assert_eq!(db2.load::<Vec<Contact>>("contacts").unwrap(), None);
    assert!(db2.unreadable().contains_key("contacts"));
    assert_eq!(db2.save("contacts", &contacts(1)), Err(StorageError::Unreadable("contacts".into())));
    assert_eq!(raw().get_item(&doc_key("contacts")).unwrap().unwrap(), "{\"schema\":2,\"rev\":1,\"data\":[{");
    let s: serde_json::Value = db2.load("settings").unwrap().unwrap();
    assert_eq!(s["company_name"], "PT Maju");
    drop(db);
}

#[wasm_bindgen_test]
fn a_corrupted_chunk_costs_only_its_records() {
    let mut db = fresh();
    let all = contacts(300);
    db.save("contacts", &all).unwrap();
    raw().set_item(&chunk_key("contacts", 0), "1;\u{900}broken").unwrap();
    let mut db2 = Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap().0;
    let mut seen = db2.load_list::<Contact>("contacts").unwrap().unwrap();
    assert_eq!(seen, all[backoffice::storage::layout::CHUNK..].to_vec());
    assert!(db2.unreadable().contains_key("contacts.0"));
    seen[0].set("role", "Masih bisa diubah");
    db2.save_edit("contacts", &seen, &Edit::replaced(0)).unwrap();
    assert_eq!(raw().get_item(&chunk_key("contacts", 0)).unwrap().unwrap(), "1;\u{900}broken");
    drop(db);
}

#[wasm_bindgen_test]
fn newer_schema_is_read_only() {
    raw().clear().unwrap();
    raw().set_item(META_KEY, r#"{"schema_version":7,"revisions":{}}"#).unwrap();
    let (mut db, report) = Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.newer, Some(7));
    assert_eq!(db.save("contacts", &contacts(1)), Err(StorageError::ReadOnly));
    assert_eq!(raw().get_item(&doc_key("contacts")).unwrap(), None);
}

#[wasm_bindgen_test]
fn revisions_stop_a_stale_writer() {
    let mut tab1 = fresh();
    let mut tab2 = Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap().0;
    tab1.load::<Vec<Contact>>("contacts").unwrap();
    tab2.load::<Vec<Contact>>("contacts").unwrap();
    tab1.save("contacts", &contacts(2)).unwrap();
    assert_eq!(tab2.save("contacts", &contacts(1)), Err(StorageError::Conflict("contacts".into())));
    assert_eq!(tab2.load::<Vec<Contact>>("contacts").unwrap().unwrap().len(), 2);
}

#[wasm_bindgen_test]
fn old_schema_migrates_in_real_storage() {
    raw().clear().unwrap();
    raw().set_item(META_KEY, r#"{"schema_version":1,"revisions":{"contacts":1}}"#).unwrap();
    let v1 = r#"{"schema":1,"rev":1,"data":[{"id":"x","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","name":"Budi","email":"budi@x.id"}]}"#;
    raw().set_item(&doc_key("contacts"), v1).unwrap();
    let (mut db, report) = Db::open(Box::new(LocalStorageBackend::new().unwrap()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.migrated_from, Some(1));
    let c: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(c[0].emails, vec!["budi@x.id"]);
    assert_eq!(db.premigration_copy(1).unwrap()[&doc_key("contacts")], v1);
    assert!(raw().get_item(&chunk_key("contacts", 0)).unwrap().is_some());
}

#[wasm_bindgen_test]
fn usage_counts_what_is_stored() {
    let db = fresh();
    raw().set_item("k", &"é".repeat(1000)).unwrap();
    let b = LocalStorageBackend::new().unwrap();
    let used = usage(&b);
    let meta = b.get(META_KEY).unwrap().unwrap();
    assert_eq!(used, 1 + 1000 + META_KEY.len() + meta.len());
    drop(db);
}
