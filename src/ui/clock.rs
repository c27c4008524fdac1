//! The browser's clock and time-zone knowledge, for calendar files: the office's offset at
//! any instant (so a date after a daylight-saving switch, where there is one, is right)
//! and the offset of any named zone, from the browser's own time-zone database (Intl).
use chrono::{Duration, NaiveDateTime};
use wasm_bindgen::JsValue;

fn ms(t: NaiveDateTime) -> f64 {
    t.and_utc().timestamp_millis() as f64
}

/// The office's offset east of UTC, in seconds, at the UTC instant `utc`.
fn office_offset(utc: NaiveDateTime) -> i64 {
    -(js_sys::Date::new(&JsValue::from_f64(ms(utc))).get_timezone_offset() as i64) * 60
}

pub fn to_office(utc: NaiveDateTime) -> NaiveDateTime {
    utc + Duration::seconds(office_offset(utc))
}

pub fn to_utc(office: NaiveDateTime) -> NaiveDateTime {
    let guess = office - Duration::seconds(office_offset(office));
    office - Duration::seconds(office_offset(guess))
}

/// Offset east of UTC, in seconds, of the named zone at the UTC instant `utc_ms`, from the
/// wall-clock time Intl gives for that instant there; `None` for a zone Intl does not know.
fn zone_at(zone: &str, utc_ms: f64) -> Option<i32> {
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor: js_sys::Function = Reflect::get(&intl, &"DateTimeFormat".into()).ok()?.dyn_into().ok()?;
    let options = js_sys::Object::new();
    for (k, v) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("second", "numeric"),
    ] {
        Reflect::set(&options, &k.into(), &v.into()).ok()?;
    }
    // Made through Reflect: an unknown zone (Intl throws a RangeError) comes back as an
    // error here instead of an exception through the wasm. No code from text is evaluated,
    // which the page's Content-Security-Policy forbids.
    let format: js_sys::Intl::DateTimeFormat =
        Reflect::construct(&ctor, &js_sys::Array::of2(&"en-US".into(), &options)).ok()?.unchecked_into();
    let mut at = [0u32; 6];
    for part in format.format_to_parts(&js_sys::Date::new(&JsValue::from_f64(utc_ms))).iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let slot = ["year", "month", "day", "hour", "minute", "second"].iter().position(|k| *k == kind);
        if let Some(i) = slot {
            at[i] = Reflect::get(&part, &"value".into()).ok()?.as_string()?.parse().ok()?;
        }
    }
    let wall = chrono::NaiveDate::from_ymd_opt(at[0] as i32, at[1], at[2])?.and_hms_opt(at[3] % 24, at[4], at[5])?;
    i32::try_from(wall.and_utc().timestamp() - (utc_ms / 1000.0).floor() as i64).ok()
}

/// Offset east of UTC of the named zone at its wall-clock time `t`.
pub fn zone_offset(zone: &str, t: NaiveDateTime) -> Option<i32> {
    let first = zone_at(zone, ms(t))?;
    zone_at(zone, ms(t) - first as f64 * 1000.0)
}
