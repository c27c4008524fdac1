use super::*;
use chrono::TimeZone;
use serde_json::json;

fn at(day: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, 9, 0, 0).unwrap()
}

fn entry(day: u32, action: AuditAction, title: &str) -> AuditEntry {
    AuditEntry {
        at: at(day),
        who: "Dewi".into(),
        action,
        list: "contacts".into(),
        record: "c1".into(),
        title: title.into(),
        ..Default::default()
    }
}

/// A log of `n` entries, one a day from 1 November.
fn log(n: u32) -> Vec<AuditEntry> {
    let mut tail = Tail::default();
    (1..=n).map(|d| tail.seal(entry(d, AuditAction::Change, &format!("Budi {d}")))).collect()
}

#[test]
fn a_save_is_classified_by_what_it_did_and_lists_the_fields_changed() {
    let before = json!({"id": "c1", "name": "Budi", "phones": ["0811"], "notes": "", "updated_at": "2026-11-01T00:00:00Z"});
    let after = json!({"id": "c1", "name": "Budi Santoso", "phones": ["0811", "0812"], "notes": "", "updated_at": "2026-11-02T00:00:00Z"});
    let (action, changes) = classify(Some(&before), &after).unwrap();
    assert_eq!(action, AuditAction::Change);
    assert_eq!(
        changes,
        vec![
            Change { field: "name".into(), before: "Budi".into(), after: "Budi Santoso".into(), ..Default::default() },
            Change { field: "phones".into(), before: "0811".into(), after: "0811, 0812".into(), ..Default::default() },
        ],
        "the times every save changes are not listed"
    );
    assert_eq!(classify(Some(&after), &after), None, "a form saved untouched logs nothing");
    let (action, changes) = classify(None, &after).unwrap();
    assert_eq!(action, AuditAction::Create);
    assert_eq!(changes.iter().map(|c| c.field.as_str()).collect::<Vec<_>>(), ["name", "phones"], "empty fields are not listed");
    let trashed = json!({"id": "c1", "name": "Budi Santoso", "deleted_at": "2026-11-03T00:00:00Z"});
    assert_eq!(classify(Some(&after), &trashed).unwrap().0, AuditAction::Trash);
    assert_eq!(classify(Some(&trashed), &after).unwrap().0, AuditAction::Restore);
}

#[test]
fn a_long_value_is_cut_so_the_log_stays_small() {
    let long = "kata ".repeat(100);
    let changes = diff(&json!({"notes": ""}), &json!({"notes": long}));
    assert_eq!(changes[0].after.chars().count(), MAX_VALUE + 1);
    assert!(changes[0].after.ends_with('…'));
}

#[test]
fn an_edit_far_into_a_long_text_is_logged_around_where_it_was_made() {
    let before = format!("{}akhir lama.", "kata ".repeat(100));
    let after = format!("{}akhir baru.", "kata ".repeat(100));
    let (action, changes) = classify(Some(&json!({"body": before})), &json!({"body": after})).unwrap();
    assert_eq!(action, AuditAction::Change, "a change past the part kept is still a change");
    assert!(changes[0].before.starts_with('…') && changes[0].before.ends_with("akhir lama."), "{}", changes[0].before);
    assert!(changes[0].after.ends_with("akhir baru."));
    assert!(changes[0].after.chars().count() <= MAX_VALUE + 2);
}

#[test]
fn an_intact_log_verifies_and_gives_its_last_link() {
    let l = log(5);
    assert_eq!(l.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
    assert_eq!(l[0].prev, "", "the first entry of a new log starts from nothing");
    assert!(l[1..].iter().all(|e| e.prev.is_empty()), "later entries do not repeat the link before them");
    assert_eq!(l[4].hash.len(), 32);
    assert_eq!(verify(&l), Verified::Intact { entries: 5, last: l[4].hash.clone() });
    assert_eq!(verify(&[]), Verified::Intact { entries: 0, last: String::new() });
}

#[test]
fn any_change_to_an_entry_breaks_the_chain_where_it_was_made() {
    let l = log(6);
    let mut edited = l.clone();
    edited[3].changes.push(Change { field: "name".into(), before: "A".into(), after: "B".into(), ..Default::default() });
    assert_eq!(verify(&edited), Verified::Broken { seq: 4, index: 3 });

    // Re-linking the edited entry moves the break to the next one.
    let mut relinked = edited.clone();
    relinked[3].hash = link(&relinked[2].hash, &relinked[3]);
    assert_eq!(verify(&relinked), Verified::Broken { seq: 5, index: 4 });

    let mut removed = l.clone();
    removed.remove(2);
    assert_eq!(verify(&removed), Verified::Broken { seq: 4, index: 2 });

    let mut swapped = l.clone();
    swapped.swap(1, 2);
    assert_eq!(verify(&swapped), Verified::Broken { seq: 3, index: 1 });

    let mut who = l.clone();
    who[0].who = "Someone else".into();
    assert_eq!(verify(&who), Verified::Broken { seq: 1, index: 0 });

    let mut when = l.clone();
    when[5].at = at(28);
    assert_eq!(verify(&when), Verified::Broken { seq: 6, index: 5 });

    // The oldest entries deleted and their link copied forward, as no archive did.
    let mut cut = l[3..].to_vec();
    cut[0].prev = l[2].hash.clone();
    assert_eq!(verify(&cut), Verified::Broken { seq: 4, index: 0 });
    let mut unstarted = l;
    unstarted[0].prev = "00".repeat(16);
    assert_eq!(verify(&unstarted), Verified::Broken { seq: 1, index: 0 }, "a log's first entry starts from nothing");
}

#[test]
fn an_archive_keeps_the_chain_verifiable_and_says_what_left() {
    let l = log(10);
    let kept = archive(&l, at(5), "Dewi", at(20)).unwrap();
    assert_eq!(kept.len(), 7, "six entries stay and the archive entry is added");
    assert_eq!(kept[0].seq, 5);
    assert_eq!(kept[0].prev, l[3].hash, "the first entry kept carries the link the archived ones ended on");
    let last = kept.last().unwrap();
    assert_eq!((last.seq, last.action, last.list.as_str()), (11, AuditAction::Archive, "audit"));
    assert_eq!(last.note, format!("4;1;4;{}", l[3].hash));
    assert!(matches!(verify(&kept), Verified::Intact { entries: 7, .. }));
    assert_eq!(archive(&l, at(1), "Dewi", at(20)), None, "nothing that old");

    let all = archive(&l, at(30), "Dewi", at(30)).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].seq, all[0].prev.as_str()), (11, l[9].hash.as_str()));
    assert!(matches!(verify(&all), Verified::Intact { entries: 1, .. }));
    // The log goes on after it.
    let mut tail = Tail::of(&all);
    let mut more = all.clone();
    more.push(tail.seal(entry(30, AuditAction::Create, "Siti")));
    assert!(matches!(verify(&more), Verified::Intact { entries: 2, .. }));
}

#[test]
fn the_log_survives_its_stored_form() {
    let mut tail = Tail::default();
    let mut e = entry(1, AuditAction::Change, "Budi");
    e.changes = diff(&json!({"name": "Budi", "tax": 11}), &json!({"name": "Budi S", "tax": 12}));
    let l = vec![tail.seal(e)];
    let back: Vec<AuditEntry> = serde_json::from_value(serde_json::to_value(&l).unwrap()).unwrap();
    assert_eq!(back, l);
    assert!(matches!(verify(&back), Verified::Intact { .. }));
}

#[test]
fn the_csv_has_a_row_per_field_changed() {
    let mut tail = Tail::default();
    let mut e = entry(1, AuditAction::Change, "Budi");
    e.changes = diff(&json!({"name": "Budi", "role": ""}), &json!({"name": "Budi S", "role": "Direktur"}));
    let mut l = vec![tail.seal(e), tail.seal(entry(2, AuditAction::Trash, "Budi S"))];
    l[0].changes[1].label = "Jabatan".into();
    let header = ["no", "at", "who", "action", "list", "record", "title", "field", "before", "after", "note", "link"];
    let text = csv(&l, header, b';', |a| a.code().to_string(), |e| e.note.clone());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[1], format!("1;2026-11-01T09:00:00.000Z;Dewi;change;contacts;c1;Budi;name;Budi;Budi S;;{}", l[0].hash));
    assert_eq!(
        lines[2],
        format!("1;2026-11-01T09:00:00.000Z;Dewi;change;contacts;c1;Budi;Jabatan;;Direktur;;{}", l[0].hash),
        "a field by its name"
    );
    assert_eq!(lines[3], format!("2;2026-11-02T09:00:00.000Z;Dewi;trash;contacts;c1;Budi S;;;;;{}", l[1].hash));
}
