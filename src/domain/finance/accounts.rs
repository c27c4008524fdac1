//! The chart of accounts: what the office owns (assets), owes (liabilities), put in
//! (equity), earns (income) and spends (expenses). Cash and bank accounts are marked as
//! money accounts: the money forms move money in and out of them.
use super::super::format::Lang;
use crate::domain::record::{validate_by_schema, FieldError, RecordRules};

crate::choice! {
    /// The five kinds of account, in the order of the reports.
    pub enum AccountKind {
        Asset = "asset" => "acc.kind.asset",
        Liability = "liability" => "acc.kind.liability",
        Equity = "equity" => "acc.kind.equity",
        Income = "income" => "acc.kind.income",
        Expense = "expense" => "acc.kind.expense",
    }
}

crate::record! {
    /// An account of the chart. `opening` is its balance on `opening_on` (a debit balance
    /// for assets and expenses, a credit balance for the others), set against equity.
    pub struct Account in "accounts" {
        code: String => Text, "acc.code" .required().listed().aliases(&["kode", "code", "no"]),
        name: String => Text, "acc.name" .required().listed().aliases(&["nama", "akun", "account"]),
        kind: AccountKind = AccountKind::Expense => Select(AccountKind::OPTIONS), "acc.kind" .required().listed().aliases(&["jenis", "type", "tipe"]),
        /// Cash or a bank account: money in, money out and transfers go through it.
        money: bool => Check, "acc.money" .listed().aliases(&["kas/bank"]),
        bank: String => Text, "acc.bank" .aliases(&["bank"]),
        number: String => Text, "acc.number" .aliases(&["nomor rekening", "rekening"]),
        opening: Option<i64> => Money, "acc.opening" .aliases(&["saldo awal"]),
        opening_on: Option<chrono::NaiveDate> => Date, "acc.opening_on" .aliases(&["tanggal saldo awal"]),
        note: String => Text, "acc.note" .aliases(&["catatan"]),
        /// Statement lines up to this date are matched and checked: the account's entries on
        /// or before it are locked.
        reconciled_to: Option<chrono::NaiveDate> => Date, "acc.reconciled_to",
        /// How this bank's statement files are read, when the app does not know the bank
        /// (`statement::Mapping` as text).
        statement_map: String => Text, "acc.statement_map",
    }
}

const RULES: crate::domain::record::FormRules = crate::domain::record::FormRules {
    shown_when: &[("bank", "money", &[]), ("number", "money", &[])],
    span: None,
    hidden: &["reconciled_to", "statement_map"],
};

impl AccountKind {
    /// Assets and expenses grow by debits; the others by credits.
    pub fn debit_normal(self) -> bool {
        matches!(self, AccountKind::Asset | AccountKind::Expense)
    }
}

impl Account {
    pub fn kind(&self) -> AccountKind {
        self.kind
    }

    pub fn is_live(&self) -> bool {
        self.meta.deleted_at.is_none()
    }

    /// The opening balance as a debit (positive) or credit (negative) amount.
    pub fn opening_debit(&self) -> i64 {
        let v = self.opening.unwrap_or(0);
        if self.kind().debit_normal() {
            v
        } else {
            -v
        }
    }

    pub fn label(&self) -> String {
        format!("{} — {}", self.code, self.name)
    }
}

impl RecordRules for Account {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.money && self.kind() != AccountKind::Asset {
            errs.push(("money", "err.money_account_asset"));
        }
        if self.opening.is_some_and(|v| v != 0) && self.opening_on.is_none() {
            errs.push(("opening_on", "err.required"));
        }
        errs
    }
    fn title(&self) -> String {
        self.label()
    }
    fn form_rules() -> &'static crate::domain::record::FormRules {
        &RULES
    }
    fn internal() -> &'static [&'static str] {
        &["statement_map"]
    }
}

/// Codes the app looks for when it makes entries by itself: PPN paid on purchases (an
/// asset until set off), PPN charged on sales (owed), and payroll's accounts.
pub mod codes {
    pub const PPN_IN: &str = "1401";
    pub const PPN_OUT: &str = "2201";
    pub const SALARY: &str = "6101";
    pub const BPJS_EXPENSE: &str = "6102";
    pub const NET_PAY: &str = "2301";
    pub const TAX_PAYABLE: &str = "2202";
    pub const BPJS_PAYABLE: &str = "2203";
    pub const OTHER_PAYABLE: &str = "2204";
    pub const OPENING_EQUITY: &str = "3900";
    pub const DEPRECIATION: &str = "6601";
    pub const ACCUMULATED_DEPRECIATION: &str = "1502";
    pub const FIXED_ASSETS: &str = "1501";
}

/// The chart shipped for a small Indonesian business (numbering in the usual 1–6 groups),
/// named in the language of the person who sets it up. The office edits it freely; the
/// codes in [`codes`] are the ones the app's own entries look for.
pub fn standard_chart(lang: Lang) -> Vec<Account> {
    const CHART: &[(&str, AccountKind, &str, &str, bool)] = &[
        ("1101", AccountKind::Asset, "Kas", "Cash", true),
        ("1102", AccountKind::Asset, "Kas kecil", "Petty cash", true),
        ("1111", AccountKind::Asset, "Bank", "Bank", true),
        ("1201", AccountKind::Asset, "Piutang usaha", "Accounts receivable", false),
        ("1301", AccountKind::Asset, "Persediaan", "Inventory", false),
        ("1401", AccountKind::Asset, "PPN masukan", "VAT paid (PPN masukan)", false),
        ("1402", AccountKind::Asset, "Uang muka dan biaya dibayar di muka", "Prepayments", false),
        ("1501", AccountKind::Asset, "Aset tetap", "Fixed assets", false),
        ("1502", AccountKind::Asset, "Akumulasi penyusutan", "Accumulated depreciation", false),
        ("2101", AccountKind::Liability, "Utang usaha", "Accounts payable", false),
        ("2201", AccountKind::Liability, "PPN keluaran", "VAT charged (PPN keluaran)", false),
        ("2202", AccountKind::Liability, "Utang PPh 21", "PPh 21 payable", false),
        ("2203", AccountKind::Liability, "Utang BPJS", "BPJS payable", false),
        ("2204", AccountKind::Liability, "Utang potongan karyawan lain", "Other employee deductions payable", false),
        ("2301", AccountKind::Liability, "Utang gaji", "Wages payable", false),
        ("2401", AccountKind::Liability, "Utang bank / pinjaman", "Loans", false),
        ("3101", AccountKind::Equity, "Modal", "Owner's capital", false),
        ("3201", AccountKind::Equity, "Prive / penarikan pemilik", "Owner's drawings", false),
        ("3301", AccountKind::Equity, "Laba ditahan", "Retained earnings", false),
        ("3900", AccountKind::Equity, "Ekuitas saldo awal", "Opening balance equity", false),
        ("4101", AccountKind::Income, "Pendapatan usaha", "Sales and services", false),
        ("4201", AccountKind::Income, "Pendapatan lain-lain", "Other income", false),
        ("4202", AccountKind::Income, "Pendapatan bunga bank", "Bank interest", false),
        ("5101", AccountKind::Expense, "Harga pokok penjualan", "Cost of goods sold", false),
        ("6101", AccountKind::Expense, "Gaji dan tunjangan", "Salaries and allowances", false),
        ("6102", AccountKind::Expense, "BPJS ditanggung perusahaan", "Employer BPJS", false),
        ("6201", AccountKind::Expense, "Sewa", "Rent", false),
        ("6202", AccountKind::Expense, "Listrik, air dan internet", "Electricity, water and internet", false),
        ("6203", AccountKind::Expense, "Telepon dan pulsa", "Telephone", false),
        ("6301", AccountKind::Expense, "ATK dan perlengkapan kantor", "Office supplies", false),
        ("6401", AccountKind::Expense, "Transportasi dan perjalanan", "Travel and transport", false),
        ("6501", AccountKind::Expense, "Pemeliharaan dan perbaikan", "Repairs and maintenance", false),
        ("6601", AccountKind::Expense, "Penyusutan", "Depreciation", false),
        ("6701", AccountKind::Expense, "Biaya administrasi bank", "Bank charges", false),
        ("6801", AccountKind::Expense, "Pajak dan perizinan", "Taxes and licences", false),
        ("6901", AccountKind::Expense, "Konsumsi dan jamuan", "Meals and entertainment", false),
        ("6999", AccountKind::Expense, "Biaya lain-lain", "Other expenses", false),
    ];
    CHART
        .iter()
        .map(|&(code, kind, id, en, money)| Account {
            code: code.into(),
            name: (if lang == Lang::Id { id } else { en }).into(),
            kind,
            money,
            ..Account::default()
        })
        .collect()
}

/// The live account with `code`.
pub fn by_code<'a>(accounts: &'a [Account], code: &str) -> Option<&'a Account> {
    accounts.iter().find(|a| a.is_live() && a.code == code)
}

/// Another live account already has this code.
pub fn code_taken(accounts: &[Account], a: &Account) -> bool {
    accounts.iter().any(|o| o.is_live() && o.meta.id != a.meta.id && o.code.trim() == a.code.trim())
}
