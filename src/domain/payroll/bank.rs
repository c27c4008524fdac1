//! Bank transfer files: the layout in Settings, and a layout of its own for each bank an
//! office pays through (its bulk upload wants its own columns); each employee is paid in
//! the file of their bank when it has a layout, in the Settings' file otherwise.
use chrono::{Datelike, NaiveDate};

use super::records::Payslip;
use crate::domain::people::Employee;
use crate::domain::record::{validate_by_schema, FieldError, RecordRules};

/// Columns a bank's bulk transfer file can hold, named in a layout.
pub const BANK_COLUMNS: &[&str] = &["account", "name", "amount", "note", "bank", "number", "email", "date"];

crate::record! {
    /// How one bank's bulk transfer upload wants its file.
    pub struct BankLayout in "bank_layouts" {
        /// The bank as employees' records name it ("BCA"); matched without regard to case.
        bank: String => Text, "blay.bank" .required().listed().aliases(&["bank", "nama bank"]),
        columns: String = "account,name,amount,note".into() => Text, "blay.columns" .required().listed().aliases(&["kolom", "columns", "format"]),
        /// The file starts with a row of column names.
        header: bool => Check, "blay.header" .listed().aliases(&["baris judul", "header"]),
        note: String => Text, "blay.note" .aliases(&["catatan", "keterangan"]),
    }
}

impl RecordRules for BankLayout {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if !self.columns.trim().is_empty() && columns(&self.columns).is_err() {
            errs.push(("columns", "err.bank_layout"));
        }
        errs
    }
    fn title(&self) -> String {
        self.bank.clone()
    }
}

impl BankLayout {
    /// This layout is the one for `bank` (an employee's bank as typed).
    pub fn is_for(&self, bank: &str) -> bool {
        self.meta.deleted_at.is_none() && same_bank(&self.bank, bank)
    }
}

/// Two spellings of one bank's name: "BCA", " bca ".
pub fn same_bank(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && crate::text::lower(a) == crate::text::lower(b)
}

/// A layout's separator (the first `,` `;` `|` or tab; a comma when there is none) and its
/// columns; `Err` names the first column no bank file has.
pub fn columns(layout: &str) -> Result<(char, Vec<&str>), String> {
    let layout = layout.trim();
    let sep = layout.chars().find(|c| matches!(c, ',' | ';' | '|' | '\t')).unwrap_or(',');
    let cols: Vec<&str> = layout.split(sep).map(str::trim).collect();
    match cols.iter().find(|c| !BANK_COLUMNS.contains(c)) {
        Some(bad) => Err(bad.to_string()),
        None => Ok((sep, cols)),
    }
}

/// The bank transfer file: one row per payslip with pay to transfer, columns as the layout
/// names them, separated as the layout is (`account;name;amount;note` makes a
/// semicolon file). Amounts are whole rupiah without separators, as banks read them.
pub fn bank_file(
    layout: &str,
    header: bool,
    slips: &[&Payslip],
    employees: &[Employee],
    note: &str,
    paid_on: NaiveDate,
) -> Result<String, String> {
    let (sep, cols) = columns(layout)?;
    let mut out = crate::domain::csv_write::CsvText::new(sep as u8);
    if header {
        out.row(cols.iter().copied());
    }
    for p in slips.iter().filter(|p| p.net.unwrap_or(0) > 0) {
        let e = employees.iter().find(|e| e.meta.id == p.employee_id);
        let get = |c: &str| -> String {
            match c {
                "account" => p.account.chars().filter(char::is_ascii_digit).collect(),
                "name" => e.map(|e| e.name.clone()).unwrap_or_default(),
                "amount" => p.net.unwrap_or(0).to_string(),
                "note" => note.to_string(),
                "bank" => p.bank.clone(),
                "number" => e.map(|e| e.number.clone()).unwrap_or_default(),
                "email" => e.map(|e| e.email.clone()).unwrap_or_default(),
                "date" => format!("{:02}/{:02}/{}", paid_on.day(), paid_on.month(), paid_on.year()),
                _ => String::new(),
            }
        };
        out.row(cols.iter().map(|c| get(c)));
    }
    // Bank upload screens read plain text: no byte-order mark.
    Ok(out.finish().trim_start_matches('\u{feff}').to_string())
}

/// The payslips with pay to transfer, split into one file each: (the bank's layout, or
/// `None` for the Settings' layout, and its payslips). Banks with a layout come first, in
/// the order of their names; a group is there only when someone is paid in it.
pub fn transfer_groups<'a>(slips: &'a [Payslip], layouts: &'a [BankLayout]) -> Vec<(Option<&'a BankLayout>, Vec<&'a Payslip>)> {
    let key = |l: &BankLayout| crate::text::lower(l.bank.trim());
    let mut live: Vec<&BankLayout> = layouts.iter().filter(|l| l.meta.deleted_at.is_none()).collect();
    crate::sort::sort_by(&mut live, |a, b| key(a).cmp(&key(b)));
    // Two layouts for one bank (the form refuses a second; an import or a restore may not):
    // the first by name, so nobody is in two files.
    live.dedup_by(|b, a| same_bank(&a.bank, &b.bank));
    let paid: Vec<&Payslip> = slips.iter().filter(|p| p.net.unwrap_or(0) > 0).collect();
    let mut out: Vec<(Option<&BankLayout>, Vec<&Payslip>)> = live
        .into_iter()
        .map(|l| (Some(l), paid.iter().copied().filter(|p| l.is_for(&p.bank)).collect::<Vec<_>>()))
        .filter(|(_, group)| !group.is_empty())
        .collect();
    let rest: Vec<&Payslip> = paid.into_iter().filter(|p| !out.iter().any(|(l, _)| l.is_some_and(|l| l.is_for(&p.bank)))).collect();
    if !rest.is_empty() {
        out.push((None, rest));
    }
    out
}
