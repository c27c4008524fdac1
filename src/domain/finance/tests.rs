//! Double entry underneath: every entry balances, the reports tie out (profit equals the
//! change in equity, the balance sheet balances, cash flow ends at the money accounts'
//! balance), a transfer is never income or expense, a reversal undoes its entry.
use chrono::NaiveDate;

use super::accounts::{by_code, code_taken, standard_chart, Account};
use super::entries::{Entry, Posting, PostingProblem};
use super::ledger::Ledger;
use super::period::Period;
use super::reports::{balance_sheet, cash_flow, costs_by_month, profit_and_loss};
use crate::domain::finance::accounts::AccountKind;
use crate::domain::finance::entries::EntryKind;
use crate::domain::finance::invoices::InvoiceKind;
use crate::domain::finance::invoices::InvoiceStatus;
use crate::domain::finance::recurring::Every;
use crate::domain::finance::recurring::RecurringKind;
use crate::domain::format::Lang;
use crate::domain::record::RecordRules;

fn d(s: &str) -> NaiveDate {
    crate::domain::record::parse_date(s).unwrap()
}

fn chart() -> Vec<Account> {
    standard_chart(Lang::Id)
}

fn id(accounts: &[Account], code: &str) -> String {
    by_code(accounts, code).unwrap().meta.id.clone()
}

fn entry(kind: &str, date: &str, account: &str, other: &str, amount: i64, tax: i64) -> Entry {
    let mut e = Entry {
        kind: EntryKind::from_code(kind).unwrap(),
        date: crate::domain::dates::parse_date(date),
        account_id: account.into(),
        amount: Some(amount),
        ..Entry::default()
    };
    if kind == "transfer" {
        e.to_account_id = other.into();
    } else {
        e.category_id = other.into();
    }
    if tax != 0 {
        e.tax = Some(tax);
    }
    e
}

/// A small office's month: capital paid in, a sale with PPN, rent and supplies with PPN,
/// cash drawn from the bank, and a payroll accrual journal.
fn month(a: &[Account]) -> Vec<Entry> {
    let (bank, cash) = (id(a, "1111"), id(a, "1101"));
    let mut v = vec![
        entry("in", "2026-11-01", &bank, &id(a, "3101"), 50_000_000, 0),
        entry("in", "2026-11-05", &bank, &id(a, "4101"), 11_100_000, 1_100_000),
        entry("out", "2026-11-06", &bank, &id(a, "6201"), 4_000_000, 0),
        entry("out", "2026-11-07", &cash, &id(a, "6301"), 555_000, 55_000),
        entry("transfer", "2026-11-03", &bank, &cash, 2_000_000, 0),
    ];
    v.push(Entry {
        kind: EntryKind::Journal,
        date: crate::domain::dates::parse_date("2026-11-25"),
        lines: vec![
            Posting { account_id: id(a, "6101"), amount: 9_000_000, memo: String::new() },
            Posting { account_id: id(a, "2301"), amount: -8_500_000, memo: String::new() },
            Posting { account_id: id(a, "2202"), amount: -500_000, memo: String::new() },
        ],
        ..Entry::default()
    });
    v
}

#[test]
fn the_standard_chart_has_unique_codes_and_every_code_the_app_posts_to() {
    let a = chart();
    for acc in &a {
        assert!(!code_taken(&a, acc), "{} twice", acc.code);
        assert!(acc.validate().is_empty(), "{}: {:?}", acc.code, acc.validate());
    }
    use super::accounts::codes::*;
    for c in [
        PPN_IN,
        PPN_OUT,
        SALARY,
        BPJS_EXPENSE,
        NET_PAY,
        TAX_PAYABLE,
        BPJS_PAYABLE,
        OTHER_PAYABLE,
        OPENING_EQUITY,
        FIXED_ASSETS,
        DEPRECIATION,
        ACCUMULATED_DEPRECIATION,
    ] {
        assert!(by_code(&a, c).is_some(), "{c}");
    }
    assert_eq!(standard_chart(Lang::En)[0].name, "Cash");
    assert_eq!(a.iter().filter(|x| x.money).count(), 3);
}

#[test]
fn money_in_and_out_with_ppn_post_to_the_tax_accounts_and_balance() {
    let a = chart();
    let sale = entry("in", "2026-11-05", &id(&a, "1111"), &id(&a, "4101"), 11_100_000, 1_100_000);
    let p = sale.postings(&a).unwrap();
    assert_eq!(p.iter().map(|p| p.amount).sum::<i64>(), 0);
    assert!(p.contains(&Posting { account_id: id(&a, "4101"), amount: -10_000_000, memo: String::new() }));
    assert!(p.contains(&Posting { account_id: id(&a, "2201"), amount: -1_100_000, memo: String::new() }));
    let buy = entry("out", "2026-11-07", &id(&a, "1101"), &id(&a, "6301"), 555_000, 55_000);
    let p = buy.postings(&a).unwrap();
    assert!(p.contains(&Posting { account_id: id(&a, "1401"), amount: 55_000, memo: String::new() }));
    assert!(p.contains(&Posting { account_id: id(&a, "1101"), amount: -555_000, memo: String::new() }));
}

#[test]
fn a_transfer_between_own_accounts_is_never_income_or_expense() {
    let a = chart();
    let t = entry("transfer", "2026-11-03", &id(&a, "1111"), &id(&a, "1101"), 2_000_000, 0);
    let l = Ledger::new(&a, &[t]);
    let pl = profit_and_loss(&a, &l, d("2026-01-01"), d("2026-12-31"));
    assert_eq!((pl.total_income, pl.total_expenses), (0, 0));
    let cf = cash_flow(&a, &l, d("2026-11-01"), d("2026-11-30"));
    assert!(cf.inflows.is_empty() && cf.outflows.is_empty());
    assert_eq!(l.balance_at(&id(&a, "1101"), d("2026-11-30")), 2_000_000);
}

#[test]
fn the_reports_tie_out_over_a_month() {
    let a = chart();
    let l = Ledger::new(&a, &month(&a));
    assert!(l.problems.is_empty());
    let pl = profit_and_loss(&a, &l, d("2026-11-01"), d("2026-11-30"));
    // 10,000,000 sales; 4,000,000 rent + 500,000 supplies + 9,000,000 salaries.
    assert_eq!(pl.total_income, 10_000_000);
    assert_eq!(pl.total_expenses, 13_500_000);
    assert_eq!(pl.profit, -3_500_000);
    let before = balance_sheet(&a, &l, d("2026-10-31"));
    let after = balance_sheet(&a, &l, d("2026-11-30"));
    assert!(after.balances(), "{after:?}");
    // Profit is the change in equity apart from what the owner put in.
    assert_eq!(after.total_equity - before.total_equity - 50_000_000, pl.profit);
    assert_eq!(after.earnings, pl.profit);
    // Bank: 50,000,000 + 11,100,000 − 4,000,000 − 2,000,000; cash 2,000,000 − 555,000.
    let cf = cash_flow(&a, &l, d("2026-11-01"), d("2026-11-30"));
    assert_eq!(cf.opening, 0);
    assert_eq!(cf.closing, 55_100_000 + 1_445_000);
    let money: i64 = a.iter().filter(|x| x.money).map(|x| l.balance_at(&x.meta.id, d("2026-11-30"))).sum();
    assert_eq!(cf.closing, money);
    // The payroll accrual moved no money: it is not in the cash flow.
    assert!(cf.outflows.iter().all(|r| r.code != "6101"));
    let costs = costs_by_month(&a, &l, 2026);
    assert_eq!(costs.totals[10], 13_500_000);
    assert_eq!(costs.totals.iter().sum::<i64>(), 13_500_000);
}

#[test]
fn opening_balances_are_set_against_equity_and_the_register_runs_from_them() {
    let mut a = chart();
    let bank = id(&a, "1111");
    for acc in a.iter_mut() {
        if acc.code == "1111" {
            acc.opening = Some(25_000_000);
            acc.opening_on = crate::domain::dates::parse_date("2026-01-01");
        }
        if acc.code == "2401" {
            acc.opening = Some(10_000_000);
            acc.opening_on = crate::domain::dates::parse_date("2026-01-01");
        }
    }
    let l = Ledger::new(&a, &[entry("out", "2026-02-01", &bank, &id(&a, "6201"), 3_000_000, 0)]);
    let bs = balance_sheet(&a, &l, d("2026-12-31"));
    assert!(bs.balances());
    assert_eq!(bs.total_assets, 22_000_000);
    assert_eq!(bs.total_liabilities, 10_000_000);
    assert_eq!(bs.equity.iter().find(|r| r.code == "3900").map(|r| r.amount), Some(15_000_000));
    let reg = l.register(&bank);
    assert_eq!(reg.iter().map(|(_, b)| *b).collect::<Vec<_>>(), vec![25_000_000, 22_000_000]);
    // Without an opening-balance equity account the difference still shows, on its own line.
    let without: Vec<Account> = a.iter().filter(|x| x.code != "3900").cloned().collect();
    let l = Ledger::new(&without, &[]);
    let bs = balance_sheet(&without, &l, d("2026-12-31"));
    assert!(bs.balances());
    assert!(bs.equity.iter().any(|r| r.account_id == super::ledger::OPENING_EQUITY && r.amount == 15_000_000));
}

#[test]
fn a_reversal_undoes_its_entry() {
    let a = chart();
    let e = entry("out", "2026-11-07", &id(&a, "1101"), &id(&a, "6301"), 555_000, 55_000);
    let r = e.reversal(&a, d("2026-12-02"), "reversal".into()).unwrap();
    assert!(r.validate().is_empty(), "{:?}", r.validate());
    assert_eq!(r.reverses, e.meta.id);
    let l = Ledger::new(&a, &[e, r]);
    assert!(l.totals(|_| true).values().all(|v| *v == 0));
}

#[test]
fn entries_that_cannot_post_are_named_not_posted() {
    let mut a = chart();
    let e = entry("in", "2026-11-05", &id(&a, "1111"), &id(&a, "4101"), 111, 11);
    a.retain(|x| x.code != "2201");
    assert_eq!(e.postings(&a), Err(PostingProblem::NoTaxAccount("2201")));
    let not_money = entry("in", "2026-11-05", &id(&a, "4101"), &id(&a, "4101"), 100, 0);
    assert_eq!(not_money.postings(&a), Err(PostingProblem::NotMoney("account_id")));
    let l = Ledger::new(&a, &[e]);
    assert_eq!(l.problems.len(), 1);
    assert!(l.lines.is_empty());
}

#[test]
fn the_form_refuses_what_would_not_make_sense() {
    let a = chart();
    let keys = |e: &Entry| e.validate().into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    let mut e = entry("out", "2026-11-07", &id(&a, "1101"), "", 0, 0);
    assert!(keys(&e).contains(&"category_id"));
    assert!(keys(&e).contains(&"amount"));
    e.amount = Some(100);
    e.tax = Some(200);
    assert!(keys(&e).contains(&"tax"));
    let t = entry("transfer", "2026-11-07", &id(&a, "1101"), &id(&a, "1101"), 100, 0);
    assert_eq!(keys(&t), vec!["to_account_id"]);
    let j = Entry { kind: EntryKind::Journal, date: crate::domain::dates::parse_date("2026-11-07"), ..Entry::default() };
    assert_eq!(keys(&j), vec!["kind"]);
    let mut bank = a[0].clone();
    bank.kind = AccountKind::Expense;
    assert_eq!(bank.validate().into_iter().map(|(k, _)| k).collect::<Vec<_>>(), vec!["money"]);
}

#[test]
fn periods_read_from_the_address_and_step_back() {
    assert_eq!(Period::parse("2026"), Some(Period::Year(2026)));
    assert_eq!(Period::parse("2026-11"), Some(Period::Month(2026, 11)));
    assert_eq!(Period::parse("2026-q4"), Some(Period::Quarter(2026, 4)));
    for bad in ["", "26", "2026-13", "2026-1", "2026-Q5", "0226", "2026-Q12", "abc", "2026-+1", "2026-Q+"] {
        assert_eq!(Period::parse(bad), None, "{bad}");
    }
    let q1 = Period::Quarter(2026, 1);
    assert_eq!(q1.previous(), Period::Quarter(2025, 4));
    assert_eq!((q1.first(), q1.last()), (d("2026-01-01"), d("2026-03-31")));
    assert_eq!(Period::Month(2024, 2).last(), d("2024-02-29"));
    assert_eq!(Period::Month(2026, 1).previous(), Period::Month(2025, 12));
    assert_eq!(Period::Month(2026, 3).year_before(), Period::Month(2025, 3));
    for p in [Period::Year(2026), q1, Period::Month(2026, 12)] {
        assert_eq!(Period::parse(&p.text()), Some(p));
        assert_eq!(p.next().previous(), p);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, max_shrink_iters: 200, ..ProptestConfig::default() })]

        /// Whatever a clerk types, each entry that posts balances, and the balance sheet balances
        /// at any date with profit equal to the change in earnings.
        #[test]
        fn every_entry_balances_and_the_books_tie_out(
            typed in proptest::collection::vec((0usize..4, 0usize..37, 0usize..37, 1i64..1_000_000_000, 0i64..100, 1u32..28, 1u32..13), 0..40),
            cut in 1u32..13,
        ) {
            let a = chart();
            let entries: Vec<Entry> = typed.iter().map(|&(k, x, y, amount, taxp, day, m)| {
                let kind = ["in", "out", "transfer", "in"][k];
                entry(kind, &format!("2026-{m:02}-{day:02}"), &a[x].meta.id, &a[y].meta.id, amount, amount * taxp / 1000)
            }).collect();
            for e in &entries {
                if let Ok(p) = e.postings(&a) {
                    prop_assert_eq!(p.iter().map(|p| p.amount).sum::<i64>(), 0);
                }
            }
            let l = Ledger::new(&a, &entries);
            let at = Period::Month(2026, cut).last();
            let bs = balance_sheet(&a, &l, at);
            prop_assert!(bs.balances());
            let pl = profit_and_loss(&a, &l, d("2026-01-01"), at);
            prop_assert_eq!(bs.earnings, pl.profit);
            let cf = cash_flow(&a, &l, d("2026-01-01"), at);
            let money: i64 = a.iter().filter(|x| x.money).map(|x| l.balance_at(&x.meta.id, at)).sum();
            prop_assert_eq!(cf.closing, money);
        }
    }
}

#[test]
fn a_posted_payroll_run_becomes_a_balanced_journal_on_the_chart() {
    let a = chart();
    let journal = [
        ("journal.salary_expense", 10_000_000),
        ("journal.bpjs_expense", 1_000_000),
        ("journal.net_payable", -9_200_000),
        ("journal.kesehatan_payable", -500_000),
        ("journal.ketenagakerjaan_payable", -900_000),
        ("journal.tax_payable", -400_000),
        ("journal.other_payable", 0),
    ];
    let e = super::entries::from_payroll(&a, "run1", d("2026-11-25"), "Gaji November".into(), &journal).unwrap();
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    assert_eq!(e.source, "payroll_runs/run1");
    // Both BPJS bodies are owed on one account.
    assert_eq!(e.lines.len(), 5);
    assert!(e.lines.contains(&Posting { account_id: id(&a, "2203"), amount: -1_400_000, memo: String::new() }));
    let l = Ledger::new(&a, &[e]);
    assert_eq!(profit_and_loss(&a, &l, d("2026-11-01"), d("2026-11-30")).total_expenses, 11_000_000);
    let without: Vec<Account> = a.into_iter().filter(|x| x.code != "2202").collect();
    assert_eq!(super::entries::from_payroll(&without, "run1", d("2026-11-25"), String::new(), &journal).unwrap_err(), "2202");
}

#[test]
fn statement_lines_match_entries_of_the_same_amount_nearby_and_become_entries() {
    use super::reconcile::{entry_for, statement_balance, suggestions, BankLine};
    let mut a = chart();
    let bank = id(&a, "1111");
    let rent = entry("out", "2026-11-06", &bank, &id(&a, "6201"), 4_000_000, 0);
    let far = entry("out", "2026-11-20", &bank, &id(&a, "6201"), 4_000_000, 0);
    let other = entry("out", "2026-11-06", &id(&a, "1101"), &id(&a, "6201"), 4_000_000, 0);
    let entries = vec![far.clone(), other, rent.clone()];
    let line = BankLine {
        account_id: bank.clone(),
        date: crate::domain::dates::parse_date("2026-11-07"),
        amount: Some(-4_000_000),
        balance: Some(57_100_000),
        ..BankLine::default()
    };
    let got: Vec<&str> = suggestions(&line, std::slice::from_ref(&line), &entries, &a).iter().map(|e| e.meta.id.as_str()).collect();
    assert_eq!(got, vec![rent.meta.id.as_str()]);
    // Once another line took it, it is not offered again.
    let taken = BankLine { entry_id: rent.meta.id.clone(), account_id: bank.clone(), ..BankLine::default() };
    assert!(suggestions(&line, &[line.clone(), taken], &entries, &a).is_empty());
    let fee = BankLine {
        account_id: bank.clone(),
        date: crate::domain::dates::parse_date("2026-11-30"),
        amount: Some(-12_500),
        description: "BIAYA ADM".into(),
        ..BankLine::default()
    };
    let e = entry_for(&fee, &id(&a, "6701"));
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    assert_eq!(super::reconcile::effect_on(&e, &a, &bank), -12_500);
    assert_eq!(statement_balance(&[line.clone(), fee], &bank, d("2026-11-30")), Some((d("2026-11-07"), 57_100_000)));
    // Reconciled up to the 10th: the rent is locked, the entry of the 20th is not.
    a.iter_mut().find(|x| x.code == "1111").unwrap().reconciled_to = crate::domain::dates::parse_date("2026-11-10");
    assert!(rent.reconciled(&a));
    assert!(!far.reconciled(&a));
}

fn invoice(a: &[Account], kind: &str, lines: &[(&str, i64, i64)], discount: i64, tax: &str) -> super::invoices::Invoice {
    use super::invoices::{Invoice, InvoiceLine};
    Invoice {
        kind: InvoiceKind::from_code(kind).unwrap(),
        number: "INV-2026-001".into(),
        contact_id: "c1".into(),
        date: crate::domain::dates::parse_date("2026-11-02"),
        due: crate::domain::dates::parse_date("2026-11-30"),
        tax: tax.into(),
        discount: (discount != 0).then_some(discount),
        status: InvoiceStatus::Sent,
        lines: lines
            .iter()
            .map(|(code, qty, price)| InvoiceLine {
                id: code.to_string(),
                description: String::new(),
                qty: *qty,
                price: *price,
                account_id: id(a, code),
            })
            .collect(),
        ..Invoice::default()
    }
}

#[test]
fn an_invoice_is_owed_against_income_and_ppn_and_paid_in_parts() {
    use super::invoices::State;
    let a = chart();
    let inv = invoice(&a, "sale", &[("4101", 10, 1_000_000), ("4201", 1, 500_000)], 500_000, "11");
    let t = inv.totals();
    assert_eq!((t.subtotal, t.discount, t.tax, t.total), (10_500_000, 500_000, 1_100_000, 11_100_000));
    let j = inv.journal(&a).unwrap();
    assert!(j.validate().is_empty(), "{:?}", j.validate());
    assert!(j.lines.contains(&Posting { account_id: id(&a, "1201"), amount: 11_100_000, memo: String::new() }));
    assert!(j.lines.contains(&Posting { account_id: id(&a, "4101"), amount: -9_500_000, memo: String::new() }));
    let part = inv.payment(&a, &id(&a, "1111"), d("2026-11-10"), 6_000_000).unwrap();
    assert_eq!(inv.state(inv.paid(std::slice::from_ref(&part)), d("2026-11-15")), State::PartlyPaid);
    assert_eq!(inv.state(6_000_000, d("2026-12-01")), State::Overdue);
    let rest = inv.payment(&a, &id(&a, "1111"), d("2026-11-20"), 5_100_000).unwrap();
    let entries = vec![j, part, rest];
    assert_eq!(inv.state(inv.paid(&entries), d("2026-12-01")), State::Paid);
    // Once paid, nothing is owed; income is the lines less the discount.
    let l = Ledger::new(&a, &entries);
    assert_eq!(l.balance_at(&id(&a, "1201"), d("2026-11-30")), 0);
    assert_eq!(profit_and_loss(&a, &l, d("2026-11-01"), d("2026-11-30")).total_income, 10_000_000);
    assert!(balance_sheet(&a, &l, d("2026-11-30")).balances());
}

#[test]
fn a_bill_is_owed_to_the_supplier_against_expenses_and_ppn_masukan() {
    let a = chart();
    let bill = invoice(&a, "bill", &[("6301", 3, 150_000), ("1301", 1, 1_000_000)], 0, "11");
    let j = bill.journal(&a).unwrap();
    assert_eq!(j.lines.iter().map(|p| p.amount).sum::<i64>(), 0);
    assert!(j.lines.contains(&Posting { account_id: id(&a, "2101"), amount: -1_609_500, memo: String::new() }));
    assert!(j.lines.contains(&Posting { account_id: id(&a, "1401"), amount: 159_500, memo: String::new() }));
    let pay = bill.payment(&a, &id(&a, "1111"), d("2026-11-05"), 1_609_500).unwrap();
    assert_eq!(pay.kind, EntryKind::Out);
    let l = Ledger::new(&a, &[j, pay]);
    assert_eq!(l.balance_at(&id(&a, "2101"), d("2026-11-30")), 0);
    // A line without a live account cannot be recorded.
    let mut broken = bill.clone();
    broken.lines[0].account_id = "gone".into();
    assert_eq!(broken.journal(&a).unwrap_err(), "line");
}

#[test]
fn aging_puts_what_is_still_owed_in_buckets_by_days_past_due() {
    use super::invoices::{aging, next_number};
    let a = chart();
    let mut invs = vec![];
    for (n, (contact, due, price)) in
        [("c1", "2026-11-30", 100), ("c1", "2026-10-15", 200), ("c2", "2026-08-01", 300), ("c2", "2026-12-31", 400)].iter().enumerate()
    {
        let mut i = invoice(&a, "sale", &[("4101", 1, *price)], 0, "");
        i.contact_id = contact.to_string();
        i.due = crate::domain::dates::parse_date(due);
        i.date = crate::domain::dates::parse_date("2026-07-01");
        i.number = format!("INV-2026-{:03}", n + 1);
        invs.push(i);
    }
    let paid_part = invs[1].payment(&a, &id(&a, "1111"), d("2026-11-01"), 50).unwrap();
    let draft = super::invoices::Invoice { status: InvoiceStatus::Draft, ..invs[0].clone() };
    invs.push(draft);
    let rows = aging(&invs, &[paid_part], true, d("2026-12-01"));
    // c2: 400 not yet due, 300 paid nothing and 122 days late; c1: 100 one day late, 150 47 days late.
    assert_eq!(rows, vec![("c2".to_string(), [400, 0, 0, 0, 300]), ("c1".to_string(), [0, 100, 150, 0, 0])]);
    assert_eq!(next_number(&invs, d("2026-12-01")), "INV-2026-005");
    assert_eq!(next_number(&invs, d("2027-01-02")), "INV-2027-001");
}

#[test]
fn a_budget_is_read_against_the_ledger_for_any_period_inside_its_year() {
    use super::budgets::{budget_vs_actual, Budget};
    let a = chart();
    let rent = Budget { account_id: id(&a, "6201"), year: Some(2026), m11: Some(4_000_000), m12: Some(4_000_000), ..Budget::default() };
    let supplies = Budget { account_id: id(&a, "6301"), year: Some(2026), m11: Some(300_000), ..Budget::default() };
    let sales = Budget { account_id: id(&a, "4101"), year: Some(2026), m11: Some(12_000_000), ..Budget::default() };
    let l = Ledger::new(&a, &month(&a));
    let rows = budget_vs_actual(&a, &[rent.clone(), supplies, sales], &l, Period::Month(2026, 11));
    let got: Vec<(String, i64, i64)> = rows.iter().map(|(r, b)| (r.code.clone(), r.amount, *b)).collect();
    assert_eq!(
        got,
        vec![("4101".into(), 10_000_000, 12_000_000), ("6201".into(), 4_000_000, 4_000_000), ("6301".into(), 500_000, 300_000)]
    );
    assert_eq!(rent.within(Period::Quarter(2026, 4)), 8_000_000);
    assert_eq!(rent.within(Period::Year(2026)), 8_000_000);
    assert_eq!(rent.within(Period::Year(2025)), 0);
    let bad = Budget { account_id: id(&a, "6201"), year: Some(226), ..Budget::default() };
    assert!(bad.validate().iter().any(|(k, _)| *k == "year"));
}

#[test]
fn a_discount_is_held_to_the_lines_once_there_are_some() {
    let a = chart();
    let mut inv = invoice(&a, "sale", &[], 500_000, "11");
    assert!(inv.validate().is_empty(), "{:?}", inv.validate());
    inv = invoice(&a, "sale", &[("4101", 1, 400_000)], 500_000, "11");
    assert!(inv.validate().iter().any(|(k, _)| *k == "discount"));
    inv.tax = "abc".into();
    assert!(inv.validate().iter().any(|(k, _)| *k == "tax"));
}

#[test]
fn recurring_entries_fall_due_on_their_day_and_are_not_made_twice() {
    use super::recurring::Recurring;
    let a = chart();
    let rent = Recurring {
        description: "Sewa kantor".into(),
        kind: RecurringKind::Out,
        account_id: id(&a, "1111"),
        category_id: id(&a, "6201"),
        amount: Some(4_000_000),
        every: Every::Month,
        day: Some(31),
        start: crate::domain::dates::parse_date("2026-01-15"),
        end: crate::domain::dates::parse_date("2026-06-30"),
        ..Recurring::default()
    };
    assert!(rent.validate().is_empty(), "{:?}", rent.validate());
    let dates = rent.dates(d("2026-12-01"));
    // The 31st, or the month's last day; the end date stops it.
    assert_eq!(dates, ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"].map(d).to_vec());
    let made = rent.entry_on(dates[0]);
    assert!(made.validate().is_empty(), "{:?}", made.validate());
    assert_eq!(made.postings(&a).unwrap().len(), 2);
    assert_eq!(rent.due(&[made], d("2026-03-01")), vec![d("2026-02-28")]);
    // Quarters counted from the start month; a day before the start waits for the next.
    let quarterly = Recurring { every: Every::Quarter, day: Some(1), end: None, ..rent.clone() };
    assert_eq!(quarterly.dates(d("2026-12-01")), ["2026-04-01", "2026-07-01", "2026-10-01"].map(d).to_vec());
    let yearly =
        Recurring { every: Every::Year, day: Some(29), start: crate::domain::dates::parse_date("2024-02-29"), end: None, ..rent.clone() };
    assert_eq!(yearly.dates(d("2026-12-01")), ["2024-02-29", "2025-02-28", "2026-02-28"].map(d).to_vec());
    // The Today view's count: what every schedule should have made and has not.
    let made = rent.entry_on(d("2026-01-31"));
    let schedules = [rent, quarterly, yearly];
    assert_eq!(super::recurring::due_count(&schedules, &[made], d("2026-12-01")), 5 + 3 + 3);
}

#[test]
fn overdue_invoices_and_bills_for_the_today_view() {
    use super::invoices::{overdue, Invoice};
    let a = chart();
    let mut late = invoice(&a, "sale", &[("4101", 1, 2_000_000)], 0, "");
    late.meta.id = "late".into();
    let mut later = Invoice { number: "INV-2026-002".into(), due: crate::domain::dates::parse_date("2026-11-20"), ..late.clone() };
    later.meta.id = "later".into();
    let mut draft = Invoice { status: InvoiceStatus::Draft, ..later.clone() };
    draft.meta.id = "draft".into();
    let mut bill = invoice(&a, "bill", &[("6201", 1, 500_000)], 0, "");
    bill.meta.id = "bill".into();
    let part = late.payment(&a, &id(&a, "1111"), d("2026-11-10"), 1_500_000).unwrap();
    let mut paid = later.payment(&a, &id(&a, "1111"), d("2026-11-10"), 2_000_000).unwrap();
    let invoices = vec![late.clone(), later.clone(), draft, bill];
    // Paid in full: never late. Partly paid: late for what is still owed.
    let sales = overdue(&invoices, &[part.clone(), paid.clone()], true, d("2026-12-03"));
    assert_eq!(sales.iter().map(|l| (l.id.as_str(), l.days, l.open)).collect::<Vec<_>>(), vec![("late", 3, 500_000)]);
    // A payment in the trash no longer counts: the longest late comes first.
    paid.meta.deleted_at = Some(chrono::Utc::now());
    let sales = overdue(&invoices, &[part, paid], true, d("2026-12-03"));
    assert_eq!(sales.iter().map(|l| (l.id.as_str(), l.days)).collect::<Vec<_>>(), vec![("later", 13), ("late", 3)]);
    // At the end of November the payment of 10 November counts, one of December does not.
    let later_paid = later.payment(&a, &id(&a, "1111"), d("2026-12-02"), 2_000_000).unwrap();
    assert_eq!(overdue(&invoices, std::slice::from_ref(&later_paid), true, d("2026-12-01")).len(), 2);
    assert_eq!(overdue(&invoices, &[later_paid], true, d("2026-12-02")).len(), 1);
    // Not late on its due day; bills apart from invoices.
    assert!(overdue(&invoices, &[], false, d("2026-11-30")).is_empty());
    assert_eq!(overdue(&invoices, &[], false, d("2026-12-01")).len(), 1);
}

#[test]
fn the_ppn_summary_and_the_figures_by_contact() {
    use super::reports::{by_contact, tax_summary};
    let a = chart();
    let mut entries = month(&a);
    entries[1].contact_id = "maju".into();
    entries[2].contact_id = "landlord".into();
    entries[4].contact_id = "maju".into();
    let l = Ledger::new(&a, &entries);
    let t = tax_summary(&a, &l, d("2026-11-01"), d("2026-11-30"));
    assert_eq!((t.charged, t.paid, t.payable), (1_100_000, 55_000, 1_045_000));
    let rows = by_contact(&a, &entries, &l, d("2026-11-01"), d("2026-11-30"));
    assert_eq!(rows, vec![("maju".to_string(), 10_000_000, 0), ("landlord".to_string(), 0, 4_000_000)]);
}

#[test]
fn a_split_entry_spreads_its_amount_over_categories_and_must_add_up() {
    let a = chart();
    let mut e = entry("out", "2026-11-09", &id(&a, "1101"), "", 1_111_000, 111_000);
    e.lines = vec![
        Posting { account_id: id(&a, "6301"), amount: 300_000, memo: "kertas".into() },
        Posting { account_id: id(&a, "6901"), amount: 700_000, memo: "konsumsi rapat".into() },
    ];
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    let p = e.postings(&a).unwrap();
    assert_eq!(p.iter().map(|p| p.amount).sum::<i64>(), 0);
    assert!(p.contains(&Posting { account_id: id(&a, "6901"), amount: 700_000, memo: String::new() }));
    assert!(p.contains(&Posting { account_id: id(&a, "1401"), amount: 111_000, memo: String::new() }));
    e.lines[1].amount = 600_000;
    assert_eq!(e.validate().into_iter().map(|(k, _)| k).collect::<Vec<_>>(), vec!["amount"]);
}

#[test]
fn a_months_depreciation_is_posted_against_accumulated_depreciation() {
    use crate::domain::assets::Asset;
    let a = chart();
    let laptop = Asset {
        cost: Some(12_000_000),
        salvage: Some(0),
        life_months: Some(24),
        purchase_date: crate::domain::dates::parse_date("2026-01-10"),
        ..Asset::default()
    };
    let e = super::entries::depreciation(&a, std::slice::from_ref(&laptop), 2026, 11).unwrap().unwrap();
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    assert_eq!(e.date, crate::domain::dates::parse_date("2026-11-30"));
    assert!(e.lines.contains(&Posting { account_id: id(&a, "6601"), amount: 500_000, memo: String::new() }));
    assert_eq!(e.source, "depreciation/2026-11");
    // Before it was bought nothing depreciates.
    assert!(super::entries::depreciation(&a, &[laptop], 2025, 11).unwrap().is_none());
}

#[test]
fn an_asset_bought_moves_money_into_fixed_assets_never_an_expense() {
    use crate::domain::assets::Asset;
    let a = chart();
    let mut laptop = Asset { cost: Some(12_000_000), tag: "AST-001".into(), ..Asset::default() };
    assert_eq!(super::entries::asset_purchase(&a, &laptop, &id(&a, "1111"), "Laptop".into()), Ok(None), "no purchase date yet");
    laptop.purchase_date = crate::domain::dates::parse_date("2026-01-10");
    let e = super::entries::asset_purchase(&a, &laptop, &id(&a, "1111"), "Laptop".into()).unwrap().unwrap();
    assert!(e.validate().is_empty(), "{:?}", e.validate());
    assert_eq!((e.source.as_str(), e.reference.as_str()), (super::entries::asset_source(&laptop.meta.id).as_str(), "AST-001"));
    let l = Ledger::new(&a, &[e]);
    assert_eq!(l.balance_at(&id(&a, "1501"), d("2026-01-31")), 12_000_000);
    assert_eq!(l.balance_at(&id(&a, "1111"), d("2026-01-31")), -12_000_000);
    let pl = profit_and_loss(&a, &l, d("2026-01-01"), d("2026-12-31"));
    assert_eq!((pl.total_income, pl.total_expenses), (0, 0));
    let without: Vec<Account> = a.iter().filter(|x| x.code != "1501").cloned().collect();
    assert_eq!(super::entries::asset_purchase(&without, &laptop, &id(&a, "1111"), String::new()), Err("1501"));
}
