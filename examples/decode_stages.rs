//! Where decoding a stored list goes, stage by stage, on generated contacts (native).
use backoffice::domain::contact::Contact;
use backoffice::table::{codec, columns};
use std::time::Instant;

fn main() {
    let rows: Vec<serde_json::Value> = (0..250).map(|i| serde_json::json!({"id": format!("5f0c1a2b-3c4d-4e5f-8a9b-{i:012}"), "created_at":"2026-01-01T00:00:00.123Z","updated_at":"2026-01-01T00:00:00.456Z","name": format!("Nama Orang {i}"), "organisation":"PT Maju Jaya","emails":[format!("nama.orang{i}@majujaya.co.id")],"phones":["+62 812 3456 7890"],"party":"person","kind":"client","address":"Jl. Merdeka No. 5, Jakarta","tags":["vip"],"notes":"","role":"Staf Admin"})).collect();
    let text = codec::encode(rows);
    let reps = 200; // 200 chunks of 250 = 50,000 contacts
    let t = Instant::now();
    let mut bytes = vec![];
    for _ in 0..reps {
        bytes = codec::unpack(&text).unwrap();
    }
    let unpack = t.elapsed();
    let t = Instant::now();
    let mut raw = vec![];
    for _ in 0..reps {
        raw = codec::inflate(&bytes).unwrap();
    }
    let inflate = t.elapsed();
    let t = Instant::now();
    for _ in 0..reps {
        columns::read(&raw).unwrap();
    }
    let cols = t.elapsed();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        n += codec::decode_as::<Contact>(&text).unwrap().len();
    }
    let all = t.elapsed();
    let t = Instant::now();
    let mut m = 0;
    for _ in 0..reps {
        m += codec::decode_columns(&text).unwrap().rows_of::<Contact>().unwrap().len();
    }
    assert_eq!(m, n);
    let rows = t.elapsed();
    println!("{n} contacts: unpack {unpack:?}, inflate {inflate:?}, columns {cols:?}, whole decode with serde's reader {all:?}, with the app's (record_rows) {rows:?}");
}
