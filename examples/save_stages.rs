//! Where saving one contact goes, stage by stage, on the benchmark's data set (native):
//! the chunk's 150 records as columns, those to bytes, deflate, pack, and the head's JSON.
//!
//!     python3 -c "import sys; sys.path.insert(0,'bench'); import datagen; open('/tmp/mixed.json','w').write(datagen.backup(datagen.mixed(100000)))"
//!     cargo run --release --example save_stages -- /tmp/mixed.json
//!
//! `REPS=20000` (default 400) runs it long enough for `perf record`.
use std::time::Instant;

use backoffice::domain::contact::Contact;
use backoffice::table::{codec, records_as_columns};
use serde_json::Value;

fn main() {
    let path = std::env::args().nth(1).expect("usage: save_stages <backup.json>");
    let backup: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let rows = backup["collections"]["contacts"].as_array().expect("contacts").clone();
    let all: Vec<Contact> = rows.into_iter().map(|v| serde_json::from_value(v).expect("contact")).collect();
    let per = backoffice::storage::layout::CHUNK;
    let chunks: Vec<&[Contact]> = all.chunks(per).collect();
    let reps: usize = std::env::var("REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(400);
    let mut t = [0f64; 4];
    let mut len = 0;
    for r in 0..reps {
        let part = chunks[r % chunks.len()];
        let s = Instant::now();
        let cols = records_as_columns(part);
        let a = s.elapsed().as_secs_f64();
        let bytes = cols.to_bytes();
        let b = s.elapsed().as_secs_f64();
        let deflated = codec::deflate(&bytes);
        let c = s.elapsed().as_secs_f64();
        let text = codec::pack(&deflated);
        let d = s.elapsed().as_secs_f64();
        len += text.len();
        for (x, y) in t.iter_mut().zip([a, b - a, c - b, d - c]) {
            *x += y * 1000.0 / reps as f64;
        }
    }
    println!(
        "per chunk of {}: columns {:.3} ms, to bytes {:.3}, deflate {:.3}, pack {:.3} ({} bytes of text)",
        per,
        t[0],
        t[1],
        t[2],
        t[3],
        len / reps
    );
    let head: Vec<(u32, usize)> = (0..(all.len() / per) as u32).map(|i| (i, per)).collect();
    let json = serde_json::to_string(&head).unwrap();
    let s = Instant::now();
    for _ in 0..reps {
        let h: Vec<(u32, usize)> = serde_json::from_str(&json).unwrap();
        std::hint::black_box(serde_json::to_string(&h).unwrap());
    }
    println!("head of {} chunks read and written: {:.3} ms", head.len(), s.elapsed().as_secs_f64() * 1000.0 / reps as f64);
}
