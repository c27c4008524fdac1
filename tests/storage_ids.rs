//! Record ids made by this app (UUID version 8: time, counter, browser) and schema 5, which
//! stores them as time deltas: the room they save, the browser's node kept across visits,
//! and schema-4 stores opened as they are, even when nearly full.
use backoffice::domain::contact::Contact;
use backoffice::domain::ids;
use backoffice::domain::record::Entity;
use backoffice::domain::schema::CURRENT;
use backoffice::storage::{doc_key, Backend, Db, MemoryBackend, Schema, META_KEY};

fn open(b: &MemoryBackend) -> Db {
    Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().0
}

/// Contacts made a few minutes apart, as a clerk types them in, with names that do not
/// compress away.
fn typed_in(n: usize, id: impl Fn(i64) -> String) -> Vec<Contact> {
    let start: chrono::DateTime<chrono::Utc> = "2026-11-02T01:00:00Z".parse().unwrap();
    (0..n)
        .map(|i| {
            let at = start + chrono::Duration::seconds(i as i64 * 317);
            let mut c = Contact::blank(at);
            c.meta.id = id(at.timestamp_millis());
            c.set("name", &format!("Kontak {}", &uuid::Uuid::new_v4().simple().to_string()[..10]));
            c
        })
        .collect()
}

fn stored_chars(list: &[Contact]) -> usize {
    let b = MemoryBackend::new(10_000_000);
    let mut db = open(&b);
    db.save("contacts", list).unwrap();
    let back: Vec<Contact> = open(&b).load("contacts").unwrap().unwrap();
    assert_eq!(back, list, "read back as written");
    db.used_chars()
}

#[test]
fn ids_this_app_makes_take_a_fraction_of_the_room_of_random_ones() {
    ids::set_node(0x2A2A_2A2A_2A2A);
    let ours = stored_chars(&typed_in(600, ids::new_id_at));
    let random = stored_chars(&typed_in(600, |_| uuid::Uuid::new_v4().to_string()));
    // 600 random ids are 9,600 bytes no compressor shrinks: 5,120 characters.
    assert!(random - ours > 3_500, "ours {ours} characters, random {random}");
}

#[test]
fn a_browser_keeps_its_node_across_visits_and_a_reset() {
    let b = MemoryBackend::new(1_000_000);
    let first = open(&b).browser_node(|| 0x1234);
    assert_eq!(first, 0x1234);
    assert_eq!(open(&b).browser_node(|| 0x9999), 0x1234);
    let mut db = open(&b);
    db.reset_all().unwrap();
    assert_eq!(db.browser_node(|| 0x9999), 0x1234);
    // Another browser (another store) gets its own.
    assert_eq!(open(&MemoryBackend::new(1_000_000)).browser_node(|| 0x5555), 0x5555);
}

/// A store as schema 4 left it: the same keys, with 4 as every schema number.
fn as_schema_4(b: &MemoryBackend) {
    for k in b.keys().unwrap() {
        let v = b.get(&k).unwrap().unwrap();
        if k == META_KEY {
            b.set(&k, &v.replace(&format!("\"schema_version\":{CURRENT}"), "\"schema_version\":4")).unwrap();
        } else if k.starts_with("bo.c.") {
            b.set(&k, &v.replace(&format!("\"schema\":{CURRENT}"), "\"schema\":4")).unwrap();
        }
    }
}

#[test]
fn a_nearly_full_schema_4_store_opens_as_it_is_and_an_older_build_will_not_write_over_it() {
    let list = typed_in(400, |_| uuid::Uuid::new_v4().to_string());
    let filled = MemoryBackend::new(10_000_000);
    open(&filled).save("contacts", &list).unwrap();
    as_schema_4(&filled);
    let used: usize = filled.keys().unwrap().iter().map(|k| k.len() + filled.get(k).unwrap().unwrap().len()).sum();
    // No room for a second copy: a rewriting migration would have to refuse.
    let b = MemoryBackend::new(used + 50);
    for k in filled.keys().unwrap() {
        b.set(&k, &filled.get(&k).unwrap().unwrap()).unwrap();
    }
    let before: Vec<(String, String)> = b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap().unwrap())).collect();

    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!((report.migrated_from, report.migration_failed, report.newer), (None, None, None));
    assert!(!db.is_read_only());
    for (k, v) in &before {
        let now = b.get(k).unwrap().unwrap();
        if k == META_KEY {
            assert!(now.contains(&format!("\"schema_version\":{CURRENT}")), "{now}");
        } else {
            assert_eq!(&now, v, "{k} was rewritten");
        }
    }
    let back: Vec<Contact> = db.load("contacts").unwrap().unwrap();
    assert_eq!(back, list);

    // Saved by this build, the list is of this schema: a schema-4 build opens it read-only.
    let mut changed = back.clone();
    changed[0].set("name", "Budi Santoso");
    db.save("contacts", &changed).unwrap();
    assert!(b.get(&doc_key("contacts")).unwrap().unwrap().contains(&format!("\"schema\":{CURRENT}")));
    fn no_migration(_: &mut backoffice::domain::schema::Docs, _: u32) -> Result<(), String> {
        Ok(())
    }
    static V4: Schema = Schema { current: 4, records_changed_at: 4, migrate: no_migration, small_chunks: &[] };
    let (old, report) = Db::open(Box::new(b.clone()), &V4).unwrap();
    assert_eq!(report.newer, Some(CURRENT));
    assert!(old.is_read_only());
}

#[test]
fn a_tab_opened_before_a_newer_build_took_the_store_over_discards_nothing() {
    let b = MemoryBackend::new(1_000_000);
    let mut db = open(&b);
    db.save("contacts", &typed_in(3, ids::new_id_at)).unwrap();
    // A newer build opens the store in another tab and writes a list this one cannot read.
    let newer = format!("\"schema_version\":{}", CURRENT + 1);
    b.set(META_KEY, &b.get(META_KEY).unwrap().unwrap().replace(&format!("\"schema_version\":{CURRENT}"), &newer)).unwrap();
    let before: Vec<_> = b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap())).collect();
    assert!(db.discard_unreadable("contacts").is_err());
    assert!(db.discard_unreadable("contacts.0").is_err());
    let after: Vec<_> = b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap())).collect();
    assert_eq!(after, before);
    assert_eq!(db.newer_schema(), Some(CURRENT + 1));
}
