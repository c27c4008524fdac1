//! What the app writes, it reads back: `read(write(x)) == x` over whole domains of values,
//! for the stored column encoding, every record type in a chunk and in a backup file.
//! A value that cannot be read back must be refused before it is stored; since every
//! value below is taken, each must come back exactly.
#![cfg(not(target_arch = "wasm32"))]
use backoffice::domain::backup;
use backoffice::domain::record::Entity;
use backoffice::table::Columns;
use backoffice::table::{codec, records_as_columns, stamps};
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Bounded: these run in every test command.
fn config() -> ProptestConfig {
    ProptestConfig { cases: 96, max_shrink_iters: 200, ..ProptestConfig::default() }
}

/// Texts of the shapes the encoder treats specially (dates, date-times, timestamps,
/// UUIDs, digits) with four-digit years anywhere in 0000–9999, and any other text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}",
        "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{3})?Z",
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        "-?[0-9]{1,12}",
        Just(String::new()),
    ]
}

/// An id as this app makes them (any time, counter and one of twelve browsers, more than
/// a column names by index) or any other UUID.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0i64..1 << 48, prop_oneof![Just(0u16), 0u16..0x1000], 0u64..12).prop_map(|(ms, counter, node)| {
            uuid::Uuid::from_bytes(backoffice::table::ids::id_bytes(ms, counter, node * 0x9E37_79B9)).to_string()
        }),
        1 => "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => text().prop_map(Value::String),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => prop::collection::vec(text(), 0..4).prop_map(|v| json!(v)),
    ]
}

/// A time in whole milliseconds anywhere in years 0000–9999, as records keep them.
fn stamp() -> impl Strategy<Value = DateTime<Utc>> {
    let first = "0000-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap().timestamp_millis();
    let last = "9999-12-31T23:59:59.999Z".parse::<DateTime<Utc>>().unwrap().timestamp_millis();
    (first..=last).prop_map(|ms| DateTime::from_timestamp_millis(ms).unwrap())
}

fn stored_and_read(cols: Columns) -> Columns {
    let text = codec::encode_columns(cols);
    codec::decode_columns(&text).expect("what was written reads back")
}

#[test]
fn every_local_date_time_with_a_four_digit_year_reads_back() {
    // Every year, so a gap like the one that hid records written in years 0000–0999 shows.
    for year in 0..=9999 {
        let text = format!("{year:04}-06-30T23:59");
        let minute = stamps::minute_of(&text).unwrap_or_else(|| panic!("{text} is a date-time"));
        assert_eq!(stamps::minute_text(minute).as_deref(), Some(text.as_str()));
        let ts = format!("{year:04}-01-01T00:00:00.001Z");
        let ms = stamps::ts_ms(&ts).unwrap_or_else(|| panic!("{ts} is a timestamp"));
        assert_eq!(stamps::ts_text(ms).as_deref(), Some(ts.as_str()));
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_column_of_values_reads_back(rows in prop::collection::vec(prop::option::of(value()), 1..40)) {
        // `None` is a row without the field: it must stay without it.
        let rows: Vec<Value> = rows.into_iter().map(|v| match v {
            Some(v) if !v.is_null() => json!({ "f": v, "n": 1 }),
            _ => json!({ "n": 1 }),
        }).collect();
        let back = stored_and_read(Columns::from_values(&rows)).into_rows();
        prop_assert_eq!(back, rows);
    }

    #[test]
    fn any_column_of_ids_reads_back(ids in prop::collection::vec(id(), 1..60)) {
        let rows: Vec<Value> = ids.into_iter().map(|id| json!({ "id": id })).collect();
        let back = stored_and_read(Columns::from_values(&rows)).into_rows();
        prop_assert_eq!(back, rows);
    }

    #[test]
    fn any_minute_or_timestamp_text_the_encoder_takes_prints_back(s in text()) {
        if let Some(m) = stamps::minute_of(&s) {
            prop_assert_eq!(stamps::minute_text(m), Some(s.clone()));
        }
        if let Some(ms) = stamps::ts_ms(&s) {
            prop_assert_eq!(stamps::ts_text(ms), Some(s.clone()));
        }
    }
}

/// A record's created, updated and deleted times.
type Times = (DateTime<Utc>, DateTime<Utc>, Option<DateTime<Utc>>);

/// Records of type `E` with every schema field set from `texts` (cycled) and times anywhere
/// in years 0000–9999.
fn records<E: Entity>(texts: &[String], times: &[Times]) -> Vec<E> {
    let mut i = 0;
    times
        .iter()
        .map(|(created, updated, deleted)| {
            let mut r = E::blank(*created);
            for f in E::fields() {
                r.set(f.key, &texts[i % texts.len()]);
                i += 1;
            }
            let m = r.meta_mut();
            (m.updated_at, m.deleted_at) = (*updated, *deleted);
            r
        })
        .collect()
}

macro_rules! record_laws {
    ($($name:ident: $t:ty,)*) => {
        proptest! {
            #![proptest_config(config())]

            /// Each record type as a whole: stored as a chunk and read back, and written to a
            /// backup file and read back, it is the record that was saved.
            #[test]
            fn every_record_type_reads_back_from_a_chunk_and_a_backup(
                texts in prop::collection::vec(text(), 1..30),
                times in prop::collection::vec((stamp(), stamp(), prop::option::of(stamp())), 1..12),
            ) {
                $({
                    let recs: Vec<$t> = records(&texts, &times);
                    // The column writer is not human-readable (times reach it as numbers):
                    // its cells must still be what serde_json writes, field for field.
                    let as_json: Vec<serde_json::Value> = recs.iter().map(|r| {
                        let mut v = serde_json::to_value(r).unwrap();
                        v.as_object_mut().unwrap().retain(|_, x| !x.is_null());
                        v
                    }).collect();
                    prop_assert_eq!(records_as_columns(&recs).into_rows(), as_json, "{} as columns", stringify!($name));
                    let back = stored_and_read(records_as_columns(&recs)).rows_of::<$t>();
                    prop_assert_eq!(back.as_ref(), Ok(&recs), "{} from a chunk", stringify!($name));
                    let rows = |r: std::ops::Range<usize>| records_as_columns(&recs[r]);
                    let list = backup::ExportList { name: stringify!($name), len: recs.len(), rows: &rows };
                    let file = backup::export(&[list], None, &[], None, times[0].0);
                    let read = backup::parse(file.as_bytes());
                    prop_assert!(read.is_ok(), "{} backup: {:?}", stringify!($name), read.as_ref().err());
                    prop_assert_eq!(read.unwrap().$name, Some(recs), "{} from a backup", stringify!($name));
                })*
            }
        }
    };
}
backoffice::with_record_lists!(record_laws);
