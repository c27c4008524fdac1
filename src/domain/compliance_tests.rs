use chrono::{DateTime, NaiveDate};

use super::{coming, deadlines_ics, open_dues, starter_first_due, Obligation, ObligationDone};
use crate::domain::record::{Entity, RecordRules};

fn d(s: &str) -> NaiveDate {
    crate::domain::dates::parse_date(s).unwrap()
}

fn obligation(name: &str, first: &str, repeat: &str) -> Obligation {
    let mut o = Obligation::blank(DateTime::UNIX_EPOCH);
    o.meta.id = name.into();
    o.set("name", name);
    o.set("first_due", first);
    o.set("repeat", repeat);
    o
}

fn done(o: &Obligation, due: &str) -> ObligationDone {
    let mut x = ObligationDone::blank(DateTime::UNIX_EPOCH);
    x.obligation_id = o.meta.id.clone();
    x.set("due", due);
    x.set("done_on", due);
    x.set("evidence", "NTPN 0123456789ABCDEF");
    x
}

fn dates(v: &[NaiveDate]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn a_monthly_date_keeps_its_day_and_a_month_end_stays_the_month_end() {
    let end = obligation("Sewa", "2026-01-31", "monthly");
    assert_eq!(
        dates(&end.due_dates(d("2026-01-01"), d("2026-05-31"))),
        ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]
    );
    let thirtieth = obligation("Sewa", "2026-01-30", "monthly");
    assert_eq!(dates(&thirtieth.due_dates(d("2026-01-01"), d("2026-03-31"))), ["2026-01-30", "2026-02-28", "2026-03-30"]);
    // A 30th that happens to be a month's last day stays the 30th, never a day later...
    let nov = obligation("Lapor", "2026-11-30", "monthly");
    assert_eq!(dates(&nov.due_dates(d("2026-11-01"), d("2027-01-31"))), ["2026-11-30", "2026-12-30", "2027-01-30"]);
    // ...unless it is due on every month's last day.
    let ppn = obligation("PPN", "2026-11-30", "month_end");
    assert_eq!(dates(&ppn.due_dates(d("2026-11-01"), d("2027-02-28"))), ["2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28"]);
    // Started long ago: only the window's dates, found without walking every month.
    let old = obligation("BPJS", "2000-01-15", "monthly");
    assert_eq!(dates(&old.due_dates(d("2026-12-01"), d("2026-12-31"))), ["2026-12-15"]);
}

#[test]
fn every_n_months_yearly_once_and_an_end() {
    let mut quarterly = obligation("APAR", "2026-02-15", "months");
    assert_eq!(quarterly.validate(), vec![("every", "err.every_months")], "how many months must be said");
    quarterly.set("every", "3");
    quarterly.set("until", "2026-12-31");
    assert!(quarterly.validate().is_empty());
    assert_eq!(dates(&quarterly.due_dates(d("2026-01-01"), d("2027-12-31"))), ["2026-02-15", "2026-05-15", "2026-08-15", "2026-11-15"]);
    assert_eq!(dates(&quarterly.due_dates(d("2026-06-01"), d("2026-10-01"))), ["2026-08-15"]);
    let yearly = obligation("SPT Tahunan", "2026-04-30", "yearly");
    assert_eq!(dates(&yearly.due_dates(d("2026-01-01"), d("2028-12-31"))), ["2026-04-30", "2027-04-30", "2028-04-30"]);
    let once = obligation("Izin", "2027-03-01", "once");
    assert_eq!(dates(&once.due_dates(d("2026-01-01"), d("2027-12-31"))), ["2027-03-01"]);
    assert!(once.due_dates(d("2027-03-02"), d("2027-12-31")).is_empty());
    let mut bad = obligation("x", "2026-05-01", "monthly");
    bad.set("until", "2026-04-01");
    bad.set("lead_days", "400");
    assert_eq!(bad.validate(), vec![("lead_days", "err.lead_days"), ("until", "err.end_before_start")]);
}

#[test]
fn open_dues_are_the_overdue_and_those_within_their_reminder_not_done() {
    let today = d("2026-12-12");
    let mut pph = obligation("Setor PPh 21", "2026-10-15", "monthly");
    pph.set("lead_days", "7");
    let mut kes = obligation("BPJS Kesehatan", "2026-10-10", "monthly");
    kes.set("lead_days", "3");
    let mut gone = obligation("Dihapus", "2026-10-01", "monthly");
    gone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let mut undone = done(&pph, "2026-11-15");
    undone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let records = [done(&pph, "2026-10-15"), undone, done(&kes, "2026-10-10"), done(&kes, "2026-11-10"), done(&kes, "2026-12-10")];
    let dues = open_dues(&[pph.clone(), kes, gone], &records, today);
    let shown: Vec<(String, String, i64)> = dues.iter().map(|x| (x.name.clone(), x.due.to_string(), x.days)).collect();
    assert_eq!(
        shown,
        vec![("Setor PPh 21".into(), "2026-11-15".into(), -27), ("Setor PPh 21".into(), "2026-12-15".into(), 3)],
        "October's done; a done record in the trash settles nothing; BPJS's January is beyond its 3 days"
    );
    let all_done = [done(&pph, "2026-10-15"), done(&pph, "2026-11-15"), done(&pph, "2026-12-15")];
    assert!(open_dues(std::slice::from_ref(&pph), &all_done, today).is_empty());
    // No reminder: listed on the day; a first date typed a century early fills nothing.
    pph.set("lead_days", "");
    assert_eq!(open_dues(std::slice::from_ref(&pph), &all_done[..2], today), vec![]);
    assert_eq!(open_dues(std::slice::from_ref(&pph), &all_done[..2], d("2026-12-15")).len(), 1);
    let mut typo = obligation("Salah ketik", "1926-12-15", "monthly");
    typo.set("lead_days", "");
    let listed = open_dues(&[typo], &[], today);
    assert_eq!(listed.len(), 24, "two years of overdue months at most");
    assert_eq!(listed.last().unwrap().due, d("2026-11-15"));
}

#[test]
fn starter_deadlines_start_at_their_next_date() {
    assert_eq!(starter_first_due(d("2026-12-02"), 10, None), Some(d("2026-12-10")));
    assert_eq!(starter_first_due(d("2026-12-16"), 15, None), Some(d("2027-01-15")));
    assert_eq!(starter_first_due(d("2026-11-05"), 31, None), Some(d("2026-11-30")), "the month's last day");
    assert_eq!(starter_first_due(d("2026-12-02"), 30, Some(4)), Some(d("2027-04-30")));
    assert_eq!(starter_first_due(d("2026-03-02"), 30, Some(4)), Some(d("2026-04-30")));
}

#[test]
fn the_coming_deadlines_read_back_as_a_calendar_file_with_alarms() {
    let mut pph = obligation("Setor PPh 21; masa November", "2026-10-15", "monthly");
    pph.set("reference", "PMK 81/2024");
    pph.set("lead_days", "7");
    let once = obligation("Perpanjang izin", "2027-06-01", "once");
    let both = [pph, once];
    let items = coming(&both, d("2026-12-02"), 60);
    assert_eq!(
        items.iter().map(|(o, d)| (o.name.as_str(), d.to_string())).collect::<Vec<_>>(),
        [("Setor PPh 21; masa November", "2026-12-15".to_string()), ("Setor PPh 21; masa November", "2027-01-15".to_string())]
    );
    let text = deadlines_ics(&items, "Kepatuhan", DateTime::UNIX_EPOCH);
    let cal: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 2);
    use icalendar::Component;
    assert_eq!(events[0].get_summary(), Some("Setor PPh 21; masa November"));
    assert!(matches!(events[0].get_start(), Some(icalendar::DatePerhapsTime::Date(x)) if x == d("2026-12-15")));
    assert!(text.contains("TRIGGER:-P7D"), "{text}");
    assert_ne!(events[0].get_uid(), events[1].get_uid());
}

#[test]
fn a_lease_with_a_notice_period_reminds_of_the_notice_until_it_is_given() {
    // Rent paid monthly until the lease ends on 30 June 2027; 60 days' notice.
    let mut lease = obligation("Sewa kantor", "2026-07-01", "monthly");
    lease.set("until", "2027-06-30");
    lease.set("notice_days", "60");
    lease.set("lead_days", "14");
    assert!(lease.validate().is_empty(), "{:?}", lease.validate());
    assert_eq!(lease.notice_date(), Some(d("2027-05-01")));
    let notice = |dues: &[super::Due]| dues.iter().filter(|x| x.notice).map(|x| (x.due, x.days)).collect::<Vec<_>>();
    // Shown from its reminder, like any due date; then late.
    assert!(notice(&open_dues(&[lease.clone()], &[], d("2027-04-16"))).is_empty());
    assert_eq!(notice(&open_dues(&[lease.clone()], &[], d("2027-04-20"))), [(d("2027-05-01"), 11)]);
    assert_eq!(notice(&open_dues(&[lease.clone()], &[], d("2027-05-03"))), [(d("2027-05-01"), -2)]);
    // The rent due that day paid: the notice is still to give; the notice given: gone.
    let rent = done(&lease, "2027-05-01");
    let rent_due = |dues: &[super::Due]| dues.iter().any(|x| !x.notice && x.due == d("2027-05-01"));
    let after_rent = open_dues(&[lease.clone()], std::slice::from_ref(&rent), d("2027-05-03"));
    assert_eq!((notice(&after_rent), rent_due(&after_rent)), (vec![(d("2027-05-01"), -2)], false));
    let mut given = done(&lease, "2027-05-01");
    given.notice = true;
    let after_notice = open_dues(&[lease.clone()], &[given], d("2027-05-03"));
    assert_eq!((notice(&after_notice).len(), rent_due(&after_notice)), (0, true));
    // Once the lease has ended a notice never given is no longer asked for.
    assert!(notice(&open_dues(&[lease.clone()], &[], d("2027-07-01"))).is_empty());
    // With no reminder of its own a notice is still shown two weeks ahead.
    lease.lead_days = None;
    assert_eq!(notice(&open_dues(&[lease.clone()], &[], d("2027-04-17"))), [(d("2027-05-01"), 14)]);
    // A one-off contract ends on its due date; a notice period needs an end.
    let mut vendor = obligation("Kontrak kebersihan", "2027-03-31", "once");
    vendor.set("notice_days", "30");
    assert_eq!(vendor.notice_date(), Some(d("2027-03-01")));
    let mut open_ended = obligation("Asuransi", "2027-01-15", "yearly");
    open_ended.set("notice_days", "30");
    assert!(open_ended.validate().iter().any(|(f, e)| *f == "notice_days" && *e == "err.notice_end"));
    open_ended.set("notice_days", "0");
    assert!(open_ended.validate().iter().any(|(_, e)| *e == "err.notice_days"));
}
