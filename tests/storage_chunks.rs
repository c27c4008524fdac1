//! Lists stored in compressed chunks (schema 3): one save rewrites one chunk, a broken
//! chunk costs only its own records, and schema-2 stores are migrated forward.
use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::domain::schema::CURRENT;
use backoffice::storage::layout::CHUNK;
use backoffice::storage::{chunk_key, doc_key, Backend, Db, Edit, MemoryBackend, StorageError, META_KEY};

fn contact(name: &str) -> Contact {
    let mut c = Contact::blank("2026-11-22T08:00:00Z".parse().unwrap());
    c.set("name", name);
    c.set("organisation", "PT Maju Jaya");
    c.set("emails", &format!("{}@maju.co.id", name.to_lowercase().replace(' ', ".")));
    c
}

fn people(n: usize) -> Vec<Contact> {
    (0..n).map(|i| contact(&format!("Orang {i}"))).collect()
}

fn open(b: &MemoryBackend) -> Db {
    Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().0
}

fn keys(b: &MemoryBackend) -> Vec<String> {
    b.keys().unwrap()
}

fn snapshot(b: &MemoryBackend) -> Vec<(String, String)> {
    keys(b).into_iter().map(|k| (k.clone(), b.get(&k).unwrap().unwrap())).collect()
}

#[test]
fn a_list_is_stored_in_named_chunks() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let all = people(2 * CHUNK + 100);
    db.save("contacts", &all).unwrap();
    let head = b.get(&doc_key("contacts")).unwrap().unwrap();
    let expected = format!(r#""chunks":[[0,{CHUNK}],[1,{CHUNK}],[2,100]]"#);
    assert!(head.contains(&expected), "{head}");
    for id in 0..3 {
        assert!(b.get(&chunk_key("contacts", id)).unwrap().unwrap().starts_with("1;"));
    }
    assert_eq!(db_reload(&b), all);
}

fn db_reload(b: &MemoryBackend) -> Vec<Contact> {
    open(b).load_list("contacts").unwrap().unwrap()
}

#[test]
fn saving_one_record_writes_only_the_lists_patch_and_head() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(1000);
    db.save("contacts", &all).unwrap();
    let before = snapshot(&b);
    all[600].set("role", "Direktur");
    db.save_edit("contacts", &all, &Edit::replaced(600)).unwrap();
    let changed: Vec<String> = snapshot(&b).into_iter().filter(|kv| !before.contains(kv)).map(|(k, _)| k).collect();
    // Chunks 0–6 hold the list; the patch takes the next id.
    assert_eq!(changed, vec![doc_key("contacts"), chunk_key("contacts", 7), META_KEY.to_string()]);
    assert!(b.get(&doc_key("contacts")).unwrap().unwrap().contains(&format!(r#""patch":7,"patched":[[{},{}]]"#, 600 / CHUNK, 600 % CHUNK)));
    assert_eq!(db_reload(&b), all);
}

#[test]
fn appends_and_removals_keep_the_list_in_order() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(260);
    db.save("contacts", &all).unwrap();
    all.push(contact("Baru"));
    db.save_edit("contacts", &all, &Edit::appended(1)).unwrap();
    all.remove(3);
    all.remove(100);
    db.save_edit("contacts", &all, &Edit::removed(vec![3, 101])).unwrap();
    assert_eq!(db_reload(&b), all);
    let before = b.get(&chunk_key("contacts", 1)).unwrap();
    all.remove(0);
    db.save_edit("contacts", &all, &Edit::removed(vec![0])).unwrap();
    assert_eq!(b.get(&chunk_key("contacts", 1)).unwrap(), before, "later chunks are not rewritten");
    assert_eq!(db_reload(&b), all);
    // A list emptied entirely leaves no chunk keys behind.
    db.save("contacts", &Vec::<Contact>::new()).unwrap();
    assert!(!keys(&b).iter().any(|k| k.starts_with("bo.k.")));
}

#[test]
fn a_broken_chunk_is_kept_aside_and_the_rest_of_the_list_works() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    db.save("contacts", &people(600)).unwrap();
    b.set(&chunk_key("contacts", 1), "1;garbage").unwrap();
    let mut db2 = open(&b);
    let mut seen: Vec<Contact> = db2.load_list("contacts").unwrap().unwrap();
    assert_eq!(seen.len(), 600 - CHUNK);
    assert_eq!(seen[CHUNK].name, format!("Orang {}", 2 * CHUNK));
    assert_eq!(db2.unreadable()["contacts.1"].raw, "1;garbage");
    // Editing and adding records works and never touches the broken chunk.
    seen[0].set("role", "HRD");
    db2.save_edit("contacts", &seen, &Edit::replaced(0)).unwrap();
    seen.push(contact("Baru"));
    db2.save_edit("contacts", &seen, &Edit::appended(1)).unwrap();
    assert_eq!(b.get(&chunk_key("contacts", 1)).unwrap().unwrap(), "1;garbage");
    assert_eq!(open(&b).load_list::<Contact>("contacts").unwrap().unwrap(), seen);
    // Once the user has the raw text, it can be let go.
    db2.discard_unreadable("contacts.1").unwrap();
    assert!(b.get(&chunk_key("contacts", 1)).unwrap().is_none());
    assert!(open(&b).unreadable().is_empty());
    let _ = db;
}

#[test]
fn quota_refusal_of_an_edit_puts_every_chunk_back() {
    let b = MemoryBackend::new(40_000);
    let mut db = open(&b);
    let mut all = people(300);
    db.save("contacts", &all).unwrap();
    let before = snapshot(&b);
    // Random text does not compress: far more than the space left.
    all.extend((0..3000).map(|_| contact(&uuid::Uuid::new_v4().to_string())));
    assert_eq!(db.save_edit("contacts", &all, &Edit::appended(3000)), Err(StorageError::Quota));
    assert_eq!(snapshot(&b), before);
    assert_eq!(db.used_chars(), backoffice::storage::usage(&b));
    all.truncate(301);
    db.save_edit("contacts", &all, &Edit::appended(1)).unwrap();
    assert_eq!(db.used_chars(), backoffice::storage::usage(&b));
}

#[test]
fn another_tabs_chunk_arriving_before_its_head_is_a_conflict() {
    let b = MemoryBackend::new(5_242_880);
    let mut tab1 = open(&b);
    tab1.save("contacts", &people(10)).unwrap();
    let mut tab2 = open(&b);
    let mut seen: Vec<Contact> = tab2.load_list("contacts").unwrap().unwrap();
    let old_head = b.get(&doc_key("contacts")).unwrap().unwrap();
    let mut mine = people(10);
    mine[1].set("role", "Tab 1");
    tab1.save_edit("contacts", &mine, &Edit::replaced(1)).unwrap();
    b.set(&doc_key("contacts"), &old_head).unwrap(); // only the chunk has reached tab 2
    seen[2].set("role", "Tab 2");
    assert_eq!(tab2.save_edit("contacts", &seen, &Edit::replaced(2)), Err(StorageError::Conflict("contacts".into())));
}

const V2_CONTACTS: &str = r#"{"schema":2,"rev":5,"data":[{"id":"c1","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","party":"person","kind":"client","name":"Budi","emails":["budi@maju.co.id"],"phones":[],"tags":[]}]}"#;

#[test]
fn schema_2_is_migrated_into_chunks_with_a_copy_kept() {
    let b = MemoryBackend::new(5_242_880);
    b.set(META_KEY, r#"{"schema_version":2,"revisions":{"contacts":5,"settings":1}}"#).unwrap();
    b.set(&doc_key("contacts"), V2_CONTACTS).unwrap();
    b.set(&doc_key("settings"), r#"{"schema":2,"rev":1,"data":{"company_name":"PT Maju"}}"#).unwrap();
    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.migrated_from, Some(2));
    let head = b.get(&doc_key("contacts")).unwrap().unwrap();
    assert_eq!(head, format!(r#"{{"schema":{CURRENT},"rev":6,"chunks":[[0,1]],"next":1}}"#));
    assert!(b.get(&doc_key("settings")).unwrap().unwrap().contains(r#""data":{"company_name":"PT Maju"}"#));
    let c: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    assert_eq!((c[0].name.as_str(), c[0].emails.clone()), ("Budi", vec!["budi@maju.co.id".to_string()]));
    assert_eq!(db.premigration_copy(2).unwrap()[&doc_key("contacts")], V2_CONTACTS);
    assert_eq!(Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().1.migrated_from, None);
}

#[test]
fn a_nearly_full_schema_2_store_still_migrates() {
    // 16,000 contacts as plain JSON fill most of the quota; chunks and the packed copy fit.
    let quota = 5_242_880;
    let b = MemoryBackend::new(quota);
    let all: Vec<Contact> = (0..16_000).map(|i| contact(&format!("Orang {i}"))).collect();
    let env = format!(r#"{{"schema":2,"rev":1,"data":{}}}"#, serde_json::to_string(&all).unwrap());
    assert!(env.len() > quota * 3 / 4, "the test needs a nearly full store: {}", env.len());
    b.set(META_KEY, r#"{"schema_version":2,"revisions":{"contacts":1}}"#).unwrap();
    b.set(&doc_key("contacts"), &env).unwrap();
    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!(report.migration_failed, None);
    assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), all);
    assert!(db.used_chars() < quota / 5, "{}", db.used_chars());
}

#[test]
fn a_chunk_of_the_wrong_shape_costs_only_its_records() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    db.save("contacts", &people(300)).unwrap();
    // Another program wrote a chunk whose records are not contacts.
    db.save("odd", &vec![serde_json::json!({"name": 7})]).unwrap();
    let odd = b.get(&chunk_key("odd", 0)).unwrap().unwrap();
    b.set(&chunk_key("contacts", 1), &odd).unwrap();
    let mut db2 = open(&b);
    let seen: Vec<Contact> = db2.load_list("contacts").unwrap().unwrap();
    // Chunk 0 is left: its records.
    assert_eq!(seen.len(), CHUNK);
    // Its records have no id: the first thing a record needs.
    assert!(db2.unreadable()["contacts.1"].error.contains("missing field `id`"), "{:?}", db2.unreadable());
}

#[test]
fn a_list_is_summed_up_from_its_columns_without_reading_its_records() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(600);
    all[0].meta.created_at = "2026-10-01T07:30:00Z".parse().unwrap();
    for i in [3, 299, 599] {
        all[i].meta.deleted_at = Some("2026-11-30T10:00:00Z".parse().unwrap());
    }
    db.save("contacts", &all).unwrap();
    let sum = open(&b).summary("contacts", "deleted_at", "created_at").unwrap();
    assert_eq!(sum.present, 3);
    assert_eq!(sum.earliest_ms, Some(chrono::DateTime::parse_from_rfc3339("2026-10-01T07:30:00Z").unwrap().timestamp_millis()));
    // An absent list sums to nothing; a broken chunk leaves out only its own rows.
    assert_eq!(open(&b).summary("calls", "deleted_at", "created_at").unwrap(), Default::default());
    b.set(&chunk_key("contacts", 1), "1;rusak").unwrap();
    let mut db = open(&b);
    assert_eq!(db.summary("contacts", "deleted_at", "created_at").unwrap().present, 2);
    assert!(db.unreadable().contains_key("contacts.1"));
}

/// The audit trail gets an entry with almost every save: its chunks are small, so an
/// append re-encodes few entries; the log reads back whole, chained as it was written.
#[test]
fn the_audit_trail_is_stored_in_small_chunks_and_reads_back_verified() {
    use backoffice::domain::audit::{verify, AuditAction, AuditEntry, Tail, Verified};
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut tail = Tail::default();
    let mut log: Vec<AuditEntry> = vec![];
    for i in 0..45 {
        let e = AuditEntry {
            at: "2026-11-22T08:00:00Z".parse().unwrap(),
            who: "Dewi".into(),
            action: AuditAction::Create,
            list: "contacts".into(),
            title: format!("Orang {i}"),
            ..Default::default()
        };
        log.push(tail.seal(e));
        db.save_edit("audit", &log, &Edit::appended(1)).unwrap();
    }
    let head = b.get(&doc_key("audit")).unwrap().unwrap();
    assert!(head.contains(r#""chunks":[[0,20],[1,20],[2,5]]"#), "{head}");
    // A save reads only the last chunk and how many come before it.
    let (before, last) = open(&b).load_last("audit").unwrap().unwrap();
    assert_eq!((before, last.len()), (40, 5));
    assert_eq!(last[4]["title"], "Orang 44");
    assert_eq!(open(&b).load_last("nothing").unwrap(), None);
    let back: Vec<AuditEntry> = open(&b).load("audit").unwrap().unwrap();
    assert_eq!(back, log);
    assert!(matches!(verify(&back), Verified::Intact { entries: 45, .. }));
    // Nor a log with an earlier chunk known not to read: it would be rewritten whole.
    let middle = b.get(&chunk_key("audit", 1)).unwrap().unwrap();
    b.set(&chunk_key("audit", 1), "1;garbage").unwrap();
    assert!(open(&b).load_last("audit").is_ok(), "not read, not known");
    let mut db = open(&b);
    let _ = db.load::<Vec<AuditEntry>>("audit").unwrap();
    assert!(matches!(db.load_last("audit"), Err(StorageError::Unreadable(_))));
    b.set(&chunk_key("audit", 1), &middle).unwrap();
    // A last chunk that cannot be read is never added to.
    b.set(&chunk_key("audit", 2), "1;garbage").unwrap();
    assert!(matches!(open(&b).load_last("audit"), Err(StorageError::Unreadable(_))));
    // Other lists keep the usual size.
    assert_eq!(backoffice::registry::STORE.chunk_records("contacts"), CHUNK);
}

#[test]
fn a_list_decoded_ahead_reads_back_the_same_broken_chunks_included() {
    let b = MemoryBackend::new(5_242_880);
    open(&b).save("contacts", &people(2 * CHUNK + 10)).unwrap();
    b.set(&chunk_key("contacts", 1), "1;garbage").unwrap();
    let plain: Vec<Contact> = open(&b).load_list("contacts").unwrap().unwrap();
    let mut db = open(&b);
    db.prefetch("contacts");
    let ahead: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    assert_eq!(ahead, plain);
    assert_eq!(ahead.len(), CHUNK + 10);
    assert_eq!(db.unreadable()["contacts.1"].raw, "1;garbage", "its text is kept to download");
    // Used once: a second read goes to the store.
    assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), plain);
}

#[test]
fn a_list_decoded_ahead_in_steps_reads_back_the_same_wherever_it_stopped() {
    let b = MemoryBackend::new(5_242_880);
    open(&b).save("contacts", &people(3 * CHUNK + 10)).unwrap();
    b.set(&chunk_key("contacts", 2), "1;garbage").unwrap();
    let plain: Vec<Contact> = open(&b).load_list("contacts").unwrap().unwrap();
    for steps in 0..=4 {
        let mut db = open(&b);
        db.prefetch_begin("contacts");
        let mut more = true;
        for _ in 0..steps {
            more = db.prefetch_more(1);
        }
        assert_eq!(more, steps < 4, "four chunks, one a step ({steps} steps)");
        // Another list read meanwhile leaves the decoding under way.
        assert_eq!(db.load_list::<Contact>("visitors").unwrap(), None);
        assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), plain, "{steps} steps");
        assert_eq!(db.unreadable()["contacts.2"].raw, "1;garbage");
        // Taken by the read: nothing is left to decode.
        assert!(!db.prefetch_more(1));
    }
    // Written between two steps: the rest is not decoded, and what was is not used.
    let b = MemoryBackend::new(5_242_880);
    open(&b).save("contacts", &people(3 * CHUNK + 10)).unwrap();
    let mut db = open(&b);
    let mut mine: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    db.prefetch_begin("contacts");
    assert!(db.prefetch_more(1));
    mine[0].set("role", "Direktur");
    db.save_edit("contacts", &mine, &Edit::replaced(0)).unwrap();
    assert!(!db.prefetch_more(1));
    assert_eq!(open(&b).load_list::<Contact>("contacts").unwrap().unwrap(), mine);
}

#[test]
fn a_list_decoded_ahead_and_written_since_is_read_as_written() {
    let b = MemoryBackend::new(5_242_880);
    open(&b).save("contacts", &people(300)).unwrap();
    // Another tab saves between the decoding ahead and the screen reading the list.
    let mut tab = open(&b);
    tab.prefetch("contacts");
    let mut other = open(&b);
    let mut theirs: Vec<Contact> = other.load_list("contacts").unwrap().unwrap();
    theirs[5].set("role", "Direktur");
    other.save_edit("contacts", &theirs, &Edit::replaced(5)).unwrap();
    let seen: Vec<Contact> = tab.load_list("contacts").unwrap().unwrap();
    assert_eq!(seen[5].role, "Direktur");
    // This tab's own write after decoding ahead.
    tab.prefetch("contacts");
    let mut mine = seen.clone();
    mine.push(contact("Baru"));
    tab.save_edit("contacts", &mine, &Edit::appended(1)).unwrap();
    assert_eq!(tab.load_list::<Contact>("contacts").unwrap().unwrap(), mine);
    // Another list is never taken for this one.
    tab.prefetch("contacts");
    assert_eq!(tab.load_list::<Contact>("visitors").unwrap(), None);
    assert_eq!(tab.load_list::<Contact>("contacts").unwrap().unwrap(), mine);
}
