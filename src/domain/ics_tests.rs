use super::*;
use crate::domain::calendar::occurrences;
use crate::domain::calendar::Repeat;
use crate::domain::record::Entity;

fn fixture(name: &str) -> String {
    let path = format!("{}/../shared/fixtures/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).into_owned()
}

/// An office in Jakarta (UTC+7, no daylight saving), in a browser that knows Vienna.
fn wib(t: NaiveDateTime) -> NaiveDateTime {
    t + Duration::hours(7)
}

fn vienna(z: &str, t: NaiveDateTime) -> Option<i32> {
    // Central European time: +2 from the last Sunday of March to that of October.
    (z == "Europe/Vienna").then(|| if (4..=9).contains(&t.month()) || (t.month() == 3 && t.day() >= 25) { 7200 } else { 3600 })
}

fn nowhere(_: &str, _: NaiveDateTime) -> Option<i32> {
    None
}

fn read(name: &str) -> Result<Imported, IcsError> {
    parse(&fixture(name), &Clock { to_office: &wib, zone: &vienna }, Utc::now())
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn google_export_in_utc_with_alarms_reported() {
    let got = read("alarm_google_future.ics").unwrap();
    assert_eq!(got.events.len(), 1);
    let e = &got.events[0];
    assert_eq!(
        (e.title.as_str(), crate::domain::dates::text_of_dt(e.start), crate::domain::dates::text_of_dt(e.end)),
        ("event with alarms", "2024-10-05T01:15", "2024-10-05T02:00")
    );
    assert_eq!(e.uid, "79fs7pkqvht9m5igs0vjv1sfra@google.com");
    assert_eq!(got.notes, vec![Note::NotKept("ics.part.alarm", 4)]);
}

#[test]
fn thunderbird_tzid_resolved_from_the_files_own_vtimezone() {
    // 15:00 in London on 23 October 2024 is still summer time (+1): 14:00 UTC, 21:00 WIB.
    let got = read("alarm_thunderbird_future.ics").unwrap();
    let e = &got.events[0];
    assert_eq!(
        (crate::domain::dates::text_of_dt(e.start), crate::domain::dates::text_of_dt(e.end)),
        ("2024-10-23T21:00", "2024-10-23T22:00")
    );
    assert!(got.notes.contains(&Note::NotKept("ics.part.alarm", 2)));
    assert!(!got.notes.iter().any(|n| matches!(n, Note::UnknownZone(_))));
}

#[test]
fn custom_zone_with_yearly_daylight_rules() {
    // 08:00 New York daylight time (-4) = 12:00 UTC = 19:00 WIB.
    let got = read("america_new_york.ics").unwrap();
    assert_eq!(
        (crate::domain::dates::text_of_dt(got.events[0].start), crate::domain::dates::text_of_dt(got.events[0].end)),
        ("2014-08-29T19:00", "2014-08-29T21:00")
    );
}

#[test]
fn weekly_series_with_exdates_on_separate_lines_and_no_vcalendar_around_it() {
    let got = read("event_with_recurrence_exdates_on_different_lines.ics").unwrap();
    let e = &got.events[0];
    // 10:00 Vienna summer time = 08:00 UTC = 15:00 WIB.
    assert_eq!(e.start, crate::domain::dates::parse_datetime("2012-03-27T15:00"));
    assert_eq!((e.repeat.code(), e.weekdays.as_str(), crate::domain::dates::text_of(e.until)), ("weekly", "TU", "2012-07-03"));
    assert_eq!(e.except.len(), 5);
    let occ = occurrences(&got.events, d("2012-01-01"), d("2012-12-31"));
    // 15 Tuesdays from 27 March to 3 July, five taken out.
    assert_eq!(occ.len(), 10);
    assert!(!occ.iter().any(|o| o.start.date() == d("2012-05-01")));
    assert_eq!(occ.last().unwrap().start.date(), d("2012-07-03"));
}

#[test]
fn a_zone_nobody_knows_is_reported_and_kept_as_written() {
    let got =
        parse(&fixture("event_with_recurrence_exdates_on_different_lines.ics"), &Clock { to_office: &wib, zone: &nowhere }, Utc::now())
            .unwrap();
    assert_eq!(got.events[0].start, crate::domain::dates::parse_datetime("2012-03-27T10:00"));
    assert!(got.notes.contains(&Note::UnknownZone("Europe/Vienna".into())));
}

#[test]
fn all_day_holidays_whose_end_repeats_the_start() {
    let got = read("example.ics").unwrap();
    let t: Vec<(&str, bool, &str, &str)> = got
        .events
        .iter()
        .map(|e| (e.title.as_str(), e.all_day, crate::domain::dates::text_of_dt(e.start), crate::domain::dates::text_of_dt(e.end)))
        .collect();
    assert_eq!(t[0], ("New Year's Day", true, "2022-01-01T00:00", "2022-01-01T00:00"));
    assert_eq!(got.events[1].location, "Russia");
    assert_eq!(got.events[2].notes, "May the feminine be honoured!");
}

#[test]
fn daily_count_rule_in_utc() {
    let got = read("issue_1081_event_with_rrule.ics").unwrap();
    let e = &got.events[0];
    assert_eq!((crate::domain::dates::text_of_dt(e.start), e.repeat.code(), e.count), ("2025-01-01T17:00", "daily", Some(10)));
    assert_eq!(occurrences(&got.events, d("2025-01-01"), d("2025-12-31")).len(), 10);
}

#[test]
fn a_changed_occurrence_without_its_series_comes_in_on_its_own() {
    let got = read("issue_1231_recurrence.ics").unwrap();
    assert_eq!(got.events.len(), 1);
    assert_eq!((got.events[0].series_id.as_str(), crate::domain::dates::text_of_dt(got.events[0].start)), ("", "2025-04-28T23:05"));
}

#[test]
fn categories_are_reported_not_silently_dropped() {
    let got = read("issue_127_categories_with_commas.ics").unwrap();
    assert_eq!(got.events[0].title, "Test Event with Categories Containing Commas");
    assert_eq!(got.notes, vec![Note::NotKept("ics.part.categories", 1)]);
}

#[test]
fn broken_and_empty_files_are_refused_with_a_reason() {
    assert!(matches!(read("big_bad_calendar.ics"), Err(IcsError::Unreadable(_))));
    assert_eq!(read("bom_calendar.ics").unwrap_err(), IcsError::NoEvents(vec![]));
    assert_eq!(read("calendar_with_unicode.ics").unwrap_err(), IcsError::NoEvents(vec![]));
    assert!(read("fuzz_testcase_vtimezone_lone_cr.ics").is_err());
    assert_eq!(
        read("broken_ical.ics").unwrap_err(),
        IcsError::NoEvents(vec![Note::Skipped("An Event with too many semicolons".into(), "ics.skip.damaged")])
    );
    assert!(matches!(
        parse("BEGIN:VCARD\nFN:x\nEND:VCARD", &Clock { to_office: &wib, zone: &vienna }, Utc::now()),
        Ok(_) | Err(IcsError::NoEvents(_))
    ));
    assert!(matches!(parse("hello", &Clock { to_office: &wib, zone: &vienna }, Utc::now()), Err(IcsError::Unreadable(_))));
}

#[test]
fn every_fixture_is_read_or_refused_without_panicking() {
    let dir = format!("{}/../shared/fixtures/ics", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        if let Ok(got) = parse(&text, &Clock { to_office: &wib, zone: &vienna }, Utc::now()) {
            assert!(got.events.iter().all(|e| e.start_at().is_some() && e.end_at() >= e.start_at()), "{path:?}");
        }
    }
}

fn office_to_utc(t: NaiveDateTime) -> NaiveDateTime {
    t - Duration::hours(7)
}

#[test]
fn export_and_reimport_keep_series_changes_and_text() {
    let now = Utc::now();
    let mut s = Event::blank(now);
    s.title = "Rapat mingguan; tim, keuangan".into();
    s.kind = EventKind::Meeting;
    s.start = crate::domain::dates::parse_datetime("2026-11-02T09:00");
    s.end = crate::domain::dates::parse_datetime("2026-11-02T10:30");
    s.location = "Ruang Melati, lt. 2".into();
    s.attendees = "Ani Lestari\nbudi@contoh.co.id".into();
    s.notes = "Agenda:\n1. Anggaran\n2. Lain-lain \\ catatan".into();
    s.repeat = Repeat::Weekly;
    s.weekdays = "MO,TH".into();
    s.until = crate::domain::dates::parse_date("2026-12-31");
    s.except = vec![d("2026-11-05")];
    let mut moved = crate::domain::calendar::detach(&s, d("2026-11-09"), now).unwrap();
    moved.start = crate::domain::dates::parse_datetime("2026-11-10T13:00");
    moved.end = crate::domain::dates::parse_datetime("2026-11-10T14:00");
    let mut holiday = Event::blank(now);
    holiday.title = "Cuti bersama".into();
    holiday.all_day = true;
    holiday.start = crate::domain::dates::parse_datetime("2026-12-24T00:00");
    holiday.end = crate::domain::dates::parse_datetime("2026-12-26T00:00");
    holiday.repeat = Repeat::Yearly;
    holiday.count = Some(3);
    let mut quarterly = Event::blank(now);
    quarterly.title = "Tinjauan kuartal".into();
    quarterly.start = crate::domain::dates::parse_datetime("2026-01-15T10:00");
    quarterly.end = crate::domain::dates::parse_datetime("2026-01-15T12:00");
    quarterly.repeat = Repeat::Quarterly;
    let mine = vec![s.clone(), moved.clone(), holiday.clone(), quarterly.clone()];

    let text = export(&mine, "Kantor", &office_to_utc);
    assert!(text.lines().all(|l| l.len() <= 75), "lines are folded");
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261231T020000Z"));
    assert!(text.contains("RRULE:FREQ=MONTHLY;INTERVAL=3"));
    let back = parse(&text, &Clock { to_office: &wib, zone: &nowhere }, now).unwrap();
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    assert_eq!(back.events.len(), 4);
    let b = &back.events[0];
    for key in ["title", "kind", "start", "end", "location", "attendees", "notes", "repeat", "weekdays", "until"] {
        assert_eq!(b.get(key), s.get(key), "{key}");
    }
    assert_eq!(b.except, s.except);
    let bm = back.events.iter().find(|e| e.occurrence.is_some()).unwrap();
    assert_eq!(
        (bm.series_id.as_str(), bm.occurrence, crate::domain::dates::text_of_dt(bm.start)),
        (b.meta.id.as_str(), Some(d("2026-11-09")), "2026-11-10T13:00")
    );
    let bh = back.events.iter().find(|e| e.all_day).unwrap();
    assert_eq!(
        (crate::domain::dates::text_of_dt(bh.start), crate::domain::dates::text_of_dt(bh.end), bh.repeat.code(), bh.count),
        ("2026-12-24T00:00", "2026-12-26T00:00", "yearly", Some(3))
    );
    let bq = back.events.iter().find(|e| e.title == "Tinjauan kuartal").unwrap();
    assert_eq!((bq.repeat.code(), bq.interval), ("quarterly", None));
    // The same occurrences on both sides.
    let when = |ev: &[Event]| {
        occurrences(ev, d("2026-11-01"), d("2027-12-31")).iter().map(|o| (o.start, o.end, o.title.clone())).collect::<Vec<_>>()
    };
    assert_eq!(when(&back.events), when(&mine));
}
