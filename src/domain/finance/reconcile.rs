//! Statement lines kept against a bank account and matched to entries: a line matches an
//! entry moving the same amount through that account within a few days; an unmatched line
//! can become an entry; the statement's balance is checked against the books'.
use chrono::NaiveDate;

use super::accounts::Account;
use super::entries::Entry;
use crate::domain::finance::entries::EntryKind;
use crate::domain::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::record! {
    /// One line of a bank statement as imported, and the entry it was matched to.
    pub struct BankLine in "bank_lines" {
        account_id: String => Ref(crate::domain::finance::Account, "money"), "bank.account" .required().listed().aliases(&["rekening", "account"]),
        date: Option<chrono::NaiveDate> => Date, "bank.date" .required().listed().aliases(&["tanggal", "date"]),
        description: String => Text, "bank.description" .listed().aliases(&["keterangan", "description"]),
        /// Money into the account when positive.
        amount: Option<i64> => Money, "bank.amount" .required().listed().aliases(&["jumlah", "amount"]),
        balance: Option<i64> => Money, "bank.balance" .aliases(&["saldo", "balance"]),
        reference: String => Text, "bank.reference" .aliases(&["referensi"]),
        /// The entry it is matched to; empty while unmatched.
        entry_id: String => Text, "bank.entry",
        /// Recognises the same line imported again (see `statement::Line::key`).
        key: String => Text, "bank.key",
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: None, hidden: &["entry_id", "key"] };

impl RecordRules for BankLine {
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        if self.description.is_empty() {
            crate::domain::dates::day_text(self.date)
        } else {
            self.description.clone()
        }
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn internal() -> &'static [&'static str] {
        &["entry_id", "key"]
    }
}

impl BankLine {
    pub fn is_live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }
    pub fn is_matched(&self) -> bool {
        !self.entry_id.is_empty()
    }
}

/// How many days apart a line and an entry may be and still be suggested as a match.
pub const MATCH_DAYS: i64 = 4;

/// What an entry moves through `account`: into it when positive.
pub fn effect_on(e: &Entry, accounts: &[Account], account: &str) -> i64 {
    e.postings(accounts).map(|ps| ps.iter().filter(|p| p.account_id == account).map(|p| p.amount).sum()).unwrap_or(0)
}

/// Entries to offer for a line, best first: the same amount through the same account,
/// within [`MATCH_DAYS`], not matched to another line; the nearest date first.
pub fn suggestions<'a>(line: &BankLine, lines: &[BankLine], entries: &'a [Entry], accounts: &[Account]) -> Vec<&'a Entry> {
    let Some(day) = line.date else { return vec![] };
    let taken: std::collections::HashSet<&str> = lines
        .iter()
        .filter(|l| l.is_live() && l.meta.id != line.meta.id)
        .map(|l| l.entry_id.as_str())
        .filter(|id| !id.is_empty())
        .collect();
    let mut found: Vec<(i64, &Entry)> = entries
        .iter()
        .filter(|e| e.is_live() && !taken.contains(e.meta.id.as_str()))
        .filter_map(|e| {
            let gap = (e.day()? - day).num_days().abs();
            (gap <= MATCH_DAYS && effect_on(e, accounts, &line.account_id) == line.amount.unwrap_or(0)).then_some((gap, e))
        })
        .collect();
    found.sort_by_key(|(gap, e)| (*gap, e.meta.created_at));
    found.into_iter().map(|(_, e)| e).collect()
}

/// An entry made from an unmatched line: money in or out through its account, for
/// `category`, on its date, described as the bank describes it.
pub fn entry_for(line: &BankLine, category: &str) -> Entry {
    let amount = line.amount.unwrap_or(0);
    Entry {
        date: line.date,
        kind: if amount >= 0 { EntryKind::In } else { EntryKind::Out },
        account_id: line.account_id.clone(),
        category_id: category.into(),
        amount: Some(amount.abs()),
        description: line.description.clone(),
        reference: line.reference.clone(),
        ..Entry::default()
    }
}

/// The statement's last printed balance up to `day` (the latest line that prints one).
pub fn statement_balance(lines: &[BankLine], account: &str, day: NaiveDate) -> Option<(NaiveDate, i64)> {
    lines
        .iter()
        .filter(|l| l.is_live() && l.account_id == account && l.balance.is_some())
        .filter_map(|l| Some((l.date?, l.balance?, l.meta.created_at)))
        .filter(|(d, ..)| *d <= day)
        .max_by_key(|(d, _, created)| (*d, *created))
        .map(|(d, b, _)| (d, b))
}
