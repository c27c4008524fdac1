//! Exact text forms of timestamps, local date-times and UUIDs, so columns of them can be
//! stored as numbers and bytes and printed back character for character.
use chrono::{DateTime, SecondsFormat, Utc};

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

/// The local date-time `minutes` after 1970 as `YYYY-MM-DDTHH:MM`.
pub fn minute_text(minutes: i64) -> Option<String> {
    let t = DateTime::<Utc>::from_timestamp(minutes.checked_mul(60)?, 0)?.naive_utc();
    (1000..=9999).contains(&chrono::Datelike::year(&t)).then(|| hm_text(t))
}

/// `YYYY-MM-DDTHH:MM` (years 1000–9999, the only ones [`date_hm`] lets through).
fn hm_text(t: chrono::NaiveDateTime) -> String {
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
pub fn ts_text(ms: i64) -> Option<String> {
    use chrono::Timelike;
    let t = DateTime::<Utc>::from_timestamp_millis(ms)?.naive_utc();
    if !(1000..=9999).contains(&chrono::Datelike::year(&t)) {
        return Some(DateTime::<Utc>::from_timestamp_millis(ms)?.to_rfc3339_opts(SecondsFormat::AutoSi, true));
    }
    let mut out = hm_text(t);
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

pub fn is_uuid_text(s: &str) -> bool {
    s.len() == 36
        && s.bytes().enumerate().all(|(i, b)| if matches!(i, 8 | 13 | 18 | 23) { b == b'-' } else { b.is_ascii_digit() || (b'a'..=b'f').contains(&b) })
}

/// Minutes since 1970 of a local `YYYY-MM-DDTHH:MM`, if it prints back the same.
pub fn minute_of(s: &str) -> Option<i64> {
    if s.len() != 16 {
        return None;
    }
    let (date, h, m) = date_hm(s.as_bytes())?;
    Some(date.and_hms_opt(h, m, 0)?.and_utc().timestamp() / 60)
}

