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
    miniz_oxide::deflate::compress_to_vec(bytes, 5)
}

pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, 64 << 20).map_err(|e| format!("inflate: {e:?}"))
}

/// Records (JSON objects) → columnar JSON: `{"k":[keys],"n":rows,"c":[columns]}`.
/// A field a record lacks is `null` in its column; serde reads a missing and a null
/// optional field alike, and the records we store never hold a meaningful null.
pub fn to_columns(rows: Vec<Value>) -> Value {
    let n = rows.len();
    let mut keys: Vec<String> = vec![];
    let mut cols: Vec<Vec<Value>> = vec![];
    for (i, r) in rows.into_iter().enumerate() {
        let Value::Object(m) = r else { continue };
        for (k, v) in m {
            let c = match keys.iter().position(|x| *x == k) {
                Some(c) => c,
                None => {
                    keys.push(k);
                    cols.push(vec![Value::Null; n]);
                    cols.len() - 1
                }
            };
            cols[c][i] = v;
        }
    }
    let cols: Vec<Value> = cols.into_iter().map(compact_column).collect();
    serde_json::json!({"k": keys, "n": n, "c": cols})
}

/// A decoded chunk: field names and one full-length column of values per field.
pub struct Columns {
    keys: Vec<String>,
    cols: Vec<Vec<Value>>,
    n: usize,
}

impl Columns {
    pub fn from_value(v: Value) -> Result<Columns, String> {
        let Value::Object(mut top) = v else { return Err("not a chunk".into()) };
        let keys: Vec<String> = serde_json::from_value(top.remove("k").ok_or("no keys")?).map_err(|e| e.to_string())?;
        let n = top.get("n").and_then(Value::as_u64).ok_or("no row count")? as usize;
        let Some(Value::Array(cols)) = top.remove("c") else { return Err("no columns".into()) };
        if cols.len() != keys.len() {
            return Err("keys and columns differ".into());
        }
        let cols = cols.into_iter().map(|c| expand_column(c, n)).collect::<Result<_, _>>()?;
        Ok(Columns { keys, cols, n })
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Row `i` as something serde can read a record from, without building a map. Its
    /// cells are moved out, not copied, so each string is allocated once.
    pub fn take_row(&mut self, i: usize) -> RowDe<'_> {
        RowDe { cols: self, i, k: 0 }
    }

    pub fn into_rows(self) -> Vec<Value> {
        let mut rows: Vec<Map<String, Value>> = (0..self.n).map(|_| Map::new()).collect();
        for (k, col) in self.keys.iter().zip(self.cols) {
            for (row, v) in rows.iter_mut().zip(col) {
                if !v.is_null() {
                    row.insert(k.clone(), v);
                }
            }
        }
        rows.into_iter().map(Value::Object).collect()
    }
}

/// One row of [`Columns`] read as a map of its non-null cells.
pub struct RowDe<'a> {
    cols: &'a mut Columns,
    i: usize,
    k: usize,
}

impl<'de> serde::Deserializer<'de> for RowDe<'_> {
    type Error = serde_json::Error;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_map(self)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> serde::de::MapAccess<'de> for RowDe<'_> {
    type Error = serde_json::Error;
    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        while self.k < self.cols.keys.len() && self.cols.cols[self.k][self.i].is_null() {
            self.k += 1;
        }
        let Some(key) = self.cols.keys.get(self.k) else { return Ok(None) };
        seed.deserialize(serde::de::value::StrDeserializer::new(key)).map(Some)
    }
    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let v = std::mem::take(&mut self.cols.cols[self.k][self.i]);
        self.k += 1;
        seed.deserialize(v)
    }
}

/// Stored text → the chunk's columns.
pub fn decode_columns(text: &str) -> Result<Columns, String> {
    let json = inflate(&unpack(text)?)?;
    Columns::from_value(serde_json::from_slice(&json).map_err(|e| e.to_string())?)
}

/// Stored text → records of type `T`; a record of another shape fails the whole chunk.
pub fn decode_as<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>, String> {
    let mut cols = decode_columns(text)?;
    (0..cols.len()).map(|i| T::deserialize(cols.take_row(i)).map_err(|e| e.to_string())).collect()
}

/// Digits at `range` of `b`, if they are all digits.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?.iter().try_fold(0u32, |n, c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
}

/// `YYYY-MM-DDTHH:MM` of a real date and time: (date, hour, minute).
fn date_hm(b: &[u8]) -> Option<(chrono::NaiveDate, u32, u32)> {
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let date = chrono::NaiveDate::from_ymd_opt(digits(b, 0..4)? as i32, digits(b, 5..7)?, digits(b, 8..10)?)?;
    let (h, m) = (digits(b, 11..13)?, digits(b, 14..16)?);
    (h < 24 && m < 60).then_some((date, h, m))
}

fn push2(out: &mut String, n: u32) {
    out.push((b'0' + (n / 10) as u8) as char);
    out.push((b'0' + (n % 10) as u8) as char);
}

/// `YYYY-MM-DDTHH:MM` (years 1000–9999, the only ones [`date_hm`] lets through).
fn minute_text(t: chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    let mut out = String::with_capacity(24);
    push2(&mut out, (t.year() / 100) as u32);
    push2(&mut out, (t.year() % 100) as u32);
    out.push('-');
    push2(&mut out, t.month());
    out.push('-');
    push2(&mut out, t.day());
    out.push('T');
    push2(&mut out, t.hour());
    out.push(':');
    push2(&mut out, t.minute());
    out
}

/// What serde writes for a `DateTime<Utc>` of whole milliseconds (RFC 3339, `Z`, the
/// fraction only when not zero).
fn ts_text(ms: i64) -> Option<String> {
    use chrono::Timelike;
    let t = DateTime::<Utc>::from_timestamp_millis(ms)?.naive_utc();
    if !(1000..=9999).contains(&chrono::Datelike::year(&t)) {
        return Some(DateTime::<Utc>::from_timestamp_millis(ms)?.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    }
    let mut out = minute_text(t);
    out.push(':');
    push2(&mut out, t.second());
    let frac = ms.rem_euclid(1000) as u32;
    if frac != 0 {
        out.push('.');
        out.push((b'0' + (frac / 100) as u8) as char);
        push2(&mut out, frac % 100);
    }
    out.push('Z');
    Some(out)
}

/// The timestamp as milliseconds, if it is exactly what [`ts_text`] prints for it.
fn ts_ms(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (date, h, m) = date_hm(b)?;
    if b.get(16) != Some(&b':') || b.last() != Some(&b'Z') {
        return None;
    }
    let sec = digits(b, 17..19).filter(|s| *s < 60)?;
    let frac = match b.len() {
        20 => 0,
        24 if b[19] == b'.' => digits(b, 20..23).filter(|f| *f != 0)?,
        _ => return None,
    };
    let secs = date.and_hms_opt(h, m, sec)?.and_utc().timestamp();
    Some(secs * 1000 + frac as i64)
}

fn is_uuid_text(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { b == b'-' } else { b.is_ascii_digit() || (b'a'..=b'f').contains(&b) })
}

fn deltas(xs: &[i64]) -> Vec<Value> {
    let mut prev = 0;
    xs.iter().map(|x| Value::from(x - std::mem::replace(&mut prev, *x))).collect()
}

/// Minutes since 1970 of a local `YYYY-MM-DDTHH:MM`, if it prints back the same.
fn minute_of(s: &str) -> Option<i64> {
    if s.len() != 16 {
        return None;
    }
    let (date, h, m) = date_hm(s.as_bytes())?;
    Some(date.and_hms_opt(h, m, 0)?.and_utc().timestamp() / 60)
}

/// A column in its smallest exact form: `{"u":"hex…"}` for UUIDs, `{"t":[ms deltas]}` for
/// timestamps, `{"m":[minute deltas or null for ""]}` for local date-times, `{"d":[distinct
/// values],"i":[indexes]}` when few values repeat, the plain list otherwise.
fn compact_column(col: Vec<Value>) -> Value {
    let strs: Option<Vec<&str>> = col.iter().map(Value::as_str).collect();
    if let Some(strs) = strs.filter(|s| !s.is_empty()) {
        if strs.iter().all(|s| is_uuid_text(s)) {
            return serde_json::json!({"u": strs.iter().map(|s| s.replace('-', "")).collect::<String>()});
        }
        if let Some(ms) = strs.iter().map(|s| ts_ms(s)).collect::<Option<Vec<i64>>>() {
            return serde_json::json!({"t": deltas(&ms)});
        }
        if strs.iter().any(|s| !s.is_empty()) {
            let mins: Option<Vec<Option<i64>>> = strs.iter().map(|s| if s.is_empty() { Some(None) } else { minute_of(s).map(Some) }).collect();
            if let Some(mins) = mins {
                let present: Vec<i64> = mins.iter().flatten().copied().collect();
                let mut d = deltas(&present).into_iter();
                let out: Vec<Value> = mins.iter().map(|m| if m.is_some() { d.next().unwrap_or_default() } else { Value::Null }).collect();
                return serde_json::json!({"m": out});
            }
        }
    }
    let mut distinct: Vec<&Value> = vec![];
    let mut index = Vec::with_capacity(col.len());
    for v in &col {
        let i = match distinct.iter().position(|d| *d == v) {
            Some(i) => i,
            None => {
                if distinct.len() * 4 >= col.len().max(8) {
                    return Value::Array(col);
                }
                distinct.push(v);
                distinct.len() - 1
            }
        };
        index.push(i);
    }
    serde_json::json!({"d": distinct, "i": index})
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
                        let mut s = String::with_capacity(36);
                        for (part, range) in [0..8, 8..12, 12..16, 16..20, 20..32].into_iter().enumerate() {
                            if part > 0 {
                                s.push('-');
                            }
                            s.push_str(&h[range]);
                        }
                        Value::String(s)
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
            } else if let Some(Value::Array(deltas)) = m.remove("m") {
                let mut at = 0i64;
                let mut out = Vec::with_capacity(deltas.len());
                for d in deltas {
                    if d.is_null() {
                        out.push(Value::String(String::new()));
                        continue;
                    }
                    at += d.as_i64().ok_or("minute delta")?;
                    let t = DateTime::<Utc>::from_timestamp(at * 60, 0).ok_or("minute range")?;
                    out.push(Value::String(minute_text(t.naive_utc())));
                }
                out
            } else if let (Some(Value::Array(distinct)), Some(Value::Array(index))) = (m.remove("d"), m.remove("i")) {
                index
                    .iter()
                    .map(|i| i.as_u64().and_then(|i| distinct.get(i as usize)).cloned().ok_or("dictionary index"))
                    .collect::<Result<_, _>>()?
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
pub fn encode(rows: Vec<Value>) -> String {
    let json = serde_json::to_vec(&to_columns(rows)).expect("JSON values serialise");
    pack(&deflate(&json))
}

pub fn decode(text: &str) -> Result<Vec<Value>, String> {
    decode_columns(text).map(Columns::into_rows)
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
    fn records_decode_straight_into_types() {
        #[derive(serde::Deserialize, serde::Serialize, PartialEq, Debug, Default)]
        #[serde(default)]
        struct R {
            id: String,
            n: u32,
            tags: Vec<String>,
            gone: Option<String>,
        }
        let rows = vec![json!({"id":"a","n":1,"tags":["x"]}), json!({"id":"b","n":2,"tags":[],"gone":"2024-01-01T00:00:00Z"})];
        let typed: Vec<R> = decode_as(&encode(rows)).unwrap();
        assert_eq!(typed[0], R { id: "a".into(), n: 1, tags: vec!["x".into()], gone: None });
        assert_eq!(typed[1].gone.as_deref(), Some("2024-01-01T00:00:00Z"));
        assert!(decode_as::<R>(&encode(vec![json!({"n":"not a number"})])).is_err());
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
        let many: Vec<Value> = (0..40)
            .map(|i| {
                let at = if i % 3 == 0 { String::new() } else { format!("2026-11-{:02}T08:{:02}", 1 + i % 28, i) };
                let status = if i % 2 == 0 { "new" } else { "closed" };
                json!({"status": status, "at": at, "tags": [i % 3]})
            })
            .collect();
        assert_eq!(decode(&encode(many.clone())).unwrap(), many);
        let odd = vec![json!({"at": "2026-11-01T08:00"}), json!({"at": "2026-11-01T8:00"}), json!({"at": "2026-13-01T08:00"})];
        assert_eq!(decode(&encode(odd.clone())).unwrap(), odd);
        let stamps: Vec<Value> = ["2024-02-29T23:59:59.001Z", "0999-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:60Z", "2024-01-01T00:00:00Z"]
            .iter()
            .map(|t| json!({"t": t}))
            .collect();
        assert_eq!(decode(&encode(stamps.clone())).unwrap(), stamps);
        let fine = vec![json!({"t": "2024-02-29T23:59:59.001Z"}), json!({"t": "2024-01-01T00:00:00Z"})];
        assert!(to_columns(fine)["c"][0].get("t").is_some(), "timestamps are packed");
        assert_eq!(decode(&encode(rows.clone())).unwrap(), rows);
        assert_eq!(decode(&encode(rows[..2].to_vec())).unwrap(), rows[..2].to_vec());
        assert_eq!(decode(&encode(vec![])).unwrap(), Vec::<Value>::new());
    }
}
