//! The ledger: every live entry's postings, plus each account's opening balance set
//! against opening-balance equity, so balances and reports read from one place.
use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::accounts::{by_code, codes, Account};
use super::entries::{Entry, PostingProblem};
use crate::domain::finance::entries::EntryKind;

/// Where opening balances are set off when the chart has no opening-balance equity account.
pub const OPENING_EQUITY: &str = "opening";

/// One posting with its date and the entry it came from ("" for an opening balance). Ids
/// are shared, not copied: a ledger of three years holds tens of thousands of lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub date: NaiveDate,
    pub entry_id: Arc<str>,
    pub account_id: Arc<str>,
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
        // Each live account's id once, shared by all its lines.
        let ids: HashMap<&str, (Arc<str>, bool)> =
            accounts.iter().filter(|a| a.is_live()).map(|a| (a.meta.id.as_str(), (Arc::from(a.meta.id.as_str()), a.money))).collect();
        let opening_equity: Arc<str> =
            by_code(accounts, codes::OPENING_EQUITY).map_or(Arc::from(OPENING_EQUITY), |a| ids[a.meta.id.as_str()].0.clone());
        let none: Arc<str> = Arc::from("");
        let mut lines = Vec::with_capacity(entries.len() * 2 + accounts.len() * 2);
        for a in accounts.iter().filter(|a| a.is_live()) {
            let amount = a.opening_debit();
            if amount == 0 {
                continue;
            }
            let date = a.opening_on.unwrap_or(NaiveDate::MIN);
            lines.push(Line { date, entry_id: none.clone(), account_id: ids[a.meta.id.as_str()].0.clone(), amount });
            lines.push(Line { date, entry_id: none.clone(), account_id: opening_equity.clone(), amount: -amount });
        }
        let mut problems = vec![];
        // Sorted on keys held inline (date, time made, place): the entries themselves are
        // large, and reaching into each for every comparison costs more than the sort.
        let mut order: Vec<(NaiveDate, i64, usize)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_live())
            .filter_map(|(i, e)| Some((e.day()?, e.meta.created_at.timestamp_millis(), i)))
            .collect();
        order.sort_unstable();
        let tax = |code: &str| by_code(accounts, code).map(|a| ids[a.meta.id.as_str()].0.clone());
        let (ppn_in, ppn_out) = (tax(codes::PPN_IN), tax(codes::PPN_OUT));
        let money = |id: &str| ids.get(id).filter(|(_, m)| *m).map(|(a, _)| a.clone());
        for (date, _, i) in order {
            let e = &entries[i];
            let entry_id: Arc<str> = Arc::from(e.meta.id.as_str());
            let mut push = |account_id: &Arc<str>, amount: i64| {
                if amount != 0 {
                    lines.push(Line { date, entry_id: entry_id.clone(), account_id: account_id.clone(), amount })
                }
            };
            // The common entries straight from the shared ids; splits, journals and entries
            // that do not post go through `postings` (which says why).
            let (amount, t) = (e.amount.unwrap_or(0), e.tax.unwrap_or(0));
            let handled = match e.kind {
                EntryKind::In | EntryKind::Out if !e.is_split() => {
                    let sign = if e.kind == EntryKind::In { 1 } else { -1 };
                    let tax_account = if e.kind == EntryKind::In { &ppn_out } else { &ppn_in };
                    match (money(&e.account_id), ids.get(e.category_id.as_str()), tax_account) {
                        (Some(m), Some((c, _)), x) if t == 0 || x.is_some() => {
                            push(&m, sign * amount);
                            push(c, -sign * (amount - t));
                            if let Some(x) = x {
                                push(x, -sign * t);
                            }
                            true
                        }
                        _ => false,
                    }
                }
                EntryKind::Transfer => match (money(&e.account_id), money(&e.to_account_id)) {
                    (Some(from), Some(to)) => {
                        push(&from, -amount);
                        push(&to, amount);
                        true
                    }
                    _ => false,
                },
                _ => false,
            };
            if !handled {
                match e.postings(accounts) {
                    Ok(ps) => {
                        for p in ps {
                            let id = ids.get(p.account_id.as_str()).map_or_else(|| Arc::from(p.account_id.as_str()), |(a, _)| a.clone());
                            lines.push(Line { date, entry_id: entry_id.clone(), account_id: id, amount: p.amount });
                        }
                    }
                    Err(why) => problems.push((e.meta.id.clone(), why)),
                }
            }
        }
        // Opening balances first, then entries already in date order: two runs to merge.
        lines.sort_by_key(|l| l.date);
        Ledger { lines, problems }
    }

    /// Each account's debit-positive total over the lines `keep` picks.
    pub fn totals(&self, keep: impl Fn(&Line) -> bool) -> HashMap<&str, i64> {
        let mut out: HashMap<&str, i64> = HashMap::new();
        for l in self.lines.iter().filter(|l| keep(l)) {
            *out.entry(&*l.account_id).or_default() += l.amount;
        }
        out
    }

    /// The lines dated `from` to `to`: a slice, since they are sorted by date.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> &[Line] {
        let start = self.lines.partition_point(|l| l.date < from);
        let end = self.lines.partition_point(|l| l.date <= to);
        &self.lines[start..end.max(start)]
    }

    /// Each account's debit-positive total over the lines dated `from` to `to`.
    pub fn totals_between(&self, from: NaiveDate, to: NaiveDate) -> HashMap<&str, i64> {
        let mut out: HashMap<&str, i64> = HashMap::new();
        for l in self.between(from, to) {
            *out.entry(&*l.account_id).or_default() += l.amount;
        }
        out
    }

    /// An account's debit-positive balance at the end of `day`.
    pub fn balance_at(&self, account_id: &str, day: NaiveDate) -> i64 {
        self.lines.iter().filter(|l| &*l.account_id == account_id && l.date <= day).map(|l| l.amount).sum()
    }

    /// The lines of one account, each with the balance after it.
    pub fn register(&self, account_id: &str) -> Vec<(Line, i64)> {
        let mut balance = 0;
        self.lines
            .iter()
            .filter(|l| &*l.account_id == account_id)
            .map(|l| {
                balance += l.amount;
                (l.clone(), balance)
            })
            .collect()
    }
}
