//! What payroll keeps: rate sets with the date each takes effect, each employee's pay
//! structure with its own dates, one-off adjustments, the runs, and the payslips a posted
//! run froze.
use chrono::{Datelike, NaiveDate};

use super::rates::{parse_age_steps, parse_multipliers, parse_percent, parse_table, shipped, Rates};
use crate::domain::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::record! {
    /// The figures payroll uses from a date on. An office adds a set when a figure changes
    /// (the JP wage cap every March); every field starts from the shipped values.
    pub struct PayRates in "pay_rates" {
        from: Option<chrono::NaiveDate> => Date, "rates.from" .required().listed(),
        name: String => Text, "rates.name" .listed(),
        kes_employer: String = "4".into() => Text, "rates.kes_employer",
        kes_employee: String = "1".into() => Text, "rates.kes_employee",
        kes_cap: Option<i64> => Money, "rates.kes_cap" .required(),
        wage_floor: Option<i64> => Money, "rates.wage_floor",
        jht_employer: String = "3.7".into() => Text, "rates.jht_employer",
        jht_employee: String = "2".into() => Text, "rates.jht_employee",
        jp_employer: String = "2".into() => Text, "rates.jp_employer",
        jp_employee: String = "1".into() => Text, "rates.jp_employee",
        jp_cap: Option<i64> => Money, "rates.jp_cap" .required().listed(),
        jkk: String = "0.24".into() => Text, "rates.jkk" .listed(),
        jkm: String = "0.3".into() => Text, "rates.jkm",
        position_cost: String = "5".into() => Text, "rates.position_cost",
        position_cost_month: Option<i64> => Money, "rates.position_cost_month" .required(),
        position_cost_year: Option<i64> => Money, "rates.position_cost_year" .required(),
        ptkp_self: Option<i64> => Money, "rates.ptkp_self" .required(),
        ptkp_married: Option<i64> => Money, "rates.ptkp_married" .required(),
        ptkp_dependant: Option<i64> => Money, "rates.ptkp_dependant" .required(),
        brackets: String = shipped::BRACKETS.into() => LongText, "rates.brackets" .required(),
        ter_a: String = shipped::TER_A.into() => LongText, "rates.ter_a" .required(),
        ter_b: String = shipped::TER_B.into() => LongText, "rates.ter_b" .required(),
        ter_c: String = shipped::TER_C.into() => LongText, "rates.ter_c" .required(),
        overtime_divisor: Option<i64> => Integer, "rates.overtime_divisor" .required(),
        overtime_workday: String = shipped::OVERTIME_WORKDAY.into() => Text, "rates.overtime_workday" .required(),
        overtime_rest_6day: String = shipped::OVERTIME_REST_6DAY.into() => Text, "rates.overtime_rest_6day" .required(),
        overtime_rest_5day: String = shipped::OVERTIME_REST_5DAY.into() => Text, "rates.overtime_rest_5day" .required(),
        overtime_short_holiday: String = shipped::OVERTIME_SHORT_HOLIDAY.into() => Text, "rates.overtime_short_holiday" .required(),
        overtime_floor: String = "75".into() => Text, "rates.overtime_floor",
        jp_pension_age: String = shipped::JP_PENSION_AGE.into() => Text, "rates.jp_pension_age",
        no_tax_id_surcharge: String = "0".into() => Text, "rates.no_tax_id_surcharge",
        round_net: Option<i64> => Integer, "rates.round_net",
        note: String => Text, "rates.note",
    }
}

impl PayRates {
    /// The shipped values: what a new set starts from when the office has none, and what
    /// payroll uses until it adds one.
    pub fn shipped() -> PayRates {
        PayRates {
            kes_cap: Some(12_000_000),
            jp_cap: Some(11_086_300),
            position_cost_month: Some(500_000),
            position_cost_year: Some(6_000_000),
            ptkp_self: Some(54_000_000),
            ptkp_married: Some(4_500_000),
            ptkp_dependant: Some(4_500_000),
            overtime_divisor: Some(173),
            round_net: Some(1),
            ..PayRates::default()
        }
    }
}

impl PayRates {
    /// The sets shipped with the app, each from the date its JP wage cap took effect (the
    /// other figures have not changed since): an office's own sets take over from their dates.
    pub fn shipped_sets() -> Vec<PayRates> {
        [
            ("2024-03-01", 10_042_300, "JP cap from March 2024 (BPJS Ketenagakerjaan, as published by BPJamsostek)"),
            ("2025-03-01", 10_547_400, "JP cap from March 2025 (BPJS letter B/726/022025; PP 45/2015 art. 29 formula)"),
            ("2026-03-01", 11_086_300, "JP cap from March 2026 (BPJS letter B/1226/022026; check it with BPJS)"),
        ]
        .into_iter()
        .map(|(from, cap, note)| PayRates {
            from: crate::domain::dates::parse_date(from),
            jp_cap: Some(cap),
            note: note.into(),
            ..PayRates::shipped()
        })
        .collect()
    }
}

const PERCENTS: &[&str] = &[
    "kes_employer",
    "kes_employee",
    "jht_employer",
    "jht_employee",
    "jp_employer",
    "jp_employee",
    "jkk",
    "jkm",
    "position_cost",
    "overtime_floor",
    "no_tax_id_surcharge",
];

impl PayRates {
    /// The typed figures, or the fields that do not read.
    pub fn rates(&self) -> Result<Rates, Vec<FieldError>> {
        let mut errs: Vec<FieldError> = vec![];
        let mut pct = |key: &'static str, text: &str| {
            parse_percent(if text.trim().is_empty() { "0" } else { text }).unwrap_or_else(|| {
                errs.push((key, "err.percent"));
                0
            })
        };
        let kes_employer = pct("kes_employer", &self.kes_employer);
        let kes_employee = pct("kes_employee", &self.kes_employee);
        let jht_employer = pct("jht_employer", &self.jht_employer);
        let jht_employee = pct("jht_employee", &self.jht_employee);
        let jp_employer = pct("jp_employer", &self.jp_employer);
        let jp_employee = pct("jp_employee", &self.jp_employee);
        let jkk = pct("jkk", &self.jkk);
        let jkm = pct("jkm", &self.jkm);
        let position_cost = pct("position_cost", &self.position_cost);
        let overtime_floor = pct("overtime_floor", &self.overtime_floor);
        let no_tax_id_surcharge = pct("no_tax_id_surcharge", &self.no_tax_id_surcharge);
        let mut table = |key: &'static str, text: &str| {
            parse_table(text).unwrap_or_else(|| {
                errs.push((key, "err.rate_table"));
                super::rates::Table { steps: vec![], above: 0 }
            })
        };
        let brackets = table("brackets", &self.brackets);
        let ter_a = table("ter_a", &self.ter_a);
        let ter_b = table("ter_b", &self.ter_b);
        let ter_c = table("ter_c", &self.ter_c);
        let mut mult = |key: &'static str, text: &str| {
            parse_multipliers(text).unwrap_or_else(|| {
                errs.push((key, "err.multipliers"));
                super::rates::Multipliers(vec![])
            })
        };
        let overtime_workday = mult("overtime_workday", &self.overtime_workday);
        let overtime_rest_6day = mult("overtime_rest_6day", &self.overtime_rest_6day);
        let overtime_rest_5day = mult("overtime_rest_5day", &self.overtime_rest_5day);
        let overtime_short_holiday = mult("overtime_short_holiday", &self.overtime_short_holiday);
        let jp_pension_age = parse_age_steps(&self.jp_pension_age).unwrap_or_else(|| {
            errs.push(("jp_pension_age", "err.age_steps"));
            super::rates::AgeSteps::default()
        });
        let positive = |key: &'static str, v: Option<i64>, errs: &mut Vec<FieldError>| match v {
            Some(n) if n >= 1 => n,
            _ => {
                errs.push((key, "err.number"));
                1
            }
        };
        let overtime_divisor = positive("overtime_divisor", self.overtime_divisor, &mut errs);
        let round_net = positive("round_net", self.round_net.or(Some(1)), &mut errs);
        if !errs.is_empty() {
            return Err(errs);
        }
        Ok(Rates {
            kes_employer,
            kes_employee,
            kes_cap: self.kes_cap.unwrap_or(0),
            wage_floor: self.wage_floor.unwrap_or(0),
            jht_employer,
            jht_employee,
            jp_employer,
            jp_employee,
            jp_cap: self.jp_cap.unwrap_or(0),
            jkk,
            jkm,
            position_cost,
            position_cost_month: self.position_cost_month.unwrap_or(0),
            position_cost_year: self.position_cost_year.unwrap_or(0),
            ptkp_self: self.ptkp_self.unwrap_or(0),
            ptkp_married: self.ptkp_married.unwrap_or(0),
            ptkp_dependant: self.ptkp_dependant.unwrap_or(0),
            brackets,
            ter_a,
            ter_b,
            ter_c,
            overtime_divisor,
            overtime_workday,
            overtime_rest_6day,
            overtime_rest_5day,
            overtime_short_holiday,
            overtime_floor,
            jp_pension_age,
            no_tax_id_surcharge,
            round_net,
        })
    }
}

impl RecordRules for PayRates {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        for e in self.rates().err().unwrap_or_default() {
            if !errs.iter().any(|(k, _)| *k == e.0) {
                errs.push(e);
            }
        }
        debug_assert!(PERCENTS.iter().all(|k| <Self as crate::domain::record::Entity>::fields().iter().any(|f| f.key == *k)));
        errs
    }
    fn title(&self) -> String {
        let from = crate::domain::dates::day_text(self.from);
        if self.name.trim().is_empty() {
            from
        } else {
            format!("{} ({from})", self.name)
        }
    }
}

/// The rate set in force on `day`: of the office's live sets and the shipped ones, the one
/// with the latest start on or before it (the office's on the same date); the shipped
/// values before any.
pub fn rates_on(all: &[PayRates], day: NaiveDate) -> Result<Rates, Vec<FieldError>> {
    let shipped = PayRates::shipped_sets();
    let office = all.iter().filter(|r| r.meta.deleted_at.is_none()).map(|r| (r, 1));
    office
        .chain(shipped.iter().map(|r| (r, 0)))
        .filter_map(|(r, own)| Some((r.from?, own, r)))
        .filter(|(from, _, _)| *from <= day)
        .max_by_key(|(from, own, _)| (*from, *own))
        .map_or_else(|| PayRates::shipped().rates(), |(_, _, r)| r.rates())
}

crate::record! {
    /// What an employee is paid from a date on: a raise is a new line, the old one stays.
    pub struct PayStructure in "pay" {
        employee_id: String => Ref(crate::domain::people::Employee), "pay.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        from: Option<chrono::NaiveDate> => Date, "pay.from" .required().listed().aliases(&["berlaku mulai", "mulai"]),
        basic: Option<i64> => Money, "pay.basic" .required().listed().aliases(&["gaji pokok", "basic salary"]),
        /// Paid every month whatever the attendance (position, family allowance).
        fixed_allowance: Option<i64> => Money, "pay.fixed_allowance" .listed().aliases(&["tunjangan tetap"]),
        meal_per_day: Option<i64> => Money, "pay.meal_per_day" .aliases(&["uang makan", "uang makan per hari"]),
        transport_per_day: Option<i64> => Money, "pay.transport_per_day" .aliases(&["uang transport", "transport per hari"]),
        /// Deducted every month: a loan's instalment, the cooperative's dues.
        loan: Option<i64> => Money, "pay.loan" .aliases(&["cicilan pinjaman", "pinjaman"]),
        coop: Option<i64> => Money, "pay.coop" .aliases(&["koperasi", "iuran koperasi"]),
        /// Zakat paid through the office: deducted, and deductible from yearly income.
        zakat: Option<i64> => Money, "pay.zakat" .aliases(&["zakat"]),
        note: String => Text, "pay.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for PayStructure {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        for (key, v) in [
            ("basic", self.basic),
            ("fixed_allowance", self.fixed_allowance),
            ("meal_per_day", self.meal_per_day),
            ("transport_per_day", self.transport_per_day),
            ("loan", self.loan),
            ("coop", self.coop),
            ("zakat", self.zakat),
        ] {
            if v.is_some_and(|n| n < 0) && !errs.iter().any(|(k, _)| *k == key) {
                errs.push((key, "err.negative"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        crate::domain::dates::day_text(self.from)
    }
}

/// The pay structure in force for an employee on `day`.
pub fn pay_on<'a>(all: &'a [PayStructure], employee_id: &str, day: NaiveDate) -> Option<&'a PayStructure> {
    all.iter()
        .filter(|p| p.meta.deleted_at.is_none() && p.employee_id == employee_id)
        .filter_map(|p| Some((p.from?, p)))
        .filter(|(from, _)| *from <= day)
        .max_by_key(|(from, _)| *from)
        .map(|(_, p)| p)
}

/// A month as `YYYY-MM`.
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    ((1900..=9999).contains(&y) && (1..=12).contains(&m) && text.trim().len() == 7).then_some((y, m))
}

pub fn month_text(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The first and last day of a month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
    Some((first, last))
}

crate::record! {
    /// A one-off amount in a month's pay: a bonus, a correction of an earlier posted run
    /// (never an edit of that run), a deduction. Negative amounts are deducted.
    pub struct PayAdjustment in "pay_adjustments" {
        employee_id: String => Ref(crate::domain::people::Employee), "adj.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        month: String => Text, "adj.month" .required().listed().aliases(&["bulan", "month"]),
        amount: Option<i64> => Money, "adj.amount" .required().listed().aliases(&["jumlah", "amount"]),
        /// Counted in gross income for PPh 21.
        taxable: bool => Check, "adj.taxable" .listed().aliases(&["kena pajak"]),
        note: String => Text, "adj.note" .required().listed().aliases(&["keterangan", "catatan"]),
    }
}

impl RecordRules for PayAdjustment {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if !self.month.is_empty() && parse_month(&self.month).is_none() && !errs.iter().any(|(k, _)| *k == "month") {
            errs.push(("month", "err.month"));
        }
        errs
    }
    fn title(&self) -> String {
        self.note.clone()
    }
}

crate::choice! {
    /// A month's regular pay or the religious holiday allowance (THR).
    pub enum RunKind {
        Regular = "regular" => "run.kind.regular",
        Thr = "thr" => "run.kind.thr",
    }
}
crate::choice! {
    /// Where a payroll run stands: draft, reviewed, posted (locked).
    pub enum RunStatus {
        Draft = "draft" => "run.status.draft",
        Reviewed = "reviewed" => "run.status.reviewed",
        Posted = "posted" => "run.status.posted",
    }
}

crate::record! {
    /// One month's payroll, or a THR payment for a religious holiday. Draft → reviewed →
    /// posted; a posted run's payslips are frozen and the run can no longer change.
    pub struct PayrollRun in "payroll_runs" {
        month: String => Text, "run.month" .required().listed(),
        kind: RunKind = RunKind::Regular => Select(RunKind::OPTIONS), "run.kind" .required().listed(),
        /// THR: the holiday it is paid for (Idul Fitri, Natal, Nyepi…).
        holiday: String => Text, "run.holiday" .listed(),
        /// THR: the holiday's date; service is counted up to it.
        holiday_on: Option<chrono::NaiveDate> => Date, "run.holiday_on",
        /// The day pay reaches accounts, in the run's month.
        paid_on: Option<chrono::NaiveDate> => Date, "run.paid_on" .required().listed(),
        status: RunStatus = RunStatus::Draft => Select(RunStatus::OPTIONS), "run.status" .required().listed(),
        note: String => Text, "run.note",
    }
    stored {
        posted_on: String,
    }
}

const RUN_RULES: FormRules =
    FormRules { shown_when: &[("holiday", "kind", &["thr"]), ("holiday_on", "kind", &["thr"])], span: None, hidden: &["status"] };

impl RecordRules for PayrollRun {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let mut add = |k: &'static str, e: &'static str| {
            if !errs.iter().any(|(f, _)| *f == k) {
                errs.push((k, e))
            }
        };
        match parse_month(&self.month) {
            None if !self.month.is_empty() => add("month", "err.month"),
            Some((y, m)) => {
                if self.kind == RunKind::Thr {
                    if self.holiday.trim().is_empty() {
                        add("holiday", "err.required");
                    }
                    if self.holiday_on.is_none() {
                        add("holiday_on", "err.required");
                    }
                }
                // Tax is worked out for the run's month: pay goes out in it.
                if self.paid_on.is_some_and(|d| (d.year(), d.month()) != (y, m)) {
                    add("paid_on", "err.paid_in_month");
                }
            }
            None => {}
        }
        errs
    }
    fn title(&self) -> String {
        if self.kind == RunKind::Thr {
            format!("THR {} {}", self.holiday, self.month)
        } else {
            self.month.clone()
        }
    }
    fn form_rules() -> &'static FormRules {
        &RUN_RULES
    }
}

impl PayrollRun {
    pub fn is_posted(&self) -> bool {
        self.status == RunStatus::Posted
    }
}

crate::record! {
    /// One employee's pay in a posted run, as it was computed and paid: the figures the
    /// later months, the December reconciliation and the annual summary read.
    pub struct Payslip in "payslips" {
        run_id: String => Ref(crate::domain::payroll::PayrollRun), "slip.run" .required().listed(),
        employee_id: String => Ref(crate::domain::people::Employee), "slip.employee" .required().listed(),
        month: String => Text, "slip.month" .required().listed(),
        kind: RunKind = RunKind::Regular => Select(RunKind::OPTIONS), "slip.kind" .listed(),
        /// Cash paid that is taxable: wages, allowances, overtime, THR, taxable adjustments.
        earnings: Option<i64> => Money, "slip.earnings",
        thr: Option<i64> => Money, "slip.thr",
        /// Premiums the employer pays that count as income: JKK, JKM, BPJS Kesehatan.
        benefits: Option<i64> => Money, "slip.benefits",
        gross: Option<i64> => Money, "slip.gross" .listed(),
        kes_employee: Option<i64> => Money, "slip.kes_employee",
        jht_employee: Option<i64> => Money, "slip.jht_employee",
        jp_employee: Option<i64> => Money, "slip.jp_employee",
        kes_employer: Option<i64> => Money, "slip.kes_employer",
        jht_employer: Option<i64> => Money, "slip.jht_employer",
        jp_employer: Option<i64> => Money, "slip.jp_employer",
        jkk: Option<i64> => Money, "slip.jkk",
        jkm: Option<i64> => Money, "slip.jkm",
        tax: Option<i64> => Money, "slip.tax" .listed(),
        /// Loans, cooperative dues and deductions that are not tax or BPJS.
        other_deductions: Option<i64> => Money, "slip.other_deductions",
        zakat: Option<i64> => Money, "slip.zakat",
        net: Option<i64> => Money, "slip.net" .listed(),
    }
    stored {
        /// The payslip's lines as printed, one per line (see `slip::lines_text`).
        lines: String,
        bank: String,
        account: String,
    }
}

impl RecordRules for Payslip {
    fn title(&self) -> String {
        self.month.clone()
    }
}
