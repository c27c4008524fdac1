//! The compact encoding of a chunk of records, chosen by measurement (`examples/encoding.rs`
//! prints the figures on the benchmark's data set):
//!
//! 1. records become binary columns ([`super::columns`]): one per field, similar values
//!    together, UUIDs as 16 bytes, timestamps and local date-times as varint deltas,
//!    repetitive fields as a dictionary, text as length-prefixed UTF-8;
//! 2. those bytes are deflated (miniz_oxide, pure Rust and small in wasm);
//! 3. the result is packed 15 bits per UTF-16 code unit into U+0800..U+87FF, characters
//!    every browser stores verbatim (no surrogates, no controls), one code unit each.
//!
//! Every step is exact: decoding gives back the records' JSON values as they were given.
use serde_json::Value;

use super::columns::{self, Columns};

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

/// Characters → bytes, the inverse of [`pack`]. It reads the UTF-8 bytes directly: every
/// character of the alphabet is three of them, and a list's cold start unpacks about a
/// million and a half characters (decoding each `char` first took twice as long).
pub fn unpack(text: &str) -> Result<Vec<u8>, String> {
    const OUTSIDE: &str = "character outside the packed alphabet";
    let (head, body) = text.as_bytes().split_at_checked(3).ok_or("empty")?;
    let pad = packed_value(head).ok_or("bad header")?;
    if pad >= 15 {
        return Err("bad header".into());
    }
    if body.len() % 3 != 0 {
        return Err(OUTSIDE.into());
    }
    let count = body.len() / 3;
    let real = (count * 15).checked_sub(pad as usize).ok_or("bad padding")? / 8;
    let mut out = Vec::with_capacity(count * 15 / 8 + 1);
    // Eight characters are 120 bits: fifteen whole bytes.
    let mut groups = body.chunks_exact(24);
    for g in &mut groups {
        let mut acc = 0u128;
        for c in g.chunks_exact(3) {
            acc = (acc << 15) | packed_value(c).ok_or(OUTSIDE)? as u128;
        }
        out.extend_from_slice(&acc.to_be_bytes()[1..]);
    }
    let (mut acc, mut n) = (0u32, 0u32);
    for c in groups.remainder().chunks_exact(3) {
        acc = (acc << 15) | packed_value(c).ok_or(OUTSIDE)?;
        n += 15;
        while n >= 8 {
            n -= 8;
            out.push((acc >> n) as u8);
        }
        acc &= (1 << n) - 1;
    }
    // The padding bits ended up as extra zero bytes only if they were ≥ 8.
    out.truncate(real);
    Ok(out)
}

/// The 15 bits one character of the alphabet holds, given its three bytes of UTF-8 (the
/// text is valid UTF-8, so a lead byte of three-byte form starts a whole character).
fn packed_value(c: &[u8]) -> Option<u32> {
    let [lead, b1, b2] = *c else { return None };
    if lead & 0xF0 != 0xE0 {
        return None;
    }
    let v = ((lead as u32 & 0x0F) << 12) | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F);
    v.checked_sub(BASE).filter(|v| *v <= 0x7FFF)
}

/// Level 3. Saving one record rewrites its chunk, and deflating is a third of that write.
/// On the benchmark's data set (100,000 records of the mix `bench/datagen.py` makes, text as
/// long as people write it: `bench/prose.py`), in chunks of 150 (native, 2026-12-05):
///
/// | level | ms per chunk | bytes, % of the columns |
/// |---|---|---|
/// | 1 | 0.14 | 43.4 |
/// | 2 | 0.21 | 35.8 |
/// | 3 | 0.29 | 33.1 |
/// | 6 | 0.54 | 32.1 |
///
/// Level 3 takes half the time of level 6 for 3 % more bytes (45.1 % of the quota left free
/// at level 6 becomes about 43 %); level 2 would cost 11 % more. Any level reads back the
/// same: chunks written before keep theirs until they are next saved.
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 3)
}

/// The most one chunk may inflate to: far above any chunk written (about 30 KB), far below
/// what would exhaust the browser tab.
const INFLATED_MAX: usize = 64 << 20;

pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, String> {
    with_inflated(bytes, |raw| Ok(raw.to_vec()))
}

/// Runs `f` on `bytes` inflated, in a buffer kept from one call to the next: a list's cold
/// start inflates its chunks one after another (228 of them at 100,000 records), and a
/// fresh buffer for each, grown by doubling and zeroed, was a sixth of the inflating.
fn with_inflated<R>(bytes: &[u8], f: impl FnOnce(&[u8]) -> Result<R, String>) -> Result<R, String> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    thread_local! {
        static SCRATCH: std::cell::RefCell<(Box<DecompressorOxide>, Vec<u8>)> = Default::default();
    }
    // A nested call (none is made today) gets buffers of its own rather than a panic.
    let mut own = None;
    SCRATCH.with(|cell| {
        let mut guard = cell.try_borrow_mut().ok();
        let (state, out) = match guard.as_deref_mut() {
            Some((state, out)) => (state, out),
            None => {
                let (state, out) = own.insert((Box::<DecompressorOxide>::default(), vec![]));
                (state, out)
            }
        };
        state.init();
        if out.len() < bytes.len() * 4 {
            out.resize((bytes.len() * 4).min(INFLATED_MAX), 0);
        }
        let (mut input, mut at) = (bytes, 0);
        let result = loop {
            let (status, read, written) = decompress(state, input, out, at, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
            at += written;
            match status {
                TINFLStatus::Done => break f(&out[..at]),
                TINFLStatus::HasMoreOutput if out.len() < INFLATED_MAX => {
                    input = input.get(read..).unwrap_or_default();
                    out.resize((out.len() * 2).min(INFLATED_MAX), 0);
                }
                TINFLStatus::HasMoreOutput => break Err("inflate: more than 64 MB".into()),
                _ => break Err("inflate: damaged data".into()),
            }
        };
        // A chunk's bytes are kept for the next one; a whole store's (a migration's copy)
        // or a damaged chunk's are not kept for the rest of the session.
        if out.len() > KEPT_MAX {
            *out = Vec::new();
        }
        result
    })
}

/// The most the inflating buffer keeps between calls: several times a chunk's bytes.
const KEPT_MAX: usize = 1 << 20;

/// Records' JSON values → stored text.
pub fn encode(rows: Vec<Value>) -> String {
    pack(&deflate(&columns::write(rows)))
}

/// Records already in columns (see [`Columns::push`]) → stored text.
pub fn encode_columns(cols: Columns) -> String {
    pack(&deflate(&cols.to_bytes()))
}

/// Stored text → the chunk's columns.
pub fn decode_columns(text: &str) -> Result<Columns, String> {
    with_inflated(&unpack(text)?, columns::read)
}

/// Stored text → records of type `T`; a record of another shape fails the whole chunk.
pub fn decode_as<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>, String> {
    decode_columns(text)?.typed().map_err(|(_, e)| e)
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

    /// The first reader of packed text, character by character: the reference the byte
    /// reader is checked against.
    #[cfg(not(target_arch = "wasm32"))]
    fn unpack_by_chars(text: &str) -> Result<Vec<u8>, ()> {
        let mut chars = text.chars();
        let pad = (chars.next().ok_or(())? as u32).checked_sub(BASE).filter(|p| *p < 15).ok_or(())?;
        let (mut out, mut acc, mut n, mut count) = (vec![], 0u32, 0u32, 0usize);
        for c in chars {
            acc = (acc << 15) | (c as u32).checked_sub(BASE).filter(|v| *v <= 0x7FFF).ok_or(())?;
            n += 15;
            count += 1;
            while n >= 8 {
                n -= 8;
                out.push((acc >> n) as u8);
            }
            acc &= (1 << n) - 1;
        }
        out.truncate((count * 15).checked_sub(pad as usize).ok_or(())? / 8);
        Ok(out)
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any text, packed or not: the byte reader gives what the character reader gives,
        /// and refuses what it refuses.
        #[test]
        fn unpacking_bytes_reads_as_unpacking_characters(
            pad in 0u32..20,
            chars in proptest::collection::vec(proptest::prop_oneof![
                8 => 0x800u32..0x8800,
                1 => 0u32..0x800,
                1 => 0x8800u32..0xD800,
                1 => 0xE000u32..0x11_0000,
            ], 0..60)
        ) {
            let text: String = std::iter::once(BASE + pad).chain(chars).filter_map(char::from_u32).collect();
            proptest::prop_assert_eq!(unpack(&text).ok(), unpack_by_chars(&text).ok());
        }

        #[test]
        fn any_bytes_packed_unpack_as_themselves(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
            proptest::prop_assert_eq!(unpack(&pack(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn inflating_in_the_kept_buffer_grows_it_stops_at_damage_and_starts_afresh() {
        let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8 ^ (i / 7919) as u8).collect();
        let small = b"a chunk's bytes".to_vec();
        assert_eq!(inflate(&deflate(&big)).unwrap(), big, "grown past the kept size, several times");
        let mut damaged = deflate(&big);
        damaged.truncate(damaged.len() / 2);
        assert!(inflate(&damaged).is_err(), "cut short");
        assert_eq!(inflate(&[0xff; 40]), Err("inflate: damaged data".to_string()));
        // Each inflating starts from a clean state, whatever the last one left.
        assert_eq!(inflate(&deflate(&small)).unwrap(), small);
        assert_eq!(inflate(&deflate(&[])).unwrap(), Vec::<u8>::new());
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
        let stamps: Vec<Value> = [
            "2024-02-29T23:59:59.001Z",
            "0999-01-01T00:00:00Z",
            "2024-01-01T00:00:00.000Z",
            "2024-01-01T00:00:60Z",
            "2024-01-01T00:00:00Z",
        ]
        .iter()
        .map(|t| json!({"t": t}))
        .collect();
        assert_eq!(decode(&encode(stamps.clone())).unwrap(), stamps);
        // 200 timestamps a minute apart take at most 4 bytes each, not 24.
        let fine: Vec<Value> = (0..200).map(|i| json!({"t": format!("2024-02-29T10:{:02}:00.001Z", i % 60)})).collect();
        assert!(columns::write(fine).len() < 800);
        assert_eq!(decode(&encode(rows.clone())).unwrap(), rows);
        assert_eq!(decode(&encode(rows[..2].to_vec())).unwrap(), rows[..2].to_vec());
        assert_eq!(decode(&encode(vec![])).unwrap(), Vec::<Value>::new());
    }
}
