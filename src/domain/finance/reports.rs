//! Reports read from the ledger: profit and loss, the balance sheet, cash flow, and costs
//! by month. Amounts are shown the way an accountant reads them: income, liabilities and
//! equity as positive credits, assets and expenses as positive debits.
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::accounts::{Account, AccountKind};
use super::ledger::{Ledger, OPENING_EQUITY};
use super::period::Period;

/// An account's line in a report: its id (or [`OPENING_EQUITY`]), code, name and amount.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub account_id: String,
    pub code: String,
    pub name: String,
    pub amount: i64,
}

/// Rows of the accounts of `kind`, by code, amounts in the kind's own sign; accounts with
/// nothing in the period left out.
fn rows(accounts: &[Account], totals: &HashMap<&str, i64>, kind: AccountKind) -> Vec<Row> {
    let sign = if kind.debit_normal() { 1 } else { -1 };
    let mut v: Vec<Row> = accounts
        .iter()
        .filter(|a| a.kind() == kind && (a.is_live() || totals.contains_key(a.meta.id.as_str())))
        .filter_map(|a| {
            let amount = totals.get(a.meta.id.as_str()).copied().unwrap_or(0) * sign;
            (amount != 0).then(|| Row { account_id: a.meta.id.clone(), code: a.code.clone(), name: a.name.clone(), amount })
        })
        .collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v
}

fn sum(rows: &[Row]) -> i64 {
    rows.iter().map(|r| r.amount).sum()
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ProfitAndLoss {
    pub income: Vec<Row>,
    pub expenses: Vec<Row>,
    pub total_income: i64,
    pub total_expenses: i64,
    /// Income less expenses: a loss when negative.
    pub profit: i64,
}

pub fn profit_and_loss(accounts: &[Account], ledger: &Ledger, from: NaiveDate, to: NaiveDate) -> ProfitAndLoss {
    let totals = ledger.totals_between(from, to);
    let income = rows(accounts, &totals, AccountKind::Income);
    let expenses = rows(accounts, &totals, AccountKind::Expense);
    let (total_income, total_expenses) = (sum(&income), sum(&expenses));
    ProfitAndLoss { income, expenses, total_income, total_expenses, profit: total_income - total_expenses }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct BalanceSheet {
    pub assets: Vec<Row>,
    pub liabilities: Vec<Row>,
    /// Equity accounts, opening balances not yet given an account, and earnings to date.
    pub equity: Vec<Row>,
    pub total_assets: i64,
    pub total_liabilities: i64,
    pub total_equity: i64,
    /// Income less expenses up to the date (no year-end closing entries are made).
    pub earnings: i64,
}

impl BalanceSheet {
    /// Assets equal liabilities and equity: always, unless an entry did not balance.
    pub fn balances(&self) -> bool {
        self.total_assets == self.total_liabilities + self.total_equity
    }
}

/// Every account's balance at the end of `at`.
pub fn balance_sheet(accounts: &[Account], ledger: &Ledger, at: NaiveDate) -> BalanceSheet {
    let totals = ledger.totals(|l| l.date <= at);
    let assets = rows(accounts, &totals, AccountKind::Asset);
    let liabilities = rows(accounts, &totals, AccountKind::Liability);
    let mut equity = rows(accounts, &totals, AccountKind::Equity);
    if let Some(v) = totals.get(OPENING_EQUITY).filter(|v| **v != 0) {
        equity.push(Row { account_id: OPENING_EQUITY.into(), code: String::new(), name: String::new(), amount: -v });
    }
    let earnings = sum(&rows(accounts, &totals, AccountKind::Income)) - sum(&rows(accounts, &totals, AccountKind::Expense));
    let total_equity = sum(&equity) + earnings;
    BalanceSheet { total_assets: sum(&assets), total_liabilities: sum(&liabilities), total_equity, assets, liabilities, equity, earnings }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CashFlow {
    /// Cash and bank at the start of the period.
    pub opening: i64,
    /// What brought money in, by the account on the other side.
    pub inflows: Vec<Row>,
    /// What took money out, positive amounts.
    pub outflows: Vec<Row>,
    pub closing: i64,
}

/// Money in and out of the cash and bank accounts over the period, by what it was for;
/// transfers between them cancel out.
pub fn cash_flow(accounts: &[Account], ledger: &Ledger, from: NaiveDate, to: NaiveDate) -> CashFlow {
    let money: std::collections::HashSet<&str> = accounts.iter().filter(|a| a.money).map(|a| a.meta.id.as_str()).collect();
    let opening = ledger.lines.iter().filter(|l| l.date < from && money.contains(&*l.account_id)).map(|l| l.amount).sum();
    // Per entry: the postings on the other side of money, turned round, are the flows.
    let mut by_entry: HashMap<&str, Vec<&super::ledger::Line>> = HashMap::new();
    for l in ledger.between(from, to) {
        by_entry.entry(&*l.entry_id).or_default().push(l);
    }
    let mut flow: HashMap<&str, i64> = HashMap::new();
    for lines in by_entry.values() {
        if !lines.iter().any(|l| money.contains(&*l.account_id)) {
            continue;
        }
        for l in lines.iter().filter(|l| !money.contains(&*l.account_id)) {
            *flow.entry(&*l.account_id).or_default() -= l.amount;
        }
    }
    let name = |id: &str| accounts.iter().find(|a| a.meta.id == id).map(|a| (a.code.clone(), a.name.clone())).unwrap_or_default();
    let row = |id: &str, amount: i64| {
        let (code, name) = name(id);
        Row { account_id: id.to_string(), code, name, amount }
    };
    let mut inflows: Vec<Row> = flow.iter().filter(|(_, v)| **v > 0).map(|(id, v)| row(id, *v)).collect();
    let mut outflows: Vec<Row> = flow.iter().filter(|(_, v)| **v < 0).map(|(id, v)| row(id, -v)).collect();
    inflows.sort_by(|a, b| a.code.cmp(&b.code));
    outflows.sort_by(|a, b| a.code.cmp(&b.code));
    let closing = opening + sum(&inflows) - sum(&outflows);
    CashFlow { opening, inflows, outflows, closing }
}

/// Each expense account's spending month by month over a year, and the months' totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CostsByMonth {
    pub rows: Vec<(Row, [i64; 12])>,
    pub totals: [i64; 12],
}

pub fn costs_by_month(accounts: &[Account], ledger: &Ledger, year: i32) -> CostsByMonth {
    let mut by: HashMap<&str, [i64; 12]> = HashMap::new();
    let expense: std::collections::HashSet<&str> =
        accounts.iter().filter(|a| a.kind() == AccountKind::Expense).map(|a| a.meta.id.as_str()).collect();
    for l in ledger.lines.iter().filter(|l| l.date.year() == year && expense.contains(&*l.account_id)) {
        by.entry(&*l.account_id).or_insert([0; 12])[l.date.month0() as usize] += l.amount;
    }
    let mut rows: Vec<(Row, [i64; 12])> = accounts
        .iter()
        .filter_map(|a| {
            let months = by.get(a.meta.id.as_str())?;
            let row = Row { account_id: a.meta.id.clone(), code: a.code.clone(), name: a.name.clone(), amount: months.iter().sum() };
            Some((row, *months))
        })
        .collect();
    rows.sort_by(|a, b| a.0.code.cmp(&b.0.code));
    let mut totals = [0; 12];
    for (_, m) in &rows {
        for (t, v) in totals.iter_mut().zip(m) {
            *t += v;
        }
    }
    CostsByMonth { rows, totals }
}

/// Profit and loss over a period and the period it is compared with.
pub fn compared(accounts: &[Account], ledger: &Ledger, p: Period, with: Period) -> (ProfitAndLoss, ProfitAndLoss) {
    (profit_and_loss(accounts, ledger, p.first(), p.last()), profit_and_loss(accounts, ledger, with.first(), with.last()))
}

/// PPN over a period: charged on sales (owed to the tax office), paid on purchases (set
/// off against it), and what is left to pay (a credit to carry when negative).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TaxSummary {
    pub charged: i64,
    pub paid: i64,
    pub payable: i64,
}

pub fn tax_summary(accounts: &[Account], ledger: &Ledger, from: NaiveDate, to: NaiveDate) -> TaxSummary {
    use super::accounts::{by_code, codes};
    let totals = ledger.totals_between(from, to);
    let on = |code: &str| by_code(accounts, code).and_then(|a| totals.get(a.meta.id.as_str()).copied()).unwrap_or(0);
    let (charged, paid) = (-on(codes::PPN_OUT), on(codes::PPN_IN));
    TaxSummary { charged, paid, payable: charged - paid }
}

/// Income and expenses per contact over a period, from the entries that name one: (contact
/// id, income, expenses), the largest total first.
pub fn by_contact(
    accounts: &[Account],
    entries: &[super::entries::Entry],
    ledger: &Ledger,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(String, i64, i64)> {
    let kind: HashMap<&str, AccountKind> = accounts.iter().map(|a| (a.meta.id.as_str(), a.kind())).collect();
    let contact: HashMap<&str, &str> =
        entries.iter().filter(|e| !e.contact_id.is_empty()).map(|e| (e.meta.id.as_str(), e.contact_id.as_str())).collect();
    let mut by: HashMap<&str, (i64, i64)> = HashMap::new();
    for l in ledger.between(from, to) {
        let Some(c) = contact.get(&*l.entry_id) else { continue };
        match kind.get(&*l.account_id) {
            Some(AccountKind::Income) => by.entry(c).or_default().0 -= l.amount,
            Some(AccountKind::Expense) => by.entry(c).or_default().1 += l.amount,
            _ => {}
        }
    }
    let mut v: Vec<(String, i64, i64)> =
        by.into_iter().filter(|(_, (i, e))| *i != 0 || *e != 0).map(|(c, (i, e))| (c.to_string(), i, e)).collect();
    v.sort_by(|a, b| (b.1 + b.2).cmp(&(a.1 + a.2)).then(a.0.cmp(&b.0)));
    v
}
