use super::*;
use crate::domain::zip::{self, Content, Writer, ZipError};

fn attachment(id: &str, name: &str, data: &[u8]) -> Attachment {
    Attachment {
        id: id.into(),
        owner: format!("contacts/{id}-owner"),
        title: "Budi Santoso".into(),
        name: name.into(),
        mime: "application/pdf".into(),
        size: data.len() as u64,
        added: 1_764_750_000_000.0,
        removed: None,
        path: path(id, name),
    }
}

/// An archive written as the browser writes it: each part's header, then its bytes.
fn archive(json: &[u8], files: &[(Attachment, Vec<u8>)]) -> Vec<u8> {
    let mut w = Writer::default();
    let mut out = vec![];
    let (c, packed) = Content::deflated(json);
    out.extend(w.part(BACKUP_PART, c).unwrap());
    out.extend(packed);
    for (a, data) in files {
        out.extend(w.part(&a.path, Content::stored(data)).unwrap());
        out.extend(data);
    }
    let list: Vec<Attachment> = files.iter().map(|(a, _)| a.clone()).collect();
    let (c, packed) = Content::deflated(&list_text(&list));
    out.extend(w.part(LIST_PART, c).unwrap());
    out.extend(packed);
    out.extend(w.finish().unwrap());
    out
}

fn part(bytes: &[u8], e: &zip::Entry, limit: usize) -> Result<Vec<u8>, ZipError> {
    let local = e.local as usize;
    let from = local + zip::data_offset(bytes.get(local..local + zip::LOCAL_LEN).ok_or(ZipError::Damaged)?)? as usize;
    let packed = bytes.get(from..from + e.content.packed as usize).ok_or(ZipError::Damaged)?;
    zip::unpack(&e.content, packed, limit)
}

/// Reads an archive the way the Data screen does: its tail, its directory, the two lists,
/// then each file on its own.
fn read(bytes: &[u8]) -> Result<(Vec<u8>, Found, Vec<Vec<u8>>), String> {
    let tail = &bytes[bytes.len().saturating_sub(zip::TAIL_LEN)..];
    let d = zip::directory(tail).map_err(|e| format!("{e:?}"))?;
    let dir = bytes.get(d.start as usize..(d.start + d.len) as usize).ok_or("directory")?;
    let parts = zip::entries(dir, d.count).map_err(|e| format!("{e:?}"))?;
    let json_part = parts.iter().find(|p| p.name == BACKUP_PART).ok_or("no backup")?;
    let json = part(bytes, json_part, 1 << 20).map_err(|e| format!("{e:?}"))?;
    let list = match parts.iter().find(|p| p.name == LIST_PART) {
        Some(p) => part(bytes, p, MOST_LIST_BYTES).map_err(|e| format!("{e:?}"))?,
        None => return Ok((json, Found::default(), vec![])),
    };
    let found = found(&list, &parts).map_err(|e| format!("{e:?}"))?;
    let files = found.files.iter().filter_map(|(_, e)| part(bytes, e, MAX_BYTES as usize).ok()).collect();
    Ok((json, found, files))
}

#[test]
fn a_backup_with_attachments_reads_back_file_for_file() {
    let pdf = b"%PDF-1.4 kontrak kerja".repeat(50);
    let photo = vec![0xffu8, 0xd8, 0xff, 0xe0, 1, 2, 3];
    let files = vec![(attachment("a1", "Kontrak Budi.pdf", &pdf), pdf.clone()), (attachment("b2", "foto KTP.jpg", &photo), photo.clone())];
    let json = br#"{"format":"backoffice-backup"}"#;
    let bytes = archive(json, &files);
    let (back, found, data) = read(&bytes).unwrap();
    assert_eq!(back, json);
    assert_eq!(found.left_out, 0);
    assert_eq!(found.files.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>(), files.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>());
    assert_eq!(data, vec![pdf.clone(), photo.clone()]);
    assert_eq!(found.bytes(), (pdf.len() + photo.len()) as u64);
    // Files are stored as they are, so unpacking by hand gives them back; the whole archive
    // also opens as one, the way the workbook reader opens it.
    let whole = zip::Archive::open(&bytes).unwrap();
    assert_eq!(whole.read("attachments/a1/Kontrak Budi.pdf").unwrap(), Some(pdf));
}

#[test]
fn attachments_listed_but_missing_damaged_or_not_ours_are_left_out_and_counted() {
    let data = b"isi berkas".to_vec();
    let good = attachment("ok1", "a.txt", &data);
    let mut wrong_size = attachment("ws", "b.txt", &data);
    wrong_size.size += 1;
    let mut climbing = attachment("../../etc", "c.txt", &data);
    climbing.path = path("../../etc", "c.txt");
    let mut no_owner = attachment("no", "d.txt", &data);
    no_owner.owner = "contacts".into();
    let twice = good.clone();
    let mut missing = attachment("gone", "e.txt", &data);
    missing.path = "attachments/gone/elsewhere.txt".into();
    let listed = vec![good.clone(), wrong_size.clone(), climbing.clone(), no_owner.clone(), twice, missing];
    let parts: Vec<zip::Entry> = [&good, &wrong_size, &climbing, &no_owner]
        .iter()
        .map(|a| zip::Entry { name: a.path.clone(), content: Content::stored(&data), local: 0 })
        .collect();
    let f = found(&list_text(&listed), &parts).unwrap();
    assert_eq!(f.files.len(), 1);
    assert_eq!(f.files[0].0, good);
    assert_eq!(f.left_out, 5);
}

#[test]
fn a_list_not_ours_or_from_a_newer_version_is_refused() {
    assert_eq!(found(b"not json", &[]), Err(ListError::NotJson));
    assert_eq!(found(br#"{"format":"other","version":1,"files":[]}"#, &[]), Err(ListError::Foreign));
    assert_eq!(found(br#"{"format":"backoffice-attachments","version":7,"files":[]}"#, &[]), Err(ListError::Newer(7)));
    assert_eq!(found(br#"{"format":"backoffice-attachments","version":1,"files":[]}"#, &[]), Ok(Found::default()));
}

#[test]
fn names_in_the_archive_unpack_as_themselves_anywhere() {
    assert_eq!(safe_name("Kontrak Budi.pdf"), "Kontrak Budi.pdf");
    assert_eq!(safe_name("../../rahasia.txt"), "_.._rahasia.txt");
    assert_eq!(safe_name("a:b*c?.doc"), "a_b_c_.doc");
    assert_eq!(safe_name("..."), "file");
    assert_eq!(safe_name(""), "file");
    assert_eq!(safe_name(&"x".repeat(500)).chars().count(), 120);
    assert_eq!(path("id-1", "foto/KTP.jpg"), "attachments/id-1/foto_KTP.jpg");
    assert_eq!(file_name("backoffice-backup-2026-12-03.json"), "backoffice-backup-2026-12-03.zip");
}

#[test]
fn an_archive_past_four_gigabytes_is_refused_before_it_is_written() {
    let mut w = Writer::default();
    let big = Content { method: 0, crc: 0, packed: 3 << 30, size: 3 << 30 };
    assert!(w.part("a", big).is_ok());
    assert_eq!(w.part("b", big), Err(ZipError::TooLarge));
}

/// A small deterministic generator (xorshift): the same damage on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn damaged_archives_are_read_or_refused_never_a_crash() {
    let data = b"%PDF-1.4 laporan".repeat(20);
    let files = vec![(attachment("a1", "laporan.pdf", &data), data.clone())];
    let clean = archive(br#"{"format":"backoffice-backup"}"#, &files);
    let mut rng = Rng(0x5eed_2026);
    for case in 0..3000 {
        let mut bytes = clean.clone();
        match case % 3 {
            0 => {
                let i = rng.next() as usize % bytes.len();
                bytes[i] ^= 1 << (rng.next() % 8);
            }
            1 => bytes.truncate(rng.next() as usize % bytes.len()),
            _ => {
                let i = rng.next() as usize % bytes.len();
                let n = (rng.next() % 8) as usize;
                for b in bytes.iter_mut().skip(i).take(n) {
                    *b = 0xff;
                }
            }
        }
        // Whatever is read back is what was written, or the damage is named.
        if let Ok((_, found, got)) = read(&bytes) {
            assert!(got.iter().all(|g| *g == data), "case {case}: a damaged file was taken as good");
            assert!(found.files.len() <= 1);
        }
    }
}

#[test]
fn a_directory_claiming_more_packed_bytes_than_a_part_can_have_is_refused_before_reading() {
    let data = b"isi".repeat(100);
    let a = attachment("a1", "isi.txt", &data);
    let mut bytes = archive(b"{}", &[(a, data)]);
    let tail = &bytes[bytes.len().saturating_sub(zip::TAIL_LEN)..];
    let d = zip::directory(tail).unwrap();
    // The second part's packed size (offset 20 in its directory entry) set to most of the file.
    let dir = d.start as usize;
    let first_len = 46 + u16::from_le_bytes([bytes[dir + 28], bytes[dir + 29]]) as usize;
    let second = dir + first_len;
    let most = (bytes.len() as u32 - 10).to_le_bytes();
    bytes[second + 20..second + 24].copy_from_slice(&most);
    let dir_bytes = &bytes[dir..dir + d.len as usize];
    assert_eq!(zip::entries(dir_bytes, d.count), Err(ZipError::Damaged));
}

#[test]
fn a_file_unpacked_by_hand_shows_when_it_was_added() {
    let t = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap().and_hms_opt(19, 15, 9).unwrap();
    let (time, date) = zip::dos_time(t);
    assert_eq!(date, (46 << 9) | (12 << 5) | 3);
    assert_eq!(time, (19 << 11) | (15 << 5) | 4);
    let old = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    assert_eq!(zip::dos_time(old), (0, 0x0021));
}

/// An encrypted archive, written as the browser writes one: the backup and the list sealed
/// (`sealed_backup`), each file sealed under its id alone. Read back with the backup's key,
/// file for file; nothing in it names a file or shows its text; a file sealed under another
/// id does not open.
#[test]
fn an_encrypted_archive_reads_back_with_its_key_and_shows_no_name_or_text() {
    use crate::crypto::{counter, Cipher, Lock};
    use crate::domain::sealed_backup;
    let (derived, key) = ([3u8; 32], [4u8; 32]);
    let lock = Lock::new(&derived, &[5; 16], &key, counter);
    let cipher = Cipher::new(&key);
    let pdf = b"%PDF-1.4 kontrak kerja Rahasia".repeat(20);
    let mut a = attachment("a1", "Kontrak Rahasia.pdf", &pdf);
    a.path = sealed_path(&a.id);
    let sealed = cipher.seal(counter, &sealed_aad(&a.id), &pdf);
    let json = sealed_backup::seal(r#"{"format":"backoffice-backup"}"#, &lock, &key, counter);

    let mut w = Writer::default();
    let mut bytes = vec![];
    let (c, packed) = Content::deflated(json.as_bytes());
    bytes.extend(w.part(BACKUP_PART, c).unwrap());
    bytes.extend(packed);
    bytes.extend(w.part(&a.path, Content::stored(&sealed)).unwrap());
    bytes.extend(&sealed);
    let list = sealed_backup::seal(std::str::from_utf8(&list_text(std::slice::from_ref(&a))).unwrap(), &lock, &key, counter);
    let (c, packed) = Content::deflated(list.as_bytes());
    bytes.extend(w.part(LIST_PART, c).unwrap());
    bytes.extend(packed);
    bytes.extend(w.finish().unwrap());
    let shown = String::from_utf8_lossy(&bytes);
    assert!(!shown.contains("Rahasia") && !shown.contains("Kontrak") && !shown.contains(".pdf"), "a name or text shows");

    let whole = zip::Archive::open(&bytes).unwrap();
    let listed = whole.read(LIST_PART).unwrap().unwrap();
    // Read as a plain archive's list, it is not one: the Data screen asks for the key first.
    assert_eq!(found(&listed, &[]), Err(ListError::Foreign));
    let file = sealed_backup::read(&whole.read(BACKUP_PART).unwrap().unwrap()).unwrap();
    let key_back = file.key(&derived).unwrap();
    let list = sealed_backup::read(&listed).unwrap().open_with_key(&key_back).unwrap();
    let tail = &bytes[bytes.len().saturating_sub(zip::TAIL_LEN)..];
    let d = zip::directory(tail).unwrap();
    let parts = zip::entries(&bytes[d.start as usize..(d.start + d.len) as usize], d.count).unwrap();
    let f = found_sealed(&list, &parts).unwrap();
    assert_eq!((f.files.len(), f.left_out, f.bytes()), (1, 0, pdf.len() as u64));
    let (listed_a, entry) = &f.files[0];
    assert_eq!(listed_a.name, "Kontrak Rahasia.pdf");
    let stored = part(&bytes, entry, MAX_BYTES as usize + crate::crypto::SEAL_OVERHEAD).unwrap();
    assert_eq!(Cipher::new(&key_back).open(&sealed_aad("a1"), &stored).unwrap(), pdf);
    assert!(Cipher::new(&key_back).open(&sealed_aad("b2"), &stored).is_err(), "a file moved to another id opens");
    // The plain reading of the same list finds no file of the right size.
    assert_eq!(found(&list, &parts).unwrap().files.len(), 0);
}
