//! Locale-aware display of money, numbers and dates (id-ID by default).
use chrono::{DateTime, Datelike, FixedOffset, Timelike};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    /// The decimal mark: "1,5" in Indonesian, "1.5" in English.
    pub fn decimal_mark(self) -> char {
        match self {
            Lang::Id => ',',
            Lang::En => '.',
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s == "id" || s.starts_with("id-") || s == "in" {
            Some(Lang::Id)
        } else if s == "en" || s.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }
    /// First match among the browser's preferred languages; Indonesian when none match.
    pub fn from_browser(prefs: &[String]) -> Lang {
        prefs.iter().find_map(|p| Lang::parse(p)).unwrap_or(Lang::Id)
    }
}

pub struct Currency {
    pub code: &'static str,
    pub symbol: &'static str,
    /// Digits after the decimal point in the stored minor units.
    pub decimals: u32,
}

/// Rupiah is kept in whole rupiah: Indonesian offices never show sen.
pub const CURRENCIES: &[Currency] = &[
    Currency { code: "IDR", symbol: "Rp", decimals: 0 },
    Currency { code: "USD", symbol: "US$", decimals: 2 },
    Currency { code: "EUR", symbol: "€", decimals: 2 },
    Currency { code: "SGD", symbol: "S$", decimals: 2 },
    Currency { code: "MYR", symbol: "RM", decimals: 2 },
    Currency { code: "AUD", symbol: "A$", decimals: 2 },
    Currency { code: "JPY", symbol: "¥", decimals: 0 },
];

pub fn currency(code: &str) -> &'static Currency {
    CURRENCIES.iter().find(|c| c.code == code).unwrap_or(&CURRENCIES[0])
}

/// Groups digits: "1.234.567" in Indonesian, "1,234,567" in English.
pub fn group_digits(n: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Id { '.' } else { ',' };
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// Formats integer minor units, e.g. `Rp 1.234.567` or `US$ 1,234.50`.
pub fn format_money(minor: i64, code: &str, lang: Lang) -> String {
    let cur = currency(code);
    let neg = minor < 0;
    let abs = minor.unsigned_abs();
    let scale = 10u64.pow(cur.decimals);
    let mut s = format!("{} {}", cur.symbol, group_digits(abs / scale, lang));
    if cur.decimals > 0 {
        let dec = if lang == Lang::Id { ',' } else { '.' };
        s.push(dec);
        s.push_str(&format!("{:0width$}", abs % scale, width = cur.decimals as usize));
    }
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

/// An amount as typed, in major units, to minor units: "15.000", "15,000", "Rp 15.000",
/// "1.234,50", "1,234.50", "12.5". A separator followed by exactly three digits groups
/// thousands; a last separator followed by one or two digits is the decimal point (when the
/// currency has decimals). `None` for anything else, so a typo is refused, never guessed.
pub fn parse_amount(text: &str, decimals: u32) -> Option<i64> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, t),
    };
    // A currency symbol or code before the number ("Rp", "US$", "IDR").
    let t = t.trim_start_matches(|c: char| !c.is_ascii_digit() && c != '-').trim();
    if t.is_empty() || !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}')) {
        return None;
    }
    let parts: Vec<&str> = t.split(['.', ',', ' ', '\u{a0}']).collect();
    // A currency without cents still takes the ",00" spreadsheets write ("1.500.000,00").
    let (whole, frac) = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() && (1..=2).contains(&last.len()) && (decimals > 0 || last.bytes().all(|b| b == b'0')) => {
            (rest, *last)
        }
        _ => (&parts[..], ""),
    };
    if whole.is_empty() || whole[0].is_empty() || whole[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let major: i64 = whole.concat().parse().ok()?;
    let scale = 10i64.pow(decimals);
    let frac_minor: i64 = if frac.is_empty() || decimals == 0 {
        0
    } else {
        format!("{frac:0<width$}", width = decimals as usize)[..decimals as usize].parse().ok()?
    };
    let v = major.checked_mul(scale)?.checked_add(frac_minor)?;
    Some(if neg { -v } else { v })
}

/// How a file writes its numbers: which mark groups thousands and which comes before the
/// cents. Only `1.500` and `1,500` (one mark, three digits after it) need to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1.500.000,00`: Indonesian Excel, and what Indonesians type.
    Indonesian,
    /// `1,500,000.00`: bank exports and English spreadsheets.
    English,
}

impl NumberStyle {
    fn thousands(self) -> char {
        match self {
            NumberStyle::Indonesian => '.',
            NumberStyle::English => ',',
        }
    }

    /// What one cell says of its file's style, when it says anything: both marks (the last
    /// is the decimal one), a mark with one or two digits after it (a decimal mark), or one
    /// mark twice (a thousands mark).
    pub fn of(text: &str) -> Option<NumberStyle> {
        // A currency before the number ("Rp. 1,500,000") or a sign is not the number's.
        let t = text.trim().trim_start_matches(|c: char| !c.is_ascii_digit()).trim_end_matches(|c: char| !c.is_ascii_digit());
        let (dot, comma) = (t.rfind('.'), t.rfind(','));
        let style = |decimal_is_comma: bool| if decimal_is_comma { NumberStyle::Indonesian } else { NumberStyle::English };
        match (dot, comma) {
            (Some(d), Some(c)) => Some(style(c > d)),
            (Some(at), None) | (None, Some(at)) => {
                let mark = t.as_bytes()[at] as char;
                let digits_after = t[at + 1..].chars().take_while(char::is_ascii_digit).count();
                if t.matches(mark).count() > 1 {
                    Some(style(mark == '.'))
                } else if (1..=2).contains(&digits_after) && digits_after == t.len() - at - 1 {
                    Some(style(mark == ','))
                } else {
                    None
                }
            }
            (None, None) => None,
        }
    }
}

/// Like [`parse_amount`], but `1.500` and `1,500` are read as `style` writes them: in an
/// English file `1.500` is one and a half, in an Indonesian one fifteen hundred. Three
/// decimals for a currency without cents (or a whole number) cannot be meant: refused.
pub fn parse_amount_as(text: &str, decimals: u32, style: NumberStyle) -> Option<i64> {
    let t = text.trim();
    let marks: Vec<(usize, char)> = t.char_indices().filter(|(_, c)| matches!(c, '.' | ',')).collect();
    if let [(at, mark)] = marks[..] {
        let after = &t[at + 1..];
        if after.len() == 3 && after.bytes().all(|b| b.is_ascii_digit()) && mark != style.thousands() {
            // A decimal mark with three decimals: exact in minor units, or refused.
            if decimals == 0 {
                return None;
            }
            let thousandths = parse_amount(&format!("{}{after}", &t[..at]), 0)?.checked_mul(10i64.pow(decimals))?;
            return (thousandths % 1000 == 0).then_some(thousandths / 1000);
        }
    }
    parse_amount(t, decimals)
}

/// Minor units as someone would type them back: "15.000" (id) or "15,000.50" (en), no symbol.
pub fn amount_text(minor: i64, decimals: u32, lang: Lang) -> String {
    let scale = 10u64.pow(decimals);
    let abs = minor.unsigned_abs();
    let mut s = group_digits(abs / scale, lang);
    if decimals > 0 {
        s.push(if lang == Lang::Id { ',' } else { '.' });
        s.push_str(&format!("{:0width$}", abs % scale, width = decimals as usize));
    }
    if minor < 0 {
        s.insert(0, '-');
    }
    s
}

const MONTHS_ID: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "22 Nov 2026 14.05" (id) or "22 Nov 2026 14:05" (en), in the given local offset.
pub fn format_datetime(t: DateTime<FixedOffset>, lang: Lang) -> String {
    let (months, sep) = match lang {
        Lang::Id => (MONTHS_ID, '.'),
        Lang::En => (MONTHS_EN, ':'),
    };
    format!("{} {} {} {:02}{}{:02}", t.day(), months[t.month0() as usize], t.year(), t.hour(), sep, t.minute())
}

pub fn format_date(t: DateTime<FixedOffset>, lang: Lang) -> String {
    let months = if lang == Lang::Id { MONTHS_ID } else { MONTHS_EN };
    format!("{} {} {}", t.day(), months[t.month0() as usize], t.year())
}

const MONTH_NAMES_ID: [&str; 12] =
    ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const MONTH_NAMES_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS_ID: [&str; 7] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// "November 2026" / "November 2026".
pub fn month_year(d: chrono::NaiveDate, lang: Lang) -> String {
    let names = if lang == Lang::Id { MONTH_NAMES_ID } else { MONTH_NAMES_EN };
    format!("{} {}", names[d.month0() as usize], d.year())
}

/// "Nov" / "Nov", "Agu" / "Aug": a month in a chart or a narrow column.
pub fn month_short(d: chrono::NaiveDate, lang: Lang) -> String {
    let names = if lang == Lang::Id { MONTH_NAMES_ID } else { MONTH_NAMES_EN };
    let n = names[d.month0() as usize];
    // "Agustus" is "Agu" in Indonesian, as its calendars print it.
    n.chars().take(3).collect()
}

/// "Senin" / "Monday"; `short` gives "Sen" / "Mon".
pub fn weekday_name(d: chrono::Weekday, lang: Lang, short: bool) -> String {
    let names = if lang == Lang::Id { WEEKDAYS_ID } else { WEEKDAYS_EN };
    let n = names[d.num_days_from_monday() as usize];
    if short {
        n.chars().take(3).collect()
    } else {
        n.to_string()
    }
}

/// "Senin, 23 Nov 2026" / "Monday, 23 Nov 2026".
pub fn long_date(d: chrono::NaiveDate, lang: Lang) -> String {
    format!("{}, {}", weekday_name(d.weekday(), lang, false), medium_date(d, lang))
}

/// "23 Nov 2026": for tables and reports, where the weekday is noise.
pub fn medium_date(d: chrono::NaiveDate, lang: Lang) -> String {
    let months = if lang == Lang::Id { MONTHS_ID } else { MONTHS_EN };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// "3 Desember 2026" / "3 December 2026": the date a letter carries, its month in full.
pub fn letter_date(d: chrono::NaiveDate, lang: Lang) -> String {
    let names = if lang == Lang::Id { MONTH_NAMES_ID } else { MONTH_NAMES_EN };
    format!("{} {} {}", d.day(), names[d.month0() as usize], d.year())
}

/// "09.30" / "09:30".
pub fn clock_time(t: chrono::NaiveTime, lang: Lang) -> String {
    let sep = if lang == Lang::Id { '.' } else { ':' };
    format!("{:02}{sep}{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_files_number_style_decides_only_the_ambiguous_amounts() {
        use NumberStyle::{English, Indonesian};
        for (t, style) in [
            ("1.500.000,00", Some(Indonesian)),
            ("1.500.000", Some(Indonesian)),
            ("45.000,5", Some(Indonesian)),
            ("1,500,000.00", Some(English)),
            ("1,500,000", Some(English)),
            ("12.50", Some(English)),
            ("Rp 1.500", None),
            ("1,500", None),
            ("1500000", None),
        ] {
            assert_eq!(NumberStyle::of(t), style, "{t}");
        }
        // Unambiguous amounts read the same in either style.
        for style in [Indonesian, English] {
            assert_eq!(parse_amount_as("1.500.000,00", 0, style), Some(1_500_000));
            assert_eq!(parse_amount_as("1,500,000.00", 0, style), Some(1_500_000));
            assert_eq!(parse_amount_as("Rp 1.500.000", 0, style), Some(1_500_000));
            assert_eq!(parse_amount_as("1500000", 0, style), Some(1_500_000));
        }
        assert_eq!(parse_amount_as("1.500", 0, Indonesian), Some(1_500));
        assert_eq!(parse_amount_as("1,500", 0, English), Some(1_500));
        // One and a half: no rupiah amount, so refused rather than guessed.
        assert_eq!(parse_amount_as("1,500", 0, Indonesian), None);
        assert_eq!(parse_amount_as("1.500", 0, English), None);
        // With cents: 1.50, and a third decimal only when it is a zero.
        assert_eq!(parse_amount_as("1.500", 2, English), Some(150));
        assert_eq!(parse_amount_as("-1,500", 2, Indonesian), Some(-150));
        assert_eq!(parse_amount_as("1,505", 2, Indonesian), None);
        assert_eq!(parse_amount_as("1,000", 0, Indonesian), None, "one rupiah in three decimals is not meant");
        assert_eq!(NumberStyle::of("Rp. 1,500,000"), Some(English), "the dot after Rp is not the number's");
        assert_eq!(NumberStyle::of("(1.500,50)"), Some(Indonesian));
    }

    #[test]
    fn amounts_typed_either_way() {
        for (t, d, v) in [
            ("15000", 0, Some(15_000)),
            ("15.000", 0, Some(15_000)),
            ("Rp 1.250.000", 0, Some(1_250_000)),
            ("15,000", 0, Some(15_000)),
            ("1.234,50", 2, Some(123_450)),
            ("1,234.5", 2, Some(123_450)),
            ("12.5", 2, Some(1_250)),
            ("US$ 7", 2, Some(700)),
            ("-2.000", 0, Some(-2_000)),
            ("12.50", 0, None),
            // Indonesian Excel writes Rupiah with cents that are always zero.
            ("1.500.000,00", 0, Some(1_500_000)),
            ("45.000,00", 0, Some(45_000)),
            ("1,500,000.00", 0, Some(1_500_000)),
            ("Rp 1.500.000,00", 0, Some(1_500_000)),
            ("12,5", 0, None),
            ("1.23.456", 0, None),
            ("12a", 0, None),
            ("", 0, None),
        ] {
            assert_eq!(parse_amount(t, d), v, "{t}");
        }
        assert_eq!(amount_text(1_250_000, 0, Lang::Id), "1.250.000");
        assert_eq!(amount_text(-123_450, 2, Lang::En), "-1,234.50");
        assert_eq!(parse_amount(&amount_text(123_450, 2, Lang::Id), 2), Some(123_450));
    }

    #[test]
    fn rupiah_in_indonesian() {
        assert_eq!(format_money(1_234_567, "IDR", Lang::Id), "Rp 1.234.567");
        assert_eq!(format_money(0, "IDR", Lang::Id), "Rp 0");
        assert_eq!(format_money(-500, "IDR", Lang::En), "-Rp 500");
    }

    #[test]
    fn cents_currencies() {
        assert_eq!(format_money(123_450, "USD", Lang::En), "US$ 1,234.50");
        assert_eq!(format_money(5, "EUR", Lang::Id), "€ 0,05");
    }

    #[test]
    fn dates_per_locale() {
        let t: DateTime<FixedOffset> = "2026-08-17T09:05:00+07:00".parse().unwrap();
        assert_eq!(format_datetime(t, Lang::Id), "17 Agu 2026 09.05");
        assert_eq!(format_datetime(t, Lang::En), "17 Aug 2026 09:05");
        assert_eq!(format_date(t, Lang::Id), "17 Agu 2026");
    }

    #[test]
    fn calendar_words() {
        let d: chrono::NaiveDate = "2026-11-23".parse().unwrap();
        assert_eq!(long_date(d, Lang::Id), "Senin, 23 Nov 2026");
        assert_eq!(month_year(d, Lang::En), "November 2026");
        assert_eq!(weekday_name(chrono::Weekday::Fri, Lang::Id, true), "Jum");
        assert_eq!(clock_time(chrono::NaiveTime::from_hms_opt(9, 5, 0).unwrap(), Lang::Id), "09.05");
    }

    #[test]
    fn browser_language() {
        assert_eq!(Lang::from_browser(&["en-US".into(), "id".into()]), Lang::En);
        assert_eq!(Lang::from_browser(&["fr".into(), "id-ID".into()]), Lang::Id);
        assert_eq!(Lang::from_browser(&["fr".into()]), Lang::Id);
    }
}
