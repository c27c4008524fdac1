//! Budgets: an amount per account per month of a year, read against what the ledger shows
//! for any period inside it.
use chrono::Datelike;

use super::accounts::Account;
use super::ledger::Ledger;
use super::period::Period;
use super::reports::Row;
use crate::domain::record::{validate_by_schema, FieldError, RecordRules};

crate::record! {
    /// What the office plans to earn or spend on one account, month by month, in a year.
    pub struct Budget in "budgets" {
        account_id: String => Ref(crate::domain::finance::Account), "budget.account" .required().listed().aliases(&["akun", "account"]),
        year: Option<i64> => Integer, "budget.year" .required().listed().aliases(&["tahun", "year"]),
        m1: Option<i64> => Money, "budget.m1" .aliases(&["jan"]),
        m2: Option<i64> => Money, "budget.m2" .aliases(&["feb"]),
        m3: Option<i64> => Money, "budget.m3" .aliases(&["mar"]),
        m4: Option<i64> => Money, "budget.m4" .aliases(&["apr"]),
        m5: Option<i64> => Money, "budget.m5" .aliases(&["mei", "may"]),
        m6: Option<i64> => Money, "budget.m6" .aliases(&["jun"]),
        m7: Option<i64> => Money, "budget.m7" .aliases(&["jul"]),
        m8: Option<i64> => Money, "budget.m8" .aliases(&["agu", "aug"]),
        m9: Option<i64> => Money, "budget.m9" .aliases(&["sep"]),
        m10: Option<i64> => Money, "budget.m10" .aliases(&["okt", "oct"]),
        m11: Option<i64> => Money, "budget.m11" .aliases(&["nov"]),
        m12: Option<i64> => Money, "budget.m12" .aliases(&["des", "dec"]),
        note: String => Text, "budget.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for Budget {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.year.is_some_and(|y| !crate::domain::record::YEARS.contains(&(y as i32))) {
            errs.push(("year", "err.year_range"));
        }
        errs
    }
    fn title(&self) -> String {
        self.year.map(|y| y.to_string()).unwrap_or_default()
    }
}

impl Budget {
    pub fn months(&self) -> [i64; 12] {
        [self.m1, self.m2, self.m3, self.m4, self.m5, self.m6, self.m7, self.m8, self.m9, self.m10, self.m11, self.m12]
            .map(|m| m.unwrap_or(0))
    }

    /// The budget for the months of `p` that fall in its year.
    pub fn within(&self, p: Period) -> i64 {
        let Some(year) = self.year else { return 0 };
        let months = self.months();
        (1..=12u32)
            .filter(|m| chrono::NaiveDate::from_ymd_opt(year as i32, *m, 1).is_some_and(|d| p.first() <= d && d <= p.last()))
            .map(|m| months[m as usize - 1])
            .sum()
    }
}

/// Each budgeted account over a period: (the account's row with what happened, the
/// budget); variance is budget less actual (under budget when positive for costs).
pub fn budget_vs_actual(accounts: &[Account], budgets: &[Budget], ledger: &Ledger, p: Period) -> Vec<(Row, i64)> {
    let totals = ledger.totals_between(p.first(), p.last());
    let mut out: Vec<(Row, i64)> = vec![];
    for b in budgets
        .iter()
        .filter(|b| b.meta.deleted_at.is_none() && b.year.is_some_and(|y| y as i32 >= p.first().year() && y as i32 <= p.last().year()))
    {
        let Some(a) = accounts.iter().find(|a| a.meta.id == b.account_id) else { continue };
        let planned = b.within(p);
        match out.iter_mut().find(|(r, _)| r.account_id == a.meta.id) {
            Some((_, v)) => *v += planned,
            None => {
                let sign = if a.kind().debit_normal() { 1 } else { -1 };
                let actual = totals.get(a.meta.id.as_str()).copied().unwrap_or(0) * sign;
                out.push((Row { account_id: a.meta.id.clone(), code: a.code.clone(), name: a.name.clone(), amount: actual }, planned));
            }
        }
    }
    out.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    out
}
