//! The storage engine's guarantees, against the in-memory backend.
use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::storage::layout::CHUNK;
use backoffice::storage::{doc_key, Backend, Db, MemoryBackend, StorageError, META_KEY};
use serde_json::json;

fn contact(name: &str) -> Contact {
    let mut c = Contact::blank("2026-11-22T08:00:00Z".parse().unwrap());
    c.set("name", name);
    c
}

/// Records that do not compress away: each name is random.
fn many(n: usize) -> Vec<Contact> {
    (0..n).map(|_| contact(&uuid::Uuid::new_v4().to_string())).collect()
}

fn open(b: &MemoryBackend) -> Db {
    Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().0
}

#[test]
fn save_and_load_touch_only_their_collection() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    db.save("settings", &json!({"company_name":"PT Maju"})).unwrap();
    let settings_before = b.get(&doc_key("settings")).unwrap();
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    assert_eq!(b.get(&doc_key("settings")).unwrap(), settings_before);
    let back: Vec<Contact> = open(&b).load("contacts").unwrap().unwrap();
    assert_eq!(back[0].name, "Ani");
}

#[test]
fn quota_full_refuses_and_keeps_what_was_stored() {
    let b = MemoryBackend::new(2_000);
    let mut db = open(&b);
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    assert_eq!(db.save("contacts", &many(200)), Err(StorageError::Quota));
    let back: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(back.len(), 1);
    // After the refusal this tab can still write a small change.
    db.save("contacts", &vec![contact("Ani"), contact("Budi")]).unwrap();
}

#[test]
fn save_many_is_all_or_nothing() {
    let b = MemoryBackend::new(3_000);
    let mut db = open(&b);
    db.save("settings", &json!({"company_name":"Lama"})).unwrap();
    let big = serde_json::to_string(&many(400)).unwrap();
    assert_eq!(db.save_many(&[("settings", r#"{"company_name":"Baru"}"#), ("contacts", &big)]), Err(StorageError::Quota));
    let s: serde_json::Value = db.load("settings").unwrap().unwrap();
    assert_eq!(s["company_name"], "Lama");
}

#[test]
fn second_tab_never_silently_overwrites() {
    let b = MemoryBackend::new(1_000_000);
    let mut tab1 = open(&b);
    let mut tab2 = open(&b);
    tab1.load::<Vec<Contact>>("contacts").unwrap();
    tab2.load::<Vec<Contact>>("contacts").unwrap();
    tab1.save("contacts", &vec![contact("From tab 1")]).unwrap();
    assert!(tab2.is_stale("contacts"));
    assert_eq!(tab2.save("contacts", &vec![contact("From tab 2")]), Err(StorageError::Conflict("contacts".into())));
    let seen: Vec<Contact> = tab2.load("contacts").unwrap().unwrap();
    assert_eq!(seen[0].name, "From tab 1");
    tab2.save("contacts", &vec![seen[0].clone(), contact("From tab 2")]).unwrap();
    assert_eq!(tab1.load::<Vec<Contact>>("contacts").unwrap().unwrap().len(), 2);
}

#[test]
fn corrupted_collection_is_kept_aside_and_the_rest_works() {
    let b = MemoryBackend::new(1_000_000);
    open(&b).save("settings", &json!({"company_name":"PT Maju"})).unwrap();
    b.set(&doc_key("contacts"), "{\"schema\":2,\"rev\":1,\"data\":[{\"nam").unwrap();
    let mut db = open(&b);
    assert_eq!(db.load::<Vec<Contact>>("contacts").unwrap(), None);
    assert!(db.unreadable()["contacts"].raw.ends_with("[{\"nam"));
    assert_eq!(db.save("contacts", &vec![contact("X")]), Err(StorageError::Unreadable("contacts".into())));
    assert!(b.get(&doc_key("contacts")).unwrap().unwrap().ends_with("[{\"nam"), "never overwritten");
    let s: serde_json::Value = db.load("settings").unwrap().unwrap();
    assert_eq!(s["company_name"], "PT Maju");
    db.discard_unreadable("contacts").unwrap();
    db.save("contacts", &vec![contact("X")]).unwrap();
}

#[test]
fn records_of_the_wrong_shape_are_unreadable_too() {
    let b = MemoryBackend::new(1_000_000);
    b.set(&doc_key("contacts"), r#"{"schema":2,"rev":1,"data":[{"name":7}]}"#).unwrap();
    let mut db = open(&b);
    assert_eq!(db.load::<Vec<Contact>>("contacts").unwrap(), None);
    assert!(db.unreadable().contains_key("contacts"));
}

#[test]
fn newer_schema_opens_read_only() {
    let b = MemoryBackend::new(1_000_000);
    b.set(META_KEY, r#"{"schema_version":99,"revisions":{"contacts":1}}"#).unwrap();
    b.set(&doc_key("contacts"), &format!(r#"{{"schema":99,"rev":1,"data":{}}}"#, serde_json::to_string(&vec![contact("Ani")]).unwrap()))
        .unwrap();
    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.newer, Some(99));
    assert!(db.is_read_only());
    let seen: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(seen[0].name, "Ani");
    assert_eq!(db.save("contacts", &Vec::<Contact>::new()), Err(StorageError::ReadOnly));
    assert_eq!(b.get(META_KEY).unwrap().unwrap(), r#"{"schema_version":99,"revisions":{"contacts":1}}"#);
}

/// One list's head written by a newer build, the meta still current (a newer tab saved
/// that list, or the meta was rebuilt by this version): nothing may be saved over it, and it
/// is not migrated either, even when the meta is older.
#[test]
fn a_list_written_by_a_newer_build_makes_the_store_read_only() {
    let newer_head = format!(r#"{{"schema":99,"rev":2,"data":{},"future":"x"}}"#, serde_json::to_string(&vec![contact("Ani")]).unwrap());
    for meta_version in [backoffice::registry::STORE.current, 1] {
        let b = MemoryBackend::new(1_000_000);
        b.set(META_KEY, &format!(r#"{{"schema_version":{meta_version},"revisions":{{"contacts":2}}}}"#)).unwrap();
        b.set(&doc_key("contacts"), &newer_head).unwrap();
        let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
        assert_eq!((report.newer, report.migrated_from), (Some(99), None), "meta at schema {meta_version}");
        assert!(db.is_read_only());
        assert_eq!(db.newer_schema(), Some(99));
        assert_eq!(db.save("settings", &json!({"company_name": "X"})), Err(StorageError::ReadOnly));
        assert_eq!(b.get(&doc_key("contacts")).unwrap().unwrap(), newer_head);
    }
}

/// Another tab running a newer build saves a list after this tab opened the store: this
/// tab's next save of that list is refused and the tab turns read-only.
#[test]
fn a_newer_build_saving_after_this_tab_opened_is_never_overwritten() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    assert_eq!(db.newer_schema(), None);
    let stored = b.get(&doc_key("contacts")).unwrap().unwrap();
    let newer = stored.replacen(&format!(r#""schema":{}"#, backoffice::registry::STORE.current), r#""schema":99"#, 1);
    assert_ne!(newer, stored);
    b.set(&doc_key("contacts"), &newer).unwrap();
    assert_eq!(db.save("contacts", &vec![contact("Budi")]), Err(StorageError::ReadOnly));
    assert!(db.is_read_only());
    assert_eq!(db.newer_schema(), Some(99));
    assert_eq!(b.get(&doc_key("contacts")).unwrap().unwrap(), newer);
    assert_eq!(db.save("settings", &json!({"company_name": "X"})), Err(StorageError::ReadOnly));
}

/// A store filled to 95 %: restoring its own backup (every list rewritten whole) and merging
/// a few records in both fit, since a rewrite takes the list's own keys again and a merge
/// writes only the chunks that change.
#[test]
fn a_nearly_full_store_takes_its_own_backup_back_and_a_small_merge() {
    use backoffice::storage::{Edit, Write};
    use backoffice::table::records_as_columns;
    let recs = many(3_000);
    let probe = MemoryBackend::new(usize::MAX);
    open(&probe).save("contacts", &recs).unwrap();
    let mut db_probe = open(&probe);
    let used = db_probe.used_chars();
    let quota = used * 100 / 95;
    let b = MemoryBackend::new(quota);
    let mut db = open(&b);
    db.save("contacts", &recs).unwrap();
    assert!(db.used_chars() * 100 >= quota * 94, "filled to {} of {quota}", db.used_chars());

    let rows = |r: std::ops::Range<usize>| records_as_columns(&recs[r]);
    db.write(vec![("contacts", Write::List { len: recs.len(), rows: &rows, edit: &Edit::all() })])
        .expect("a restore of the same records fits");
    let back: Vec<Contact> = open(&b).load_list("contacts").unwrap().unwrap();
    assert_eq!(back, recs);

    let mut more = recs.clone();
    more.extend(many(10));
    let rows = |r: std::ops::Range<usize>| records_as_columns(&more[r]);
    db.write(vec![("contacts", Write::List { len: more.len(), rows: &rows, edit: &Edit::appended(10) })]).expect("ten more fit");
    let back: Vec<Contact> = open(&b).load_list("contacts").unwrap().unwrap();
    assert_eq!(back.len(), 3_010);
}

/// A rewrite refused part way at a nearly full quota is undone whole: a chunk that shrank
/// (written first) and one that grew into the room it freed are both put back, the growing
/// one first, so the original records come back and the next save is no conflict.
#[test]
fn a_rewrite_refused_part_way_near_the_quota_is_undone_whole() {
    use backoffice::storage::{Edit, Write};
    use backoffice::table::records_as_columns;
    let recs = many(750);
    let probe = MemoryBackend::new(usize::MAX);
    open(&probe).save("contacts", &recs).unwrap();
    let used = open(&probe).used_chars();
    let b = MemoryBackend::new(used + 100);
    let mut db = open(&b);
    db.save("contacts", &recs).unwrap();
    let before = snapshot(&b);
    // Chunk 0 shrinks, chunk 1 grows into what chunk 0 freed, chunk 2 grows past the quota.
    let mut next = recs.clone();
    for (i, c) in next.iter_mut().enumerate() {
        let grow = match i / CHUNK {
            0 => String::new(),
            1 => uuid::Uuid::new_v4().simple().to_string()[..6].to_string(),
            _ => (0..4).map(|_| uuid::Uuid::new_v4().simple().to_string()).collect(),
        };
        c.name = if i < CHUNK { "a".into() } else { format!("{}{grow}", c.name) };
    }
    let rows = |r: std::ops::Range<usize>| records_as_columns(&next[r]);
    assert_eq!(db.write(vec![("contacts", Write::List { len: next.len(), rows: &rows, edit: &Edit::all() })]), Err(StorageError::Quota));
    assert_eq!(snapshot(&b), before, "every key as it was");
    let back: Vec<Contact> = open(&b).load_list("contacts").unwrap().unwrap();
    assert_eq!(back, recs);
    db.save("contacts", &recs[..10].to_vec()).unwrap();
}

fn snapshot(b: &MemoryBackend) -> Vec<(String, Option<String>)> {
    b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap())).collect()
}

const V1_CONTACTS: &str = r#"{"schema":1,"rev":3,"data":[{"id":"c1","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","name":"Budi","email":"budi@maju.co.id","phone":"0812 1111"}]}"#;

#[test]
fn older_schema_is_migrated_with_a_copy_kept() {
    let b = MemoryBackend::new(1_000_000);
    b.set(META_KEY, r#"{"schema_version":1,"revisions":{"contacts":3}}"#).unwrap();
    b.set(&doc_key("contacts"), V1_CONTACTS).unwrap();
    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.migrated_from, Some(1));
    assert!(!db.is_read_only());
    let c: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(c[0].emails, vec!["budi@maju.co.id"]);
    assert_eq!(c[0].phones, vec!["0812 1111"]);
    let kept = db.premigration_copy(1).unwrap();
    assert_eq!(kept[&doc_key("contacts")], V1_CONTACTS);
    // A second open does not migrate again.
    assert_eq!(Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().1.migrated_from, None);
    db.save("contacts", &c).unwrap();
}

/// The app opens a store without upgrading it, and fetches the upgrade's code only for a
/// store that needs one: until then not one key has changed.
#[test]
fn an_upgrade_left_pending_writes_nothing_until_it_runs() {
    let b = MemoryBackend::new(1_000_000);
    b.set(META_KEY, r#"{"schema_version":1,"revisions":{"contacts":3}}"#).unwrap();
    b.set(&doc_key("contacts"), V1_CONTACTS).unwrap();
    let before = snapshot(&b);
    let (mut db, mut report, pending) = Db::open_unmigrated(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    let pending = pending.expect("schema 1 needs an upgrade");
    assert_eq!(pending.from(), 1);
    assert_eq!(report.migrated_from, None);
    assert_eq!(snapshot(&b), before, "nothing written before the upgrade runs");
    db.migrate_pending(pending, &mut report);
    assert_eq!((report.migrated_from, report.migration_failed), (Some(1), None));
    let c: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(c[0].emails, vec!["budi@maju.co.id"]);
    // Up to date: nothing left pending.
    assert!(Db::open_unmigrated(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().2.is_none());
}

#[test]
fn migration_that_cannot_be_written_leaves_the_store_as_it_was() {
    let meta = r#"{"schema_version":1,"revisions":{"contacts":3}}"#;
    let used = META_KEY.len() + meta.len() + doc_key("contacts").len() + V1_CONTACTS.len();
    let b = MemoryBackend::new(used + 100); // no room for the pre-migration copy
    b.set(META_KEY, meta).unwrap();
    b.set(&doc_key("contacts"), V1_CONTACTS).unwrap();
    let (db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert!(report.migration_failed.is_some());
    assert!(db.is_read_only());
    assert_eq!(b.get(&doc_key("contacts")).unwrap().unwrap(), V1_CONTACTS);
    assert_eq!(b.get(META_KEY).unwrap().unwrap(), meta);
}

#[test]
fn corrupted_meta_is_rebuilt_from_the_collections() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    db.save("contacts", &vec![contact("Ani"), contact("Budi")]).unwrap();
    b.set(META_KEY, "not json").unwrap();
    let mut db = open(&b);
    assert_eq!(db.unreadable()["meta"].raw, "not json");
    assert_eq!(b.get("bo.aside.meta").unwrap().unwrap(), "not json");
    let c: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(c.len(), 2);
    db.save("contacts", &c).unwrap();
}

#[test]
fn reset_removes_only_our_keys() {
    let b = MemoryBackend::new(1_000_000);
    b.set("other-app", "keep me").unwrap();
    let mut db = open(&b);
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    db.reset_all().unwrap();
    assert_eq!(db.load::<Vec<Contact>>("contacts").unwrap(), None);
    assert_eq!(b.get("other-app").unwrap().unwrap(), "keep me");
}

#[test]
fn last_backup_is_remembered() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    assert_eq!(db.last_backup(), None);
    let t = "2026-11-01T00:00:00Z".parse().unwrap();
    db.set_last_backup(t).unwrap();
    assert_eq!(open(&b).last_backup(), Some(t));
}

#[test]
fn autosave_setting_is_kept_beside_the_last_backup_and_survives_saves() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    assert_eq!(db.autosave_keep(), 0, "off until a folder is chosen");
    db.set_autosave_keep(7).unwrap();
    let t = "2026-11-01T00:00:00Z".parse().unwrap();
    db.set_last_backup(t).unwrap();
    db.save("contacts", &vec![contact("Ani")]).unwrap();
    let again = open(&b);
    assert_eq!((again.autosave_keep(), again.last_backup()), (7, Some(t)));
    // Meta written before autosave existed reads as off; off is not written at all.
    db.set_autosave_keep(0).unwrap();
    assert!(!b.get(META_KEY).unwrap().unwrap().contains("autosave"));
}

#[test]
fn other_tab_data_arriving_before_its_meta_is_not_a_conflict() {
    // Chromium delivers another tab's writes key by key: the collection may arrive first.
    let b = MemoryBackend::new(1_000_000);
    let mut tab1 = open(&b);
    let mut tab2 = open(&b);
    tab1.load::<Vec<Contact>>("contacts").unwrap();
    let old_meta = b.get(META_KEY).unwrap().unwrap();
    tab2.save("contacts", &vec![contact("Dari tab 2")]).unwrap();
    b.set(META_KEY, &old_meta).unwrap(); // the meta key has not reached tab 1 yet
    let seen: Vec<Contact> = tab1.load("contacts").unwrap().unwrap();
    tab1.save("contacts", &vec![seen[0].clone(), contact("Dari tab 1")]).unwrap();
    assert_eq!(open(&b).load::<Vec<Contact>>("contacts").unwrap().unwrap().len(), 2);
}

#[test]
fn usage_is_kept_exact_without_rescanning() {
    let b = MemoryBackend::new(1_000_000);
    b.set("other-app", "ééé").unwrap();
    let mut db = open(&b);
    for i in 0..12 {
        db.save("contacts", &(0..i).map(|n| contact(&format!("Órang {n}"))).collect::<Vec<_>>()).unwrap();
        db.save("settings", &json!({"company_name": "x".repeat(i)})).unwrap();
        assert_eq!(db.used_chars(), backoffice::storage::usage(&b), "after save {i}");
    }
}
