//! Bank statements as Indonesian banks export them (KlikBCA, BCA Bisnis, Mandiri MCM, BRI's
//! CMS/QLola export, BNI's transaction inquiry), and
//! any other CSV by a column mapping the office sets once per account. Amounts in these
//! files write `.` before the cents and `,` between thousands, the reverse of Indonesian
//! display; a mapping can say otherwise. Pending rows are skipped; each line gets a key so
//! the same line imported twice is recognised.
use chrono::NaiveDate;

/// One line of a statement: money into the account when `amount` is positive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub date: NaiveDate,
    pub description: String,
    pub amount: i64,
    /// The balance after the line, when the bank prints it.
    pub balance: Option<i64>,
    pub reference: String,
    /// The line of the file it came from (1 is the first).
    pub line: usize,
    /// Date, amount, balance and description, with how many identical lines came before
    /// it in the file: the same line imported again has the same key.
    pub key: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    Dmy,
    Mdy,
    Ymd,
}

/// Where the amount is: one signed column, debit and credit columns, an amount with a
/// DB/CR column beside it, or an amount written with its DB/CR mark ("287,490.00 DB").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Amount {
    Signed(usize),
    DebitCredit(usize, usize),
    Marker(usize, usize),
    Suffixed(usize),
}

/// How to read a statement's columns. Written as text (`date=0:dmy;desc=1;amount=3;…`) to
/// be remembered on the account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The row of column names (0 is the file's first row).
    pub header: usize,
    pub date: usize,
    pub order: DateOrder,
    pub description: Vec<usize>,
    pub amount: Amount,
    pub balance: Option<usize>,
    pub reference: Option<usize>,
    /// The mark before the cents: '.' in bank exports, ',' in Indonesian spreadsheets.
    pub decimal: char,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    KlikBca,
    BcaBisnis,
    Mandiri,
    /// BRI's CSV from CMS / QLola (also what BRImo exports): quoted fields, plain numbers.
    Bri,
    /// BNI's transaction inquiry (BNIDirect, Internet Banking): debit and credit columns.
    Bni,
    /// Read by the account's own mapping.
    Mapped,
}

impl Format {
    pub fn label_key(self) -> &'static str {
        match self {
            Format::KlikBca => "bank.format.klikbca",
            Format::BcaBisnis => "bank.format.bcabisnis",
            Format::Mandiri => "bank.format.mandiri",
            Format::Bri => "bank.format.bri",
            Format::Bni => "bank.format.bni",
            Format::Mapped => "bank.format.mapped",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub lines: Vec<Line>,
    /// Rows marked pending (PEND): not booked by the bank yet.
    pub pending: usize,
    /// (file line, i18n key of what is wrong)
    pub problems: Vec<(usize, &'static str)>,
    /// The statement's own closing balance, when it prints one.
    pub closing: Option<i64>,
}

/// A statement file as rows of cells, with the line of the file each row starts on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    pub rows: Vec<Vec<String>>,
    pub lines: Vec<usize>,
}

/// A bank's workbook (the first worksheet) as the rows its CSV would have: numbers as banks
/// write them (a decimal point, no thousands), dates day first (`02/11/2026`), text as is.
pub fn sheet_from_xlsx(bytes: &[u8]) -> Result<Sheet, crate::domain::xlsx::XlsxError> {
    use crate::domain::xlsx::Value;
    let day = |d: chrono::NaiveDate| d.format("%d/%m/%Y").to_string();
    let text = |v: &Value| match v {
        Value::Empty => String::new(),
        Value::Text(t) | Value::Error(t) => t.clone(),
        Value::Number(n) => {
            let n = crate::domain::xlsx::as_shown(*n);
            if n.fract() == 0.0 && n.abs() < 1e15 {
                format!("{}", n as i64)
            } else {
                n.to_string()
            }
        }
        Value::Bool(b) => if *b { "1" } else { "" }.to_string(),
        Value::Date(d) => day(*d),
        Value::DateTime(t) => format!("{} {}", day(t.date()), crate::domain::dates::time_text(t.time())),
        Value::Time(t) => crate::domain::dates::time_text(*t),
    };
    let mut sheet = Sheet::default();
    for (line, cells) in crate::domain::xlsx::rows(bytes, 0)? {
        sheet.rows.push(cells.iter().map(text).collect());
        sheet.lines.push(line);
    }
    Ok(sheet)
}

/// Reads the file; the delimiter is the one most used outside quotes. Blank lines are not
/// rows, but they count in the line numbers a problem is reported at.
pub fn rows(text: &str) -> Sheet {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = crate::domain::csv_io::detect_delimiter(text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    let (mut counted_to, mut line) = (0usize, 1usize);
    for rec in rdr.records() {
        let Ok(rec) = rec else { continue };
        let mut at = rec.position().map_or(counted_to, |p| p.byte() as usize).clamp(counted_to, text.len());
        // The reader's offset can sit before the line ends and blank lines it skipped.
        while at < text.len() && matches!(text.as_bytes()[at], b'\r' | b'\n') {
            at += 1;
        }
        line += text.as_bytes()[counted_to..at].iter().filter(|b| **b == b'\n').count();
        counted_to = at;
        sheet.rows.push(rec.iter().map(|c| c.trim().to_string()).collect());
        sheet.lines.push(line);
    }
    sheet
}

fn lower(s: &str) -> String {
    crate::text::lower(s.trim())
}

/// The bank's own layout, recognised by its column names.
pub fn detect(rows: &[Vec<String>]) -> Option<(Format, Mapping)> {
    let find = |names: &[&str]| -> Option<(usize, Vec<String>)> {
        rows.iter().enumerate().take(40).find_map(|(i, r)| {
            let cells: Vec<String> = r.iter().map(|c| lower(c)).collect();
            names.iter().all(|n| cells.iter().any(|c| c == n)).then_some((i, cells))
        })
    };
    let col = |cells: &[String], name: &str| cells.iter().position(|c| c == name);
    if let Some((i, c)) = find(&["account no", "date", "debit", "credit"]) {
        let descriptions: Vec<usize> = c.iter().enumerate().filter(|(_, x)| *x == "description").map(|(j, _)| j).collect();
        return Some((
            Format::Mandiri,
            Mapping {
                header: i,
                date: col(&c, "date")?,
                order: DateOrder::Dmy,
                description: descriptions,
                amount: Amount::DebitCredit(col(&c, "debit")?, col(&c, "credit")?),
                balance: None,
                reference: col(&c, "reference no."),
                decimal: '.',
            },
        ));
    }
    // BRI names its columns in capitals with underscores, the balance before and after each
    // line beside the debit and credit; the date carries the time (2026-08-03 09:15:22).
    if let Some((i, c)) = find(&["norek", "tgl_tran", "desk_tran", "mutasi_debet", "mutasi_kredit"]) {
        return Some((
            Format::Bri,
            Mapping {
                header: i,
                date: col(&c, "tgl_tran")?,
                order: DateOrder::Ymd,
                description: vec![col(&c, "desk_tran")?],
                amount: Amount::DebitCredit(col(&c, "mutasi_debet")?, col(&c, "mutasi_kredit")?),
                balance: col(&c, "saldo_akhir_mutasi"),
                reference: None,
                decimal: '.',
            },
        ));
    }
    // BNI: the posting date with its time (03/08/26 09.15.22), the journal number, no balance.
    if let Some((i, c)) = find(&["post date", "journal no.", "description", "debit", "credit"]) {
        return Some((
            Format::Bni,
            Mapping {
                header: i,
                date: col(&c, "post date")?,
                order: DateOrder::Dmy,
                description: vec![col(&c, "description")?],
                amount: Amount::DebitCredit(col(&c, "debit")?, col(&c, "credit")?),
                balance: None,
                reference: col(&c, "journal no."),
                decimal: '.',
            },
        ));
    }
    for (date, desc, amount, balance) in [
        ("date", "description", "amount", "balance"),
        ("tanggal transaksi", "keterangan", "jumlah", "saldo"),
        ("tanggal", "keterangan", "jumlah", "saldo"),
    ] {
        if let Some((i, c)) = find(&[date, desc, amount]) {
            let a = col(&c, amount)?;
            // KlikBCA puts DB/CR in the unnamed column after the amount; BCA Bisnis writes
            // it inside the amount.
            let marked = rows.iter().skip(i + 1).take(20).any(|r| r.get(a + 1).is_some_and(|m| matches!(m.trim(), "DB" | "CR")));
            let suffixed = rows.iter().skip(i + 1).take(20).any(|r| r.get(a).is_some_and(|v| v.ends_with(" DB") || v.ends_with(" CR")));
            let (format, amount) = if marked {
                (Format::KlikBca, Amount::Marker(a, a + 1))
            } else if suffixed {
                (Format::BcaBisnis, Amount::Suffixed(a))
            } else {
                continue;
            };
            return Some((
                format,
                Mapping {
                    header: i,
                    date: col(&c, date)?,
                    order: DateOrder::Dmy,
                    description: vec![col(&c, desc)?],
                    amount,
                    balance: col(&c, balance),
                    reference: None,
                    decimal: '.',
                },
            ));
        }
    }
    None
}

/// An amount as the bank writes it, in minor units of a currency with `decimals` places
/// (cents beyond them rounded half up); `None` when it is not a number.
pub fn amount(text: &str, decimal: char, decimals: u32) -> Option<i64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}').collect();
    let t = t.trim_start_matches("Rp").trim_start_matches("IDR");
    let (neg, t) = match (t.strip_prefix('-'), t.strip_prefix('(').and_then(|x| x.strip_suffix(')'))) {
        (Some(rest), _) => (true, rest),
        (_, Some(inner)) => (true, inner),
        _ => (false, t),
    };
    let thousands = if decimal == '.' { ',' } else { '.' };
    let t: String = t.chars().filter(|c| *c != thousands).collect();
    let (whole, frac) = t.split_once(decimal).unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    if !whole.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) || frac.len() > 4 {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let scale = 10i64.pow(decimals);
    let frac_digits = format!("{frac:0<4}");
    let frac_10k: i64 = frac_digits.parse().ok()?;
    // The fraction in ten-thousandths, to minor units rounded half up.
    let minor_frac = (frac_10k * scale + 5_000) / 10_000;
    let v = whole.checked_mul(scale)?.checked_add(minor_frac)?;
    Some(if neg { -v } else { v })
}

/// A date as the bank writes it (`'01/11/2026`, `01/11/26`, `'01/11` with `year`); a time
/// after it (`2026-08-03 09:15:22`, `03/08/26 09.15.22`) is not the date's.
pub fn date(text: &str, order: DateOrder, year: i32) -> Option<NaiveDate> {
    let t = text.trim().trim_start_matches('\'');
    let t = t.split_whitespace().next().unwrap_or_default();
    let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
    let num = |s: &str| s.trim().parse::<i32>().ok();
    let full_year = |y: &str| {
        let n = num(y)?;
        match y.trim().len() {
            2 => Some(2000 + n),
            4 => Some(n),
            _ => None,
        }
    };
    let (y, m, d) = match (order, parts.as_slice()) {
        (DateOrder::Dmy, [d, m]) => (year, num(m)?, num(d)?),
        (DateOrder::Dmy, [d, m, y]) => (full_year(y)?, num(m)?, num(d)?),
        (DateOrder::Mdy, [m, d]) => (year, num(m)?, num(d)?),
        (DateOrder::Mdy, [m, d, y]) => (full_year(y)?, num(m)?, num(d)?),
        (DateOrder::Ymd, [y, m, d]) => (full_year(y)?, num(m)?, num(d)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, m.try_into().ok()?, d.try_into().ok()?)
        .filter(|d| crate::domain::record::YEARS.contains(&chrono::Datelike::year(d)))
}

/// Reads the statement's lines with `mapping`; `year` dates rows that carry none (older
/// KlikBCA files).
pub fn parse(sheet: &Sheet, mapping: &Mapping, year: i32, decimals: u32) -> Parsed {
    let mut out = Parsed::default();
    let cell = |r: &[String], i: usize| r.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (r, &line) in sheet.rows.iter().zip(&sheet.lines).skip(mapping.header + 1) {
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let first = lower(&cell(r, 0));
        // KlikBCA's footer: opening and closing balances, totals.
        if first.starts_with("saldo akhir") || first.starts_with("closing balance") {
            out.closing = r.iter().skip(1).find_map(|c| {
                amount(c.trim_start_matches('='), mapping.decimal, decimals).filter(|_| !c.trim().is_empty() && c.trim() != "=")
            });
            continue;
        }
        if first.starts_with("saldo awal")
            || first.starts_with("mutasi")
            || first.starts_with("opening balance")
            || first.starts_with("total")
        {
            continue;
        }
        let raw_date = cell(r, mapping.date);
        if raw_date.eq_ignore_ascii_case("pend") || r.iter().any(|c| c.trim().eq_ignore_ascii_case("pend")) {
            out.pending += 1;
            continue;
        }
        let Some(day) = date(&raw_date, mapping.order, year) else {
            out.problems.push((line, "bank.err.date"));
            continue;
        };
        let read = |text: &str| amount(text, mapping.decimal, decimals);
        let signed = match mapping.amount {
            Amount::Signed(a) => read(&cell(r, a)),
            Amount::DebitCredit(d, c) => {
                let (dt, ct) = (cell(r, d), cell(r, c));
                let dv = if dt.is_empty() { Some(0) } else { read(&dt) };
                let cv = if ct.is_empty() { Some(0) } else { read(&ct) };
                dv.zip(cv).map(|(d, c)| c - d)
            }
            Amount::Marker(a, m) => {
                let v = read(&cell(r, a));
                match lower(&cell(r, m)).as_str() {
                    "db" | "d" | "debit" => v.map(|v| -v.abs()),
                    "cr" | "k" | "c" | "credit" | "kredit" => v.map(i64::abs),
                    _ => None,
                }
            }
            Amount::Suffixed(a) => {
                let t = cell(r, a);
                let up = t.to_uppercase();
                if let Some(v) = up.strip_suffix("DB") {
                    read(v).map(|v| -v.abs())
                } else if let Some(v) = up.strip_suffix("CR") {
                    read(v).map(i64::abs)
                } else {
                    read(&t)
                }
            }
        };
        let Some(signed) = signed else {
            out.problems.push((line, "bank.err.amount"));
            continue;
        };
        let description = mapping.description.iter().map(|&c| cell(r, c)).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
        let balance = mapping.balance.and_then(|b| read(&cell(r, b)));
        let reference = mapping.reference.map(|c| cell(r, c)).unwrap_or_default();
        let fingerprint = format!("{day}|{signed}|{}|{}", balance.map(|b| b.to_string()).unwrap_or_default(), lower(&description));
        let n = seen.entry(fingerprint.clone()).or_insert(0);
        *n += 1;
        let key = format!("{fingerprint}#{n}");
        out.lines.push(Line { date: day, description, amount: signed, balance, reference, line, key });
    }
    out
}

impl Mapping {
    pub fn to_text(&self) -> String {
        let order = match self.order {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
            DateOrder::Ymd => "ymd",
        };
        let list = |v: &[usize]| v.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
        let amount = match self.amount {
            Amount::Signed(a) => format!("amount={a}"),
            Amount::DebitCredit(d, c) => format!("debit={d};credit={c}"),
            Amount::Marker(a, m) => format!("amount={a};marker={m}"),
            Amount::Suffixed(a) => format!("suffixed={a}"),
        };
        let mut s =
            format!("header={};date={}:{order};desc={};{amount};decimal={}", self.header, self.date, list(&self.description), self.decimal);
        if let Some(b) = self.balance {
            s.push_str(&format!(";balance={b}"));
        }
        if let Some(r) = self.reference {
            s.push_str(&format!(";ref={r}"));
        }
        s
    }

    pub fn from_text(s: &str) -> Option<Mapping> {
        let get = |k: &str| s.split(';').find_map(|kv| kv.strip_prefix(k).and_then(|r| r.strip_prefix('=')));
        let n = |k: &str| get(k).and_then(|v| v.parse::<usize>().ok());
        let (date, order) = get("date")?.split_once(':')?;
        let order = match order {
            "dmy" => DateOrder::Dmy,
            "mdy" => DateOrder::Mdy,
            "ymd" => DateOrder::Ymd,
            _ => return None,
        };
        let amount = match (n("amount"), n("marker"), n("debit"), n("credit"), n("suffixed")) {
            (Some(a), Some(m), ..) => Amount::Marker(a, m),
            (Some(a), None, ..) => Amount::Signed(a),
            (_, _, Some(d), Some(c), _) => Amount::DebitCredit(d, c),
            (.., Some(a)) => Amount::Suffixed(a),
            _ => return None,
        };
        let description = get("desc")?.split(',').filter(|x| !x.is_empty()).map(|x| x.parse().ok()).collect::<Option<Vec<usize>>>()?;
        Some(Mapping {
            header: n("header")?,
            date: date.parse().ok()?,
            order,
            description,
            amount,
            balance: n("balance"),
            reference: n("ref"),
            decimal: get("decimal").and_then(|d| d.chars().next()).filter(|c| matches!(c, '.' | ',')).unwrap_or('.'),
        })
    }
}
