//! Measures storage encodings on a backup file (the benchmark's data set by default):
//! characters per record as localStorage counts them, and encode/decode speed (native).
//!
//!     python3 -c "import sys; sys.path.insert(0,'bench'); import datagen; open('/tmp/mixed.json','w').write(datagen.backup(datagen.mixed(100000)))"
//!     cargo run --release --example encoding -- /tmp/mixed.json
use std::time::Instant;

use backoffice::storage::chars;
use backoffice::table::codec;
use serde_json::Value;

fn main() {
    let path = std::env::args().nth(1).expect("usage: encoding <backup.json>");
    let backup: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable")).expect("JSON");
    let cols = backup["collections"].as_object().expect("collections");
    let total: usize = cols.values().map(|v| v.as_array().map_or(0, Vec::len)).sum();
    let plain: usize = cols.values().map(|v| chars(&v.to_string())).sum();
    println!("{total} records; plain JSON {:.1} chars/record", plain as f64 / total as f64);
    let mut st = [0.0; 4];
    for v in cols.values() {
        for part in v.as_array().unwrap().chunks(250) {
            for (a, b) in st.iter_mut().zip(stages(part)) {
                *a += b * 1000.0;
            }
        }
    }
    let mut es = [0.0; 2];
    let mut chunks = 0.0;
    for v in cols.values() {
        for part in v.as_array().unwrap().chunks(250) {
            chunks += 1.0;
            for (a, b) in es.iter_mut().zip(encode_stages(part)) {
                *a += b * 1000.0;
            }
        }
    }
    println!("encode stages, ms per chunk of 250: columns {:.2}, deflate+pack {:.2}", es[0] / chunks, es[1] / chunks);
    println!(
        "decode stages, ms for all: unpack {:.0}, inflate {:.0}, read columns {:.0}, columns to JSON rows {:.0}",
        st[0], st[1], st[2], st[3]
    );
    if let Some(contacts) = cols.get("contacts").and_then(Value::as_array) {
        let texts: Vec<String> = contacts.chunks(250).map(|p| codec::encode(p.to_vec())).collect();
        let t = Instant::now();
        let n: usize = texts.iter().map(|t| codec::decode_as::<backoffice::domain::contact::Contact>(t).unwrap().len()).sum();
        println!("{n} contacts decoded straight into records in {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    }
    // Where the characters go, at the stored chunk size: the lists that take most first.
    let mut per: Vec<(usize, &String, usize)> = cols
        .iter()
        .filter_map(|(name, v)| {
            let rows = v.as_array()?;
            Some((rows.chunks(backoffice::storage::layout::CHUNK).map(|p| chars(&codec::encode(p.to_vec()))).sum(), name, rows.len()))
        })
        .collect();
    per.sort_by_key(|b| std::cmp::Reverse(b.0));
    for (used, name, n) in per.iter().take(12) {
        println!(
            "  {name:<14} {n:>6} records {:>5.1} chars/record, {:>4.1} % of the quota",
            *used as f64 / *n as f64,
            100.0 * *used as f64 / backoffice::storage::QUOTA_CHARS as f64
        );
    }
    for chunk in [50, 100, 150, 250] {
        let (mut rowwise, mut columnar, mut enc_t, mut dec_t) = (0, 0, 0.0, 0.0);
        for v in cols.values() {
            let Some(rows) = v.as_array() else { continue };
            for part in rows.chunks(chunk) {
                rowwise += chars(&codec::pack(&codec::deflate(&serde_json::to_vec(part).unwrap())));
                let t = Instant::now();
                let text = codec::encode(part.to_vec());
                enc_t += t.elapsed().as_secs_f64();
                let t = Instant::now();
                let back = codec::decode(&text).unwrap();
                dec_t += t.elapsed().as_secs_f64();
                assert_eq!(back, without_nulls(part));
                columnar += chars(&text);
            }
        }
        let n = total as f64;
        println!(
            "chunk {chunk:>4}: rows+deflate {:.1}, columns+deflate {:.1} chars/record ({:.1} % of quota free); encode {:.2} ms / chunk, decode all {:.0} ms",
            rowwise as f64 / n,
            columnar as f64 / n,
            100.0 * (1.0 - columnar as f64 / backoffice::storage::QUOTA_CHARS as f64),
            enc_t * 1000.0 / (n / chunk as f64),
            dec_t * 1000.0
        );
    }
}

fn stages(rows: &[Value]) -> [f64; 4] {
    let text = codec::encode(rows.to_vec());
    let t = Instant::now();
    let bytes = codec::unpack(&text).unwrap();
    let a = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let raw = codec::inflate(&bytes).unwrap();
    let b = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let cols = backoffice::table::columns::read(&raw).unwrap();
    let c = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _ = cols.into_rows();
    let d = t.elapsed().as_secs_f64();
    [a, b, c, d]
}

fn encode_stages(rows: &[Value]) -> [f64; 2] {
    let rows = rows.to_vec();
    let t = Instant::now();
    let raw = backoffice::table::columns::write(rows);
    let a = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _ = codec::pack(&codec::deflate(&raw));
    let b = t.elapsed().as_secs_f64();
    [a, b]
}

/// A field given as null is stored as absent, which decodes as no field at all.
fn without_nulls(rows: &[Value]) -> Vec<Value> {
    rows.iter()
        .map(|r| match r {
            Value::Object(m) => Value::Object(m.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), v.clone())).collect()),
            v => v.clone(),
        })
        .collect()
}
