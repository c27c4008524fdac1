//! Every declared record type: what `record!` writes for it agrees with serde's reading.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

use crate::domain::calendar::Event;
use crate::domain::calendar::EventKind;
use crate::domain::calendar::Repeat;
use crate::domain::contact::Contact;
use crate::domain::contact::ContactKind;
use crate::domain::contact::Party;
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::record::Entity;
use crate::domain::record::Meta;
use crate::domain::{
    assets, attendance, calendar, contact, discipline, frontdesk, inventory, leave, meeting, people, purchasing, stocktake, training,
};
use crate::table::codec::{self, decode_as};
use crate::table::{Columns, FromRow};

/// `rows` stored as columns and read back by both readers; the two must agree.
fn both<T: FromRow + DeserializeOwned + PartialEq + std::fmt::Debug>(rows: &[Value]) -> Vec<T> {
    let cols = || Columns::from_values(rows);
    let ours = cols().rows_of::<T>().unwrap();
    let serdes = cols().typed::<T>().unwrap();
    assert_eq!(ours, serdes);
    ours
}

/// A record with every field set to something other than its default, as JSON.
fn filled<T: Entity + Serialize>(edit: impl FnOnce(&mut T)) -> Value {
    let mut r = T::blank(chrono::Utc::now());
    edit(&mut r);
    serde_json::to_value(&r).unwrap()
}

/// Every field in the struct literal and in serde's reading: set each one, read it back.
fn round_trip<T: Entity + std::fmt::Debug>(edit: impl FnOnce(&mut T)) {
    let full = filled::<T>(edit);
    let back = both::<T>(std::slice::from_ref(&full));
    assert_eq!(serde_json::to_value(&back[0]).unwrap(), full);
    // Only the meta fields stored: every other field takes serde's default.
    let mut bare = serde_json::Map::new();
    for k in ["id", "created_at", "updated_at"] {
        bare.insert(k.into(), full[k].clone());
    }
    both::<T>(&[Value::Object(bare)]);
}

fn text_fields<T: Entity>(r: &mut T) {
    for (i, f) in T::fields().iter().enumerate() {
        r.set(f.key, &format!("v{i}"));
    }
    r.meta_mut().deleted_at = Some(chrono::Utc::now());
}

#[test]
fn every_record_type_reads_as_serde_reads_it() {
    round_trip::<frontdesk::Call>(|r| {
        text_fields(r);
        r.contact_id = "c-1".into();
    });
    round_trip::<frontdesk::Visitor>(text_fields);
    round_trip::<inventory::Item>(|r| {
        text_fields(r);
        r.active = "no".into();
    });
    round_trip::<inventory::StockMove>(|r| {
        text_fields(r);
        (r.order_id, r.order_line, r.to_location, r.to_whom) = ("po".into(), "l1".into(), "B".into(), "Ani".into());
    });
    round_trip::<assets::Asset>(text_fields);
    round_trip::<assets::AssetLog>(text_fields);
    round_trip::<people::Employee>(text_fields);
    round_trip::<people::EmployeeChange>(text_fields);
    round_trip::<leave::LeaveRequest>(text_fields);
    round_trip::<leave::Holiday>(text_fields);
    round_trip::<discipline::WarningLetter>(text_fields);
    round_trip::<attendance::Attendance>(text_fields);
    round_trip::<training::Training>(text_fields);
    round_trip::<contact::Contact>(|r| {
        text_fields(r);
        (r.party, r.kind) = (Party::Organisation, ContactKind::Supplier);
        r.emails = vec!["a@b.id".into(), "c@d.id".into()];
        r.phones = vec!["0812".into()];
        r.tags = vec!["x".into(), "y".into()];
    });
    round_trip::<calendar::Event>(|r| {
        (r.title, r.kind, r.start, r.end, r.all_day) = (
            "Rapat".into(),
            EventKind::Meeting,
            crate::domain::dates::parse_datetime("2026-01-05T09:00"),
            crate::domain::dates::parse_datetime("2026-01-05T10:00"),
            true,
        );
        (r.location, r.attendees, r.notes, r.repeat, r.interval) = ("R1".into(), "Ani\nBudi".into(), "n".into(), Repeat::Weekly, Some(2));
        (r.weekdays, r.until, r.count, r.series_id, r.uid) =
            ("mo,we".into(), crate::domain::dates::parse_date("2026-03-01"), Some(5), "s-1".into(), "u@x".into());
        r.except = vec!["2026-01-12".parse().unwrap(), "2026-01-19".parse().unwrap()];
        r.occurrence = Some("2026-01-26".parse().unwrap());
    });
    round_trip::<meeting::Minutes>(|r| {
        (r.event_id, r.date, r.title, r.chair, r.present, r.decisions) =
            ("e".into(), crate::domain::dates::parse_date("2026-01-05"), "t".into(), "c".into(), "p".into(), "d".into());
        r.agenda = vec![meeting::AgendaItem { title: "a".into(), owner: "o".into(), minutes: "10".into(), notes: "n".into() }];
        r.actions = vec![meeting::Action {
            id: "1".into(),
            text: "x".into(),
            owner: "o".into(),
            due: "2026-01-09".into(),
            status: crate::domain::meeting::ActionStatus::Done,
            from: "a".into(),
        }];
    });
    round_trip::<purchasing::PurchaseOrder>(|r| {
        text_fields(r);
        r.lines = vec![purchasing::Line { id: "l".into(), item_id: "i".into(), description: "d".into(), qty: 3, price: 1500 }];
    });
    round_trip::<stocktake::Stocktake>(|r| {
        (r.location, r.category, r.started, r.notes, r.posted) =
            ("g".into(), "c".into(), crate::domain::dates::parse_datetime("2026-01-01T08:00"), "n".into(), "2026-01-02".into());
        r.counts = vec![stocktake::Count { item_id: "i".into(), counted: "4".into() }];
    });
}

#[test]
fn rows_missing_a_required_meta_field_or_holding_a_wrong_value_are_named() {
    let good = filled::<contact::Contact>(|c| c.name = "A".into());
    let mut no_id = good.clone();
    no_id.as_object_mut().unwrap().remove("id");
    let err = Columns::from_values(&[good.clone(), no_id]).rows_of::<contact::Contact>().unwrap_err();
    assert_eq!(err, (1, "missing field `id`".into()));
    let mut bad = good.clone();
    bad["emails"] = json!({"not": "a list"});
    assert_eq!(Columns::from_values(&[bad]).rows_of::<contact::Contact>().unwrap_err().0, 0);
    let mut bad_time = good;
    bad_time["updated_at"] = json!("yesterday");
    assert!(Columns::from_values(&[bad_time]).rows_of::<contact::Contact>().is_err());
}

#[test]
fn unknown_columns_are_ignored_and_absent_ones_take_the_types_defaults() {
    let mut v = filled::<frontdesk::Call>(|c| c.caller = "Ani".into());
    let o = v.as_object_mut().unwrap();
    o.remove("urgency");
    o.insert("from_a_newer_version".into(), json!("x"));
    let got = both::<frontdesk::Call>(&[v]);
    assert_eq!((got[0].caller.as_str(), got[0].urgency.code()), ("Ani", "normal"));
}

/// What the JSON tree path stored for a record: its object without nulls.
fn as_json<T: Serialize>(r: &T) -> Value {
    let mut v = serde_json::to_value(r).unwrap();
    v.as_object_mut().unwrap().retain(|_, x| !x.is_null());
    v
}

#[test]
fn records_go_into_columns_as_their_json() {
    let contacts: Vec<Contact> = (0..30)
        .map(|i| {
            serde_json::from_value(json!({"id": format!("45666334-19ee-4b5a-aa37-2010c4242d{i:02}"), "created_at": "2026-01-01T00:00:00.123Z",
                "updated_at": "2026-01-02T00:00:00Z", "name": format!("Orang {i}"), "emails": if i % 2 == 0 { json!([format!("o{i}@x.id")]) } else { json!([]) },
                "deleted_at": if i == 3 { json!("2026-02-01T00:00:00Z") } else { Value::Null }}))
            .unwrap()
        })
        .collect();
    let orders: Vec<PurchaseOrder> =
        vec![serde_json::from_value(json!({"id": "po-1", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        "number": "PO-2026-001", "supplier_id": "s", "date": "2026-01-01", "expected": "", "status": "draft", "tax": "11", "notes": "",
        "lines": [{"id": "l1", "item_id": "a", "description": "Kertas", "qty": 2, "price": 15000000}]}))
        .unwrap()];
    let events: Vec<Event> = vec![serde_json::from_value(json!({"id": "e", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
        "title": "Rapat", "start": "2026-11-23T09:00", "end": "2026-11-23T10:00", "all_day": true, "repeat": "weekly", "interval": 2, "except": ["2026-11-30"], "occurrence": "2026-12-07"}))
    .unwrap()];
    fn check<T: Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(rs: &[T]) {
        // Times handed over as numbers take as many bytes as the same times read from text.
        let from_json = Columns::from_values(&rs.iter().map(as_json).collect::<Vec<_>>());
        assert_eq!(crate::table::records_as_columns(rs).to_bytes().len(), from_json.to_bytes().len());
        let cols = crate::table::records_as_columns(rs);
        let mut json_rows = b"[".to_vec();
        cols.write_json_rows(&mut json_rows);
        json_rows.push(b']');
        let text = codec::encode_columns(cols);
        assert_eq!(codec::decode(&text).unwrap(), rs.iter().map(as_json).collect::<Vec<_>>());
        assert_eq!(codec::decode_as::<T>(&text).unwrap(), rs);
        // The backup's rows read back to the same records.
        let read: Columns = serde_json::from_slice(&json_rows).unwrap();
        assert_eq!(read.typed::<T>().unwrap(), rs);
    }
    check(&contacts);
    check(&orders);
    check(&events);
}

#[test]
fn stored_times_reach_records_as_numbers_and_text_fields_as_text() {
    #[derive(serde::Deserialize, Debug)]
    struct R {
        #[serde(flatten)]
        meta: Meta,
        note: String,
        due: Option<String>,
    }
    let rows: Vec<Value> = (0..3)
        .map(|i| json!({"id": format!("45666334-19ee-4b5a-aa37-2010c4242d0{i}"), "created_at": format!("2024-01-0{}T00:11:00.719Z", i + 1),
                        "updated_at": "2024-02-01T00:00:00Z", "deleted_at": "2024-03-01T10:00:00Z", "note": "2024-03-01T00:00:00Z", "due": "2025-01-01T00:00:00.5Z"}))
        .collect();
    let typed: Vec<R> = decode_as(&codec::encode(rows)).unwrap();
    assert_eq!(typed[2].meta.created_at.to_rfc3339(), "2024-01-03T00:11:00.719+00:00");
    assert_eq!(typed[0].meta.deleted_at.map(|t| t.timestamp()), Some(1709287200));
    assert_eq!((typed[1].note.as_str(), typed[1].due.as_deref()), ("2024-03-01T00:00:00Z", Some("2025-01-01T00:00:00.5Z")));
    // JSON (backups, old data): any RFC 3339 offset, and null for "not in the trash".
    let m: Meta = serde_json::from_value(
        json!({"id": "a", "created_at": "2024-01-01T07:00:00+07:00", "updated_at": "2024-01-01T00:00:00Z", "deleted_at": null}),
    )
    .unwrap();
    assert_eq!((m.created_at, m.deleted_at), (m.updated_at, None));
    assert!(serde_json::from_value::<Meta>(json!({"id": "a", "created_at": "yesterday", "updated_at": "2024-01-01T00:00:00Z"})).is_err());
}

#[test]
fn a_yes_or_no_reads_in_either_language() {
    let mut item = inventory::Item::blank(chrono::Utc::now());
    assert!(item.is_active(), "a new item is stocked");
    // "tidak" and "no" used to be kept as typed, and any text counted as yes.
    for no in ["tidak", "no", "0", "", "false"] {
        item.set("active", no);
        assert!(!item.is_active(), "{no:?}");
        assert_eq!(item.get("active"), "");
    }
    for yes in ["ya", "Yes", "1", "aktif", "TRUE"] {
        item.set("active", yes);
        assert!(item.is_active(), "{yes:?}");
    }
    let mut event = calendar::Event::blank(chrono::Utc::now());
    event.set("all_day", "Ya");
    assert!(event.all_day);
    assert_eq!(event.get("all_day"), "1");
}

#[test]
fn typed_text_is_tidied_by_the_field_kind() {
    let mut c = contact::Contact::blank(chrono::Utc::now());
    c.set("tags", " vip, supplier ,vip,, ");
    assert_eq!(c.tags, vec!["vip", "supplier"]);
    assert_eq!(c.get("tags"), "vip, supplier");
    c.set("emails", "a@x.id, b@y.id;\nc@z.id");
    assert_eq!(c.emails.len(), 3);
    c.set("notes", "  indented\n");
    assert_eq!(c.notes, "  indented", "long text keeps its leading spaces");
    c.set("name", "  Budi ");
    assert_eq!(c.name, "Budi");
    let mut e = calendar::Event::blank(chrono::Utc::now());
    e.set("weekdays", "we, mo, xx");
    assert_eq!(e.weekdays, "WE,MO");
    e.set("attendees", "Ani\n\n  Budi \n");
    assert_eq!(e.attendees, "Ani\nBudi");
    // A key the schema does not name is neither read nor written.
    e.set("uid", "x");
    assert_eq!((e.uid.as_str(), e.get("uid").as_str()), ("", ""));
}

#[test]
fn days_are_stored_as_the_text_they_always_were_and_nothing_else_is_read_as_a_day() {
    let stored = |date: &str, expected: &str| {
        json!({"id": "po-1", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            "number": "PO-2026-001", "date": date, "expected": expected, "status": "draft"})
    };
    // Empty text (every older store and backup) and no value both mean no day.
    let read: Vec<PurchaseOrder> = both(&[stored("2026-01-31", ""), stored("2026-02-01", " ")]);
    assert_eq!(read[0].date, crate::domain::dates::parse_date("2026-01-31"));
    assert_eq!((read[0].expected, read[1].expected), (None, None));
    // Written back as the same text: no null, no seconds, nothing a reader of the old text could not take.
    let json = serde_json::to_value(&read[0]).unwrap();
    assert_eq!((&json["date"], &json["expected"]), (&json!("2026-01-31"), &json!("")));
    // What is not a day is an error for the list, never a silent empty field.
    for bad in ["2026-02-30", "31/01/2026", "20266-01-31", "kemarin"] {
        assert!(Columns::from_values(&[stored(bad, "")]).rows_of::<PurchaseOrder>().is_err(), "{bad}");
        assert!(serde_json::from_value::<PurchaseOrder>(stored(bad, "")).is_err(), "{bad}");
    }
}

#[test]
fn times_are_kept_to_the_minute_however_they_were_written() {
    use crate::domain::frontdesk::Visitor;
    let mut v = Visitor::blank(chrono::Utc::now());
    // A spreadsheet's space for the `T`, and seconds a clock adds: kept as the form shows it.
    v.set("check_in", "2026-11-22 09:30:45");
    assert_eq!(v.get("check_in"), "2026-11-22T09:30");
    let mut stored = serde_json::to_value(&v).unwrap();
    assert_eq!(stored["check_in"], "2026-11-22T09:30");
    stored["check_in"] = json!("2026-11-22T09:30:45");
    let back: Vec<Visitor> = both(&[stored]);
    assert_eq!(back[0].check_in, v.check_in, "a stored time with seconds reads as the same minute");
    assert_eq!(crate::domain::record::fill(&mut v, "check_out", "22/11/2026 10.00"), Some(("check_out", "err.datetime")));
}

#[test]
fn a_field_added_later_reads_as_its_default_from_older_stores() {
    // A sick-leave request stored before the doctor's letter was asked about.
    let mut old = filled::<crate::domain::leave::LeaveRequest>(|r| r.set("kind", "sick"));
    old.as_object_mut().unwrap().remove("letter");
    let rows = Columns::from_values(&[old]).rows_of::<crate::domain::leave::LeaveRequest>().unwrap();
    assert!(!rows[0].letter);
    assert_eq!(rows[0].kind, crate::domain::leave::LeaveKind::Sick);
}
