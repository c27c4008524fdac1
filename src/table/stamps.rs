//! Exact text forms of timestamps, local date-times and UUIDs, so columns of them can be
//! stored as numbers and bytes and printed back character for character.
use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

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

fn put2(out: &mut [u8], at: usize, n: u32) {
    out[at] = b'0' + (n / 10 % 10) as u8;
    out[at + 1] = b'0' + (n % 10) as u8;
}

/// Text made of ASCII bytes (digits and separators) as one allocation, not a push per
/// character: decoding writes tens of thousands of these.
fn ascii(b: &[u8]) -> String {
    std::str::from_utf8(b).expect("ASCII").to_owned()
}

/// Years that four digits hold: every year [`date_hm`] lets through, so every value
/// [`minute_of`] and [`ts_ms`] accept prints back (a year typed `0226` included).
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// The local date-time `minutes` after 1970 as `YYYY-MM-DDTHH:MM`.
pub fn minute_text(minutes: i64) -> Option<String> {
    let t = DateTime::<Utc>::from_timestamp(minutes.checked_mul(60)?, 0)?.naive_utc();
    YEARS.contains(&chrono::Datelike::year(&t)).then(|| ascii(&hm_bytes(t)))
}

/// `YYYY-MM-DDTHH:MM` of a time in [`YEARS`].
fn hm_bytes(t: chrono::NaiveDateTime) -> [u8; 16] {
    use chrono::{Datelike, Timelike};
    let mut b = *b"0000-00-00T00:00";
    put2(&mut b, 0, (t.year() / 100) as u32);
    put2(&mut b, 2, (t.year() % 100) as u32);
    put2(&mut b, 5, t.month());
    put2(&mut b, 8, t.day());
    put2(&mut b, 11, t.hour());
    put2(&mut b, 14, t.minute());
    b
}

/// What serde writes for a `DateTime<Utc>` of whole milliseconds (RFC 3339, `Z`, the
/// fraction only when not zero).
pub fn ts_text(ms: i64) -> Option<String> {
    use chrono::Timelike;
    let t = DateTime::<Utc>::from_timestamp_millis(ms)?.naive_utc();
    if !YEARS.contains(&chrono::Datelike::year(&t)) {
        return Some(DateTime::<Utc>::from_timestamp_millis(ms)?.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    }
    let mut b = [0u8; 24];
    b[..16].copy_from_slice(&hm_bytes(t));
    b[16] = b':';
    put2(&mut b, 17, t.second());
    let frac = ms.rem_euclid(1000) as u32;
    if frac == 0 {
        b[19] = b'Z';
        return Some(ascii(&b[..20]));
    }
    b[19] = b'.';
    b[20] = b'0' + (frac / 100) as u8;
    put2(&mut b, 21, frac % 100);
    b[23] = b'Z';
    Some(ascii(&b))
}

/// The timestamp as milliseconds, if it is exactly what [`ts_text`] prints for it.
pub fn ts_ms(s: &str) -> Option<i64> {
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

/// A timestamp's text as stored by serde, read fast when it is in the form [`ts_text`]
/// prints (what the app writes) and by chrono's RFC 3339 parser otherwise (its strict one:
/// the lenient `FromStr` brings chrono's whole format-string parser into the wasm).
pub fn parse_stamp(s: &str) -> Option<DateTime<Utc>> {
    match ts_ms(s) {
        Some(ms) => DateTime::from_timestamp_millis(ms),
        None => {
            DateTime::parse_from_rfc3339(s).or_else(|_| DateTime::parse_from_rfc3339(&s.replacen(' ', "T", 1))).ok().map(|t| t.to_utc())
        }
    }
}

/// The time's milliseconds if it is whole milliseconds within [`YEARS`]: a time
/// [`ts_text`] prints exactly as chrono's serde does.
pub fn stamp_ms(t: &DateTime<Utc>) -> Option<i64> {
    let year = chrono::Datelike::year(t);
    (t.timestamp_subsec_nanos().is_multiple_of(1_000_000) && YEARS.contains(&year)).then(|| t.timestamp_millis())
}

/// [`ts_text`] of a time in whole milliseconds within [`YEARS`], where it prints
/// exactly what chrono's serde does; `None` for any other time.
pub fn stamp_text(t: &DateTime<Utc>) -> Option<String> {
    stamp_ms(t).and_then(ts_text)
}

/// Whether `ms` is a time [`stamp_ms`] gives (whole milliseconds within [`YEARS`]).
pub fn is_stamp_ms(ms: i64) -> bool {
    DateTime::<Utc>::from_timestamp_millis(ms).is_some_and(|t| stamp_ms(&t) == Some(ms))
}

/// The newtype name under which a record's time reaches a serializer that is not
/// human-readable (the column writer, `table::cells`) as milliseconds: a save then neither
/// prints the time as text nor parses it back to store it as a number.
pub const STAMP_MS: &str = "$bo::stamp_ms";

/// A UUID's 16 bytes as lower-case hyphenated text.
pub fn uuid_text(b: &[u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = [b'-'; 36];
    let mut at = 0;
    for (i, x) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            at += 1;
        }
        out[at] = HEX[(x >> 4) as usize];
        out[at + 1] = HEX[(x & 15) as usize];
        at += 2;
    }
    ascii(&out)
}

pub fn is_uuid_text(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                b == b'-'
            } else {
                b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
            }
        })
}

/// Minutes since 1970 of a local `YYYY-MM-DDTHH:MM`, if it prints back the same.
pub fn minute_of(s: &str) -> Option<i64> {
    if s.len() != 16 {
        return None;
    }
    let (date, h, m) = date_hm(s.as_bytes())?;
    Some(date.and_hms_opt(h, m, 0)?.and_utc().timestamp() / 60)
}

// serde's readers and writers of record times, for `#[serde(with …)]` fields.

/// The text chrono's serde writes, printed without the formatting machinery when the time
/// is in whole milliseconds (always, for times the app takes): saves print two per record.
pub fn write_stamp<S: serde::Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    if !s.is_human_readable() {
        if let Some(ms) = stamp_ms(t) {
            return s.serialize_newtype_struct(STAMP_MS, &ms);
        }
    }
    match stamp_text(t) {
        Some(text) => s.serialize_str(&text),
        None => t.serialize(s),
    }
}

pub fn write_some_stamp<S: serde::Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    struct Stamp<'a>(&'a DateTime<Utc>);
    impl Serialize for Stamp<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            write_stamp(self.0, s)
        }
    }
    match t {
        Some(t) => s.serialize_some(&Stamp(t)),
        None => s.serialize_none(),
    }
}

/// A record's time as RFC 3339 text (JSON, backups) or as milliseconds (stored chunks hand
/// them over as numbers: no text printed and parsed again on every load).
pub fn stamp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = DateTime<Utc>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 date and time")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            parse_stamp(s).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(s), &self))
        }
        fn visit_i64<E: serde::de::Error>(self, ms: i64) -> Result<Self::Value, E> {
            DateTime::from_timestamp_millis(ms).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Signed(ms), &self))
        }
    }
    d.deserialize_any(V)
}

pub fn some_stamp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<DateTime<Utc>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an RFC 3339 date and time or nothing")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            stamp(d).map(Some)
        }
    }
    d.deserialize_option(V)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_print_as_chrono_does() {
        let times = [
            "2024-02-29T23:59:59.001Z",
            "1999-12-31T00:00:00Z",
            "2026-11-22T08:00:00.120Z",
            "1000-01-01T00:00:00.5Z",
            "9999-12-31T23:59:59.999Z",
        ];
        for text in times {
            let t: DateTime<Utc> = text.parse().unwrap();
            let chrono = serde_json::to_value(t).unwrap();
            assert_eq!(stamp_text(&t).as_deref(), chrono.as_str(), "{text}");
        }
        let fine: DateTime<Utc> = "2026-01-01T00:00:00.123456Z".parse().unwrap();
        assert_eq!(stamp_text(&fine), None);
        // Years 0000–0999 too: a year typed `0226` must print back as it was read.
        let early: DateTime<Utc> = "0226-01-01T00:00:00Z".parse().unwrap();
        assert_eq!(stamp_text(&early).as_deref(), serde_json::to_value(early).unwrap().as_str());
        assert_eq!(minute_text(minute_of("0226-12-01T09:30").unwrap()).as_deref(), Some("0226-12-01T09:30"));
    }
}
