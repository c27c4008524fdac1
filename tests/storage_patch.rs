//! A list's patch (schema 6): saving a record stores it in a small chunk of the list's
//! last saved records, read over their chunks; the patch never grows past `PATCH` records
//! and any other change folds it back into the chunks. Whatever the order of changes, the
//! list reads back as it was saved, through every reader of the store.
#![cfg(not(target_arch = "wasm32"))]
use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::storage::layout::{CHUNK, PATCH};
use backoffice::storage::{chunk_key, doc_key, Backend, Db, Edit, MemoryBackend, StorageError};
use proptest::prelude::*;

fn contact(name: &str) -> Contact {
    let mut c = Contact::blank("2026-11-22T08:00:00Z".parse().unwrap());
    c.set("name", name);
    c.set("organisation", "PT Maju Jaya");
    c
}

fn people(n: usize) -> Vec<Contact> {
    (0..n).map(|i| contact(&format!("Orang {i}"))).collect()
}

fn open(b: &MemoryBackend) -> Db {
    Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap().0
}

fn reload(b: &MemoryBackend) -> Vec<Contact> {
    open(b).load_list("contacts").unwrap().unwrap()
}

/// The patch as the head names it: (its chunk id, how many records it holds).
fn patch_of(b: &MemoryBackend) -> Option<(u64, usize)> {
    let head: serde_json::Value = serde_json::from_str(&b.get(&doc_key("contacts")).unwrap().unwrap()).unwrap();
    Some((head.get("patch")?.as_u64().unwrap(), head["patched"].as_array().unwrap().len()))
}

fn stored_keys(b: &MemoryBackend) -> Vec<String> {
    b.keys().unwrap().into_iter().filter(|k| k.starts_with("bo.k.contacts.")).collect()
}

#[test]
fn saves_fill_the_patch_then_fold_the_chunk_holding_most_of_it() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(3 * CHUNK);
    db.save("contacts", &all).unwrap();
    let chunk0 = b.get(&chunk_key("contacts", 0)).unwrap();
    // One record of chunk 2, then records of chunk 0 until the patch is full.
    all[2 * CHUNK + 1].set("role", "Kepala");
    db.save_edit("contacts", &all, &Edit::replaced(2 * CHUNK + 1)).unwrap();
    for i in 0..PATCH - 1 {
        all[i].set("role", &format!("Peran {i}"));
        db.save_edit("contacts", &all, &Edit::replaced(i)).unwrap();
        // Saving a record again does not take a second place.
        db.save_edit("contacts", &all, &Edit::replaced(i)).unwrap();
    }
    assert_eq!(patch_of(&b), Some((3, PATCH)));
    assert_eq!(b.get(&chunk_key("contacts", 0)).unwrap(), chunk0, "no chunk rewritten while the patch has room");
    assert_eq!(reload(&b), all);
    // One more: chunk 0 holds most of the patch, so it is rewritten and leaves it.
    all[PATCH].set("role", "Satu lagi");
    db.save_edit("contacts", &all, &Edit::replaced(PATCH)).unwrap();
    assert_ne!(b.get(&chunk_key("contacts", 0)).unwrap(), chunk0);
    assert_eq!(patch_of(&b), Some((3, 1)));
    assert_eq!(reload(&b), all);
    // Records added move none: the patch stays, and the new chunk takes the next id.
    all.extend((0..CHUNK).map(|i| contact(&format!("Baru {i}"))));
    all[PATCH + 1].set("role", "Bersama yang baru");
    let edit = Edit { replaced: vec![PATCH + 1], appended: CHUNK, ..Default::default() };
    db.save_edit("contacts", &all, &edit).unwrap();
    assert_eq!(patch_of(&b), Some((3, 2)));
    assert!(b.get(&chunk_key("contacts", 4)).unwrap().is_some());
    assert_eq!(reload(&b), all);
    // A record removed moves those after it: the patch is folded into its chunks and goes.
    all.remove(5);
    db.save_edit("contacts", &all, &Edit::removed(vec![5])).unwrap();
    assert_eq!(patch_of(&b), None);
    assert!(b.get(&chunk_key("contacts", 3)).unwrap().is_none());
    assert_eq!(reload(&b), all);
}

#[test]
fn every_reader_sees_the_patch() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(2 * CHUNK);
    db.save("contacts", &all).unwrap();
    all[5].set("role", "Direktur");
    all[CHUNK + 7].meta.deleted_at = Some("2026-11-30T10:00:00Z".parse().unwrap());
    db.save_edit("contacts", &all, &Edit { replaced: vec![5, CHUNK + 7], ..Default::default() }).unwrap();
    assert_eq!(patch_of(&b), Some((2, 2)));
    // Records, JSON (migrations, backups), decoded ahead, and the trash count.
    assert_eq!(reload(&b), all);
    assert_eq!(open(&b).load::<Vec<Contact>>("contacts").unwrap().unwrap(), all);
    let mut ahead = open(&b);
    ahead.prefetch("contacts");
    assert_eq!(ahead.load_list::<Contact>("contacts").unwrap().unwrap(), all);
    assert_eq!(open(&b).summary("contacts", "deleted_at", "created_at").unwrap().present, 1);
    // A whole write (a restore) leaves no patch behind.
    db.save("contacts", &all[..10]).unwrap();
    assert_eq!(patch_of(&b), None);
    assert_eq!(stored_keys(&b), vec![chunk_key("contacts", 0)]);
    assert_eq!(reload(&b), all[..10].to_vec());
}

#[test]
fn a_patch_that_cannot_be_read_stops_writes_until_the_user_let_it_go() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(CHUNK + 10);
    db.save("contacts", &all).unwrap();
    let stored = all.clone();
    all[3].set("role", "Direktur");
    db.save_edit("contacts", &all, &Edit::replaced(3)).unwrap();
    b.set(&chunk_key("contacts", 2), "9;rusak").unwrap();
    let mut db = open(&b);
    // The list reads as its chunks hold it; the patch's text is kept to download.
    let mut seen: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    assert_eq!(seen, stored);
    assert_eq!(db.unreadable()["contacts.2"].raw, "9;rusak");
    seen[4].set("role", "HRD");
    assert_eq!(db.save_edit("contacts", &seen, &Edit::replaced(4)), Err(StorageError::Unreadable("contacts".into())));
    assert_eq!(b.get(&chunk_key("contacts", 2)).unwrap().unwrap(), "9;rusak");
    db.discard_unreadable("contacts.2").unwrap();
    assert_eq!(patch_of(&b), None);
    db.save_edit("contacts", &seen, &Edit::replaced(4)).unwrap();
    assert_eq!(reload(&b), seen);
    assert!(open(&b).unreadable().is_empty());
}

/// The patch holds the newest copy of a record whose chunk no longer reads: it is kept for
/// the user to download, and nothing folds it away before they let it go.
#[test]
fn a_patch_naming_a_broken_chunk_is_kept_until_the_user_let_it_go() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(2 * CHUNK);
    db.save("contacts", &all).unwrap();
    // Chunks 0 and 1 alternate in the patch.
    for (i, role) in [(1, "A"), (CHUNK + 1, "B"), (2, "A2"), (CHUNK + 2, "B2")] {
        all[i].set("role", role);
        db.save_edit("contacts", &all, &Edit::replaced(i)).unwrap();
    }
    let patch = b.get(&chunk_key("contacts", 2)).unwrap().unwrap();
    b.set(&chunk_key("contacts", 0), "1;garbage").unwrap();
    for read in ["records", "JSON"] {
        let mut db = open(&b);
        let seen: Vec<Contact> =
            if read == "records" { db.load_list("contacts").unwrap().unwrap() } else { db.load("contacts").unwrap().unwrap() };
        assert_eq!(seen, all[CHUNK..].to_vec(), "{read}");
        assert_eq!(db.unreadable()["contacts.2"].raw, patch, "{read}");
        assert!(db.unreadable().contains_key("contacts.0"), "{read}");
    }
    let mut db = open(&b);
    let mut seen: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    seen[2].set("role", "C");
    assert_eq!(db.save_edit("contacts", &seen, &Edit::replaced(2)), Err(StorageError::Unreadable("contacts".into())));
    assert_eq!(b.get(&chunk_key("contacts", 2)).unwrap().unwrap(), patch);
    // Let go (after its download), its records of chunk 1 go into that chunk and only those
    // of the broken chunk go with it; the list is written again, the broken chunk as it was.
    db.discard_unreadable("contacts.2").unwrap();
    assert!(b.get(&chunk_key("contacts", 2)).unwrap().is_none());
    assert_eq!(open(&b).load_list::<Contact>("contacts").unwrap().unwrap(), all[CHUNK..].to_vec());
    let mut db = open(&b);
    let mut seen: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    seen[5].set("role", "C");
    db.save_edit("contacts", &seen, &Edit::replaced(5)).unwrap();
    assert_eq!(b.get(&chunk_key("contacts", 0)).unwrap().unwrap(), "1;garbage");
    assert_eq!(open(&b).load_list::<Contact>("contacts").unwrap().unwrap(), seen);
    assert_eq!(seen[1].role, "B");
}

#[test]
fn another_tabs_patch_arriving_before_its_head_is_a_conflict() {
    let b = MemoryBackend::new(5_242_880);
    let mut tab1 = open(&b);
    tab1.save("contacts", &people(CHUNK + 5)).unwrap();
    let mut tab2 = open(&b);
    let mut seen: Vec<Contact> = tab2.load_list("contacts").unwrap().unwrap();
    let old_head = b.get(&doc_key("contacts")).unwrap().unwrap();
    let mut mine = seen.clone();
    mine[1].set("role", "Tab 1");
    tab1.save_edit("contacts", &mine, &Edit::replaced(1)).unwrap();
    b.set(&doc_key("contacts"), &old_head).unwrap(); // only the patch has reached tab 2
    seen[2].set("role", "Tab 2");
    assert_eq!(tab2.save_edit("contacts", &seen, &Edit::replaced(2)), Err(StorageError::Conflict("contacts".into())));
}

#[test]
fn a_refused_save_puts_the_patch_back() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(CHUNK);
    db.save("contacts", &all).unwrap();
    all[0].set("role", "Satu");
    db.save_edit("contacts", &all, &Edit::replaced(0)).unwrap();
    let used = backoffice::storage::usage(&b);
    let before: Vec<(String, String)> = b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap().unwrap())).collect();
    let tight = MemoryBackend::new(used + 20);
    for (k, v) in &before {
        tight.set(k, v).unwrap();
    }
    let mut db = open(&tight);
    let mut more: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    for c in &mut more[1..PATCH] {
        let noise: Vec<String> = (0..60).map(|_| uuid::Uuid::new_v4().to_string()).collect();
        c.set("notes", &noise.join(" "));
    }
    let edit = Edit { replaced: (1..PATCH).collect(), ..Default::default() };
    assert_eq!(db.save_edit("contacts", &more, &edit), Err(StorageError::Quota));
    let after: Vec<(String, String)> = tight.keys().unwrap().into_iter().map(|k| (k.clone(), tight.get(&k).unwrap().unwrap())).collect();
    assert_eq!(after, before);
    assert_eq!(reload(&tight), all);
}

/// A patch whose records do not match its head is let go without a record of it put
/// anywhere: what the screen never showed is not written into the list.
#[test]
fn a_patch_that_does_not_match_its_head_is_let_go_whole() {
    let b = MemoryBackend::new(5_242_880);
    let mut db = open(&b);
    let mut all = people(CHUNK + 10);
    db.save("contacts", &all).unwrap();
    let stored = all.clone();
    all[3].set("role", "Direktur");
    db.save_edit("contacts", &all, &Edit::replaced(3)).unwrap();
    let head = b.get(&doc_key("contacts")).unwrap().unwrap();
    b.set(&doc_key("contacts"), &head.replace(r#""patched":[[0,3]]"#, r#""patched":[[0,3],[0,4]]"#)).unwrap();
    let mut db = open(&b);
    assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), stored);
    assert!(db.unreadable()["contacts.2"].error.contains("does not match"));
    db.discard_unreadable("contacts.2").unwrap();
    assert_eq!(reload(&b), stored);
    assert!(open(&b).unreadable().is_empty());
}

#[derive(Clone, Debug)]
enum Change {
    Replace(Vec<usize>),
    Append(usize),
    Remove(Vec<usize>),
    Whole,
    Reopen,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        6 => proptest::collection::vec(0usize..1000, 1..4).prop_map(Change::Replace),
        1 => (1usize..40).prop_map(Change::Append),
        1 => proptest::collection::vec(0usize..1000, 1..3).prop_map(Change::Remove),
        1 => Just(Change::Whole),
        1 => Just(Change::Reopen),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_order_of_changes_reads_back_as_saved(start in 1usize..400, changes in proptest::collection::vec(change(), 1..40)) {
        let b = MemoryBackend::new(20_000_000);
        let mut db = open(&b);
        let mut all = people(start);
        db.save("contacts", &all).unwrap();
        for (step, c) in changes.into_iter().enumerate() {
            let edit = match c {
                Change::Replace(at) => {
                    if all.is_empty() { continue; }
                    let at: Vec<usize> = at.into_iter().map(|p| p % all.len()).collect();
                    for &p in &at {
                        all[p].set("role", &format!("Langkah {step}"));
                    }
                    Edit { replaced: at, ..Default::default() }
                }
                Change::Append(n) => {
                    all.extend((0..n).map(|i| contact(&format!("Baru {step}.{i}"))));
                    Edit::appended(n)
                }
                Change::Remove(at) => {
                    if all.is_empty() { continue; }
                    let mut at: Vec<usize> = at.into_iter().map(|p| p % all.len()).collect();
                    at.sort();
                    at.dedup();
                    for &p in at.iter().rev() {
                        all.remove(p);
                    }
                    Edit::removed(at)
                }
                Change::Whole => Edit::all(),
                Change::Reopen => {
                    db = open(&b);
                    prop_assert_eq!(db.load_list::<Contact>("contacts").unwrap().unwrap(), all.clone());
                    continue;
                }
            };
            db.save_edit("contacts", &all, &edit).unwrap();
            prop_assert!(patch_of(&b).is_none_or(|(_, n)| n <= PATCH));
            prop_assert_eq!(reload(&b), all.clone());
        }
        let back: Vec<Contact> = open(&b).load::<Vec<Contact>>("contacts").unwrap().unwrap();
        prop_assert_eq!(back, all.clone());
        // Nothing stored that the head does not name.
        let head: serde_json::Value = serde_json::from_str(&b.get(&doc_key("contacts")).unwrap().unwrap()).unwrap();
        let mut named: Vec<String> = head["chunks"].as_array().unwrap().iter().map(|c| chunk_key("contacts", c[0].as_u64().unwrap() as u32)).collect();
        if let Some((id, _)) = patch_of(&b) {
            named.push(chunk_key("contacts", id as u32));
        }
        named.sort();
        let mut stored = stored_keys(&b);
        stored.sort();
        prop_assert_eq!(stored, named);
    }
}
