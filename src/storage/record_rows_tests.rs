use serde::{de::DeserializeOwned, Serialize};
use serde_json::{json, Value};

use super::*;
use crate::domain::record::Entity;
use crate::domain::{assets, calendar, contact, frontdesk, inventory, meeting, purchasing, stocktake};

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
    round_trip::<contact::Contact>(|r| {
        text_fields(r);
        (r.party, r.kind) = ("organisation".into(), "supplier".into());
        r.emails = vec!["a@b.id".into(), "c@d.id".into()];
        r.phones = vec!["0812".into()];
        r.tags = vec!["x".into(), "y".into()];
    });
    round_trip::<calendar::Event>(|r| {
        (r.title, r.kind, r.start, r.end, r.all_day) =
            ("Rapat".into(), "meeting".into(), "2026-01-05T09:00".into(), "2026-01-05T10:00".into(), true);
        (r.location, r.attendees, r.notes, r.repeat, r.interval) =
            ("R1".into(), "Ani\nBudi".into(), "n".into(), "weekly".into(), "2".into());
        (r.weekdays, r.until, r.count, r.series_id, r.uid) = ("mo,we".into(), "2026-03-01".into(), "5".into(), "s-1".into(), "u@x".into());
        r.except = vec!["2026-01-12".parse().unwrap(), "2026-01-19".parse().unwrap()];
        r.occurrence = Some("2026-01-26".parse().unwrap());
    });
    round_trip::<meeting::Minutes>(|r| {
        (r.event_id, r.date, r.title, r.chair, r.present, r.decisions) =
            ("e".into(), "2026-01-05".into(), "t".into(), "c".into(), "p".into(), "d".into());
        r.agenda = vec![meeting::AgendaItem { title: "a".into(), owner: "o".into(), minutes: "10".into(), notes: "n".into() }];
        r.actions = vec![meeting::Action {
            id: "1".into(),
            text: "x".into(),
            owner: "o".into(),
            due: "2026-01-09".into(),
            status: "done".into(),
            from: "a".into(),
        }];
    });
    round_trip::<purchasing::PurchaseOrder>(|r| {
        text_fields(r);
        r.lines = vec![purchasing::Line { id: "l".into(), item_id: "i".into(), description: "d".into(), qty: 3, price: 1500 }];
    });
    round_trip::<stocktake::Stocktake>(|r| {
        (r.location, r.category, r.started, r.notes, r.posted) =
            ("g".into(), "c".into(), "2026-01-01".into(), "n".into(), "2026-01-02".into());
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
    assert_eq!((got[0].caller.as_str(), got[0].urgency.as_str()), ("Ani", "normal"));
}
