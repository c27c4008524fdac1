use super::*;
use crate::domain::record::Entity;
use chrono::{DateTime, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn employee(name: &str, joined: &str, dept: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.set("name", name);
    e.set("joined", joined);
    e.set("department", dept);
    e
}

fn request(who: &Employee, kind: &str, start: &str, end: &str, status: &str) -> LeaveRequest {
    let mut r = LeaveRequest::blank(Utc::now());
    r.employee_id = who.meta.id.clone();
    r.set("kind", kind);
    r.set("start", start);
    r.set("end", end);
    r.set("status", status);
    r
}

fn holiday(date: &str, collective: bool) -> Holiday {
    let mut h = Holiday::blank(Utc::now());
    h.set("date", date);
    h.set("name", "Libur");
    h.collective = collective;
    h
}

#[test]
fn working_days_skip_weekends_and_holidays() {
    // 22–26 December 2025: Monday to Friday, with Christmas and collective leave on the 26th.
    let five = WorkCalendar::new(false, &[holiday("2025-12-25", false), holiday("2025-12-26", true)]);
    assert_eq!(five.half_days(d(2025, 12, 22), d(2025, 12, 28), false), 6, "3 working days");
    let six = WorkCalendar::new(true, &[holiday("2025-12-25", false)]);
    assert_eq!(six.half_days(d(2025, 12, 22), d(2025, 12, 28), false), 10, "Saturday counts in a six-day week");
    assert_eq!(five.half_days(d(2025, 12, 22), d(2025, 12, 22), true), 1, "a half day");
    assert_eq!(five.half_days(d(2025, 12, 27), d(2025, 12, 27), true), 0, "a half day on a Saturday is nothing");
    assert_eq!(five.half_days(d(2025, 12, 23), d(2025, 12, 22), false), 0);
    assert_eq!((days_text(7, ','), days_text(6, '.')), ("3,5".to_string(), "3".to_string()));
}

#[test]
fn annual_leave_after_twelve_months() {
    let e = employee("Sari", "2025-03-01", "Keuangan");
    let law = LeaveRules::default();
    assert_eq!((annual_entitlement(&e, 2025, &law), annual_entitlement(&e, 2026, &law)), (0, 12));
    let generous = LeaveRules { annual_days: 15, ..law };
    assert_eq!(annual_entitlement(&e, 2026, &generous), 15);
    let none = employee("Baru", "", "Keuangan");
    assert_eq!(annual_entitlement(&none, 2026, &law), 0);
}

#[test]
fn approving_beyond_the_balance_is_refused() {
    let cal = WorkCalendar::new(false, &[]);
    let law = LeaveRules::default();
    let e = employee("Sari", "2024-01-15", "Keuangan");
    // 10 days already taken in 2026 (two weeks), one refused request not counted.
    let taken = request(&e, "annual", "2026-03-02", "2026-03-13", "approved");
    let refused = request(&e, "annual", "2026-04-06", "2026-04-10", "refused");
    let too_long = request(&e, "annual", "2026-06-01", "2026-06-03", "requested");
    let all = vec![taken.clone(), refused, too_long.clone()];
    assert_eq!(annual_left(&e, &all, 2026, &cal, &law, ""), 4, "2 days left");
    assert_eq!(approval_problem(&too_long, &e, &all, &cal, &law), Some("err.leave_balance"));
    let two = request(&e, "annual", "2026-06-01", "2026-06-02", "requested");
    assert_eq!(approval_problem(&two, &e, &all, &cal, &law), None);
    // Sick leave (with its doctor's letter) is not counted against annual leave.
    let mut sick = request(&e, "sick", "2026-06-01", "2026-06-30", "requested");
    sick.set("letter", "true");
    assert_eq!(approval_problem(&sick, &e, &all, &cal, &law), None);
    // Re-deciding an approved request does not count it twice.
    assert_eq!(approval_problem(&taken, &e, &all, &cal, &law), None);
}

#[test]
fn overlaps_within_the_department_are_named() {
    let (sari, budi, ani) =
        (employee("Sari", "2024-01-01", "Keuangan"), employee("Budi", "2024-01-01", "Keuangan"), employee("Ani", "2024-01-01", "HR"));
    let mine = request(&sari, "annual", "2026-07-06", "2026-07-08", "requested");
    let all = vec![
        mine.clone(),
        request(&budi, "annual", "2026-07-08", "2026-07-10", "approved"),
        request(&budi, "sick", "2026-07-01", "2026-07-02", "approved"),
        request(&ani, "annual", "2026-07-06", "2026-07-08", "approved"),
    ];
    assert_eq!(overlaps(&mine, &[sari.clone(), budi, ani], &all), vec!["Budi"]);
}

#[test]
fn a_half_day_is_one_day_and_the_end_not_before_the_start() {
    let e = employee("Sari", "2024-01-01", "Keuangan");
    let mut r = request(&e, "annual", "2026-07-06", "2026-07-07", "requested");
    r.half_day = true;
    assert_eq!(r.validate(), vec![("half_day", "err.half_day_one_day")]);
    r.set("end", "2026-07-05");
    assert_eq!(r.validate(), vec![("end", "err.end_before_start")]);
}

/// A file as Google's "Holidays in Indonesia" calendar exports it (all-day items, the
/// end date exclusive), with a yearly item and a two-day one.
const HOLIDAYS_ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nUID:a@google.com\r\nSUMMARY:Tahun Baru Masehi\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270312\r\nUID:b@google.com\r\nSUMMARY:Hari Raya Idul Fitri\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270312\r\nDTEND;VALUE=DATE:20270313\r\nUID:c@google.com\r\nSUMMARY:Cuti Bersama Idul Fitri\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nRRULE:FREQ=YEARLY\r\nUID:d@google.com\r\nSUMMARY:Hari Raya Natal\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270421\r\nDTEND;VALUE=DATE:20270422\r\nUID:e@google.com\r\nSUMMARY:Hari Kartini\r\nDESCRIPTION:Observance\\nTo hide observances, go to Google Calendar Settings\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270311\r\nDTEND;VALUE=DATE:20270312\r\nUID:f@google.com\r\nSUMMARY:Cuti Bersama Idul Fitri\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn file_events() -> Vec<crate::domain::calendar::Event> {
    let same = |t: chrono::NaiveDateTime| t;
    let clock = crate::domain::ics::Clock { to_office: &same, zone: &|_, _| None };
    crate::domain::ics::parse(HOLIDAYS_ICS, &clock, Utc::now()).unwrap().events
}

#[test]
fn a_holiday_calendar_file_becomes_one_holiday_per_day() {
    let FromFile { fresh: got, known: skipped, observances } = holidays_from_events(&file_events(), &[], d(2026, 12, 2), Utc::now());
    assert_eq!(observances, 1);
    let days: Vec<(NaiveDate, &str, bool)> = got.iter().map(|h| (h.date.unwrap(), h.name.as_str(), h.collective)).collect();
    assert_eq!(
        days,
        vec![
            (d(2027, 1, 1), "Tahun Baru Masehi", false),
            (d(2027, 3, 10), "Hari Raya Idul Fitri", false),
            (d(2027, 3, 11), "Hari Raya Idul Fitri", false),
            (d(2027, 3, 12), "Cuti Bersama Idul Fitri", true),
            // The yearly item in the years of the file's dated items, and not beyond them.
            (d(2027, 12, 25), "Hari Raya Natal", false),
        ]
    );
    assert_eq!(skipped, 0);
    assert!(got.iter().all(|h| h.validate().is_empty()));
}

#[test]
fn holidays_the_office_already_has_are_left_out_and_counted() {
    let have = vec![holiday("2027-01-01", false), holiday("2027-03-11", false)];
    let FromFile { fresh: got, known: skipped, .. } = holidays_from_events(&file_events(), &have, d(2026, 12, 2), Utc::now());
    assert_eq!(skipped, 2);
    assert_eq!(got.len(), 3);
    assert!(got.iter().all(|h| h.date != Some(d(2027, 1, 1)) && h.date != Some(d(2027, 3, 11))));
    // Nothing to take from an empty file.
    assert_eq!(holidays_from_events(&[], &have, d(2026, 12, 2), Utc::now()).fresh.len(), 0);
}

#[test]
fn collective_leave_and_carry_over_follow_the_office_rules() {
    // Cuti bersama on Friday 26 December 2025 and Monday 29 December; the 27th is a Saturday.
    let hols = [holiday("2025-12-26", true), holiday("2025-12-27", true), holiday("2025-12-29", true), holiday("2025-12-25", false)];
    let cal = WorkCalendar::new(false, &hols);
    let sari = employee("Sari", "2024-01-15", "Keuangan");
    let law = LeaveRules::default();
    // Two working days of collective leave come out of 2025's twelve; a Saturday does not.
    assert_eq!(collective_taken(&sari, 2025, &cal, &law), 2);
    assert_eq!(annual_left(&sari, &[], 2025, &cal, &law, ""), 20);
    let kept = LeaveRules { collective_from_annual: false, ..law };
    assert_eq!(annual_left(&sari, &[], 2025, &cal, &kept, ""), 24);
    // Someone not yet entitled loses nothing to it.
    let new = employee("Baru", "2025-06-01", "Keuangan");
    assert_eq!(collective_taken(&new, 2025, &cal, &law), 0);

    // 2025: 5 days taken and 2 collective leave → 5 left; up to 3 carry into 2026.
    let taken = request(&sari, "annual", "2025-03-03", "2025-03-07", "approved");
    let carry = LeaveRules { carry_over: 3, ..law };
    assert_eq!(carried_in(&sari, std::slice::from_ref(&taken), 2026, &cal, &carry), 6);
    assert_eq!(annual_left(&sari, std::slice::from_ref(&taken), 2026, &cal, &carry, ""), 30, "12 + 3 days");
    assert_eq!(annual_left(&sari, std::slice::from_ref(&taken), 2026, &cal, &law, ""), 24, "nothing carries by default");
    // Only what is left carries: 9 days taken and 2 collective leave 1 day, under the limit.
    let long = request(&sari, "annual", "2025-05-05", "2025-05-15", "approved");
    assert_eq!(carried_in(&sari, &[long], 2026, &cal, &carry), 2);
}

#[test]
fn an_old_series_start_never_hides_the_files_own_years_and_rules_are_bounded() {
    let same = |t: chrono::NaiveDateTime| t;
    let clock = crate::domain::ics::Clock { to_office: &same, zone: &|_, _| None };
    // New Year every year since 2010, one dated holiday in 2027, and a daily rule.
    let text = "BEGIN:VCALENDAR\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20100101\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Tahun Baru\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270517\r\nSUMMARY:Hari Raya Waisak\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20200101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Setiap hari\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";
    let events = crate::domain::ics::parse(text, &clock, Utc::now()).unwrap().events;
    let got = holidays_from_events(&events[..2], &[], d(2026, 12, 2), Utc::now()).fresh;
    let days: Vec<NaiveDate> = got.iter().map(|h| h.date.unwrap()).collect();
    assert_eq!(days, vec![d(2027, 1, 1), d(2027, 5, 17)], "the dated item's year, not 2010");
    // Only repeating items: this year and the next.
    let only = holidays_from_events(&events[..1], &[], d(2026, 12, 2), Utc::now()).fresh;
    assert_eq!(only.iter().map(|h| h.date.unwrap()).collect::<Vec<_>>(), vec![d(2026, 1, 1), d(2027, 1, 1)]);
    // A rule for every day brings one year's days, not an unbounded list.
    let all = holidays_from_events(&events, &[], d(2026, 12, 2), Utc::now()).fresh;
    assert_eq!(all.len(), 365);
}

#[test]
fn collective_leave_on_a_holiday_of_its_own_or_twice_counts_once_or_not_at_all() {
    let hols = [holiday("2026-12-24", true), holiday("2026-12-24", true), holiday("2026-12-25", true), holiday("2026-12-25", false)];
    let cal = WorkCalendar::new(false, &hols);
    assert_eq!(cal.collective, vec![d(2026, 12, 24)]);
    let sari = employee("Sari", "2024-01-15", "Keuangan");
    assert_eq!(collective_taken(&sari, 2026, &cal, &LeaveRules::default()), 1);
}

#[test]
fn carried_in_days_are_used_first() {
    let cal = WorkCalendar::new(false, &[]);
    let sari = employee("Sari", "2023-01-02", "Keuangan");
    let rules = LeaveRules { carry_over: 6, ..LeaveRules::default() };
    // 2024: nothing taken, 6 carried into 2025 (the limit). 2025: 10 days taken of 18 → 8
    // left, 6 carried into 2026.
    let taken = request(&sari, "annual", "2025-03-03", "2025-03-14", "approved");
    assert_eq!(carried_in(&sari, &[], 2025, &cal, &rules), 12);
    assert_eq!(carried_in(&sari, std::slice::from_ref(&taken), 2026, &cal, &rules), 12);
}

#[test]
fn maternity_leave_is_three_months_six_with_a_letter_never_more() {
    let (cal, law) = (WorkCalendar::new(false, &[]), LeaveRules::default());
    let sari = employee("Sari", "2024-01-15", "Keuangan");
    let three = request(&sari, "maternity", "2026-03-01", "2026-05-31", "requested");
    assert!(!maternity_needs_letter(&three, &law));
    assert_eq!(approval_problem(&three, &sari, &[], &cal, &law), None, "not counted against annual leave");
    let mut four = request(&sari, "maternity", "2026-03-01", "2026-06-01", "requested");
    assert!(maternity_needs_letter(&four, &law));
    assert_eq!(approval_problem(&four, &sari, &[], &cal, &law), Some("err.maternity_letter"), "beyond three months: the letter");
    four.set("letter", "true");
    assert_eq!(approval_problem(&four, &sari, &[], &cal, &law), None);
    let mut six = request(&sari, "maternity", "2026-03-01", "2026-08-31", "requested");
    six.set("letter", "true");
    assert_eq!(approval_problem(&six, &sari, &[], &cal, &law), None);
    let mut seven = request(&sari, "maternity", "2026-03-01", "2026-09-01", "requested");
    seven.set("letter", "true");
    assert_eq!(approval_problem(&seven, &sari, &[], &cal, &law), Some("err.maternity_long"), "never beyond six");
    // An office giving four months: the fourth needs no letter, the fifth does; six stays the most.
    let four_months = LeaveRules { maternity_months: 4, ..law };
    four.set("letter", "false");
    assert!(!maternity_needs_letter(&four, &four_months));
    assert_eq!(approval_problem(&four, &sari, &[], &cal, &four_months), None);
    let five = request(&sari, "maternity", "2026-03-01", "2026-07-01", "requested");
    assert_eq!(approval_problem(&five, &sari, &[], &cal, &four_months), Some("err.maternity_letter"));
    // Settings that were never checked (a restored backup) never go below the law.
    let s = crate::domain::settings::Settings { maternity_months: 1, ..Default::default() };
    assert_eq!(LeaveRules::of(&s).maternity_months, 3);
    let all_six = LeaveRules { maternity_months: 6, ..law };
    assert_eq!(approval_problem(&seven, &sari, &[], &cal, &all_six), Some("err.maternity_long"));
    assert!(!maternity_needs_letter(&request(&sari, "sick", "2026-03-01", "2026-09-01", "requested"), &law));
}

#[test]
fn sick_leave_beyond_the_office_days_needs_a_doctors_letter() {
    let cal = WorkCalendar::new(false, &[]);
    let law = LeaveRules::default();
    let sari = employee("Sari", "2026-06-01", "Keuangan");
    // One working day (Monday) without a letter: the office's default allows it.
    assert_eq!(approval_problem(&request(&sari, "sick", "2026-07-06", "2026-07-06", "requested"), &sari, &[], &cal, &law), None);
    // Friday to Monday is two working days: the letter is asked for.
    let mut weekend = request(&sari, "sick", "2026-07-10", "2026-07-13", "requested");
    assert_eq!(approval_problem(&weekend, &sari, &[], &cal, &law), Some("err.sick_letter"));
    weekend.set("letter", "true");
    assert_eq!(approval_problem(&weekend, &sari, &[], &cal, &law), None, "with the letter, any length");
    // An office that allows two days without one; one that always asks.
    let two = LeaveRules { sick_days_without_letter: 2, ..LeaveRules::default() };
    assert_eq!(approval_problem(&request(&sari, "sick", "2026-07-10", "2026-07-13", "requested"), &sari, &[], &cal, &two), None);
    // A sickness asked for a day at a time: Friday approved, then Monday (the weekend between
    // has no working day) makes two; a Wednesday after a working Tuesday starts afresh.
    let mut friday = request(&sari, "sick", "2026-07-10", "2026-07-10", "approved");
    friday.meta.id = "fri".into();
    let monday = request(&sari, "sick", "2026-07-13", "2026-07-13", "requested");
    assert_eq!(approval_problem(&monday, &sari, std::slice::from_ref(&friday), &cal, &law), Some("err.sick_letter"));
    assert_eq!(sick_spell(&monday, std::slice::from_ref(&friday), &cal), 4);
    let wednesday = request(&sari, "sick", "2026-07-15", "2026-07-15", "requested");
    assert_eq!(approval_problem(&wednesday, &sari, std::slice::from_ref(&friday), &cal, &law), None);
    // Only approved sick leave of the same employee joins the spell.
    let mut asked = friday.clone();
    asked.status = LeaveStatus::Requested;
    assert_eq!(sick_spell(&monday, &[asked], &cal), 2);
    let mut annual = friday.clone();
    annual.kind = LeaveKind::Annual;
    assert_eq!(sick_spell(&monday, &[annual], &cal), 2);
    // Half a day on Friday and half on Monday: one day in all, within the default.
    let mut half_fri = request(&sari, "sick", "2026-07-10", "2026-07-10", "approved");
    half_fri.set("half_day", "true");
    let mut half_mon = request(&sari, "sick", "2026-07-13", "2026-07-13", "requested");
    half_mon.set("half_day", "true");
    assert_eq!(sick_spell(&half_mon, std::slice::from_ref(&half_fri), &cal), 2);
    assert_eq!(approval_problem(&half_mon, &sari, std::slice::from_ref(&half_fri), &cal, &law), None);
    let always = LeaveRules { sick_days_without_letter: 0, ..LeaveRules::default() };
    let mut half = request(&sari, "sick", "2026-07-06", "2026-07-06", "requested");
    half.set("half_day", "true");
    assert_eq!(approval_problem(&half, &sari, &[], &cal, &always), Some("err.sick_letter"));
}

#[test]
fn important_reasons_give_the_offices_days_never_fewer_than_the_laws() {
    let (cal, law) = (WorkCalendar::new(false, &[]), LeaveRules::default());
    let sari = employee("Sari", "2026-06-01", "Keuangan");
    // Marriage: three working days, Thursday to Monday over a weekend.
    let mut wed = request(&sari, "important", "2026-07-09", "2026-07-13", "requested");
    assert_eq!(wed.validate(), vec![("why", "err.required")], "the reason must be named");
    wed.set("why", "marriage");
    assert!(wed.validate().is_empty());
    assert_eq!(approval_problem(&wed, &sari, &[], &cal, &law), None, "not yet entitled to annual leave: no matter");
    wed.set("end", "2026-07-14");
    assert_eq!(approval_problem(&wed, &sari, &[], &cal, &law), Some("err.important_days"));
    let mut death = request(&sari, "important", "2026-07-09", "2026-07-10", "requested");
    death.set("why", "household_death");
    assert_eq!(approval_problem(&death, &sari, &[], &cal, &law), Some("err.important_days"));
    death.set("why", "death");
    assert_eq!(approval_problem(&death, &sari, &[], &cal, &law), None);
    // An office that gives five days for one's own wedding.
    let generous = LeaveRules { important: crate::domain::settings::ImportantDays { marriage: 5, ..law.important }, ..law };
    assert_eq!(approval_problem(&wed, &sari, &[], &cal, &generous), None, "four working days of five");
    wed.set("end", "2026-07-16");
    assert_eq!(approval_problem(&wed, &sari, &[], &cal, &generous), Some("err.important_days"), "six working days");
    // Another kind never asks for a reason.
    assert!(request(&sari, "sick", "2026-07-09", "2026-07-10", "requested").validate().is_empty());
}
