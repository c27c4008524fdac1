//! Published worked examples, each cited. Where a source leaves out a premium (DJP's own
//! illustrations carry no BPJS Kesehatan and a lump "iuran pensiun"), the rate set here
//! says so explicitly: the calculation reads every figure from the rates it is given.
use chrono::{DateTime, NaiveDate};

use super::rates::Rates;
use super::records::{PayAdjustment, PayRates, PayStructure};
use super::run::{bpjs, compute, overtime_pay, thr_amount, Days, Earlier, Month, RunKind, Slip};
use crate::domain::leave::WorkCalendar;
use crate::domain::people::Employee;
use crate::domain::record::Entity;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn shipped() -> Rates {
    PayRates::shipped().rates().unwrap()
}

/// Rates with no employer premiums and the employee's own pension as a share of pay, as
/// DJP's examples are written.
fn djp_rates(pension_bp: u32) -> Rates {
    Rates {
        kes_employer: 0,
        kes_employee: 0,
        jht_employer: 0,
        jht_employee: pension_bp,
        jp_employer: 0,
        jp_employee: 0,
        jkk: 0,
        jkm: 0,
        ..shipped()
    }
}

fn employee(ptkp: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.set("name", "Tuan R");
    e.set("joined", "2020-01-06");
    e.set("ptkp", ptkp);
    e.set("account", "1234567890");
    e.set("nik", "3174012345670001");
    e
}

fn pay(e: &Employee, basic: i64) -> PayStructure {
    let mut p = PayStructure::blank(DateTime::UNIX_EPOCH);
    p.employee_id = e.meta.id.clone();
    p.from = crate::domain::dates::parse_date("2020-01-01");
    p.basic = Some(basic);
    p
}

fn extra(amount: i64, note: &str) -> PayAdjustment {
    let mut a = PayAdjustment::blank(DateTime::UNIX_EPOCH);
    a.amount = Some(amount);
    a.note = note.into();
    a.taxable = true;
    a
}

/// A year of regular runs (and a THR run after the regular one in `thr_month`), each
/// month seeing the earlier ones as posted. Returns the regular slips and the THR slip.
fn year(e: &Employee, p: &PayStructure, rates: &Rates, y: i32, extras: &[(u32, i64)], thr_month: Option<u32>) -> (Vec<Slip>, Option<Slip>) {
    let cal = WorkCalendar::new(false, &[]);
    let mut earlier = Earlier::default();
    let mut slips = vec![];
    let mut thr = None;
    for m in 1..=12 {
        let last = super::records::month_bounds(y, m).unwrap().1;
        let adj: Vec<PayAdjustment> = extras.iter().filter(|(mm, _)| *mm == m).map(|(_, a)| extra(*a, "lembur")).collect();
        let adj: Vec<&PayAdjustment> = adj.iter().collect();
        let month = Month { year: y, month: m, kind: RunKind::Regular, paid_on: last, service_until: last, rates, calendar: &cal };
        let s = compute(e, &[(NaiveDate::MIN, p)], &Days::default(), &adj, &earlier, &month).unwrap();
        let mut this = Earlier {
            month_gross: s.figures.gross,
            month_tax: s.figures.tax,
            month_contributions: s.figures.jht_employee + s.figures.jp_employee,
            ..earlier.clone()
        };
        if thr_month == Some(m) {
            let month = Month { kind: RunKind::Thr, ..month };
            let t = compute(e, &[(NaiveDate::MIN, p)], &Days::default(), &[], &this, &month).unwrap();
            this.month_gross += t.figures.gross;
            this.month_tax += t.figures.tax;
            thr = Some(t);
        }
        earlier.year_gross += this.month_gross;
        earlier.year_tax += this.month_tax;
        earlier.year_contributions += this.month_contributions;
        slips.push(s);
    }
    (slips, thr)
}

/// DJP's illustration "Tuan R" at PT ABC (K/0, 15,000,000 a month, own pension 150,000 a
/// month, no employer premiums), reproduced by brilio.net, 28 March 2024, "Viral potongan
/// pajak THR 2024 karyawan swasta lebih besar, begini penjelasan DJP soal itung-itungannya":
/// TER A 6 % = 900,000 in January–November; PKP 113,700,000, the year's tax 11,055,000,
/// December 1,155,000.
#[test]
fn djp_tuan_r_ter_january_to_november_then_december() {
    let rates = djp_rates(100); // 1 % of 15,000,000 = the example's 150,000
    let e = employee("K/0");
    let (slips, _) = year(&e, &pay(&e, 15_000_000), &rates, 2024, &[], None);
    for s in &slips[..11] {
        assert_eq!(s.figures.tax, 900_000);
    }
    let dec = &slips[11];
    let a = dec.annual.as_ref().expect("December reconciles the year");
    assert_eq!((a.gross, a.position_cost, a.contributions, a.net), (180_000_000, 6_000_000, 1_800_000, 172_200_000));
    assert_eq!((a.ptkp, a.pkp, a.tax), (58_500_000, 113_700_000, 11_055_000));
    assert_eq!(dec.figures.tax, 1_155_000);
}

/// Zakat through the employer (konsultanpajaksurabaya.com, "Penghitungan PPh 21 dengan
/// skema TER untuk pegawai yang membayar zakat", tax year 2024): K/0, 10,000,000 a month,
/// pension 100,000 and zakat 200,000 a month: 200,000 a month by TER A 2 %, net for the
/// year 110,400,000, PKP 51,900,000, tax 2,595,000, December 395,000.
#[test]
fn zakat_through_the_employer_is_deducted_from_the_year() {
    let rates = djp_rates(100);
    let e = employee("K/0");
    let mut p = pay(&e, 10_000_000);
    p.zakat = Some(200_000);
    let cal = WorkCalendar::new(false, &[]);
    let mut earlier = Earlier::default();
    let mut last_slip = None;
    for m in 1..=12 {
        let month = Month {
            year: 2024,
            month: m,
            kind: RunKind::Regular,
            paid_on: d(2024, m, 25),
            service_until: d(2024, m, 25),
            rates: &rates,
            calendar: &cal,
        };
        let s = compute(&e, &[(NaiveDate::MIN, &p)], &Days::default(), &[], &earlier, &month).unwrap();
        if m < 12 {
            assert_eq!(s.figures.tax, 200_000);
        }
        earlier.year_gross += s.figures.gross;
        earlier.year_tax += s.figures.tax;
        earlier.year_contributions += s.figures.jht_employee + s.figures.jp_employee;
        earlier.year_zakat += s.figures.zakat;
        last_slip = Some(s);
    }
    let dec = last_slip.unwrap();
    let a = dec.annual.unwrap();
    assert_eq!((a.zakat, a.net, a.pkp, a.tax), (2_400_000, 110_400_000, 51_900_000, 2_595_000));
    assert_eq!(dec.figures.tax, 395_000);
    assert_eq!(dec.figures.net, 10_000_000 - 100_000 - 200_000 - 395_000, "zakat is paid out of take-home pay");
}

/// DJP's 2025 THR illustration "Tuan Rana" (K/0, 10,000,000 a month, employer JKK and JKM
/// 80,000 a month, pension 200,000 a month, THR of one month in March, overtime of
/// 5,000,000 over the year, a bonus of one month in December), CNBC Indonesia, 21 March
/// 2025, "Ini Cara Hitung Pajak THR dengan Gaji Rp 10 Juta" (also Bloomberg Technoz,
/// "Kemenkeu ungkap cara hitung pajak THR 2025 dan contohnya"): March gross 20,080,000 at
/// TER A 9 % = 1,807,200; the year's gross 145,960,000, PKP 79,060,000, tax 5,859,000.
#[test]
fn djp_tuan_rana_thr_month_and_the_year() {
    // JKK 0.5 % + JKM 0.3 % of 10,000,000 is the example's 80,000.
    let rates = Rates { jkk: 50, jkm: 30, ..djp_rates(200) };
    let e = employee("K/0");
    let extras = [(2, 2_000_000), (5, 2_000_000), (11, 1_000_000), (12, 10_000_000)];
    let (slips, thr) = year(&e, &pay(&e, 10_000_000), &rates, 2025, &extras, Some(3));
    let thr = thr.unwrap();
    assert_eq!(slips[2].figures.gross + thr.figures.gross, 20_080_000);
    assert_eq!(slips[2].figures.tax, 226_800, "March's regular run alone: 10,080,000 at TER A 2.25 %");
    assert_eq!(slips[2].figures.tax + thr.figures.tax, 1_807_200, "the month's tax on salary and THR together");
    let a = slips[11].annual.as_ref().unwrap();
    assert_eq!((a.gross, a.position_cost, a.contributions, a.net), (145_960_000, 6_000_000, 2_400_000, 137_560_000));
    assert_eq!((a.pkp, a.tax), (79_060_000, 5_859_000));
    let withheld: i64 = slips[..11].iter().map(|s| s.figures.tax).sum::<i64>() + thr.figures.tax;
    assert_eq!(slips[11].figures.tax, 5_859_000 - withheld);
}

/// Enforcea, 27 March 2025, "Jangan Kaget! Begini Perhitungan PPh Pasal 21 Jika Terima THR!":
/// TK/0, 10,000,000 and a THR of 10,000,000 in March: 9 % of 20,000,000 = 1,800,000; other
/// months 2 %. December then follows from the rules: the year's tax 4,500,000 (PKP
/// 70,000,000) less 3,800,000 withheld = 700,000.
#[test]
fn enforcea_thr_month_then_december() {
    let rates = djp_rates(0);
    let e = employee("TK/0");
    let (slips, thr) = year(&e, &pay(&e, 10_000_000), &rates, 2025, &[], Some(3));
    assert_eq!(slips[0].figures.tax, 200_000);
    assert_eq!(slips[2].figures.tax + thr.unwrap().figures.tax, 1_800_000);
    assert_eq!(slips[11].annual.as_ref().unwrap().pkp, 70_000_000);
    assert_eq!(slips[11].figures.tax, 700_000);
}

/// Leaving mid-year with a refund: Taxindo SMEsubz, "Dinamika penghitungan PPh 21 saat
/// karyawan resign: potensi lebih bayar dan kewajiban pemberi kerja" (tax year 2024):
/// TK/0, 17,500,000 a month, pension 100,000, August the last month paid: TER A 8 % in
/// January–July (1,400,000 a month), the tax for January–August 6,180,000 (biaya jabatan
/// capped at 500,000 × 8 months, PTKP not prorated, no annualising), so August refunds
/// 3,620,000 of the 9,800,000 withheld.
#[test]
fn taxindo_leaver_is_refunded_in_the_leaving_month() {
    let rates = Rates { jp_employee: 100, jp_cap: 10_000_000, ..djp_rates(0) }; // 100,000
    let mut e = employee("TK/0");
    e.set("status", "left");
    // The source counts August in full.
    e.set("left_on", "2024-08-31");
    let (slips, _) = year(&e, &pay(&e, 17_500_000), &rates, 2024, &[], None);
    for s in &slips[..7] {
        assert_eq!(s.figures.tax, 1_400_000);
    }
    let aug = &slips[7];
    let a = aug.annual.as_ref().expect("the leaving month reconciles");
    assert_eq!((a.gross, a.position_cost, a.contributions, a.pkp, a.tax), (140_000_000, 4_000_000, 800_000, 81_200_000, 6_180_000));
    assert_eq!(aug.figures.tax, -3_620_000, "a refund, paid with the take-home pay");
    assert_eq!(aug.figures.net, 17_500_000 - 100_000 + 3_620_000);
}

/// Employer premiums in the TER gross: the `gajian` library's README (glama.ai listing):
/// K/1, 10,000,000 in June 2025, JKK 0.24 %: JKK + JKM + Kesehatan 454,000, TER B gross
/// 10,454,000 at 1.5 % = 156,810; JHT 200,000, JP 100,000, Kesehatan 100,000; take-home
/// 9,443,190. With the shipped rate set unchanged.
#[test]
fn shipped_rates_put_employer_premiums_in_the_gross() {
    let rates = shipped();
    let e = employee("K/1");
    let cal = WorkCalendar::new(false, &[]);
    let month = Month {
        year: 2025,
        month: 6,
        kind: RunKind::Regular,
        paid_on: d(2025, 6, 25),
        service_until: d(2025, 6, 25),
        rates: &rates,
        calendar: &cal,
    };
    let s = compute(&e, &[(NaiveDate::MIN, &pay(&e, 10_000_000))], &Days::default(), &[], &Earlier::default(), &month).unwrap();
    let f = &s.figures;
    assert_eq!((f.benefits, f.gross, f.tax), (454_000, 10_454_000, 156_810));
    assert_eq!((f.jht_employee, f.jp_employee, f.kes_employee, f.net), (200_000, 100_000, 100_000, 9_443_190));
}

/// BPJS Kesehatan: Suara.com, 21 November 2025, "Cara hitung iuran BPJS Kesehatan karyawan
/// swasta 2025": a 15,000,000 wage is capped at 12,000,000 (employer 480,000, employee
/// 120,000); a wage under the UMK of 2,441,400 is raised to it (97,656 and 24,414).
/// JP: Gadjian's help centre, "Ketentuan Batasan Upah dan Manfaat Jaminan Pensiun Tahun
/// 2023": with the cap at 9,559,600, 10,000,000 pays 191,192 and 95,596; 6,000,000 pays
/// 120,000 and 60,000.
#[test]
fn bpjs_caps_and_floor() {
    let rates = Rates { wage_floor: 2_441_400, jp_cap: 9_559_600, ..shipped() };
    let b = bpjs(&rates, 15_000_000);
    assert_eq!((b.kes_base, b.kes_employer, b.kes_employee), (12_000_000, 480_000, 120_000));
    let b = bpjs(&rates, 2_000_000);
    assert_eq!((b.kes_base, b.kes_employer, b.kes_employee), (2_441_400, 97_656, 24_414));
    let b = bpjs(&rates, 10_000_000);
    assert_eq!((b.jp_base, b.jp_employer, b.jp_employee), (9_559_600, 191_192, 95_596));
    let b = bpjs(&rates, 6_000_000);
    assert_eq!((b.jp_employer, b.jp_employee), (120_000, 60_000));
    // JHT has no cap.
    assert_eq!(bpjs(&rates, 20_000_000).jht_employee, 400_000);
}

/// Overtime, PP 35/2021, the hourly wage (monthly ÷ 173) rounded down as the ministry does:
/// - Kemnaker via Okezone, 2 April 2025, "Begini cara menghitung upah lembur pekerja yang
///   masuk saat Lebaran": 5,000,000, a holiday, 6-day week, 9 hours: 606,921;
/// - tvOneNews, "Tahun baru masuk kerja, begini perhitungan upah yang bakal kamu terima":
///   5,000,000, 5-day week, 10 hours on a rest day: 664,723;
/// - caraharian.com, "Cara menghitung upah lembur yang benar": 3,000,000, 4 hours on a
///   Monday: 130,057; 8 hours on a Sunday in a 6-day week: 294,797.
#[test]
fn overtime_on_working_and_rest_days() {
    let rates = shipped();
    let six = WorkCalendar::new(true, &[]);
    let five = WorkCalendar::new(false, &[]);
    let sunday = d(2025, 3, 30);
    let saturday = d(2025, 3, 29);
    let monday = d(2025, 3, 31);
    assert_eq!(overtime_pay(&rates, &six, 5_000_000, &[(sunday, 9 * 60)]), (606_921, 540));
    assert_eq!(overtime_pay(&rates, &five, 5_000_000, &[(saturday, 10 * 60)]).0, 664_723);
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(monday, 4 * 60)]).0, 130_057);
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(sunday, 8 * 60)]).0, 294_797);
    // Saturday is a working day in a 6-day week: 1.5 then 2.
    assert_eq!(overtime_pay(&rates, &six, 3_000_000, &[(saturday, 4 * 60)]).0, 130_057);
}

/// THR pro rata (Permenaker 6/2016), rounded down as Tribun Jateng does:
/// - AyoBogor, "Cara menghitung THR lebaran karyawan dan pengusaha wajib tahu": 7 months of
///   10,000,000 = 5,833,333;
/// - Pikiran Rakyat, "Cara menghitung THR proporsional…": 9 months of 4,500,000 = 3,375,000;
///   14 months of 6,000,000 = a full month;
/// - Tribun Jateng, 5 February 2025, "3 rumus perhitungan THR 2025": 10 months of
///   8,000,000 = 6,666,666;
/// - IDX Channel, 29 March 2023, "Cara hitung THR prorata untuk pekerja kurang dari
///   setahun": 3 months of 5,000,000 = 1,250,000.
#[test]
fn thr_pro_rata() {
    let paid = d(2026, 3, 13);
    assert_eq!(thr_amount(10_000_000, d(2025, 8, 13), paid), (5_833_333, 7));
    assert_eq!(thr_amount(4_500_000, d(2025, 6, 1), paid), (3_375_000, 9));
    assert_eq!(thr_amount(6_000_000, d(2025, 1, 2), paid), (6_000_000, 12));
    assert_eq!(thr_amount(8_000_000, d(2025, 5, 13), paid), (6_666_666, 10));
    assert_eq!(thr_amount(5_000_000, d(2025, 12, 1), paid), (1_250_000, 3));
    // Under one month: none.
    assert_eq!(thr_amount(5_000_000, d(2026, 2, 20), paid), (0, 0));
}
