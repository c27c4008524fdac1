//! Office-wide settings: company profile, currency, language, departments.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub company_name: String,
    pub company_address: String,
    /// NPWP in Indonesia; free text elsewhere.
    pub tax_number: String,
    pub phone: String,
    pub email: String,
    pub currency: String,
    /// "" follows the browser; otherwise "id" or "en".
    pub language: String,
    pub departments: Vec<String>,
    /// Who is using this browser; stamped on later audit entries.
    pub user_name: String,
    /// The office works Saturdays too: leave counts them as working days.
    pub six_day_week: bool,
    /// Annual leave a year once twelve months of service are done, in working days (the
    /// law's minimum is 12; an office may give more).
    pub annual_leave_days: u32,
    /// Unused annual leave that carries into the next year, at most this many days.
    pub leave_carry_over: u32,
    /// Collective leave (cuti bersama) is taken from annual leave, as most offices do.
    pub collective_from_annual: bool,
    /// Sick leave longer than this many working days is approved only with a doctor's
    /// letter (0: always needs one).
    pub sick_days_without_letter: u32,
    /// Maternity leave the office gives without a doctor's letter, in months: the law's
    /// three at least; up to six with the letter (UU 4/2024) whatever this says.
    pub maternity_months: u32,
    /// Paid working days for each important reason.
    pub important_days: ImportantDays,
    /// The bank transfer file's columns, joined by its separator: `account;name;amount;note`.
    pub bank_layout: String,
    /// The bank file starts with a row of column names.
    pub bank_header: bool,
    /// The books are closed up to and including this date (`YYYY-MM-DD`; empty: none are):
    /// entries on or before it are kept as they are and corrected by reversing them.
    pub books_closed_to: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            company_name: String::new(),
            company_address: String::new(),
            tax_number: String::new(),
            phone: String::new(),
            email: String::new(),
            currency: "IDR".into(),
            language: String::new(),
            departments: vec![],
            user_name: String::new(),
            six_day_week: false,
            annual_leave_days: 12,
            leave_carry_over: 0,
            collective_from_annual: true,
            sick_days_without_letter: 1,
            maternity_months: 3,
            important_days: ImportantDays::LAW,
            bank_layout: "account,name,amount,note".into(),
            bank_header: true,
            books_closed_to: String::new(),
        }
    }
}

/// Paid working days for each important reason an employee may be away for (UU 13/2003
/// art. 93(4) names the least; an office may give more).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportantDays {
    pub marriage: u32,
    pub child_marriage: u32,
    pub child_rite: u32,
    pub birth: u32,
    pub death: u32,
    pub household_death: u32,
}

impl ImportantDays {
    /// The law's days.
    pub const LAW: ImportantDays = ImportantDays { marriage: 3, child_marriage: 2, child_rite: 2, birth: 2, death: 2, household_death: 1 };
    /// The most an office may set for one reason.
    pub const MOST: u32 = 30;

    /// These days, none below the law's.
    pub fn at_least_the_law(self) -> ImportantDays {
        let law = ImportantDays::LAW;
        ImportantDays {
            marriage: self.marriage.max(law.marriage),
            child_marriage: self.child_marriage.max(law.child_marriage),
            child_rite: self.child_rite.max(law.child_rite),
            birth: self.birth.max(law.birth),
            death: self.death.max(law.death),
            household_death: self.household_death.max(law.household_death),
        }
    }

    /// (settings field, days given, the law's least) for each reason, in the law's order.
    pub fn each(&self) -> [(&'static str, u32, u32); 6] {
        let law = ImportantDays::LAW;
        [
            ("marriage", self.marriage, law.marriage),
            ("child_marriage", self.child_marriage, law.child_marriage),
            ("child_rite", self.child_rite, law.child_rite),
            ("birth", self.birth, law.birth),
            ("death", self.death, law.death),
            ("household_death", self.household_death, law.household_death),
        ]
    }
}

impl Default for ImportantDays {
    fn default() -> Self {
        ImportantDays::LAW
    }
}

/// NPWP is 15 digits (old) or 16 digits (NIK-based, from 2024); punctuation is free.
pub fn valid_npwp(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    s.trim().is_empty() || ((digits == 15 || digits == 16) && s.chars().all(|c| c.is_ascii_digit() || ".- ".contains(c)))
}

impl Settings {
    /// Problems as (field, i18n message key).
    pub fn validate(&self) -> Vec<(&'static str, &'static str)> {
        let mut errs = vec![];
        if !valid_npwp(&self.tax_number) {
            errs.push(("tax_number", "err.npwp"));
        }
        if !self.email.trim().is_empty() && !super::record::looks_like_email(self.email.trim()) {
            errs.push(("email", "err.email"));
        }
        if self.bank_layout.trim().is_empty() || super::payroll::bank::columns(&self.bank_layout).is_err() {
            errs.push(("bank_layout", "err.bank_layout"));
        }
        if !(12..=60).contains(&self.annual_leave_days) {
            errs.push(("annual_leave_days", "err.annual_days"));
        }
        if self.leave_carry_over > self.annual_leave_days {
            errs.push(("leave_carry_over", "err.carry_over"));
        }
        if self.sick_days_without_letter > 30 {
            errs.push(("sick_days_without_letter", "err.sick_days"));
        }
        if !(3..=6).contains(&self.maternity_months) {
            errs.push(("maternity_months", "err.maternity_months"));
        }
        for (field, days, least) in self.important_days.each() {
            if !(least..=ImportantDays::MOST).contains(&days) {
                errs.push((field, "err.important_setting"));
            }
        }
        if !super::format::CURRENCIES.iter().any(|c| c.code == self.currency) {
            errs.push(("currency", "err.choice"));
        }
        errs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npwp_formats() {
        assert!(valid_npwp("01.234.567.8-901.000"));
        assert!(valid_npwp("3171234567890001"));
        assert!(valid_npwp(""));
        assert!(!valid_npwp("1234"));
        assert!(!valid_npwp("01.234.567.8-901.00A"));
    }

    #[test]
    fn defaults_are_indonesian_office() {
        let s = Settings::default();
        assert_eq!(s.currency, "IDR");
        assert!(s.validate().is_empty());
    }

    #[test]
    fn partial_json_fills_defaults() {
        let s: Settings = serde_json::from_str(r#"{"company_name":"PT Maju"}"#).unwrap();
        assert_eq!(s.company_name, "PT Maju");
        assert_eq!(s.currency, "IDR");
        // Settings stored before the leave rules existed read as the law has them.
        assert_eq!((s.annual_leave_days, s.leave_carry_over, s.collective_from_annual, s.sick_days_without_letter), (12, 0, true, 1));
    }

    #[test]
    fn leave_rules_never_below_the_law() {
        let mut s = Settings { annual_leave_days: 10, ..Settings::default() };
        assert_eq!(s.validate(), vec![("annual_leave_days", "err.annual_days")]);
        s.annual_leave_days = 14;
        s.leave_carry_over = 20;
        assert_eq!(s.validate(), vec![("leave_carry_over", "err.carry_over")]);
        s.leave_carry_over = 6;
        assert!(s.validate().is_empty());
        s.sick_days_without_letter = 31;
        assert_eq!(s.validate(), vec![("sick_days_without_letter", "err.sick_days")]);
        s.sick_days_without_letter = 0;
        assert!(s.validate().is_empty());
    }

    #[test]
    fn maternity_months_and_important_days_from_the_law_up() {
        let s: Settings = serde_json::from_str(r#"{"maternity_months":4,"important_days":{"marriage":5}}"#).unwrap();
        assert_eq!(
            (s.maternity_months, s.important_days.marriage, s.important_days.death),
            (4, 5, 2),
            "a field left out reads as the law's"
        );
        assert!(s.validate().is_empty());
        let mut s = Settings::default();
        assert_eq!((s.maternity_months, s.important_days), (3, ImportantDays::LAW));
        s.maternity_months = 2;
        assert_eq!(s.validate(), vec![("maternity_months", "err.maternity_months")]);
        s.maternity_months = 7;
        assert_eq!(s.validate(), vec![("maternity_months", "err.maternity_months")]);
        s.maternity_months = 6;
        s.important_days.marriage = 2;
        s.important_days.household_death = 31;
        assert_eq!(s.validate(), vec![("marriage", "err.important_setting"), ("household_death", "err.important_setting")]);
        s.important_days.marriage = 30;
        s.important_days.household_death = 1;
        assert!(s.validate().is_empty());
    }
}
