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

thread_local! {
    /// `(zone, ms) -> offset seconds | NaN`; a plain JS function so that an unknown zone
    /// (Intl throws RangeError) comes back as NaN rather than as an exception through wasm.
    static ZONE_FN: js_sys::Function = js_sys::Function::new_with_args(
        "z, ms",
        "try { const f = new Intl.DateTimeFormat('en-US', {timeZone: z, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric'}); \
         const p = {}; for (const x of f.formatToParts(new Date(ms))) p[x.type] = x.value; \
         return (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000) / 1000; \
         } catch (e) { return NaN; }",
    );
}

fn zone_at(zone: &str, utc_ms: f64) -> Option<i32> {
    let v = ZONE_FN.with(|f| f.call2(&JsValue::NULL, &JsValue::from_str(zone), &JsValue::from_f64(utc_ms))).ok()?.as_f64()?;
    v.is_finite().then_some(v as i32)
}

/// Offset east of UTC of the named zone at its wall-clock time `t`.
pub fn zone_offset(zone: &str, t: NaiveDateTime) -> Option<i32> {
    let first = zone_at(zone, ms(t))?;
    zone_at(zone, ms(t) - first as f64 * 1000.0)
}
