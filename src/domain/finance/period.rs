//! The period a report covers: a year (`2026`), a quarter (`2026-Q4`) or a month
//! (`2026-11`), as the address names it, and the period it is compared with.
use chrono::{Datelike, NaiveDate};

use crate::domain::format::{month_year, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    /// Year and quarter 1–4.
    Quarter(i32, u32),
    /// Year and month 1–12.
    Month(i32, u32),
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        let year = |y: &str| y.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y) && y.to_string().len() == 4);
        let p = match s.split_once('-') {
            None => Period::Year(year(s)?),
            Some((y, q)) if q.starts_with(['Q', 'q']) => Period::Quarter(
                year(y)?,
                q[1..].parse::<u32>().ok().filter(|n| (1..=4).contains(n) && q[1..].bytes().all(|b| b.is_ascii_digit()))?,
            ),
            Some((y, m)) => Period::Month(
                year(y)?,
                m.parse::<u32>().ok().filter(|n| (1..=12).contains(n) && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))?,
            ),
        };
        Some(p)
    }

    /// How the address writes it.
    pub fn text(self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => format!("{y}-Q{q}"),
            Period::Month(y, m) => format!("{y}-{m:02}"),
        }
    }

    /// The month of `d`'s year and the year itself: the periods a report offers first.
    pub fn month_of(d: NaiveDate) -> Period {
        Period::Month(d.year(), d.month())
    }

    pub fn first(self) -> NaiveDate {
        let (y, m) = match self {
            Period::Year(y) => (y, 1),
            Period::Quarter(y, q) => (y, (q - 1) * 3 + 1),
            Period::Month(y, m) => (y, m),
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN)
    }

    pub fn last(self) -> NaiveDate {
        self.next().first().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    pub fn contains(self, d: NaiveDate) -> bool {
        self.first() <= d && d <= self.last()
    }

    pub fn next(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y + 1),
            Period::Quarter(y, 4) => Period::Quarter(y + 1, 1),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1),
            Period::Month(y, 12) => Period::Month(y + 1, 1),
            Period::Month(y, m) => Period::Month(y, m + 1),
        }
    }

    /// The period of the same length just before.
    pub fn previous(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, 1) => Period::Quarter(y - 1, 4),
            Period::Quarter(y, q) => Period::Quarter(y, q - 1),
            Period::Month(y, 1) => Period::Month(y - 1, 12),
            Period::Month(y, m) => Period::Month(y, m - 1),
        }
    }

    /// The same period a year earlier.
    pub fn year_before(self) -> Period {
        match self {
            Period::Year(y) => Period::Year(y - 1),
            Period::Quarter(y, q) => Period::Quarter(y - 1, q),
            Period::Month(y, m) => Period::Month(y - 1, m),
        }
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter(y, q) => crate::i18n::tf(lang, "period.quarter", &[("q", q.to_string()), ("year", y.to_string())]),
            Period::Month(..) => month_year(self.first(), lang),
        }
    }
}
