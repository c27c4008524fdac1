//! The figures payroll reads, typed: BPJS rates and wage caps, PTKP amounts, the Pasal 17
//! brackets, the TER tables, biaya jabatan and overtime multipliers. They come from the
//! office's rate sets (`PayRates` records, each with the date it takes effect), never from
//! constants in the calculation; the shipped set is only the blank a new set starts from.

/// Hundredths of a percent: 3.7 % is 370, 0.25 % is 25.
pub type Bp = u32;

/// A step table: the rate of the first step whose upper bound (inclusive, rupiah) is at
/// least the amount, or `above` past the last step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub steps: Vec<(i64, Bp)>,
    pub above: Bp,
}

impl Table {
    pub fn rate(&self, amount: i64) -> Bp {
        self.steps.iter().find(|(upper, _)| amount <= *upper).map_or(self.above, |(_, r)| *r)
    }

    /// Progressive tax: each slice of `amount` at its own rate (Pasal 17), rounded down.
    pub fn progressive(&self, amount: i64) -> i64 {
        let mut tax: i128 = 0;
        let mut lower = 0i64;
        for (upper, rate) in &self.steps {
            if amount <= lower {
                break;
            }
            tax += (amount.min(*upper) - lower) as i128 * *rate as i128;
            lower = *upper;
        }
        if amount > lower {
            tax += (amount - lower) as i128 * self.above as i128;
        }
        (tax / 10_000) as i64
    }
}

/// Overtime multipliers per hour worked, in tenths (1.5 is 15); the last one repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Multipliers(pub Vec<u32>);

impl Multipliers {
    pub fn of_hour(&self, hour: usize) -> u32 {
        self.0.get(hour).or(self.0.last()).copied().unwrap_or(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rates {
    pub kes_employer: Bp,
    pub kes_employee: Bp,
    /// The Kesehatan wage base is capped here and floored at `wage_floor` (the UMK).
    pub kes_cap: i64,
    /// The regional minimum wage (UMK); 0 when not set.
    pub wage_floor: i64,
    pub jht_employer: Bp,
    pub jht_employee: Bp,
    pub jp_employer: Bp,
    pub jp_employee: Bp,
    /// Changes every March by BPJS letter.
    pub jp_cap: i64,
    /// By the company's risk class: 0.24, 0.54, 0.89, 1.27 or 1.74 %.
    pub jkk: Bp,
    pub jkm: Bp,
    /// Biaya jabatan: a share of gross, at most so much a month and a year.
    pub position_cost: Bp,
    pub position_cost_month: i64,
    pub position_cost_year: i64,
    pub ptkp_self: i64,
    pub ptkp_married: i64,
    pub ptkp_dependant: i64,
    /// Pasal 17 brackets on yearly taxable income.
    pub brackets: Table,
    pub ter_a: Table,
    pub ter_b: Table,
    pub ter_c: Table,
    /// Hourly wage = monthly wage ÷ this (173).
    pub overtime_divisor: i64,
    pub overtime_workday: Multipliers,
    pub overtime_rest_6day: Multipliers,
    pub overtime_rest_5day: Multipliers,
    /// A public holiday on a six-day week's shortest working day (PP 35/2021 art. 31(2)b).
    pub overtime_short_holiday: Multipliers,
    /// The overtime wage base is at least this share of the whole month's wage when basic
    /// and fixed allowances are less (PP 35/2021 art. 32(4)); 0 when not applied.
    pub overtime_floor: Bp,
    /// The JP pension age by the year it applies from (PP 45/2015 art. 15): JP is no
    /// longer paid once an employee has reached it. Empty: JP never stops.
    pub jp_pension_age: AgeSteps,
    /// Extra tax for an employee without a tax ID (NPWP or a valid NIK); 0 when not applied.
    pub no_tax_id_surcharge: Bp,
    /// Take-home pay is rounded down to a multiple of this (1 = whole rupiah).
    pub round_net: i64,
}

/// Ages by the year each applies from, rising.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgeSteps(pub Vec<(i32, u32)>);

impl AgeSteps {
    /// The age in force in `year`: the last step that began by then.
    pub fn in_year(&self, year: i32) -> Option<u32> {
        self.0.iter().take_while(|(from, _)| *from <= year).last().map(|(_, age)| *age)
    }
}

/// A decimal typed with `.` or `,` and at most `scale` decimals, times 10^scale:
/// `parse_scaled("3,7", 2)` is 370. No thousands separators: these are rates and bounds
/// in millions, not amounts.
pub fn parse_scaled(text: &str, scale: u32) -> Option<i64> {
    let t = text.trim();
    let (int, frac) = match t.find(['.', ',']) {
        Some(i) => (&t[..i], &t[i + 1..]),
        None => (t, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || frac.len() > scale as usize || int.len() > 12 {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut f: i64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    for _ in frac.len()..scale as usize {
        f *= 10;
    }
    whole.checked_mul(10i64.pow(scale))?.checked_add(f)
}

/// A percentage as hundredths of a percent, at most 100 %.
pub fn parse_percent(text: &str) -> Option<Bp> {
    parse_scaled(text, 2).filter(|v| *v <= 10_000).map(|v| v as Bp)
}

/// `"5.4:0 5.65:0.25 … *:34"`: upper bounds in millions of rupiah (inclusive) with their
/// rate in percent, rising, then `*:` and the rate above the last bound.
pub fn parse_table(text: &str) -> Option<Table> {
    let mut steps = vec![];
    let mut above = None;
    for token in text.split_whitespace() {
        let (bound, rate) = token.split_once(':')?;
        let rate = parse_percent(rate)?;
        if above.is_some() {
            return None;
        }
        if bound == "*" {
            above = Some(rate);
            continue;
        }
        let upper = parse_scaled(bound, 6)?;
        if steps.last().is_some_and(|(prev, _)| *prev >= upper) {
            return None;
        }
        steps.push((upper, rate));
    }
    Some(Table { steps, above: above? })
}

/// The table as [`parse_table`] reads it.
pub fn table_text(t: &Table) -> String {
    let num = |v: i64, scale: u32| {
        let p = 10i64.pow(scale);
        let frac = format!("{:0w$}", v % p, w = scale as usize);
        let frac = frac.trim_end_matches('0');
        if frac.is_empty() {
            (v / p).to_string()
        } else {
            format!("{}.{frac}", v / p)
        }
    };
    let mut out: Vec<String> = t.steps.iter().map(|(u, r)| format!("{}:{}", num(*u, 6), num(*r as i64, 2))).collect();
    out.push(format!("*:{}", num(t.above as i64, 2)));
    out.join(" ")
}

/// `"1.5 2"`: one multiplier per hour, the last repeating.
pub fn parse_multipliers(text: &str) -> Option<Multipliers> {
    let v: Option<Vec<u32>> = text.split_whitespace().map(|t| parse_scaled(t, 1).filter(|m| *m <= 100).map(|m| m as u32)).collect();
    v.filter(|v| !v.is_empty()).map(Multipliers)
}

/// `"2019:57 2022:58"`: from each year, the age; years rising. Empty is no steps.
pub fn parse_age_steps(text: &str) -> Option<AgeSteps> {
    let mut steps: Vec<(i32, u32)> = vec![];
    for token in text.split_whitespace() {
        let (year, age) = token.split_once(':')?;
        let year: i32 = year.parse().ok().filter(|y| (1900..=2200).contains(y))?;
        let age: u32 = age.parse().ok().filter(|a| (15..=100).contains(a))?;
        if steps.last().is_some_and(|(prev, _)| *prev >= year) {
            return None;
        }
        steps.push((year, age));
    }
    Some(AgeSteps(steps))
}

/// The shipped values (PP 58/2023 and PMK 168/2023 for the TER tables; UU HPP for the
/// brackets and PTKP; PP 44, 45, 46/2015 and Perpres 82/2018 for BPJS; PP 35/2021 for
/// overtime and its wage base), as text a rate set's form shows.
pub mod shipped {
    pub const BRACKETS: &str = "60:5 250:15 500:25 5000:30 *:35";
    pub const TER_A: &str = "5.4:0 5.65:0.25 5.95:0.5 6.3:0.75 6.75:1 7.5:1.25 8.55:1.5 9.65:1.75 10.05:2 10.35:2.25 10.7:2.5 11.05:3 11.6:3.5 12.5:4 13.75:5 15.1:6 16.95:7 19.75:8 24.15:9 26.45:10 28:11 30.05:12 32.4:13 35.4:14 39.1:15 43.85:16 47.8:17 51.4:18 56.3:19 62.2:20 68.6:21 77.5:22 89:23 103:24 125:25 157:26 206:27 337:28 454:29 550:30 695:31 910:32 1400:33 *:34";
    pub const TER_B: &str = "6.2:0 6.5:0.25 6.85:0.5 7.3:0.75 9.2:1 10.75:1.5 11.25:2 11.6:2.5 12.6:3 13.6:4 14.95:5 16.4:6 18.45:7 21.85:8 26:9 27.7:10 29.35:11 31.45:12 33.95:13 37.1:14 41.1:15 45.8:16 49.5:17 53.8:18 58.5:19 64:20 71:21 80:22 93:23 109:24 129:25 163:26 211:27 374:28 459:29 555:30 704:31 957:32 1405:33 *:34";
    pub const TER_C: &str = "6.6:0 6.95:0.25 7.35:0.5 7.8:0.75 8.85:1 9.8:1.25 10.95:1.5 11.2:1.75 12.05:2 12.95:3 14.15:4 15.55:5 17.05:6 19.5:7 22.7:8 26.6:9 28.1:10 30.1:11 32.6:12 35.4:13 38.9:14 43:15 47.4:16 51.2:17 55.8:18 60.4:19 66.7:20 74.5:21 83.2:22 95.6:23 110:24 134:25 169:26 221:27 390:28 463:29 561:30 709:31 965:32 1419:33 *:34";
    pub const OVERTIME_WORKDAY: &str = "1.5 2";
    pub const OVERTIME_REST_6DAY: &str = "2 2 2 2 2 2 2 3 4";
    pub const OVERTIME_REST_5DAY: &str = "2 2 2 2 2 2 2 2 3 4";
    pub const OVERTIME_SHORT_HOLIDAY: &str = "2 2 2 2 2 3 4";
    /// 56 at first, 57 from 2019, one year more every three years up to 65 (PP 45/2015 art. 15).
    pub const JP_PENSION_AGE: &str = "2015:56 2019:57 2022:58 2025:59 2028:60 2031:61 2034:62 2037:63 2040:64 2043:65";
}
