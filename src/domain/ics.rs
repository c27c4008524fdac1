//! iCalendar (RFC 5545) files in and out: `ics_read` unfolds and tokenises, `ics_write`
//! escapes and folds; this module maps components onto [`Event`]s.
//!
//! Times are stored as office wall-clock time. A file's UTC times and TZID times are
//! turned into office time with the caller's clock (`to_office`); TZID offsets come from
//! the file's own VTIMEZONE blocks first (Google, Outlook and Thunderbird include them),
//! then from the caller's knowledge of zone names. Whatever cannot be brought over is
//! named in the import's notes, never silently dropped.
use std::collections::{BTreeMap, HashMap};

use super::ics_read::{read, unescape, Component, Property, ReadError};
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

use super::calendar::{parse_weekdays, weekday_code, Event};
use super::dates::{compact_date, compact_utc, parse_compact};
use super::ics_write::IcsText;
use super::record::{Entity, Meta};
use super::recurrence::{Freq, Rule};
use crate::domain::calendar::EventKind;

/// Something the import could not bring over as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// An event left out: its title and why (i18n key).
    Skipped(String, &'static str),
    /// Parts the calendar does not keep (i18n key naming them) and how many there were.
    NotKept(&'static str, usize),
    /// A TZID neither the file nor this browser knows: its times are taken as office time.
    UnknownZone(String),
    /// A repeat rule this calendar cannot express: only the first occurrence came over.
    RuleNotKept(String, String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum IcsError {
    /// The file is not iCalendar at all, or broken beyond reading: why and where.
    Unreadable(ReadError),
    /// Readable, but not one event could be imported; why, where known.
    NoEvents(Vec<Note>),
}

#[derive(Debug, Default)]
pub struct Imported {
    pub events: Vec<Event>,
    pub notes: Vec<Note>,
}

/// Converts between the file's instants and office time.
pub struct Clock<'a> {
    /// UTC to office wall-clock time.
    pub to_office: &'a dyn Fn(NaiveDateTime) -> NaiveDateTime,
    /// Offset east of UTC, in seconds, of a named zone at a wall-clock time, if known.
    pub zone: &'a dyn Fn(&str, NaiveDateTime) -> Option<i32>,
}

pub fn parse(text: &str, clock: &Clock, now: DateTime<Utc>) -> Result<Imported, IcsError> {
    let text = text.trim_start_matches('\u{feff}');
    if !text.trim_start().to_ascii_uppercase().starts_with("BEGIN:") {
        return Err(IcsError::Unreadable(ReadError::NotCalendar));
    }
    let top = read(text).map_err(IcsError::Unreadable)?;
    // A bare VEVENT without VCALENDAR around it is read too.
    let mut stack: Vec<&Component> = top.iter().rev().collect();
    let mut zones = HashMap::new();
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut out = Imported::default();
    let mut vevents = vec![];
    while let Some(c) = stack.pop() {
        match c.name.as_str() {
            "VCALENDAR" => stack.extend(c.components.iter().rev()),
            "VTIMEZONE" => {
                if let Some(id) = c.find_prop("TZID") {
                    zones.insert(id.val.as_str().to_string(), Zone::read(c));
                }
            }
            "VEVENT" => vevents.push(c),
            "VTODO" => *counts.entry("ics.part.todo").or_default() += 1,
            "VJOURNAL" => *counts.entry("ics.part.journal").or_default() += 1,
            _ => {}
        }
    }
    let mut reader = Reader { clock, zones, unknown: vec![] };
    let mut by_uid: HashMap<String, usize> = HashMap::new();
    let mut changed: Vec<(Event, String, NaiveDate)> = vec![];
    for c in vevents {
        match reader.event(c, now, &mut counts, &mut out.notes) {
            Ok((e, Some(rid))) => changed.push((e, rid.0, rid.1)),
            Ok((e, None)) => {
                if !e.uid.is_empty() {
                    by_uid.insert(e.uid.clone(), out.events.len());
                }
                out.events.push(e);
            }
            Err((title, why)) => out.notes.push(Note::Skipped(title, why)),
        }
    }
    // Changed occurrences join their series when the series is in the file.
    for (mut e, uid, date) in changed {
        if let Some(&i) = by_uid.get(&uid) {
            e.series_id = out.events[i].meta.id.clone();
            e.occurrence = Some(date);
        }
        out.events.push(e);
    }
    for (what, n) in counts {
        out.notes.push(Note::NotKept(what, n));
    }
    for z in reader.unknown {
        out.notes.push(Note::UnknownZone(z));
    }
    if out.events.is_empty() {
        return Err(IcsError::NoEvents(out.notes));
    }
    Ok(out)
}

/// A file's time zone: its standard/daylight switches.
#[derive(Debug, Default)]
struct Zone {
    observances: Vec<Observance>,
}

#[derive(Debug)]
struct Observance {
    start: NaiveDateTime,
    offset: i32,
    /// Yearly rule: month, nth weekday (negative from the end), weekday, until.
    yearly: Option<(u32, i32, Weekday, Option<NaiveDateTime>)>,
    dates: Vec<NaiveDateTime>,
}

impl Zone {
    fn read(c: &Component) -> Zone {
        let mut z = Zone::default();
        for o in &c.components {
            let (Some(start), Some(offset)) = (
                o.find_prop("DTSTART").and_then(|p| naive(p.val.as_str())),
                o.find_prop("TZOFFSETTO").and_then(|p| offset(p.val.as_str())),
            ) else {
                continue;
            };
            let yearly = o.find_prop("RRULE").and_then(|p| {
                let r = rule_parts(p.val.as_str());
                if r.get("FREQ").map(String::as_str) != Some("YEARLY") {
                    return None;
                }
                let month = r.get("BYMONTH")?.parse().ok()?;
                let (n, day) = ordinal_day(r.get("BYDAY")?)?;
                Some((month, n, day, r.get("UNTIL").and_then(|u| naive(u))))
            });
            let dates = o
                .properties
                .iter()
                .filter(|p| p.name.as_str() == "RDATE")
                .flat_map(|p| p.val.as_str().split(',').filter_map(naive).collect::<Vec<_>>())
                .collect();
            z.observances.push(Observance { start, offset, yearly, dates });
        }
        z
    }

    /// The offset in force at wall-clock time `t`: the latest switch at or before it.
    fn offset_at(&self, t: NaiveDateTime) -> Option<i32> {
        let mut best: Option<(NaiveDateTime, i32)> = None;
        let mut consider = |at: NaiveDateTime, off: i32| {
            if at <= t && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, off));
            }
        };
        for o in &self.observances {
            consider(o.start, o.offset);
            for d in &o.dates {
                consider(*d, o.offset);
            }
            if let Some((month, n, day, until)) = o.yearly {
                for y in [t.year() - 1, t.year()] {
                    if let Some(d) = nth_weekday(y, month, n, day) {
                        let at = d.and_time(o.start.time());
                        if at >= o.start && until.is_none_or(|u| at <= u) {
                            consider(at, o.offset);
                        }
                    }
                }
            }
        }
        best.map(|(_, off)| off).or_else(|| self.observances.first().map(|o| o.offset))
    }
}

fn nth_weekday(year: i32, month: u32, n: i32, day: Weekday) -> Option<NaiveDate> {
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, day, n as u8)
    } else {
        let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(year, month + 1, 1)? };
        let last = next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() as i32 - day.num_days_from_monday() as i32) % 7;
        let d = last - Days::new(back as u64);
        d.checked_sub_days(Days::new(7 * (-n - 1) as u64))
    }
}

/// "-1SU" → (-1, Sunday); "SU" → (1, Sunday).
fn ordinal_day(s: &str) -> Option<(i32, Weekday)> {
    let s = s.split(',').next()?.trim();
    let (num, code) = s.split_at(s.len().checked_sub(2)?);
    let day = parse_weekdays(code).first().copied()?;
    let n = if num.is_empty() || num == "+" { 1 } else { num.parse().ok()? };
    Some((n, day))
}

/// "+0700", "-0500", "+010000" → seconds east of UTC.
fn offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let sign = match s.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits = &s[1..];
    if digits.len() < 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits[0..2].parse().ok()?;
    let m: i32 = digits[2..4].parse().ok()?;
    let sec: i32 = digits.get(4..6).and_then(|x| x.parse().ok()).unwrap_or(0);
    Some(sign * (h * 3600 + m * 60 + sec))
}

/// `YYYYMMDDTHHMMSS` (a trailing Z is the caller's business) or `YYYYMMDD` as midnight.
fn naive(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim().trim_end_matches(['Z', 'z']);
    parse_compact(s)
}

fn rule_parts(s: &str) -> HashMap<String, String> {
    s.split(';').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_string())).collect()
}

fn text(p: &Property) -> String {
    unescape(&p.val)
}

/// A point in time as read from a file.
#[derive(Clone, Copy)]
enum When {
    Date(NaiveDate),
    /// Office wall-clock time.
    At(NaiveDateTime),
}

impl When {
    fn date(self) -> NaiveDate {
        match self {
            When::Date(d) => d,
            When::At(t) => t.date(),
        }
    }
}

struct Reader<'a> {
    clock: &'a Clock<'a>,
    zones: HashMap<String, Zone>,
    unknown: Vec<String>,
}

type EventRead = (Event, Option<(String, NaiveDate)>);

impl Reader<'_> {
    fn when(&mut self, p: &Property) -> Option<When> {
        self.values(p).into_iter().next()
    }

    /// Every value of a date/time property (EXDATE may list several).
    fn values(&mut self, p: &Property) -> Vec<When> {
        let is_date = p.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        let tzid = p.param("TZID").map(str::to_string);
        let mut out = vec![];
        for v in p.val.as_str().split(',') {
            let v = v.trim();
            let Some(t) = naive(v) else { continue };
            if is_date || (v.len() == 8 && !v.contains('T')) {
                out.push(When::Date(t.date()));
            } else if v.ends_with(['Z', 'z']) {
                out.push(When::At((self.clock.to_office)(t)));
            } else if let Some(z) = &tzid {
                let off = self.zones.get(z).and_then(|zone| zone.offset_at(t)).or_else(|| (self.clock.zone)(z, t));
                match off {
                    Some(off) => out.push(When::At((self.clock.to_office)(t - Duration::seconds(off as i64)))),
                    None => {
                        if !self.unknown.contains(z) {
                            self.unknown.push(z.clone());
                        }
                        out.push(When::At(t));
                    }
                }
            } else {
                // Floating time: the same wall-clock time wherever it is read.
                out.push(When::At(t));
            }
        }
        out
    }

    fn event(
        &mut self,
        c: &Component,
        now: DateTime<Utc>,
        counts: &mut BTreeMap<&'static str, usize>,
        notes: &mut Vec<Note>,
    ) -> Result<EventRead, (String, &'static str)> {
        let title = c.find_prop("SUMMARY").map(text).unwrap_or_default();
        if c.properties.iter().any(|p| p.params.iter().any(|x| x.key.as_str().trim().is_empty())) {
            return Err((title, "ics.skip.damaged"));
        }
        let start = c.find_prop("DTSTART").and_then(|p| self.when(p)).ok_or((title.clone(), "ics.skip.no_start"))?;
        let mut e = Event::blank(now);
        e.meta = Meta::new(now);
        e.title = title.clone();
        let all_day = matches!(start, When::Date(_));
        e.all_day = all_day;
        let (s, end) = match start {
            When::Date(d) => {
                // DTEND of a date is the day after the last; some writers repeat the start.
                let last = match c.find_prop("DTEND").and_then(|p| self.when(p)) {
                    Some(w) => w.date().pred_opt().unwrap_or(d).max(d),
                    None => duration(c).map_or(d, |dur| (d + dur).pred_opt().unwrap_or(d).max(d)),
                };
                (d.and_time(NaiveTime::MIN), last.and_time(NaiveTime::MIN))
            }
            When::At(t) => {
                let end = match c.find_prop("DTEND").and_then(|p| self.when(p)) {
                    Some(When::At(x)) => x,
                    Some(When::Date(x)) => x.and_time(NaiveTime::MIN),
                    None => duration(c).map_or(t, |dur| t + dur),
                };
                (t, end.max(t))
            }
        };
        if !super::record::YEARS.contains(&s.year()) || !super::record::YEARS.contains(&end.year()) {
            return Err((title, "ics.skip.year"));
        }
        e.start = Some(s);
        e.end = Some(end);
        e.location = c.find_prop("LOCATION").map(text).unwrap_or_default();
        e.notes = c.find_prop("DESCRIPTION").map(text).unwrap_or_default();
        e.uid = c.find_prop("UID").map(|p| p.val.as_str().to_string()).unwrap_or_default();
        if c.find_prop("X-BACKOFFICE-KIND").is_some_and(|p| p.val.as_str() == "meeting") {
            e.kind = EventKind::Meeting;
        }
        let mut people = vec![];
        for p in c.properties.iter().filter(|p| matches!(p.name.as_str(), "ATTENDEE" | "ORGANIZER")) {
            let who = p
                .param("CN")
                .map(str::to_string)
                .unwrap_or_else(|| p.val.as_str().trim_start_matches("mailto:").trim_start_matches("MAILTO:").to_string());
            if !who.is_empty() && !people.contains(&who) {
                people.push(who);
            }
        }
        e.attendees = people.join("\n");
        if let Some(r) = c.find_prop("RRULE") {
            match self.rule(r.val.as_str(), s) {
                Some(rule) => e.set_rule(Some(&rule)),
                None => notes.push(Note::RuleNotKept(title.clone(), r.val.as_str().to_string())),
            }
            let except: Vec<NaiveDate> =
                c.properties.iter().filter(|p| p.name.as_str() == "EXDATE").flat_map(|p| self.values(p)).map(When::date).collect();
            e.except = except;
        }
        for (prop, what) in [("RDATE", "ics.part.rdate"), ("CATEGORIES", "ics.part.categories"), ("ATTACH", "ics.part.attach")] {
            let n = c.properties.iter().filter(|p| p.name.as_str() == prop).count();
            if n > 0 {
                *counts.entry(what).or_default() += n;
            }
        }
        let alarms = c.components.iter().filter(|x| x.name.as_str() == "VALARM").count();
        if alarms > 0 {
            *counts.entry("ics.part.alarm").or_default() += alarms;
        }
        let rid = c.find_prop("RECURRENCE-ID").and_then(|p| self.when(p)).map(|w| (e.uid.clone(), w.date()));
        Ok((e, rid))
    }

    /// An RRULE this calendar can hold, or None (then only the first occurrence is kept).
    fn rule(&mut self, s: &str, start: NaiveDateTime) -> Option<Rule> {
        let r = rule_parts(s);
        let mut freq = match r.get("FREQ")?.as_str() {
            "DAILY" => Freq::Daily,
            "WEEKLY" => Freq::Weekly,
            "MONTHLY" => Freq::Monthly,
            "YEARLY" => Freq::Yearly,
            _ => return None,
        };
        let mut interval: u32 = r.get("INTERVAL").map_or(Some(1), |v| v.parse().ok())?.max(1);
        if freq == Freq::Monthly && interval.is_multiple_of(3) {
            freq = Freq::Quarterly;
            interval /= 3;
        }
        let mut rule = Rule { interval, ..Rule::new(freq) };
        for (k, v) in &r {
            match k.as_str() {
                "FREQ" | "INTERVAL" | "WKST" => {}
                "COUNT" => rule.count = Some(v.parse().ok()?),
                "UNTIL" => {
                    let t = naive(v)?;
                    rule.until = Some(if v.ends_with(['Z', 'z']) { (self.clock.to_office)(t).date() } else { t.date() });
                }
                "BYDAY" if freq == Freq::Weekly => {
                    let days = parse_weekdays(v);
                    if days.len() != v.split(',').count() {
                        return None;
                    }
                    rule.weekdays = days;
                }
                "BYMONTHDAY"
                    if matches!(freq, Freq::Monthly | Freq::Quarterly | Freq::Yearly) && v.parse::<u32>().ok() == Some(start.day()) => {}
                "BYMONTH" if freq == Freq::Yearly && v.parse::<u32>().ok() == Some(start.month()) => {}
                _ => return None,
            }
        }
        Some(rule)
    }
}

/// DURATION of the simple kinds calendars write: P1D, PT1H30M, P1W.
fn duration(c: &Component) -> Option<Duration> {
    let v = c.find_prop("DURATION")?.val.as_str().trim().to_ascii_uppercase();
    let v = v.strip_prefix('P')?;
    let (mut total, mut num, mut in_time) = (Duration::zero(), String::new(), false);
    for ch in v.chars() {
        match ch {
            'T' => in_time = true,
            '0'..='9' => num.push(ch),
            _ => {
                let n: i64 = std::mem::take(&mut num).parse().ok()?;
                total += match (ch, in_time) {
                    ('W', _) => Duration::weeks(n),
                    ('D', _) => Duration::days(n),
                    ('H', true) => Duration::hours(n),
                    ('M', true) => Duration::minutes(n),
                    ('S', true) => Duration::seconds(n),
                    _ => return None,
                };
            }
        }
    }
    Some(total)
}

/// The items as an iCalendar file. Times are written in UTC (`to_utc` turns office time
/// into UTC), all-day items as dates; a series carries its RRULE and EXDATEs, a changed
/// occurrence the series' UID and a RECURRENCE-ID.
pub fn export(events: &[Event], name: &str, to_utc: &dyn Fn(NaiveDateTime) -> NaiveDateTime) -> String {
    let mut w = IcsText::default();
    for (k, v) in [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Back Office//Back Office//ID"), ("CALSCALE", "GREGORIAN")] {
        w.prop(k, &[], v);
    }
    w.text("NAME", name);
    w.text("X-WR-CALNAME", name);
    let by_id: HashMap<&str, &Event> = events.iter().map(|e| (e.meta.id.as_str(), e)).collect();
    let date: &[(&str, &str)] = &[("VALUE", "DATE")];
    for e in events.iter().filter(|e| e.meta.deleted_at.is_none()) {
        let (Some(s), Some(end)) = (e.start_at(), e.end_at()) else { continue };
        w.prop("BEGIN", &[], "VEVENT");
        let series = by_id.get(e.series_id.as_str()).filter(|_| !e.series_id.is_empty());
        w.text("UID", &uid_of(series.copied().filter(|_| e.occurrence.is_some()).unwrap_or(e)));
        w.prop("DTSTAMP", &[], &compact_utc(e.meta.updated_at.naive_utc()));
        w.text("SUMMARY", &e.title);
        if e.all_day {
            w.prop("DTSTART", date, &compact_date(s.date()));
            w.prop("DTEND", date, &compact_date(end.date().max(s.date()).succ_opt().unwrap_or(end.date())));
        } else {
            w.prop("DTSTART", &[], &fmt_utc(to_utc(s)));
            w.prop("DTEND", &[], &fmt_utc(to_utc(end.max(s))));
        }
        if !e.location.is_empty() {
            w.text("LOCATION", &e.location);
        }
        if !e.notes.is_empty() {
            w.text("DESCRIPTION", &e.notes);
        }
        if e.kind == EventKind::Meeting {
            w.prop("X-BACKOFFICE-KIND", &[], "meeting");
        }
        for p in e.people() {
            if p.contains('@') && !p.contains(' ') {
                w.prop("ATTENDEE", &[], &format!("mailto:{p}"));
            } else {
                w.prop("ATTENDEE", &[("CN", &p)], "urn:x-backoffice:attendee");
            }
        }
        if let (Some(series), Some(day)) = (series, e.occurrence) {
            let orig = series.start_at().map_or(day.and_time(NaiveTime::MIN), |t| day.and_time(t.time()));
            if series.all_day {
                w.prop("RECURRENCE-ID", date, &compact_date(day));
            } else {
                w.prop("RECURRENCE-ID", &[], &fmt_utc(to_utc(orig)));
            }
        }
        if let Some(rule) = e.rule().filter(|_| e.series_id.is_empty()) {
            w.prop("RRULE", &[], &rrule_text(&rule, e.all_day, s, to_utc));
            for d in &e.except {
                if e.all_day {
                    w.prop("EXDATE", date, &compact_date(*d));
                } else {
                    w.prop("EXDATE", &[], &fmt_utc(to_utc(d.and_time(s.time()))));
                }
            }
        }
        w.prop("END", &[], "VEVENT");
    }
    w.prop("END", &[], "VCALENDAR");
    w.finish()
}

/// The UID an item is exported with: its own from an imported file, else one made from its id.
pub fn uid_of(e: &Event) -> String {
    if e.uid.is_empty() {
        format!("{}@backoffice", e.meta.id)
    } else {
        e.uid.clone()
    }
}

fn fmt_utc(t: NaiveDateTime) -> String {
    compact_utc(t)
}

fn rrule_text(r: &Rule, all_day: bool, start: NaiveDateTime, to_utc: &dyn Fn(NaiveDateTime) -> NaiveDateTime) -> String {
    let (freq, interval) = match r.freq {
        Freq::Daily => ("DAILY", r.interval),
        Freq::Weekly => ("WEEKLY", r.interval),
        Freq::Monthly => ("MONTHLY", r.interval),
        Freq::Quarterly => ("MONTHLY", r.interval * 3),
        Freq::Yearly => ("YEARLY", r.interval),
    };
    let mut s = format!("FREQ={freq}");
    if interval > 1 {
        s += &format!(";INTERVAL={interval}");
    }
    if !r.weekdays.is_empty() {
        s += &format!(";BYDAY={}", r.weekdays.iter().map(|d| weekday_code(*d)).collect::<Vec<_>>().join(","));
    }
    if let Some(c) = r.count {
        s += &format!(";COUNT={c}");
    }
    if let Some(u) = r.until {
        // UNTIL must be of DTSTART's kind: a date for all-day items, else a UTC time.
        s += &if all_day { format!(";UNTIL={}", compact_date(u)) } else { format!(";UNTIL={}", fmt_utc(to_utc(u.and_time(start.time())))) };
    }
    s
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
