//! Entries: what the clerk types as "money in", "money out" or "transfer", and journal
//! entries the app makes itself (a posted payroll run, a reversal). Each one becomes
//! postings that balance: the clerk never sees debits and credits unless they ask.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::accounts::{by_code, codes, Account, AccountKind};
use crate::domain::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::choice! {
    /// What an entry does: money in, money out, a transfer, or a journal.
    pub enum EntryKind {
        In = "in" => "entry.kind.in",
        Out = "out" => "entry.kind.out",
        Transfer = "transfer" => "entry.kind.transfer",
        Journal = "journal" => "entry.kind.journal",
    }
}

/// One line of an entry: an amount on an account, a debit when positive.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Posting {
    pub account_id: String,
    pub amount: i64,
    pub memo: String,
}

crate::record! {
    /// Money in, money out, a transfer between the office's own accounts, or a journal
    /// entry the app made. `amount` includes `tax` (PPN) when there is any.
    pub struct Entry in "entries" {
        date: Option<chrono::NaiveDate> => Date, "entry.date" .required().listed().aliases(&["tanggal", "date", "tgl"]),
        kind: EntryKind = EntryKind::Out => Select(EntryKind::OPTIONS), "entry.kind" .required().listed().aliases(&["jenis", "type"]),
        /// The cash or bank account the money goes through (from, for a transfer).
        account_id: String => Ref(crate::domain::finance::Account, "money"), "entry.account" .listed().aliases(&["rekening", "kas/bank", "account"]),
        /// What the money was for: an income account, an expense account, or any other.
        category_id: String => Ref(crate::domain::finance::Account), "entry.category" .listed().aliases(&["kategori", "akun", "category"]),
        to_account_id: String => Ref(crate::domain::finance::Account, "money"), "entry.to_account" .aliases(&["ke rekening", "to"]),
        amount: Option<i64> => Money, "entry.amount" .listed().aliases(&["jumlah", "nominal", "amount"]),
        tax: Option<i64> => Money, "entry.tax" .aliases(&["ppn", "pajak", "tax"]),
        contact_id: String => ContactRef, "entry.contact" .aliases(&["kontak", "pelanggan", "pemasok", "contact"]),
        description: String => Text, "entry.description" .listed().aliases(&["keterangan", "uraian", "description"]),
        reference: String => Text, "entry.reference" .aliases(&["referensi", "no bukti", "reference", "ref"]),
        /// What made the entry ("payroll_runs/<id>"); empty when typed.
        source: String => Text, "entry.source",
        /// The id of the entry this one reverses.
        reverses: String => Text, "entry.reverses",
        /// The invoice or bill this entry pays.
        document_id: String => Text, "entry.document",
    }
    stored {
        lines: Vec<Posting>,
    }
}

const RULES: FormRules = FormRules {
    shown_when: &[
        ("category_id", "kind", &["in", "out"]),
        ("tax", "kind", &["in", "out"]),
        ("to_account_id", "kind", &["transfer"]),
        ("account_id", "kind", &["in", "out", "transfer"]),
        ("amount", "kind", &["in", "out", "transfer"]),
    ],
    span: None,
    hidden: &["source", "reverses", "document_id"],
};

impl RecordRules for Entry {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let mut need = |key: &'static str, v: &str| {
            if v.trim().is_empty() && !errs.iter().any(|(k, _)| *k == key) {
                errs.push((key, "err.required"));
            }
        };
        match self.kind {
            EntryKind::In | EntryKind::Out => {
                need("account_id", &self.account_id);
                // A split entry names its categories in its lines.
                if self.lines.is_empty() {
                    need("category_id", &self.category_id);
                }
            }
            EntryKind::Transfer => {
                need("account_id", &self.account_id);
                need("to_account_id", &self.to_account_id);
            }
            _ => {}
        }
        if self.kind == EntryKind::Journal {
            if self.lines.is_empty() || self.lines.iter().map(|l| l.amount).sum::<i64>() != 0 {
                errs.push(("kind", "err.journal_unbalanced"));
            }
        } else {
            match self.amount {
                None => need("amount", ""),
                Some(a) if a <= 0 => errs.push(("amount", "err.amount_positive")),
                _ => {}
            }
            if let Some(t) = self.tax.filter(|t| *t != 0) {
                if t < 0 || self.amount.is_some_and(|a| t > a) {
                    errs.push(("tax", "err.tax_above_amount"));
                }
            }
            if self.kind == EntryKind::Transfer && !self.account_id.is_empty() && self.account_id == self.to_account_id {
                errs.push(("to_account_id", "err.same_account"));
            }
            if self.is_split() && self.lines.iter().map(|l| l.amount).sum::<i64>() != self.amount.unwrap_or(0) - self.tax.unwrap_or(0) {
                errs.push(("amount", "err.split_total"));
            }
        }
        errs
    }
    /// What the clerk wrote about it; its reference or date when they wrote nothing.
    fn title(&self) -> String {
        [&self.description, &self.reference, &crate::domain::dates::day_text(self.date)]
            .into_iter()
            .find(|t| !t.trim().is_empty())
            .cloned()
            .unwrap_or_default()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn internal() -> &'static [&'static str] {
        &["source", "reverses", "document_id"]
    }
}

/// Why an entry cannot be turned into postings with these accounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostingProblem {
    /// The account is missing, deleted, or not a cash or bank account.
    NotMoney(&'static str),
    /// The category is missing or deleted.
    NoCategory,
    /// Tax was typed but the chart has no PPN account of that code.
    NoTaxAccount(&'static str),
    /// A journal line names an account that is not there.
    UnknownAccount,
}

impl Entry {
    pub fn is_live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }

    pub fn day(&self) -> Option<chrono::NaiveDate> {
        self.date
    }

    /// Money in or out spread over several categories: its lines hold (category, amount),
    /// together the amount less PPN.
    pub fn is_split(&self) -> bool {
        matches!(self.kind, EntryKind::In | EntryKind::Out) && !self.lines.is_empty()
    }

    /// The categories and their amounts (before PPN): the split, or the one category.
    fn categories(&self, accounts: &[Account]) -> Result<Vec<(String, i64)>, PostingProblem> {
        let live = |id: &str| accounts.iter().any(|a| a.is_live() && a.meta.id == id);
        if self.is_split() {
            if self.lines.iter().any(|l| !live(&l.account_id)) {
                return Err(PostingProblem::NoCategory);
            }
            return Ok(self.lines.iter().map(|l| (l.account_id.clone(), l.amount)).collect());
        }
        if !live(&self.category_id) {
            return Err(PostingProblem::NoCategory);
        }
        Ok(vec![(self.category_id.clone(), self.amount.unwrap_or(0) - self.tax.unwrap_or(0))])
    }

    /// The entry as postings that sum to zero.
    pub fn postings(&self, accounts: &[Account]) -> Result<Vec<Posting>, PostingProblem> {
        let live = |id: &str| accounts.iter().find(|a| a.is_live() && a.meta.id == id);
        let money = |id: &str, key: &'static str| match live(id) {
            Some(a) if a.money => Ok(a.meta.id.clone()),
            _ => Err(PostingProblem::NotMoney(key)),
        };
        let line = |account_id: String, amount: i64| Posting { account_id, amount, memo: String::new() };
        let amount = self.amount.unwrap_or(0);
        let tax = self.tax.unwrap_or(0);
        let tax_account = |code: &'static str| by_code(accounts, code).map(|a| a.meta.id.clone()).ok_or(PostingProblem::NoTaxAccount(code));
        let mut out = match self.kind {
            EntryKind::In => {
                let mut v = vec![line(money(&self.account_id, "account_id")?, amount)];
                v.extend(self.categories(accounts)?.into_iter().map(|(c, a)| line(c, -a)));
                if tax != 0 {
                    v.push(line(tax_account(codes::PPN_OUT)?, -tax));
                }
                v
            }
            EntryKind::Out => {
                let mut v = vec![line(money(&self.account_id, "account_id")?, -amount)];
                v.extend(self.categories(accounts)?.into_iter().map(|(c, a)| line(c, a)));
                if tax != 0 {
                    v.push(line(tax_account(codes::PPN_IN)?, tax));
                }
                v
            }
            EntryKind::Transfer => {
                vec![line(money(&self.account_id, "account_id")?, -amount), line(money(&self.to_account_id, "to_account_id")?, amount)]
            }
            _ => {
                if self.lines.iter().any(|l| live(&l.account_id).is_none()) {
                    return Err(PostingProblem::UnknownAccount);
                }
                self.lines.clone()
            }
        };
        out.retain(|p| p.amount != 0 || self.kind == EntryKind::Journal);
        Ok(out)
    }

    /// An entry through a bank account reconciled up to or past its date: the statement
    /// already agrees with it, so it is not changed.
    pub fn reconciled(&self, accounts: &[Account]) -> bool {
        let Some(day) = self.day() else { return false };
        [&self.account_id, &self.to_account_id]
            .into_iter()
            .filter(|id| !id.is_empty())
            .any(|id| accounts.iter().any(|a| a.meta.id == *id && a.reconciled_to.is_some_and(|r| day <= r)))
    }

    /// Money in or out of the office's own accounts as the list shows it: positive in.
    pub fn signed_amount(&self) -> i64 {
        let a = self.amount.unwrap_or(0);
        if self.kind == EntryKind::Out {
            -a
        } else {
            a
        }
    }

    /// An entry that undoes this one on `date`: the same postings with the signs turned.
    pub fn reversal(&self, accounts: &[Account], date: NaiveDate, description: String) -> Result<Entry, PostingProblem> {
        let lines = self.postings(accounts)?.into_iter().map(|p| Posting { amount: -p.amount, ..p }).collect();
        Ok(Entry {
            date: Some(date),
            kind: EntryKind::Journal,
            contact_id: self.contact_id.clone(),
            description,
            reference: self.reference.clone(),
            reverses: self.meta.id.clone(),
            lines,
            ..Entry::default()
        })
    }
}

/// Whether the category fits the direction: money in is usually income, money out usually
/// an expense; anything else (a loan received, capital paid in, an asset bought) is allowed
/// but a money account is not a category (that is a transfer).
pub fn category_problem(accounts: &[Account], e: &Entry) -> Option<FieldError> {
    if !matches!(e.kind, EntryKind::In | EntryKind::Out) || e.category_id.is_empty() || e.is_split() {
        return None;
    }
    match accounts.iter().find(|a| a.is_live() && a.meta.id == e.category_id) {
        None => Some(("category_id", "err.unknown_ref")),
        Some(a) if a.money => Some(("category_id", "err.category_is_money")),
        Some(_) => None,
    }
}

/// The categories to offer first for a direction: income for money in, expenses for money out.
pub fn usual_kind(entry_kind: &str) -> Option<AccountKind> {
    match entry_kind {
        "in" => Some(AccountKind::Income),
        "out" => Some(AccountKind::Expense),
        _ => None,
    }
}

/// Payroll's journal lines (see `payroll::month::journal`) and the chart codes they post to.
const PAYROLL_CODES: &[(&str, &str)] = &[
    ("journal.salary_expense", codes::SALARY),
    ("journal.bpjs_expense", codes::BPJS_EXPENSE),
    ("journal.net_payable", codes::NET_PAY),
    ("journal.kesehatan_payable", codes::BPJS_PAYABLE),
    ("journal.ketenagakerjaan_payable", codes::BPJS_PAYABLE),
    ("journal.tax_payable", codes::TAX_PAYABLE),
    ("journal.other_payable", codes::OTHER_PAYABLE),
];

/// A posted payroll run as a journal entry on its pay day: wages and the office's BPJS as
/// expenses, what is owed to employees, BPJS and the tax office as liabilities. Paying them
/// later is money out against those liabilities. `Err` names a chart code that is missing.
pub fn from_payroll(
    accounts: &[Account],
    run_id: &str,
    date: NaiveDate,
    description: String,
    journal: &[(&str, i64)],
) -> Result<Entry, &'static str> {
    let mut lines: Vec<Posting> = vec![];
    for (key, amount) in journal.iter().filter(|(_, a)| *a != 0) {
        let code = PAYROLL_CODES.iter().find(|(k, _)| k == key).map_or(codes::OTHER_PAYABLE, |(_, c)| *c);
        let account = by_code(accounts, code).ok_or(code)?;
        match lines.iter_mut().find(|l| l.account_id == account.meta.id) {
            Some(l) => l.amount += amount,
            None => lines.push(Posting { account_id: account.meta.id.clone(), amount: *amount, memo: String::new() }),
        }
    }
    Ok(Entry {
        date: Some(date),
        kind: EntryKind::Journal,
        description,
        source: format!("payroll_runs/{run_id}"),
        lines,
        ..Entry::default()
    })
}

/// The month's straight-line depreciation of the live assets (see `assets::book_value`) as
/// a journal on its last day: depreciation expense against accumulated depreciation.
/// `Ok(None)` when nothing depreciates that month; `Err` names a missing chart code.
pub fn depreciation(
    accounts: &[Account],
    assets: &[crate::domain::assets::Asset],
    year: i32,
    month: u32,
) -> Result<Option<Entry>, &'static str> {
    use crate::domain::assets::book_value;
    let Some(first) = chrono::NaiveDate::from_ymd_opt(year, month, 1) else { return Ok(None) };
    let (Some(before), Some(last)) = (first.pred_opt(), first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt())) else {
        return Ok(None);
    };
    let amount: i64 = assets.iter().filter(|a| a.meta.deleted_at.is_none()).map(|a| book_value(a, last).0 - book_value(a, before).0).sum();
    if amount == 0 {
        return Ok(None);
    }
    let expense = by_code(accounts, codes::DEPRECIATION).ok_or(codes::DEPRECIATION)?;
    let accumulated = by_code(accounts, codes::ACCUMULATED_DEPRECIATION).ok_or(codes::ACCUMULATED_DEPRECIATION)?;
    Ok(Some(Entry {
        date: Some(last),
        kind: EntryKind::Journal,
        source: depreciation_source(year, month),
        lines: vec![
            Posting { account_id: expense.meta.id.clone(), amount, memo: String::new() },
            Posting { account_id: accumulated.meta.id.clone(), amount: -amount, memo: String::new() },
        ],
        ..Entry::default()
    }))
}

/// What an asset's purchase entry is made from, so it is made once.
pub fn asset_source(asset_id: &str) -> String {
    format!("assets/{asset_id}")
}

/// An asset's purchase as money out of `paid_from` (a cash or bank account) into fixed
/// assets on its purchase date, for its cost as the register keeps it; a transfer of
/// value, never an expense (depreciation makes it one month by month). `Ok(None)` without
/// a cost or a purchase date; `Err` names a missing chart code.
pub fn asset_purchase(
    accounts: &[Account],
    asset: &crate::domain::assets::Asset,
    paid_from: &str,
    description: String,
) -> Result<Option<Entry>, &'static str> {
    let (Some(cost), Some(date)) = (asset.cost.filter(|c| *c > 0), asset.purchase_date) else { return Ok(None) };
    let fixed = by_code(accounts, codes::FIXED_ASSETS).ok_or(codes::FIXED_ASSETS)?;
    Ok(Some(Entry {
        date: Some(date),
        kind: EntryKind::Out,
        account_id: paid_from.into(),
        category_id: fixed.meta.id.clone(),
        amount: Some(cost),
        description,
        reference: asset.tag.clone(),
        contact_id: asset.supplier_id.clone(),
        source: asset_source(&asset.meta.id),
        ..Entry::default()
    }))
}

pub fn depreciation_source(year: i32, month: u32) -> String {
    format!("depreciation/{year}-{month:02}")
}
