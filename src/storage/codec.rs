//! The compact encoding of a chunk of records, chosen by measurement (`examples/encoding.rs`
//! prints the figures on the benchmark's data set):
//!
//! 1. records become columns (one list per field), so similar values sit together;
//! 2. columns of timestamps become millisecond deltas, columns of UUIDs one hex string;
//! 3. the JSON of that is deflated (miniz_oxide, pure Rust and small in wasm);
//! 4. the bytes are packed 15 bits per UTF-16 code unit into U+0800..U+87FF, characters
//!    every browser stores verbatim (no surrogates, no controls), one code unit each.
//!
//! Every step is exact: decoding gives back the records' JSON values as they were given.
use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

/// First code unit of the packed alphabet; `BASE + 0x7FFF` stays below the surrogates.
const BASE: u32 = 0x0800;

/// Bytes → characters, 15 bits each. The first character tells how many bits of the last
/// one are padding, so any byte length survives.
pub fn pack(bytes: &[u8]) -> String {
    let total_bits = bytes.len() * 8;
    let pad = (15 - total_bits % 15) % 15;
    let mut out = String::with_capacity((total_bits + pad) / 15 * 3 + 3);
    out.push(char::from_u32(BASE + pad as u32).expect("in range"));
    let (mut acc, mut n) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        n += 8;
        if n >= 15 {
            n -= 15;
            out.push(char::from_u32(BASE + ((acc >> n) & 0x7FFF)).expect("in range"));
        }
    }
    if n > 0 {
        out.push(char::from_u32(BASE + ((acc << (15 - n)) & 0x7FFF)).expect("in range"));
    }
    out
}

pub fn unpack(text: &str) -> Result<Vec<u8>, String> {
    let mut chars = text.chars();
    let pad = chars.next().ok_or("empty")? as u32;
    let pad = pad.checked_sub(BASE).filter(|p| *p < 15).ok_or("bad header")?;
    let mut out = Vec::with_capacity(text.len() * 15 / 24);
    let (mut acc, mut n, mut count) = (0u32, 0u32, 0usize);
    for c in chars {
        let v = (c as u32).checked_sub(BASE).filter(|v| *v <= 0x7FFF).ok_or("character outside the packed alphabet")?;
        acc = (acc << 15) | v;
        n += 15;
        count += 1;
        while n >= 8 {
            n -= 8;
            out.push((acc >> n) as u8);
        }
        acc &= (1 << n) - 1;
    }
    // The padding bits ended up as extra zero bytes only if they were ≥ 8.
    let total_bits = count * 15;
    let real = (total_bits.checked_sub(pad as usize).ok_or("bad padding")?) / 8;
    out.truncate(real);
    Ok(out)
}

pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 6)
}

pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, 64 << 20).map_err(|e| format!("inflate: {e:?}"))
}

/// Records (JSON objects) → columnar JSON: `{"k":[keys],"n":rows,"c":[columns]}`.
/// A field a record lacks is `null` in its column; serde reads a missing and a null
/// optional field alike, and the records we store never hold a meaningful null.
pub fn to_columns(rows: &[Value]) -> Value {
    let mut keys: Vec<String> = vec![];
    for r in rows {
        if let Value::Object(m) = r {
            for k in m.keys() {
                if !keys.iter().any(|x| x == k) {
                    keys.push(k.clone());
                }
            }
        }
    }
    let cols: Vec<Value> = keys
        .iter()
        .map(|k| {
            let col: Vec<Value> = rows.iter().map(|r| r.get(k).cloned().unwrap_or(Value::Null)).collect();
            compact_column(col)
        })
        .collect();
    serde_json::json!({"k": keys, "n": rows.len(), "c": cols})
}

pub fn from_columns(v: Value) -> Result<Vec<Value>, String> {
    let Value::Object(mut top) = v else { return Err("not a chunk".into()) };
    let keys: Vec<String> = serde_json::from_value(top.remove("k").ok_or("no keys")?).map_err(|e| e.to_string())?;
    let n = top.get("n").and_then(Value::as_u64).ok_or("no row count")? as usize;
    let Some(Value::Array(cols)) = top.remove("c") else { return Err("no columns".into()) };
    if cols.len() != keys.len() {
        return Err("keys and columns differ".into());
    }
    let mut rows: Vec<Map<String, Value>> = (0..n).map(|_| Map::new()).collect();
    for (k, col) in keys.iter().zip(cols) {
        let col = expand_column(col, n)?;
        for (row, v) in rows.iter_mut().zip(col) {
            if !v.is_null() {
                row.insert(k.clone(), v);
            }
        }
    }
    Ok(rows.into_iter().map(Value::Object).collect())
}

fn ts_text(ms: i64) -> Option<String> {
    DateTime::<Utc>::from_timestamp_millis(ms).map(|t| t.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// The timestamp as milliseconds, if it is a UTC time that prints back exactly the same.
fn ts_ms(s: &str) -> Option<i64> {
    let t = DateTime::parse_from_rfc3339(s).ok()?.with_timezone(&Utc);
    let ms = t.timestamp_millis();
    (ts_text(ms).as_deref() == Some(s)).then_some(ms)
}

fn is_uuid_text(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { b == b'-' } else { b.is_ascii_digit() || (b'a'..=b'f').contains(&b) })
}

/// A column in its smallest exact form: `{"t":[ms deltas]}` for timestamps,
/// `{"u":"hex…"}` for UUIDs, the plain list otherwise.
fn compact_column(col: Vec<Value>) -> Value {
    let strs: Option<Vec<&str>> = col.iter().map(Value::as_str).collect();
    if let Some(strs) = strs.filter(|s| !s.is_empty()) {
        if strs.iter().all(|s| is_uuid_text(s)) {
            return serde_json::json!({"u": strs.iter().map(|s| s.replace('-', "")).collect::<String>()});
        }
        let ms: Option<Vec<i64>> = strs.iter().map(|s| ts_ms(s)).collect();
        if let Some(ms) = ms {
            let mut prev = 0;
            let deltas: Vec<i64> = ms.iter().map(|m| m - std::mem::replace(&mut prev, *m)).collect();
            return serde_json::json!({"t": deltas});
        }
    }
    Value::Array(col)
}

fn expand_column(col: Value, n: usize) -> Result<Vec<Value>, String> {
    let out = match col {
        Value::Array(a) => a,
        Value::Object(mut m) => {
            if let Some(Value::String(hex)) = m.remove("u") {
                if hex.len() != n * 32 || !hex.is_ascii() {
                    return Err("uuid column length".into());
                }
                (0..n)
                    .map(|i| {
                        let h = &hex[i * 32..i * 32 + 32];
                        Value::String(format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]))
                    })
                    .collect()
            } else if let Some(Value::Array(deltas)) = m.remove("t") {
                let mut at = 0i64;
                let mut out = Vec::with_capacity(deltas.len());
                for d in deltas {
                    at += d.as_i64().ok_or("timestamp delta")?;
                    out.push(Value::String(ts_text(at).ok_or("timestamp range")?));
                }
                out
            } else {
                return Err("unknown column form".into());
            }
        }
        _ => return Err("bad column".into()),
    };
    if out.len() != n {
        return Err("column length".into());
    }
    Ok(out)
}

/// Records' JSON values → stored text.
pub fn encode(rows: &[Value]) -> String {
    let json = serde_json::to_vec(&to_columns(rows)).expect("JSON values serialise");
    pack(&deflate(&json))
}

pub fn decode(text: &str) -> Result<Vec<Value>, String> {
    let json = inflate(&unpack(text)?)?;
    from_columns(serde_json::from_slice(&json).map_err(|e| e.to_string())?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pack_round_trips_every_length() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = pack(&bytes);
            assert!(text.chars().all(|c| (0x800..0x8800).contains(&(c as u32))));
            assert_eq!(unpack(&text).unwrap(), bytes, "length {len}");
        }
    }

    #[test]
    fn foreign_text_is_refused() {
        assert!(unpack("").is_err());
        assert!(unpack("{\"a\":1}").is_err());
        assert!(decode(&pack(b"not deflate")).is_err());
    }

    #[test]
    fn records_round_trip_exactly() {
        let rows = vec![
            json!({"id":"45666334-19ee-4b5a-aa37-2010c4242dfc","created_at":"2024-01-01T00:11:00.719Z","name":"Budi","tags":["a"],"n":3}),
            json!({"id":"55666334-19ee-4b5a-aa37-2010c4242dfc","created_at":"2023-12-31T23:00:00Z","name":"Siti","deleted_at":"2024-02-01T00:00:00.123456789Z"}),
            json!({"id":"not-a-uuid","created_at":"2024-01-01T07:00:00+07:00","name":"Ani 😀"}),
        ];
        assert_eq!(decode(&encode(&rows)).unwrap(), rows);
        assert_eq!(decode(&encode(&rows[..2])).unwrap(), rows[..2].to_vec());
        assert_eq!(decode(&encode(&[])).unwrap(), Vec::<Value>::new());
    }
}
