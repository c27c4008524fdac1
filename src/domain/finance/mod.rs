//! Money: a chart of accounts, entries made by simple "money in", "money out" and
//! "transfer" forms (double entry underneath, every entry balancing), the ledger with
//! running balances, and the reports a small office reads: profit and loss, balance sheet,
//! cash flow and costs by month.
pub mod accounts;
pub mod budgets;
pub mod entries;
pub mod invoices;
pub mod ledger;
pub mod period;
pub mod reconcile;
pub mod recurring;
pub mod reports;
pub mod statement;

pub use accounts::{Account, AccountKind};
pub use entries::{Entry, Posting};

#[cfg(test)]
mod statement_tests;
#[cfg(test)]
mod tests;
