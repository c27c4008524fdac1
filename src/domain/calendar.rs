//! Calendar: appointments and meetings, one-off or repeating, and what a date range holds.
//!
//! A repeating item is one record (the series). Deleting one occurrence adds its date to
//! the series' `except`; moving or changing one occurrence makes a separate record that
//! names the series and the date it replaces (`series_id` + `occurrence`), as iCalendar's
//! RECURRENCE-ID does, so the rest of the series stays one record.
use crate::sort::sort_by;
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Utc, Weekday};

use super::booking::{clashes, Booking, Clash};
use super::record::{split_list, validate_by_schema, FieldError, FormRules, Meta, RecordRules};
use super::recurrence::{Freq, Rule};

crate::record! {
    pub struct Event in "events" {
        title: String => Text, "event.title" .required().listed().aliases(&["summary", "judul", "subject"]),
        /// "appointment" or "meeting".
        kind: EventKind = EventKind::Appointment => Select(EventKind::OPTIONS), "event.kind" .required().listed().aliases(&["jenis"]),
        /// Local office time, `YYYY-MM-DDTHH:MM`; for an all-day item only the date counts.
        start: Option<chrono::NaiveDateTime> => DateTime, "event.start" .required().listed().aliases(&["mulai", "start date"]),
        /// Local office time; for an all-day item, the last day it covers (inclusive).
        end: Option<chrono::NaiveDateTime> => DateTime, "event.end" .required().aliases(&["selesai", "end date"]),
        all_day: bool => Check, "event.all_day" .aliases(&["sepanjang hari"]),
        /// Room or place.
        location: String => Text, "event.location" .listed().aliases(&["lokasi", "ruang", "room"]),
        /// One person per line: contacts, colleagues or departments.
        attendees: String => People, "event.attendees" .aliases(&["peserta"]),
        /// "" for a one-off item, else daily/weekly/monthly/quarterly/yearly.
        repeat: Repeat => Select(Repeat::OPTIONS), "event.repeat" .listed().aliases(&["ulangi"]),
        /// Every N periods, as text ("" reads as 1).
        interval: Option<u32> => Number, "event.interval",
        /// Weekly only: days as two-letter iCalendar codes, "MO,WE".
        weekdays: String => Weekdays, "event.weekdays",
        /// Last date of the series, `YYYY-MM-DD`, or "".
        until: Option<chrono::NaiveDate> => Date, "event.until",
        /// Number of occurrences, or "".
        count: Option<u32> => Number, "event.count",
        notes: String => LongText, "event.notes" .aliases(&["catatan", "description"]),
    }
    stored {
        /// Occurrences deleted from the series.
        #[serde(with = "super::dates::serde_dates")]
        except: Vec<NaiveDate>; read with super::dates::read_dates,
        /// For a changed occurrence: the series it belongs to and the date it replaces.
        series_id: String,
        #[serde(with = "super::dates::serde_dates::option")]
        occurrence: Option<NaiveDate>; read with super::dates::read_some_date,
        /// iCalendar UID, kept so exports and re-imports recognise the same item.
        uid: String,
    }
}

crate::choice! {
    /// What a calendar item is.
    pub enum EventKind {
        Appointment = "appointment" => "event.kind.appointment",
        Meeting = "meeting" => "event.kind.meeting",
    }
}
crate::choice! {
    /// How a calendar item repeats.
    pub enum Repeat {
        Never = "" => "event.repeat.none",
        Daily = "daily" => "event.repeat.daily",
        Weekly = "weekly" => "event.repeat.weekly",
        Monthly = "monthly" => "event.repeat.monthly",
        Quarterly = "quarterly" => "event.repeat.quarterly",
        Yearly = "yearly" => "event.repeat.yearly",
    }
}

pub const WEEKDAY_CODES: [(&str, Weekday); 7] = [
    ("MO", Weekday::Mon),
    ("TU", Weekday::Tue),
    ("WE", Weekday::Wed),
    ("TH", Weekday::Thu),
    ("FR", Weekday::Fri),
    ("SA", Weekday::Sat),
    ("SU", Weekday::Sun),
];

pub fn weekday_code(d: Weekday) -> &'static str {
    WEEKDAY_CODES.iter().find(|(_, w)| *w == d).map(|(c, _)| *c).unwrap_or("MO")
}

pub fn parse_weekdays(s: &str) -> Vec<Weekday> {
    split_list(s, &[',', ' '])
        .iter()
        .filter_map(|c| WEEKDAY_CODES.iter().find(|(k, _)| k.eq_ignore_ascii_case(c)).map(|(_, w)| *w))
        .collect()
}

const RULES: FormRules = FormRules {
    shown_when: &[("interval", "repeat", &[]), ("weekdays", "repeat", &["weekly"]), ("until", "repeat", &[]), ("count", "repeat", &[])],
    span: Some(("start", "end")),
    hidden: &[],
};

impl RecordRules for Event {
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(s), Some(e)) = (self.start, self.end) {
            let ends_before = if self.all_day { e.date() < s.date() } else { e < s };
            if ends_before && !errs.iter().any(|(k, _)| *k == "end") {
                errs.push(("end", "err.end_before_start"));
            }
        }
        if let (Some(s), Some(u)) = (self.start, self.until) {
            if u < s.date() && !errs.iter().any(|(k, _)| *k == "until") {
                errs.push(("until", "err.until_before_start"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl Event {
    pub fn start_at(&self) -> Option<NaiveDateTime> {
        self.start
    }

    pub fn end_at(&self) -> Option<NaiveDateTime> {
        self.end
    }

    /// The repeat rule, if the item repeats.
    pub fn rule(&self) -> Option<Rule> {
        let freq = match self.repeat {
            Repeat::Daily => Freq::Daily,
            Repeat::Weekly => Freq::Weekly,
            Repeat::Monthly => Freq::Monthly,
            Repeat::Quarterly => Freq::Quarterly,
            Repeat::Yearly => Freq::Yearly,
            _ => return None,
        };
        Some(Rule {
            freq,
            interval: self.interval.unwrap_or(1).max(1),
            weekdays: if freq == Freq::Weekly { parse_weekdays(&self.weekdays) } else { vec![] },
            until: self.until,
            count: self.count.filter(|n| *n > 0),
        })
    }

    pub fn set_rule(&mut self, rule: Option<&Rule>) {
        let Some(r) = rule else {
            self.repeat = Repeat::Never;
            return;
        };
        self.repeat = match r.freq {
            Freq::Daily => Repeat::Daily,
            Freq::Weekly => Repeat::Weekly,
            Freq::Monthly => Repeat::Monthly,
            Freq::Quarterly => Repeat::Quarterly,
            Freq::Yearly => Repeat::Yearly,
        };
        self.interval = (r.interval > 1).then_some(r.interval);
        self.weekdays = r.weekdays.iter().map(|d| weekday_code(*d)).collect::<Vec<_>>().join(",");
        self.until = r.until;
        self.count = r.count;
    }

    pub fn people(&self) -> Vec<String> {
        split_list(&self.attendees, &['\n'])
    }

    fn live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }
}

/// One appearance of an item on the calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// The record that shows here: the series itself, or a changed occurrence.
    pub id: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub all_day: bool,
    pub title: String,
    pub kind: EventKind,
    pub location: String,
    /// The series' date this occurrence stands for, when it belongs to a series.
    pub series_date: Option<NaiveDate>,
    /// Made by the series' rule (not a record of its own): opened as "this date of the series".
    pub repeats: bool,
}

impl Occurrence {
    /// The dates it covers (an all-day item's end is its last day).
    pub fn days(&self) -> (NaiveDate, NaiveDate) {
        let last = if self.all_day || self.end.time() != chrono::NaiveTime::MIN || self.end.date() == self.start.date() {
            self.end.date()
        } else {
            // Ends at midnight: the day before is its last.
            self.end.date().pred_opt().unwrap_or(self.end.date())
        };
        (self.start.date(), last.max(self.start.date()))
    }

    pub fn on(&self, day: NaiveDate) -> bool {
        let (a, b) = self.days();
        a <= day && day <= b
    }
}

/// Every occurrence touching `from..=to`, ordered by start (all-day first on a day).
pub fn occurrences(events: &[Event], from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
    // Dates of each series that a changed occurrence has taken over.
    let mut replaced: HashMap<&str, HashSet<NaiveDate>> = HashMap::new();
    for e in events.iter().filter(|e| e.live() && !e.series_id.is_empty()) {
        if let Some(d) = e.occurrence {
            replaced.entry(e.series_id.as_str()).or_default().insert(d);
        }
    }
    let mut out = vec![];
    for e in events.iter().filter(|e| e.live()) {
        let (Some(start), Some(end)) = (e.start_at(), e.end_at()) else { continue };
        let end = end.max(start);
        let span = end - start;
        let make = |s: NaiveDateTime, series_date: Option<NaiveDate>, repeats: bool| Occurrence {
            id: e.meta.id.clone(),
            start: s,
            end: s + span,
            all_day: e.all_day,
            title: e.title.clone(),
            kind: e.kind,
            location: e.location.clone(),
            series_date,
            repeats,
        };
        match e.rule() {
            Some(rule) if e.series_id.is_empty() => {
                let mut except = e.except.clone();
                if let Some(r) = replaced.get(e.meta.id.as_str()) {
                    except.extend(r.iter().copied());
                }
                // Start looking early enough to catch occurrences that began before `from`.
                let look_from = from.checked_sub_days(Days::new(span.num_days().max(0) as u64)).unwrap_or(from);
                for d in rule.dates(start.date(), &except, look_from, to) {
                    let o = make(d.and_time(start.time()), Some(d), true);
                    if o.days().1 >= from {
                        out.push(o);
                    }
                }
            }
            _ => {
                let o = make(start, e.occurrence, false);
                let (a, b) = o.days();
                if a <= to && b >= from {
                    out.push(o);
                }
            }
        }
    }
    sort_by(&mut out, |a, b| (a.start.date(), !a.all_day, a.start, &a.title).cmp(&(b.start.date(), !b.all_day, b.start, &b.title)));
    out
}

/// A double booking found for an item: what it clashes with and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub clash: Clash,
    pub other_title: String,
    pub at: NaiveDateTime,
}

/// Double bookings of `event` with other items, looking at its occurrences in the next
/// `days` days from `from` (a series is checked ahead, not forever). One line per other
/// item and reason, at the first time it happens.
pub fn conflicts(events: &[Event], event: &Event, from: NaiveDate, days: u64) -> Vec<Conflict> {
    let to = from.checked_add_days(Days::new(days)).unwrap_or(from);
    let occ = occurrences(events, from, to);
    let people: HashMap<&str, Vec<String>> = events.iter().map(|e| (e.meta.id.as_str(), e.people())).collect();
    let locations: HashMap<&str, &str> = events.iter().map(|e| (e.meta.id.as_str(), e.location.as_str())).collect();
    let none: Vec<String> = vec![];
    let booking = |o: &Occurrence| Booking {
        id: "",
        start: o.start,
        end: if o.all_day { o.days().1.and_time(chrono::NaiveTime::MIN) + chrono::Duration::days(1) } else { o.end },
        room: locations.get(o.id.as_str()).copied().unwrap_or(""),
        people: people.get(o.id.as_str()).unwrap_or(&none),
    };
    // A series and its changed occurrences are one item: they never clash with each other.
    let root: HashMap<&str, &str> = events
        .iter()
        .map(|e| (e.meta.id.as_str(), if e.series_id.is_empty() { e.meta.id.as_str() } else { e.series_id.as_str() }))
        .collect();
    let root_of = |id: &str| root.get(id).copied().unwrap_or("");
    let me = root_of(&event.meta.id);
    let mine: Vec<&Occurrence> = occ.iter().filter(|o| o.id == event.meta.id).collect();
    let others: Vec<&Occurrence> = occ.iter().filter(|o| root_of(&o.id) != me).collect();
    let mut seen = HashSet::new();
    let mut out = vec![];
    for m in &mine {
        for o in &others {
            let (mut bm, mut bo) = (booking(m), booking(o));
            bm.id = "me";
            bo.id = "other";
            for c in clashes(&bm, &[bo]) {
                let key = (
                    o.id.clone(),
                    matches!(c, Clash::Room(..)),
                    match &c {
                        Clash::Room(_, x) | Clash::Person(_, x) => crate::text::lower(x),
                    },
                );
                if seen.insert(key) {
                    let clash = match c {
                        Clash::Room(_, r) => Clash::Room(o.id.clone(), r),
                        Clash::Person(_, p) => Clash::Person(o.id.clone(), p),
                    };
                    out.push(Conflict { clash, other_title: o.title.clone(), at: m.start.max(o.start) });
                }
            }
        }
    }
    out
}

/// A changed copy of one occurrence of `series` on `date`, to be stored as its own record.
pub fn detach(series: &Event, date: NaiveDate, now: DateTime<Utc>) -> Option<Event> {
    let (start, end) = (series.start_at()?, series.end_at()?);
    let span = end.max(start) - start;
    let s = date.and_time(start.time());
    let mut e = series.clone();
    e.meta = Meta::new(now);
    e.start = Some(s);
    e.end = Some(s + span);
    e.set_rule(None);
    e.interval = None;
    e.weekdays.clear();
    e.until = None;
    e.count = None;
    e.except.clear();
    e.series_id = series.meta.id.clone();
    e.occurrence = Some(date);
    Some(e)
}

/// Monday of the week holding `d` (offices here plan Monday to Sunday).
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(d.weekday().num_days_from_monday() as u64)
}

/// The 6×7 grid of days a month view shows, Monday first.
pub fn month_grid(month: NaiveDate) -> Vec<NaiveDate> {
    let first = month.with_day(1).unwrap_or(month);
    let start = week_start(first);
    (0..42).filter_map(|i| start.checked_add_days(Days::new(i))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ev(title: &str, start: &str, end: &str) -> Event {
        let mut e = Event::blank(Utc::now());
        e.title = title.into();
        e.start = crate::domain::dates::parse_datetime(start);
        e.end = crate::domain::dates::parse_datetime(end);
        e
    }

    #[test]
    fn a_weekly_meeting_with_one_occurrence_moved_and_one_deleted() {
        // 2026-11-02 is a Monday.
        let mut s = ev("Rapat mingguan", "2026-11-02T09:00", "2026-11-02T10:00");
        s.repeat = Repeat::Weekly;
        s.except.push(d("2026-11-16"));
        let mut moved = detach(&s, d("2026-11-09"), Utc::now()).unwrap();
        moved.start = crate::domain::dates::parse_datetime("2026-11-10T14:00");
        moved.end = crate::domain::dates::parse_datetime("2026-11-10T15:00");
        let all = vec![s.clone(), moved.clone()];
        let got: Vec<String> =
            occurrences(&all, d("2026-11-01"), d("2026-11-30")).iter().map(|o| o.start.format("%d %H").to_string()).collect();
        assert_eq!(got, ["02 09", "10 14", "23 09", "30 09"]);
        let o = occurrences(&all, d("2026-11-10"), d("2026-11-10"));
        assert_eq!((o[0].id.as_str(), o[0].series_date), (moved.meta.id.as_str(), Some(d("2026-11-09"))));
    }

    #[test]
    fn a_trashed_change_gives_the_date_back_to_the_series() {
        let mut s = ev("Standup", "2026-11-02T09:00", "2026-11-02T09:15");
        s.repeat = Repeat::Daily;
        s.count = Some(3);
        let mut moved = detach(&s, d("2026-11-03"), Utc::now()).unwrap();
        moved.meta.deleted_at = Some(Utc::now());
        assert_eq!(occurrences(&[s, moved], d("2026-11-01"), d("2026-11-30")).len(), 3);
    }

    #[test]
    fn multi_day_and_all_day_items_show_on_every_day_they_cover() {
        let mut trip = ev("Kunjungan Surabaya", "2026-11-03T00:00", "2026-11-05T00:00");
        trip.all_day = true;
        let late = ev("Serah terima", "2026-11-09T22:00", "2026-11-10T00:00");
        let all = vec![trip, late];
        let o = occurrences(&all, d("2026-11-04"), d("2026-11-04"));
        assert_eq!(o.len(), 1);
        assert!(o[0].on(d("2026-11-05")) && !o[0].on(d("2026-11-06")));
        let l = occurrences(&all, d("2026-11-10"), d("2026-11-10"));
        assert!(l.is_empty(), "ending at midnight does not spill into the next day");
    }

    #[test]
    fn validation_catches_ends_before_starts() {
        let e = ev("X", "2026-11-02T10:00", "2026-11-02T09:59");
        assert!(e.validate().contains(&("end", "err.end_before_start")));
        let mut all_day = ev("X", "2026-11-02T00:00", "2026-11-02T00:00");
        all_day.all_day = true;
        assert!(all_day.validate().is_empty());
        let mut bad = ev("X", "2026-11-02T09:00", "2026-11-02T10:00");
        assert_eq!(crate::domain::record::fill(&mut bad, "interval", "nol"), Some(("interval", "err.number")));
        bad.set("interval", "0");
        assert!(bad.validate().contains(&("interval", "err.number")), "every 0 weeks");
    }

    #[test]
    fn double_bookings_are_found_across_a_series() {
        let mut weekly = ev("Rapat tim", "2026-11-02T09:00", "2026-11-02T10:00");
        weekly.repeat = Repeat::Weekly;
        weekly.location = "Ruang Melati".into();
        weekly.attendees = "Ani\nBudi".into();
        let mut visit = ev("Tamu dari bank", "2026-11-16T09:30", "2026-11-16T10:30");
        visit.location = "ruang melati".into();
        let mut call = ev("Telepon vendor", "2026-11-16T09:45", "2026-11-16T10:00");
        call.attendees = "budi".into();
        let elsewhere = ev("Lain", "2026-11-16T10:00", "2026-11-16T11:00");
        let all = vec![weekly.clone(), visit.clone(), call.clone(), elsewhere];
        let found = conflicts(&all, &weekly, d("2026-11-01"), 60);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].clash, Clash::Room(visit.meta.id.clone(), "ruang melati".into()));
        assert_eq!(found[0].at, crate::domain::dates::parse_datetime("2026-11-16T09:30").unwrap());
        assert_eq!(found[1].clash, Clash::Person(call.meta.id.clone(), "Budi".into()));
        // From the other side, too.
        assert_eq!(conflicts(&all, &visit, d("2026-11-01"), 60).len(), 1);
    }

    #[test]
    fn a_series_and_its_changed_occurrence_do_not_clash() {
        let mut s = ev("Rapat", "2026-11-02T09:00", "2026-11-02T10:00");
        s.repeat = Repeat::Daily;
        s.location = "R1".into();
        let mut moved = detach(&s, d("2026-11-03"), Utc::now()).unwrap();
        moved.start = crate::domain::dates::parse_datetime("2026-11-04T09:30");
        moved.end = crate::domain::dates::parse_datetime("2026-11-04T10:30");
        assert!(conflicts(&[s.clone(), moved.clone()], &s, d("2026-11-01"), 10).is_empty());
        assert!(conflicts(&[s.clone(), moved.clone()], &moved, d("2026-11-01"), 10).is_empty());
    }

    #[test]
    fn month_grid_starts_on_monday() {
        let g = month_grid(d("2026-11-22"));
        assert_eq!((g[0], g[41]), (d("2026-10-26"), d("2026-12-06")));
    }

    #[test]
    fn rule_round_trips_through_fields() {
        let mut e = ev("X", "2026-11-02T09:00", "2026-11-02T10:00");
        let r = Rule {
            interval: 2,
            weekdays: vec![Weekday::Mon, Weekday::Thu],
            until: Some(d("2026-12-31")),
            count: None,
            ..Rule::new(Freq::Weekly)
        };
        e.set_rule(Some(&r));
        assert_eq!((e.repeat.code(), e.weekdays.as_str(), e.interval), ("weekly", "MO,TH", Some(2)));
        assert_eq!(e.rule(), Some(r));
        e.set("weekdays", "th, mo, xx");
        assert_eq!(e.weekdays, "TH,MO");
    }
}
