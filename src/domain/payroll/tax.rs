//! PPh 21 for permanent employees: the monthly TER rate (PP 58/2023) from January to
//! November, and in December or the month an employee leaves the year's tax by the Pasal 17
//! brackets less what was withheld, which may be a refund.
use super::rates::{Rates, Table};

/// TER category by PTKP status: A = TK/0, TK/1, K/0; B = TK/2, TK/3, K/1, K/2; C = K/3.
pub fn ter_category(ptkp: &str) -> Option<char> {
    Some(match ptkp {
        "TK/0" | "TK/1" | "K/0" => 'A',
        "TK/2" | "TK/3" | "K/1" | "K/2" => 'B',
        "K/3" => 'C',
        _ => return None,
    })
}

pub fn ter_table(rates: &Rates, category: char) -> &Table {
    match category {
        'A' => &rates.ter_a,
        'B' => &rates.ter_b,
        _ => &rates.ter_c,
    }
}

/// `amount × bp / 10,000`, rounded down (tax is never rounded up against the employee).
pub fn share(amount: i64, bp: u32) -> i64 {
    (amount as i128 * bp as i128).div_euclid(10_000) as i64
}

/// `amount × bp / 10,000` rounded to the nearest rupiah (BPJS contributions).
pub fn share_rounded(amount: i64, bp: u32) -> i64 {
    ((amount as i128 * bp as i128 + 5_000).div_euclid(10_000)) as i64
}

/// The year's non-taxable income for a PTKP status (`K/2`: self, married, two dependants).
pub fn ptkp_amount(rates: &Rates, status: &str) -> Option<i64> {
    let (married, deps) = status.split_once('/')?;
    let deps: i64 = deps.parse().ok().filter(|d| (0..=3).contains(d))?;
    let married = match married {
        "K" => 1,
        "TK" => 0,
        _ => return None,
    };
    Some(rates.ptkp_self + married * rates.ptkp_married + deps * rates.ptkp_dependant)
}

/// The year's figures behind a December (or leaving month) reconciliation, as the annual
/// withholding slip (1721-A1) shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annual {
    pub gross: i64,
    pub position_cost: i64,
    /// The employee's own JHT and JP contributions, deducted from gross.
    pub contributions: i64,
    /// Zakat or religious donations paid through the employer (PMK 168/2023).
    pub zakat: i64,
    pub net: i64,
    pub ptkp: i64,
    /// Taxable income, rounded down to the thousand.
    pub pkp: i64,
    pub tax: i64,
}

/// The year's tax on `gross` (everything taxable paid in the year, employer premiums
/// included) for `months` months worked in the year.
pub fn annual(rates: &Rates, gross: i64, contributions: i64, zakat: i64, months: i64, ptkp: i64) -> Annual {
    let cap = (rates.position_cost_month * months.clamp(1, 12)).min(rates.position_cost_year);
    let position_cost = share(gross.max(0), rates.position_cost).min(cap);
    let net = gross - position_cost - contributions - zakat;
    let pkp = (net - ptkp).max(0) / 1000 * 1000;
    Annual { gross, position_cost, contributions, zakat, net, ptkp, pkp, tax: rates.brackets.progressive(pkp) }
}

/// The surcharge for an employee without a tax ID, when the rate set applies one.
pub fn with_surcharge(rates: &Rates, tax: i64, has_tax_id: bool) -> i64 {
    if has_tax_id || tax <= 0 {
        tax
    } else {
        tax + share(tax, rates.no_tax_id_surcharge)
    }
}
