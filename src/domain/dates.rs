//! Dates and times as the app writes them (`2026-11-22`, `2026-11-22T09:30`) and as
//! calendar files write them (`20261122T093000`), read and printed by hand: chrono's
//! format-string machinery costs more wasm than these few fixed layouts.
//! chrono still does the calendar arithmetic.
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// Numbers of 1–`max` digits separated by `sep` (`None` for no separator: fixed widths from
/// `widths`), exactly `widths.len()` of them and nothing else.
fn numbers(s: &str, sep: Option<u8>, widths: &[usize]) -> Option<Vec<u32>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(widths.len());
    let mut at = 0;
    for (i, &w) in widths.iter().enumerate() {
        if i > 0 {
            if let Some(sep) = sep {
                (b.get(at) == Some(&sep)).then_some(())?;
                at += 1;
            }
        }
        let start = at;
        while at < b.len() && b[at].is_ascii_digit() && (sep.is_some() || at - start < w) {
            at += 1;
        }
        let len = at - start;
        let ok = if sep.is_some() { (1..=w).contains(&len) } else { len == w };
        ok.then_some(())?;
        out.push(s[start..at].parse().ok()?);
    }
    (at == b.len()).then_some(out)
}

fn date_of(n: &[u32]) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])
}

fn time_of(n: &[u32]) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(n[0], n[1], n.get(2).copied().unwrap_or(0))
}

/// `2026-11-22` (month and day may have one digit, as people type them).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    date_of(&numbers(s.trim(), Some(b'-'), &[4, 2, 2])?)
}

/// `2026-11-22T09:30`, or with seconds, or with a space for the `T` (as spreadsheets write it).
pub fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let (d, t) = s.trim().split_once(['T', ' '])?;
    let t = numbers(t, Some(b':'), &[2, 2]).or_else(|| numbers(t, Some(b':'), &[2, 2, 2]))?;
    Some(parse_date(d)?.and_time(time_of(&t)?))
}

/// What the app keeps of a time: hours and minutes (stored and shown so).
pub fn to_minute(t: NaiveTime) -> NaiveTime {
    NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or(t)
}

/// A date and time as the app keeps it: to the minute.
pub fn datetime_to_minute(t: NaiveDateTime) -> NaiveDateTime {
    t.date().and_time(to_minute(t.time()))
}

/// A time of day, `HH:MM` (or `H:MM`, or with seconds), as time inputs and clocks write it.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let t = s.trim();
    let t = numbers(t, Some(b':'), &[2, 2]).or_else(|| numbers(t, Some(b':'), &[2, 2, 2]))?;
    time_of(&t)
}

/// `HH:MM`.
pub fn time_text(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `20261122T093000`, `20261122T0930` or `20261122` (midnight), as calendar files write them.
pub fn parse_compact(s: &str) -> Option<NaiveDateTime> {
    let (d, t) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let date = date_of(&numbers(d, None, &[4, 2, 2])?)?;
    let time = match t {
        Some(t) => time_of(&numbers(t, None, &[2, 2, 2]).or_else(|| numbers(t, None, &[2, 2]))?)?,
        None => NaiveTime::MIN,
    };
    Some(date.and_time(time))
}

fn push_num(out: &mut String, n: i64, width: usize) {
    let text = n.unsigned_abs().to_string();
    if n < 0 {
        out.push('-');
    }
    out.extend(std::iter::repeat_n('0', width.saturating_sub(text.len())));
    out.push_str(&text);
}

fn ymd(d: NaiveDate, sep: &str) -> String {
    let mut s = String::with_capacity(16);
    push_num(&mut s, d.year() as i64, 4);
    s.push_str(sep);
    push_num(&mut s, d.month() as i64, 2);
    s.push_str(sep);
    push_num(&mut s, d.day() as i64, 2);
    s
}

/// `2026-11-22`.
pub fn date_text(d: NaiveDate) -> String {
    ymd(d, "-")
}

/// A date field's `YYYY-MM-DD`, or nothing when it has no day.
pub fn day_text(d: Option<NaiveDate>) -> String {
    d.map(date_text).unwrap_or_default()
}

/// `2026-11-22T09:30`.
pub fn datetime_text(t: NaiveDateTime) -> String {
    let mut s = ymd(t.date(), "-");
    s.push('T');
    push_num(&mut s, t.hour() as i64, 2);
    s.push(':');
    push_num(&mut s, t.minute() as i64, 2);
    s
}

/// `20261122`.
pub fn compact_date(d: NaiveDate) -> String {
    ymd(d, "")
}

/// `20261122T093000Z` of a UTC time.
pub fn compact_utc(t: NaiveDateTime) -> String {
    let mut s = ymd(t.date(), "");
    s.push('T');
    for n in [t.hour(), t.minute(), t.second()] {
        push_num(&mut s, n as i64, 2);
    }
    s.push('Z');
    s
}

/// serde of dates as chrono writes them (`"2026-11-22"`), without its format-string parser.
pub mod serde_dates {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    fn read<E: Error>(t: &str) -> Result<NaiveDate, E> {
        super::parse_date(t).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(t), &"a date YYYY-MM-DD"))
    }

    pub fn serialize<S: Serializer>(v: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(|d| super::date_text(*d)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(d)?.iter().map(|t| read(t)).collect()
    }

    /// The same for an optional date (`null` when absent).
    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(v: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(d) => s.serialize_some(&super::super::date_text(*d)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            Option::<String>::deserialize(d)?.map(|t| read(&t)).transpose()
        }
    }
}

/// A date field's text as a `&'static str`, so tests can compare tuples of texts.
#[cfg(test)]
pub fn text_of(d: Option<NaiveDate>) -> &'static str {
    day_text(d).leak()
}

/// A date-time field's text as a `&'static str`, for tests.
#[cfg(test)]
pub fn text_of_dt(t: Option<NaiveDateTime>) -> &'static str {
    t.map(datetime_text).unwrap_or_default().leak()
}

/// A time field's text as a `&'static str`, for tests.
#[cfg(test)]
pub fn text_of_time(t: Option<NaiveTime>) -> &'static str {
    t.map(time_text).unwrap_or_default().leak()
}

/// A stored list of dates, read as [`serde_dates`] reads it.
pub fn read_dates(c: crate::table::Cell) -> Result<Vec<NaiveDate>, String> {
    serde_dates::deserialize(c).map_err(|e| e.to_string())
}

pub fn read_some_date(c: crate::table::Cell) -> Result<Option<NaiveDate>, String> {
    serde_dates::option::deserialize(c).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_what_chrono_prints() {
        let days = [(2026, 11, 22), (2024, 2, 29), (1999, 1, 1), (33, 7, 4), (9999, 12, 31)];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_text(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(compact_date(date), date.format("%Y%m%d").to_string());
            for (h, mi, s) in [(0, 0, 0), (9, 5, 7), (23, 59, 59)] {
                let t = date.and_hms_opt(h, mi, s).unwrap();
                assert_eq!(datetime_text(t), t.format("%Y-%m-%dT%H:%M").to_string());
                assert_eq!(compact_utc(t), t.format("%Y%m%dT%H%M%SZ").to_string());
            }
        }
    }

    #[test]
    fn reads_what_people_and_files_write() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(parse_date("2026-11-22"), Some(d(2026, 11, 22)));
        assert_eq!(parse_date(" 2026-1-5 "), Some(d(2026, 1, 5)));
        for bad in ["", "2026-11", "2026-13-01", "2026-02-30", "2026/11/22", "2026-11-22x", "22-11-2026", "2026-011-22", "2026--22"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        let t = |h, m, s| d(2026, 11, 22).and_hms_opt(h, m, s).unwrap();
        assert_eq!(parse_datetime("2026-11-22T09:30"), Some(t(9, 30, 0)));
        assert_eq!(parse_datetime("2026-11-22T09:30:15"), Some(t(9, 30, 15)));
        assert_eq!(parse_datetime("2026-11-22 09:30"), Some(t(9, 30, 0)), "as spreadsheets write it");
        for bad in ["2026-11-22", "2026-11-22T24:00", "2026-11-22T09", "2026-11-22  09:30", "2026-11-22T09:30:"] {
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
        assert_eq!(parse_compact("20261122T093015"), Some(t(9, 30, 15)));
        assert_eq!(parse_compact("20261122T0930"), Some(t(9, 30, 0)));
        assert_eq!(parse_compact("20261122"), Some(t(0, 0, 0)));
        for bad in ["2026112", "20261122T09", "20261122T093", "2026-11-22", "20261322"] {
            assert_eq!(parse_compact(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_in_json_as_chrono_writes_them() {
        #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
        struct Ours {
            #[serde(with = "serde_dates")]
            list: Vec<NaiveDate>,
            #[serde(with = "serde_dates::option")]
            one: Option<NaiveDate>,
        }
        #[derive(serde::Serialize, serde::Deserialize)]
        struct Chrono {
            list: Vec<NaiveDate>,
            one: Option<NaiveDate>,
        }
        let d = |m, dd| NaiveDate::from_ymd_opt(2026, m, dd).unwrap();
        for (list, one) in [(vec![d(11, 22), d(1, 5)], Some(d(2, 28))), (vec![], None)] {
            let text = serde_json::to_string(&Chrono { list: list.clone(), one }).unwrap();
            assert_eq!(serde_json::to_string(&Ours { list: list.clone(), one }).unwrap(), text);
            assert_eq!(serde_json::from_str::<Ours>(&text).unwrap(), Ours { list, one });
        }
        let err = serde_json::from_str::<Ours>(r#"{"list":["2026-02-30"],"one":null}"#).unwrap_err().to_string();
        assert!(err.contains("2026-02-30"), "{err}");
    }

    #[test]
    fn agrees_with_chrono_on_the_app_layouts() {
        for s in ["2026-11-22T09:30", "2026-1-2T3:04", "2026-11-22T09:30:59", "2026-11-31T09:30", "2026-11-22T9:3"] {
            let ours = parse_datetime(s);
            let chrono =
                NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")).ok();
            assert_eq!(ours, chrono, "{s}");
        }
    }
}
