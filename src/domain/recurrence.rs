//! Repeating appointments: which local dates a rule produces, as RFC 5545 (iCalendar)
//! defines it for the rules an office uses: daily, weekly on chosen weekdays, monthly on
//! the start's day of the month, quarterly, yearly; ending on a date or after a count;
//! single dates taken out (EXDATE).
//!
//! Dates are local calendar dates (no time zone, so no daylight-saving surprises); a
//! date that does not exist in a period (the 31st in April, 29 February in 2027) is
//! skipped, as RFC 5545 and Google Calendar do, rather than moved.
use crate::sort::sort_by;
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Freq {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub freq: Freq,
    /// Every `interval` days/weeks/months/quarters/years; 0 is read as 1.
    #[serde(default = "one")]
    pub interval: u32,
    /// Weekly only: the days it falls on; empty means the start's weekday.
    #[serde(default)]
    pub weekdays: Vec<Weekday>,
    /// The last date it may fall on (inclusive).
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// How many times it happens in all, counting dates later taken out.
    #[serde(default)]
    pub count: Option<u32>,
}

fn one() -> u32 {
    1
}

/// A safety stop for rules with neither end nor count asked about a far-away window.
const MAX_STEPS: u32 = 100_000;

impl Rule {
    pub fn new(freq: Freq) -> Rule {
        Rule { freq, interval: 1, weekdays: vec![], until: None, count: None }
    }

    /// The dates in `from..=to` on which a series starting on `start` falls, in order,
    /// without those in `except`.
    pub fn dates(&self, start: NaiveDate, except: &[NaiveDate], from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        let mut out = vec![];
        for (produced, d) in (0u32..).zip(self.series(start)) {
            if self.count.is_some_and(|c| produced >= c) || self.until.is_some_and(|u| d > u) || d > to {
                break;
            }
            if d >= from && !except.contains(&d) {
                out.push(d);
            }
        }
        out
    }

    /// Every date of the rule from `start` on, unbounded (the caller stops).
    fn series(&self, start: NaiveDate) -> impl Iterator<Item = NaiveDate> + '_ {
        let step = self.interval.max(1);
        let mut days: Vec<Weekday> = if self.weekdays.is_empty() { vec![start.weekday()] } else { self.weekdays.clone() };
        sort_by(&mut days, |a, b| a.num_days_from_monday().cmp(&b.num_days_from_monday()));
        (0..MAX_STEPS).flat_map(move |i| -> Vec<NaiveDate> {
            let n = i * step;
            match self.freq {
                Freq::Daily => start.checked_add_days(Days::new(n as u64)).into_iter().collect(),
                Freq::Weekly => {
                    // The week (Monday first) that is n weeks after the start's week.
                    let monday = start - Days::new(start.weekday().num_days_from_monday() as u64);
                    let Some(week) = monday.checked_add_days(Days::new(7 * n as u64)) else { return vec![] };
                    days.iter()
                        .filter_map(|d| week.checked_add_days(Days::new(d.num_days_from_monday() as u64)))
                        .filter(|d| *d >= start)
                        .collect()
                }
                Freq::Monthly => same_day_months_later(start, n),
                Freq::Quarterly => same_day_months_later(start, n * 3),
                Freq::Yearly => same_day_months_later(start, n * 12),
            }
        })
    }
}

/// The start's day of the month, `months` later; none when that month lacks the day.
fn same_day_months_later(start: NaiveDate, months: u32) -> Vec<NaiveDate> {
    let first = start.with_day(1).and_then(|f| f.checked_add_months(Months::new(months)));
    first.and_then(|f| f.with_day(start.day())).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn all(rule: &Rule, start: &str, to: &str) -> Vec<String> {
        rule.dates(d(start), &[], d(start), d(to)).iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn monthly_on_the_31st_skips_short_months() {
        let r = Rule::new(Freq::Monthly);
        assert_eq!(all(&r, "2026-01-31", "2026-08-31"), ["2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"]);
    }

    #[test]
    fn yearly_on_29_february_only_in_leap_years() {
        let r = Rule { count: Some(3), ..Rule::new(Freq::Yearly) };
        assert_eq!(all(&r, "2024-02-29", "2040-12-31"), ["2024-02-29", "2028-02-29", "2032-02-29"]);
    }

    #[test]
    fn quarterly_reviews() {
        let r = Rule::new(Freq::Quarterly);
        assert_eq!(all(&r, "2026-01-15", "2026-12-31"), ["2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15"]);
    }

    #[test]
    fn every_other_week_on_monday_and_thursday() {
        // 2026-11-02 is a Monday.
        let r = Rule { interval: 2, weekdays: vec![Weekday::Thu, Weekday::Mon], ..Rule::new(Freq::Weekly) };
        assert_eq!(all(&r, "2026-11-02", "2026-11-30"), ["2026-11-02", "2026-11-05", "2026-11-16", "2026-11-19", "2026-11-30"]);
    }

    #[test]
    fn weekly_days_before_the_start_in_its_first_week_are_not_used() {
        // Starts on a Wednesday; Monday of that week is before the series began.
        let r = Rule { weekdays: vec![Weekday::Mon, Weekday::Wed], count: Some(3), ..Rule::new(Freq::Weekly) };
        assert_eq!(all(&r, "2026-11-04", "2026-12-31"), ["2026-11-04", "2026-11-09", "2026-11-11"]);
    }

    #[test]
    fn count_includes_dates_taken_out() {
        let r = Rule { count: Some(4), ..Rule::new(Freq::Daily) };
        let got = r.dates(d("2026-11-01"), &[d("2026-11-02")], d("2026-11-01"), d("2026-12-31"));
        assert_eq!(got, [d("2026-11-01"), d("2026-11-03"), d("2026-11-04")]);
    }

    #[test]
    fn until_is_inclusive_and_the_window_cuts() {
        let r = Rule { interval: 3, until: Some(d("2026-11-10")), ..Rule::new(Freq::Daily) };
        assert_eq!(all(&r, "2026-11-01", "2026-12-31"), ["2026-11-01", "2026-11-04", "2026-11-07", "2026-11-10"]);
        let window = r.dates(d("2026-11-01"), &[], d("2026-11-05"), d("2026-11-08"));
        assert_eq!(window, [d("2026-11-07")]);
    }

    #[test]
    fn an_open_ended_rule_asked_about_a_far_window_stops() {
        let r = Rule::new(Freq::Daily);
        let got = r.dates(d("2026-01-01"), &[], d("2030-01-01"), d("2030-01-03"));
        assert_eq!(got.len(), 3);
        let none = r.dates(d("2026-01-01"), &[], d("2600-01-01"), d("2600-01-03"));
        assert!(none.is_empty(), "beyond the safety stop nothing is made up");
    }

    #[test]
    fn rules_are_stored_in_plain_words() {
        let r = Rule { weekdays: vec![Weekday::Mon], ..Rule::new(Freq::Weekly) };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"freq":"weekly","interval":1,"weekdays":["Mon"],"until":null,"count":null}"#);
        assert_eq!(serde_json::from_str::<Rule>(r#"{"freq":"monthly"}"#).unwrap(), Rule::new(Freq::Monthly));
    }
}
