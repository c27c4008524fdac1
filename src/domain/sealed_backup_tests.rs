use super::*;
use crate::crypto::counter;
use crate::domain::backup;
use crate::domain::record::Entity;

const RIGHT: [u8; 32] = [1; 32];
const WRONG: [u8; 32] = [2; 32];
const SALT: [u8; 16] = [9; 16];
const DATA_KEY: [u8; 32] = [7; 32];

/// A backup file's text as Export writes it, with a contact's private details in it.
fn backup_text() -> String {
    let at: chrono::DateTime<chrono::Utc> = "2026-12-04T09:00:00Z".parse().unwrap();
    let mut c = crate::domain::contact::Contact::blank(at);
    c.set("name", "Rahasia Sentosa");
    c.set("phone", "0812-3456-7890");
    let rows = |r: std::ops::Range<usize>| crate::table::records_as_columns(&[c.clone()][r]);
    backup::export(&[backup::ExportList { name: "contacts", len: 1, rows: &rows }], None, &[], None, at)
}

fn sealed(text: &str) -> String {
    seal(text, &Lock::new(&RIGHT, &SALT, &DATA_KEY, counter), &DATA_KEY, counter)
}

#[test]
fn an_encrypted_backup_opens_with_its_passphrase_to_the_very_text_and_shows_none_of_it() {
    let text = backup_text();
    let file = sealed(&text);
    assert!(is_sealed(file.as_bytes()));
    assert!(!is_sealed(text.as_bytes()), "a plain backup is not taken for an encrypted one");
    for secret in ["Rahasia", "0812", "contacts", "2026-12-04"] {
        assert!(!file.contains(secret), "{secret} shows in the encrypted file");
    }
    let opened = read(file.as_bytes()).unwrap().open(&RIGHT).unwrap();
    assert_eq!(opened, text.as_bytes());
    // And it is a backup the importer reads.
    let imported = backup::parse(&opened).unwrap();
    assert_eq!(imported.counts().iter().find(|(k, _)| *k == "contacts").map(|(_, n)| *n), Some(1));
}

#[test]
fn a_wrong_passphrase_is_told_apart_from_a_damaged_file() {
    let file = sealed(&backup_text());
    assert_eq!(read(file.as_bytes()).unwrap().open(&WRONG).unwrap_err(), OpenError::WrongPassphrase);

    // One character of the sealed data changed: the tag no longer matches.
    let mut f: serde_json::Value = serde_json::from_str(&file).unwrap();
    let data = f["data"].as_str().unwrap().to_string();
    let flipped = if data.as_bytes()[40] == b'A' { "B" } else { "A" };
    f["data"] = format!("{}{flipped}{}", &data[..40], &data[41..]).into();
    let edited = serde_json::to_string(&f).unwrap();
    assert_eq!(read(edited.as_bytes()).unwrap().open(&RIGHT).unwrap_err(), OpenError::Damaged);

    // Cut short, as a download can be.
    assert_eq!(read(&file.as_bytes()[..file.len() / 2]).unwrap_err(), OpenError::Damaged);
}

#[test]
fn a_file_from_a_newer_version_or_asking_for_endless_rounds_is_refused_before_deriving() {
    let file = sealed("{}");
    let mut f: serde_json::Value = serde_json::from_str(&file).unwrap();
    f["version"] = 2.into();
    assert_eq!(read(f.to_string().as_bytes()).unwrap_err(), OpenError::Newer(2));
    let mut f: serde_json::Value = serde_json::from_str(&file).unwrap();
    f["lock"]["iterations"] = 4_000_000_000u32.into();
    assert_eq!(read(f.to_string().as_bytes()).unwrap_err(), OpenError::Damaged);
    f["lock"]["iterations"] = 0.into();
    assert_eq!(read(f.to_string().as_bytes()).unwrap_err(), OpenError::Damaged);
}

#[test]
fn a_backup_sealed_with_the_stores_lock_opens_with_the_stores_passphrase() {
    // The store's lock wraps its data key; a backup carrying that lock needs no other key.
    let store_lock = Lock::new(&RIGHT, &SALT, &DATA_KEY, counter);
    let file = seal("{\"format\":\"backoffice-backup\"}", &store_lock, &DATA_KEY, counter);
    let read_back = read(file.as_bytes()).unwrap();
    assert_eq!(read_back.lock, store_lock);
    assert_eq!(read_back.open(&RIGHT).unwrap(), b"{\"format\":\"backoffice-backup\"}");
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, max_shrink_iters: 200, ..ProptestConfig::default() })]

        /// Any text round-trips.
        #[test]
        fn any_text_round_trips(text in "\\PC{0,400}") {
            let file = sealed(&text);
            prop_assert_eq!(read(file.as_bytes()).unwrap().open(&RIGHT).unwrap(), text.as_bytes());
        }

        /// Any damage to a file gives an answer, never a panic: a refusal, or (a change
        /// outside what is sealed, such as spacing) the same text.
        #[test]
        fn any_damaged_file_is_refused_or_opens_to_the_same_text(at in 0usize..2000, byte in any::<u8>(), cut in 0usize..2000) {
            let text = "{\"format\":\"backoffice-backup\",\"x\":\"Rahasia\"}";
            let mut file = sealed(text).into_bytes();
            let i = at % file.len();
            file[i] = byte;
            file.truncate(file.len() - cut % file.len());
            if let Ok(s) = read(&file) {
                if let Ok(opened) = s.open(&RIGHT) {
                    prop_assert_eq!(opened, text.as_bytes());
                }
            }
        }
    }
}
