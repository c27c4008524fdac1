//! Warning letters (surat peringatan) SP1, SP2 and SP3: each valid for six months (PP
//! 35/2021); while one is valid, the next letter is the next level.
use chrono::{Months, NaiveDate};

use super::dates::day_text;
use super::record::RecordRules;
use crate::sort::sort_by;

crate::choice! {
    /// The level of a warning letter (SP1–SP3).
    pub enum WarningLevel {
        Sp1 = "sp1" => "sp.level.sp1",
        Sp2 = "sp2" => "sp.level.sp2",
        Sp3 = "sp3" => "sp.level.sp3",
    }
}

/// How long a warning letter stays valid.
pub const VALID_MONTHS: u32 = 6;

crate::record! {
    /// A warning letter given to an employee.
    pub struct WarningLetter in "warnings" {
        employee_id: String => Ref(crate::domain::people::Employee), "sp.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        level: WarningLevel = WarningLevel::Sp1 => Select(WarningLevel::OPTIONS), "sp.level" .required().listed().aliases(&["tingkat", "jenis"]),
        date: Option<chrono::NaiveDate> => Date, "sp.date" .required().listed().aliases(&["tanggal"]),
        number: String => Text, "sp.number" .listed().aliases(&["nomor", "no surat"]),
        reason: String => LongText, "sp.reason" .required().aliases(&["alasan", "pelanggaran"]),
        /// What is expected of the employee from now on.
        expected: String => LongText, "sp.expected" .aliases(&["harapan", "perbaikan"]),
        signed_by: String => Text, "sp.signed_by" .aliases(&["ditandatangani", "penandatangan"]),
    }
}

impl RecordRules for WarningLetter {
    fn title(&self) -> String {
        let level = format!("SP{}", self.rank() + 1);
        format!("{level} · {}", day_text(self.date))
    }
}

impl WarningLetter {
    /// The last day the letter is valid: six months from its date, less a day.
    pub fn valid_until(&self) -> Option<NaiveDate> {
        self.date?.checked_add_months(Months::new(VALID_MONTHS))?.pred_opt()
    }

    pub fn is_valid_on(&self, day: NaiveDate) -> bool {
        self.meta.deleted_at.is_none() && self.date.is_some_and(|d| d <= day) && self.valid_until().is_some_and(|u| day <= u)
    }

    fn rank(&self) -> usize {
        WarningLevel::ALL.iter().position(|l| *l == self.level).unwrap_or(0)
    }
}

/// An employee's letters valid on `day`, the highest level first.
pub fn valid_letters(all: &[WarningLetter], employee_id: &str, day: NaiveDate) -> Vec<WarningLetter> {
    let mut v: Vec<WarningLetter> = all.iter().filter(|w| w.employee_id == employee_id && w.is_valid_on(day)).cloned().collect();
    sort_by(&mut v, |a, b| b.rank().cmp(&a.rank()).then(b.date.cmp(&a.date)));
    v
}

/// The level the next letter should have: one above the highest still valid (SP3 stays
/// SP3: after it, the employment may be ended), else SP1.
pub fn next_level(all: &[WarningLetter], employee_id: &str, day: NaiveDate) -> WarningLevel {
    match valid_letters(all, employee_id, day).first() {
        None => WarningLevel::Sp1,
        Some(w) => WarningLevel::ALL[(w.rank() + 1).min(WarningLevel::ALL.len() - 1)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn letter(level: &str, date: &str) -> WarningLetter {
        let mut w = WarningLetter::blank(chrono::Utc::now());
        w.employee_id = "e1".into();
        w.set("level", level);
        w.set("date", date);
        w.set("reason", "Terlambat");
        w
    }

    #[test]
    fn a_letter_is_valid_for_six_months() {
        let w = letter("sp1", "2026-01-31");
        assert_eq!(w.valid_until(), Some(d(2026, 7, 30)));
        assert!(w.is_valid_on(d(2026, 1, 31)) && w.is_valid_on(d(2026, 7, 30)));
        assert!(!w.is_valid_on(d(2026, 7, 31)) && !w.is_valid_on(d(2026, 1, 30)));
        assert_eq!(w.title(), "SP1 · 2026-01-31");
        assert!(w.validate().is_empty());
    }

    #[test]
    fn the_next_letter_is_one_level_up_while_one_is_valid() {
        let day = d(2026, 12, 1);
        assert_eq!(next_level(&[], "e1", day), WarningLevel::Sp1);
        let sp1 = letter("sp1", "2026-09-01");
        assert_eq!(next_level(std::slice::from_ref(&sp1), "e1", day), WarningLevel::Sp2);
        assert_eq!(next_level(std::slice::from_ref(&sp1), "someone else", day), WarningLevel::Sp1);
        let sp2 = letter("sp2", "2026-11-01");
        assert_eq!(next_level(&[sp1.clone(), sp2.clone()], "e1", day), WarningLevel::Sp3);
        assert_eq!(next_level(&[sp1.clone(), sp2, letter("sp3", "2026-11-20")], "e1", day), WarningLevel::Sp3);
        // Expired: start again from SP1.
        assert_eq!(next_level(&[letter("sp2", "2026-01-01")], "e1", day), WarningLevel::Sp1);
        let mut gone = sp1;
        gone.meta.deleted_at = Some(chrono::Utc::now());
        assert_eq!(next_level(&[gone], "e1", day), WarningLevel::Sp1);
    }
}
