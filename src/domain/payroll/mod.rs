//! Payroll in rupiah: pay structures, rate sets with effective dates, monthly and THR runs
//! (BPJS, PPh 21 by TER and the December reconciliation, overtime, proration), posted
//! payslips, the bank transfer file and the summaries a clerk files.
pub mod bank;
pub mod month;
pub mod rates;
pub mod records;
pub mod run;
pub mod slip;
pub mod tax;

pub use bank::BankLayout;
pub use records::{PayAdjustment, PayRates, PayStructure, PayrollRun, Payslip};

#[cfg(test)]
mod examples_tests;
#[cfg(test)]
mod month_tests;
#[cfg(test)]
mod wage_rules_tests;
