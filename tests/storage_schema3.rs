//! A store written by schema 3 (money and counts kept as text) opens in this version: every
//! record type reads back as it was, numbers as numbers, with the schema-3 keys kept aside.
use backoffice::domain::record::Entity;
use backoffice::domain::schema::CURRENT;
use backoffice::storage::{doc_key, Backend, Db, Docs, MemoryBackend, Schema};
use serde_json::Value;

/// Schema 3 itself: nothing to migrate to. Writes lists as schema 3 wrote them.
static V3: Schema = Schema { current: 3, records_changed_at: 3, migrate: no_migration, small_chunks: &[] };

fn no_migration(_: &mut Docs, _: u32) -> Result<(), String> {
    Ok(())
}

/// Fields schema 3 kept as text and schema 4 keeps as numbers.
const NUMBERS: &[&str] =
    &["reorder_point", "reorder_qty", "unit_cost", "qty", "cost", "life_months", "salvage", "every", "downtime", "interval", "count"];

/// A record with every schema field filled, then as schema 3 stored it.
fn filled<E: Entity>(n: usize) -> (E, Value) {
    let mut r = E::blank("2026-11-22T08:00:00Z".parse().unwrap());
    for (i, f) in E::fields().iter().enumerate() {
        use backoffice::domain::record::FieldKind::*;
        let text = match f.kind {
            Money | Integer => format!("{}", 1500 + i),
            Number => "3".into(),
            Date => "2026-11-2".to_string() + &(i % 9 + 1).to_string(),
            DateTime | DateTimeNow => "2026-11-22T09:30".into(),
            Select(opts) => opts[opts.len() - 1].0.to_string(),
            Check => "1".into(),
            Emails => format!("orang{n}@contoh.co.id"),
            Phones => "+62 21 555 0101".into(),
            _ => format!("{} {n}", f.key),
        };
        r.set(f.key, &text);
    }
    let mut v = serde_json::to_value(&r).unwrap();
    for (k, x) in v.as_object_mut().unwrap() {
        // A field of the same name that is text in a later type ("every" of a schedule) stays text.
        if NUMBERS.contains(&k.as_str()) && (x.is_number() || x.is_null()) {
            let text = if x.is_null() { String::new() } else { x.to_string() };
            *x = Value::String(text);
        }
    }
    (r, v)
}

#[test]
fn a_schema_3_store_holding_every_type_opens_migrated() {
    let b = MemoryBackend::new(5_242_880);
    let mut expected: Vec<(&str, Value)> = vec![];
    {
        let (mut v3, _) = Db::open(Box::new(b.clone()), &V3).unwrap();
        macro_rules! write {
            ($($name:ident: $t:ty,)*) => {$(
                let (one, stored) = filled::<$t>(1);
                let (two, _) = filled::<$t>(2);
                let mut two = serde_json::to_value(&two).unwrap();
                // An unset number was "" in schema 3.
                for k in NUMBERS {
                    if let Some(x) = two.get_mut(*k).filter(|x| x.is_number() || x.is_null()) {
                        *x = Value::String(String::new());
                    }
                }
                assert!(NUMBERS.iter().all(|k| stored.get(*k).is_none_or(Value::is_string)));
                v3.save(stringify!($name), &vec![stored, two.clone()]).unwrap();
                expected.push((stringify!($name), serde_json::to_value(&one).unwrap()));
            )*};
        }
        backoffice::with_record_lists!(write);
    }
    let before = b.get(&doc_key("items")).unwrap().unwrap();
    assert!(before.starts_with(r#"{"schema":3,"#), "{before}");

    let (mut db, report) = Db::open(Box::new(b.clone()), &backoffice::registry::STORE).unwrap();
    assert_eq!((report.migrated_from, report.migration_failed), (Some(3), None));
    assert!(db.unreadable().is_empty(), "{:?}", db.unreadable().keys().collect::<Vec<_>>());
    macro_rules! read {
        ($($name:ident: $t:ty,)*) => {$(
            let got: Vec<$t> = db.load_list(stringify!($name)).unwrap().unwrap();
            assert_eq!(got.len(), 2, "{}", stringify!($name));
            let want = &expected.iter().find(|(n, _)| *n == stringify!($name)).unwrap().1;
            assert_eq!(&serde_json::to_value(&got[0]).unwrap(), want, "{}", stringify!($name));
            for k in NUMBERS {
                use backoffice::domain::record::FieldKind::*;
                let numeric = <$t>::fields().iter().any(|f| f.key == *k && matches!(f.kind, Money | Integer | Number));
                assert!(!numeric || got[1].get(k).is_empty(), "{}.{k}: an unset number stays unset", stringify!($name));
            }
        )*};
    }
    backoffice::with_record_lists!(read);
    let item: Vec<backoffice::domain::inventory::Item> = db.load_list("items").unwrap().unwrap();
    assert!(item[0].unit_cost.is_some() && item[0].reorder_point.is_some(), "money and counts are numbers now");
    assert_eq!(db.premigration_copy(3).unwrap()[&doc_key("items")], before);
    assert!(b.get(&doc_key("items")).unwrap().unwrap().starts_with(&format!(r#"{{"schema":{CURRENT},"#)));
    // Stored as numbers now, not only read as numbers.
    let head: Value = serde_json::from_str(&b.get(&doc_key("items")).unwrap().unwrap()).unwrap();
    let id = head["chunks"][0][0].as_u64().unwrap() as u32;
    let chunk = b.get(&backoffice::storage::chunk_key("items", id)).unwrap().unwrap();
    let rows = backoffice::table::codec::decode(chunk.split_once(';').unwrap().1).unwrap();
    assert!(rows[0]["unit_cost"].is_i64() && rows[1].get("unit_cost").is_none(), "{:?}", rows[0]);
}

#[test]
fn backups_from_schema_2_and_3_keep_their_numbers() {
    let item = r#"{"id":"i-1","created_at":"2026-11-01T00:00:00Z","updated_at":"2026-11-01T00:00:00Z","code":"K-1","name":"Kertas A4",
        "unit":"rim","unit_cost":"45000","reorder_point":"","reorder_qty":"10","active":"1"}"#;
    for schema in [2, 3] {
        let file = format!(
            r#"{{"format":"backoffice-backup","schema_version":{schema},"exported_at":"2026-11-30T10:00:00Z","collections":{{"items":[{item}]}}}}"#
        );
        let got = backoffice::domain::backup::parse(file.as_bytes()).unwrap();
        let items = got.items.unwrap();
        assert_eq!((items[0].unit_cost, items[0].reorder_point, items[0].reorder_qty), (Some(45000), None, Some(10)), "schema {schema}");
    }
    // A schema-1 file goes through the migrations one by one.
    let old = format!(
        r#"{{"format":"backoffice-backup","schema_version":1,"exported_at":"2026-11-30T10:00:00Z","collections":{{"items":[{item}]}}}}"#
    );
    assert_eq!(backoffice::domain::backup::parse(old.as_bytes()).unwrap().items.unwrap()[0].unit_cost, Some(45000));
}
