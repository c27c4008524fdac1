//! The ledger: every live entry's postings, plus each account's opening balance set
//! against opening-balance equity, so balances and reports read from one place.
use std::collections::HashMap;

use chrono::NaiveDate;

use super::accounts::{by_code, codes, Account};
use super::entries::{Entry, PostingProblem};

/// Where opening balances are set off when the chart has no opening-balance equity account.
pub const OPENING_EQUITY: &str = "opening";

/// One posting with its date and the entry it came from ("" for an opening balance).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub date: NaiveDate,
    pub entry_id: String,
    pub account_id: String,
    /// A debit when positive.
    pub amount: i64,
}

#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// Sorted by date; entries of one day in the order they were made.
    pub lines: Vec<Line>,
    /// Entries that could not be posted (an account deleted since), with why.
    pub problems: Vec<(String, PostingProblem)>,
}

impl Ledger {
    pub fn new(accounts: &[Account], entries: &[Entry]) -> Ledger {
        let opening_equity = by_code(accounts, codes::OPENING_EQUITY).map_or(OPENING_EQUITY.to_string(), |a| a.meta.id.clone());
        let mut lines = vec![];
        for a in accounts.iter().filter(|a| a.is_live()) {
            let amount = a.opening_debit();
            if amount == 0 {
                continue;
            }
            let date = crate::domain::record::parse_date(&a.opening_on).unwrap_or(NaiveDate::MIN);
            lines.push(Line { date, entry_id: String::new(), account_id: a.meta.id.clone(), amount });
            lines.push(Line { date, entry_id: String::new(), account_id: opening_equity.clone(), amount: -amount });
        }
        let mut problems = vec![];
        let mut live: Vec<&Entry> = entries.iter().filter(|e| e.is_live()).collect();
        live.sort_by(|a, b| a.date.cmp(&b.date).then(a.meta.created_at.cmp(&b.meta.created_at)));
        for e in live {
            let Some(date) = e.day() else { continue };
            match e.postings(accounts) {
                Ok(ps) => lines.extend(ps.into_iter().map(|p| Line {
                    date,
                    entry_id: e.meta.id.clone(),
                    account_id: p.account_id,
                    amount: p.amount,
                })),
                Err(why) => problems.push((e.meta.id.clone(), why)),
            }
        }
        lines.sort_by_key(|l| l.date);
        Ledger { lines, problems }
    }

    /// Each account's debit-positive total over the lines `keep` picks.
    pub fn totals(&self, keep: impl Fn(&Line) -> bool) -> HashMap<&str, i64> {
        let mut out: HashMap<&str, i64> = HashMap::new();
        for l in self.lines.iter().filter(|l| keep(l)) {
            *out.entry(l.account_id.as_str()).or_default() += l.amount;
        }
        out
    }

    /// An account's debit-positive balance at the end of `day`.
    pub fn balance_at(&self, account_id: &str, day: NaiveDate) -> i64 {
        self.lines.iter().filter(|l| l.account_id == account_id && l.date <= day).map(|l| l.amount).sum()
    }

    /// The lines of one account, each with the balance after it.
    pub fn register(&self, account_id: &str) -> Vec<(Line, i64)> {
        let mut balance = 0;
        self.lines
            .iter()
            .filter(|l| l.account_id == account_id)
            .map(|l| {
                balance += l.amount;
                (l.clone(), balance)
            })
            .collect()
    }
}
