//! Encryption at rest (storage/sealed.rs): a store sealed value by value reads back as it
//! was written, shows none of its text, refuses a wrong passphrase without a write, changes
//! passphrase in one write, and can be left half-way (sealing or unsealing) and finished.
use std::collections::BTreeMap;

use backoffice::domain::contact::Contact;
use backoffice::domain::record::Entity;
use backoffice::storage::sealed::{Guarded, Sealed, UnlockError, LOCK_KEY};
use backoffice::storage::{chunk_key, Backend, Db, MemoryBackend, StorageError};

/// Not random, but never the same twice: what the tests need of a nonce source.
fn counter(out: &mut [u8]) {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    let n = N.fetch_add(1, Ordering::Relaxed).to_le_bytes();
    for (i, b) in out.iter_mut().enumerate() {
        *b = n[i % 8] ^ (i as u8);
    }
}

const RIGHT: [u8; 32] = [1; 32];
const WRONG: [u8; 32] = [2; 32];
const SALT: [u8; 16] = [9; 16];

fn open(b: Box<dyn Backend>) -> Db {
    Db::open(b, &backoffice::registry::STORE).unwrap().0
}

fn contacts(n: usize) -> Vec<Contact> {
    let at: chrono::DateTime<chrono::Utc> = "2026-11-02T01:00:00Z".parse().unwrap();
    (0..n)
        .map(|i| {
            let mut c = Contact::blank(at + chrono::Duration::seconds(i as i64 * 60));
            c.set("name", &format!("Rahasia Sentosa {i}"));
            c.set("notes", "Gaji dirundingkan: Rp 12.500.000");
            c
        })
        .collect()
}

fn snapshot(b: &MemoryBackend) -> BTreeMap<String, String> {
    b.keys().unwrap().into_iter().map(|k| (k.clone(), b.get(&k).unwrap().unwrap())).collect()
}

/// A store encrypted from the start: the lock written, then everything through `Sealed`.
fn encrypted(list: &[Contact]) -> MemoryBackend {
    let raw = MemoryBackend::new(5_000_000);
    let mut db = open(Box::new(Sealed::encrypt(raw.clone(), &RIGHT, &SALT, counter).unwrap()));
    db.save("contacts", list).unwrap();
    raw
}

fn unlock(raw: &MemoryBackend, derived: &[u8; 32]) -> Result<Db, UnlockError> {
    Ok(open(Box::new(Sealed::unlock(raw.clone(), derived, counter)?)))
}

#[test]
fn an_encrypted_store_reads_back_and_shows_none_of_its_text() {
    let list = contacts(400);
    let raw = encrypted(&list);
    let back: Vec<Contact> = unlock(&raw, &RIGHT).unwrap().load("contacts").unwrap().unwrap();
    assert_eq!(back, list);
    for (k, v) in snapshot(&raw) {
        assert!(!v.contains("Rahasia") && !v.contains("Gaji") && !v.contains("schema"), "{k} shows its text");
        if k != LOCK_KEY {
            assert!(v.starts_with("~1"), "{k} is not sealed");
        }
    }
    // The lock says how to derive the key.
    let lock = backoffice::storage::sealed::read_lock(&raw).unwrap().unwrap();
    assert_eq!((lock.kdf.as_str(), lock.iterations, lock.salt_bytes().unwrap()), ("PBKDF2-SHA256", 600_000, SALT));
}

#[test]
fn a_wrong_passphrase_is_refused_and_writes_nothing() {
    let raw = encrypted(&contacts(50));
    let before = snapshot(&raw);
    assert_eq!(unlock(&raw, &WRONG).err(), Some(UnlockError::WrongPassphrase));
    assert_eq!(snapshot(&raw), before);
    assert_eq!(unlock(&raw, &RIGHT).unwrap().load_list::<Contact>("contacts").unwrap().unwrap().len(), 50);
}

fn sealable(raw: &MemoryBackend) -> Vec<String> {
    raw.keys().unwrap().into_iter().filter(|k| k.starts_with("bo.") && k != LOCK_KEY).collect()
}

#[test]
fn a_new_passphrase_seals_everything_anew_by_a_new_key_and_the_old_one_opens_nothing() {
    let list = contacts(50);
    let raw = encrypted(&list);
    let before = snapshot(&raw);
    let old_lock = before[LOCK_KEY].clone();
    let new_derived = [5u8; 32];
    // One write switches the passphrase: only the lock changed, and only the new one opens.
    let mut sealed = Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap().rekey(&new_derived, &[4; 16]).unwrap();
    let after = snapshot(&raw);
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, vec![LOCK_KEY]);
    assert_eq!(unlock(&raw, &RIGHT).err(), Some(UnlockError::WrongPassphrase));
    assert_eq!(unlock(&raw, &new_derived).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);

    // Every value sealed anew, then the old key dropped from the lock.
    assert_eq!(sealed.reseal_all().unwrap(), sealable(&raw).len());
    assert_eq!(sealed.reseal_all().unwrap(), 0);
    sealed.forget_old().unwrap();
    assert!(!raw.get(LOCK_KEY).unwrap().unwrap().contains("\"old\""));
    assert_eq!(unlock(&raw, &new_derived).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);

    // A copy of the old lock, with the old passphrase, opens nothing stored now.
    let stolen = MemoryBackend::new(5_000_000);
    for (k, v) in snapshot(&raw) {
        stolen.set(&k, &v).unwrap();
    }
    stolen.set(LOCK_KEY, &old_lock).unwrap();
    let old_view = Sealed::unlock(stolen.clone(), &RIGHT, counter).unwrap();
    for k in sealable(&stolen) {
        assert_eq!(old_view.get(&k).unwrap(), stolen.get(&k).unwrap(), "{k} opened with the old passphrase");
    }
}

#[test]
fn a_change_of_passphrase_cut_short_reads_on_and_is_finished_even_under_another_change() {
    let list = contacts(50);
    let raw = encrypted(&list);
    let n = sealable(&raw).len();
    let (b, c) = ([5u8; 32], [6u8; 32]);
    // Cut short after the lock's write: nothing sealed anew yet.
    drop(Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap().rekey(&b, &[4; 16]).unwrap());
    assert_eq!(unlock(&raw, &b).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
    // Another change over it: what the first key sealed is sealed by the second first, so
    // this change, which drops the first key, loses nothing.
    let sealed = Sealed::unlock(raw.clone(), &b, counter).unwrap().rekey(&c, &[3; 16]).unwrap();
    assert_eq!(unlock(&raw, &c).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
    drop(sealed);
    // The next unlock finishes it.
    let sealed = Sealed::unlock(raw.clone(), &c, counter).unwrap();
    assert_eq!(sealed.reseal_all().unwrap(), n);
    assert_eq!(unlock(&raw, &c).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
}

#[test]
fn a_change_of_passphrase_never_writes_over_another_tabs_and_its_end_stops_no_tab() {
    let list = contacts(30);
    let raw = encrypted(&list);
    let original = raw.get(LOCK_KEY).unwrap();
    // Two tabs open the store; one changes the passphrase: the other's change is refused
    // and writes nothing (its re-sealing would have used a key no longer kept).
    let slow = Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap();
    let mut quick = Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap().rekey(&[5; 32], &[4; 16]).unwrap();
    let before = snapshot(&raw);
    assert_eq!(slow.rekey(&[6; 32], &[3; 16]).err(), Some(StorageError::LockChanged));
    assert_eq!(snapshot(&raw), before);

    // A tab opened on the new key saves on when the old key leaves the lock; a view of the
    // lock from before the change may not drop it.
    quick.reseal_all().unwrap();
    let mut tab = open(Box::new(Guarded::new(Sealed::unlock(raw.clone(), &[5; 32], counter).unwrap()).unwrap()));
    assert_eq!(tab.load_list::<Contact>("contacts").unwrap().unwrap(), list);
    let stale = raw.get(LOCK_KEY).unwrap().unwrap();
    quick.forget_old().unwrap();
    let after = raw.get(LOCK_KEY).unwrap();
    assert!(backoffice::storage::sealed::same_key(Some(stale.clone()), after.clone()));
    assert!(!backoffice::storage::sealed::same_key(original.clone(), after));
    tab.save("contacts", &list[..10]).unwrap();
    assert_eq!(backoffice::storage::sealed::forget_old(&raw, &stale), Err(StorageError::LockChanged));
    assert_eq!(unlock(&raw, &[5; 32]).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list[..10]);
}

#[test]
fn a_damaged_old_key_never_refuses_the_right_passphrase() {
    let list = contacts(20);
    let raw = encrypted(&list);
    drop(Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap().rekey(&[5; 32], &[4; 16]).unwrap());
    let mut lock: serde_json::Value = serde_json::from_str(&raw.get(LOCK_KEY).unwrap().unwrap()).unwrap();
    lock["old"] = "~1garbage".into();
    raw.set(LOCK_KEY, &lock.to_string()).unwrap();
    // Its values are read where they open; those sealed by the damaged key are kept aside.
    assert!(Sealed::unlock(raw.clone(), &[5; 32], counter).is_ok());
    assert_eq!(unlock(&raw, &RIGHT).err(), Some(UnlockError::WrongPassphrase));
}

#[test]
fn a_store_is_encrypted_and_decrypted_key_by_key_and_reads_half_way() {
    let list = contacts(700);
    let raw = MemoryBackend::new(5_000_000);
    open(Box::new(raw.clone())).save("contacts", &list).unwrap();
    let plain = snapshot(&raw);
    // Encrypting: the lock first, then one value sealed (a tab closed after it).
    let sealed = Sealed::encrypt(raw.clone(), &RIGHT, &SALT, counter).unwrap();
    sealed.set(&chunk_key("contacts", 1), &plain[&chunk_key("contacts", 1)]).unwrap();
    assert!(sealed.is_sealed(&chunk_key("contacts", 1)).unwrap());
    assert!(!sealed.is_sealed(&chunk_key("contacts", 0)).unwrap());
    assert_eq!(unlock(&raw, &RIGHT).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
    // The next unlock finishes it.
    assert_eq!(sealed.seal_all().unwrap(), plain.len() - 1);
    let sealed = Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap();
    assert_eq!(sealed.seal_all().unwrap(), 0);
    assert_eq!(unlock(&raw, &RIGHT).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
    // Decrypting gives back the very text that was stored, and no lock.
    let back = sealed.unseal_all().unwrap();
    assert_eq!(snapshot(&back), plain);
    assert_eq!(open(Box::new(raw.clone())).load_list::<Contact>("contacts").unwrap().unwrap(), list);
}

#[test]
fn a_damaged_or_moved_value_is_kept_aside_and_the_rest_reads() {
    let list = contacts(400);
    let raw = encrypted(&list);
    let k0 = chunk_key("contacts", 0);
    let k1 = chunk_key("contacts", 1);
    let mut chars: Vec<char> = raw.get(&k0).unwrap().unwrap().chars().collect();
    let mid = chars.len() / 2;
    chars[mid] = char::from_u32(chars[mid] as u32 ^ 1).unwrap();
    let damaged: String = chars.into_iter().collect();
    raw.set(&k0, &damaged).unwrap();
    let mut db = unlock(&raw, &RIGHT).unwrap();
    let read: Vec<Contact> = db.load_list("contacts").unwrap().unwrap();
    assert_eq!(read, list[150..].to_vec(), "the other chunks read");
    assert_eq!(db.unreadable()["contacts.0"].raw, damaged, "its stored text is kept to download");
    assert_eq!(raw.get(&k0).unwrap().unwrap(), damaged, "kept as it was");
    // A sealed value copied under another key does not open there.
    let moved = raw.get(&k1).unwrap().unwrap();
    raw.set(&k0, &moved).unwrap();
    let read: Vec<Contact> = unlock(&raw, &RIGHT).unwrap().load_list("contacts").unwrap().unwrap();
    assert_eq!(read.len(), 250);
}

#[test]
fn sealing_costs_a_fifteenth_on_chunks_and_saves_on_plain_text() {
    let list = contacts(1500);
    let plain = MemoryBackend::new(5_000_000);
    open(Box::new(plain.clone())).save("contacts", &list).unwrap();
    let raw = encrypted(&list);
    let size = |b: &MemoryBackend, prefix: &str| -> usize {
        b.keys().unwrap().iter().filter(|k| k.starts_with(prefix)).map(|k| b.size(k).unwrap()).sum()
    };
    let chunks = raw.keys().unwrap().iter().filter(|k| k.starts_with("bo.k.")).count();
    let (p, s) = (size(&plain, "bo.k."), size(&raw, "bo.k."));
    // 16 bytes of 15 bits for each 15 stored, and about 18 characters a value: the mark,
    // the nonce and the tag.
    assert!(s <= p + p / 15 + 20 * chunks, "chunks: plain {p}, sealed {s} in {chunks}");
    let (p, s) = (size(&plain, "bo.meta"), size(&raw, "bo.meta"));
    assert!(s < p, "the meta's JSON: plain {p}, sealed {s}");
}

#[test]
fn erasing_an_encrypted_store_keeps_it_encrypted() {
    let raw = encrypted(&contacts(20));
    let mut db = unlock(&raw, &RIGHT).unwrap();
    db.reset_all().unwrap();
    db.save("contacts", &contacts(3)).unwrap();
    assert_eq!(unlock(&raw, &RIGHT).unwrap().load_list::<Contact>("contacts").unwrap().unwrap().len(), 3);
}

#[test]
fn a_nearly_full_store_stops_sealing_at_the_quota_and_still_reads() {
    let list = contacts(3000);
    let raw = MemoryBackend::new(1_000_000);
    open(Box::new(raw.clone())).save("contacts", &list).unwrap();
    // Another app's key fills the origin but for 200 characters.
    let used = backoffice::storage::usage(&raw);
    raw.set("other.app", &"x".repeat(1_000_000 - used - 200 - "other.app".len())).unwrap();
    let sealed = Sealed::encrypt(raw.clone(), &RIGHT, &SALT, counter).unwrap();
    assert_eq!(sealed.seal_all(), Err(backoffice::storage::StorageError::Quota));
    assert_eq!(unlock(&raw, &RIGHT).unwrap().load_list::<Contact>("contacts").unwrap().unwrap(), list);
}

/// Another tab turns encryption on, changes the passphrase or turns it off: a tab that
/// opened the store before writes nothing more (its writes would be sealed by a key no
/// longer kept, or be plain among sealed values), and a second encryption is refused.
#[test]
fn a_tab_writes_nothing_once_another_changed_the_encryption() {
    let list = contacts(20);
    let raw = MemoryBackend::new(5_000_000);
    let mut plain_tab = open(Box::new(Guarded::new(raw.clone()).unwrap()));
    plain_tab.save("contacts", &list).unwrap();
    let other = Sealed::encrypt(raw.clone(), &RIGHT, &SALT, counter).unwrap();
    other.seal_all().unwrap();
    let before = snapshot(&raw);
    assert_eq!(plain_tab.save("contacts", &list[..3]), Err(StorageError::LockChanged));
    assert_eq!(snapshot(&raw), before);
    assert_eq!(Sealed::encrypt(raw.clone(), &WRONG, &SALT, counter).err(), Some(StorageError::LockChanged));
    assert_eq!(snapshot(&raw), before);

    let mut sealed_tab = open(Box::new(Guarded::new(Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap()).unwrap()));
    drop(Sealed::unlock(raw.clone(), &RIGHT, counter).unwrap().rekey(&[5; 32], &[4; 16]).unwrap());
    let before = snapshot(&raw);
    assert_eq!(sealed_tab.save("contacts", &list[..3]), Err(StorageError::LockChanged));
    assert_eq!(snapshot(&raw), before);
    let mut sealed_tab = open(Box::new(Guarded::new(Sealed::unlock(raw.clone(), &[5; 32], counter).unwrap()).unwrap()));
    Sealed::unlock(raw.clone(), &[5; 32], counter).unwrap().unseal_all().unwrap();
    assert_eq!(sealed_tab.save("contacts", &list[..3]), Err(StorageError::LockChanged));
    assert_eq!(open(Box::new(raw.clone())).load_list::<Contact>("contacts").unwrap().unwrap(), list);
}

#[cfg(not(target_arch = "wasm32"))]
mod any_text {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

        /// Any stored text, sealed-looking or not, reads without a panic: as it is unless it
        /// opens; and any text sealed reads back exactly.
        #[test]
        fn any_stored_text_reads_and_any_text_round_trips(text in "(~1)?\\PC{0,40}", value in "\\PC{0,60}") {
            let raw = MemoryBackend::new(1_000_000);
            let sealed = Sealed::encrypt(raw.clone(), &RIGHT, &SALT, counter).unwrap();
            raw.set("bo.c.x", &text).unwrap();
            proptest::prop_assert_eq!(sealed.get("bo.c.x").unwrap(), Some(text));
            sealed.set("bo.c.y", &value).unwrap();
            proptest::prop_assert_eq!(sealed.get("bo.c.y").unwrap(), Some(value.clone()));
            // What a write will take in the quota is known before it is made (an undo near a
            // full quota orders its restores by it).
            proptest::prop_assert_eq!(sealed.stored_chars("bo.c.y", &value), raw.size("bo.c.y").unwrap());
            // A plain store knows it from the text it read.
            raw.set("bo.c.z", &value).unwrap();
            proptest::prop_assert_eq!(raw.stored_len("bo.c.z", &value).unwrap(), raw.size("bo.c.z").unwrap());
        }
    }
}
