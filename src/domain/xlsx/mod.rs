//! Excel workbooks (.xlsx, Office Open XML) in and out: a list or report written as one
//! sheet with typed cells, and any sheet of a workbook a spreadsheet program saved read back
//! as a table the CSV import maps. Written here over the ZIP container (deflate from
//! miniz_oxide, already the store's) and quick-xml, because the crates that do all of
//! Office Open XML weigh more than an area may: rust_xlsxwriter alone measured 214 KB
//! brotli in wasm, with calamine 365 KB; the area budget is 120 KB.
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

mod read;
mod write;
use super::zip;

pub use read::{rows, sheets, SheetName};
pub use write::workbook;

pub use super::format::Currency;

/// A cell as it is written: text, or a value the spreadsheet can count with.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A whole number (a quantity, a count).
    Integer(i64),
    /// A number with decimals (a rate, a percentage as written).
    Number(f64),
    /// Money in minor units of the office currency, shown with the currency format.
    Money(i64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Time(NaiveTime),
    Bool(bool),
}

/// A sheet to write: its header row and its rows, one cell per column.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A cell as it is read: the value a spreadsheet program stored, formulas as their last
/// computed value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Time(NaiveTime),
    /// A formula's error (`#DIV/0!`), as the program shows it.
    Error(String),
}

impl From<zip::ZipError> for XlsxError {
    fn from(e: zip::ZipError) -> XlsxError {
        match e {
            zip::ZipError::NotZip => XlsxError::NotXlsx,
            zip::ZipError::Damaged => XlsxError::Damaged,
            zip::ZipError::Unsupported => XlsxError::Unsupported,
            zip::ZipError::TooLarge => XlsxError::TooLarge,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XlsxError {
    /// Not a ZIP file at all: another kind of file named .xlsx, or an old .xls.
    NotXlsx,
    /// A ZIP file that holds no workbook (a .docx, an .ods).
    NoWorkbook,
    /// Cut short or altered: a part is missing its bytes or fails its checksum.
    Damaged,
    /// Encrypted (a password), ZIP64 or a compression method spreadsheet programs do not use.
    Unsupported,
    TooLarge,
    /// The sheet asked for is not in the workbook.
    NoSheet,
    /// The sheet has no cells.
    Empty,
}

impl XlsxError {
    /// The message's i18n key.
    pub fn key(self) -> &'static str {
        match self {
            XlsxError::NotXlsx => "err.xlsx_not",
            XlsxError::NoWorkbook => "err.xlsx_no_workbook",
            XlsxError::Damaged => "err.xlsx_damaged",
            XlsxError::Unsupported => "err.xlsx_unsupported",
            XlsxError::TooLarge => "err.xlsx_too_large",
            XlsxError::NoSheet => "err.xlsx_no_sheet",
            XlsxError::Empty => "err.xlsx_empty",
        }
    }
}

/// Days from the 1900 date system's day zero: serial 1 is 1 January 1900, and Excel counts
/// a 29 February 1900 that never was (serial 60), so from March 1900 on the count starts a
/// day earlier than it would.
const EPOCH_1900: (i32, u32, u32) = (1899, 12, 30);
const EPOCH_1904: (i32, u32, u32) = (1904, 1, 1);
/// 1 March 1900, serial 61: from here the 1900 system counts straight.
const STRAIGHT_FROM: f64 = 61.0;

fn epoch(date1904: bool) -> NaiveDate {
    let (y, m, d) = if date1904 { EPOCH_1904 } else { EPOCH_1900 };
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A date and time as a serial number of days (1900 system); `None` before 1900, which a
/// spreadsheet cannot show as a date.
pub fn serial(t: NaiveDateTime) -> Option<f64> {
    if t.date().year() < 1900 {
        return None;
    }
    let days = (t.date() - epoch(false)).num_days() as f64 + time_fraction(t.time());
    Some(if days < STRAIGHT_FROM { days - 1.0 } else { days })
}

pub fn time_fraction(t: NaiveTime) -> f64 {
    use chrono::Timelike;
    t.num_seconds_from_midnight() as f64 / 86_400.0
}

/// A number as Excel shows it: stored with 17 significant digits (`111000.00000000001` for
/// 100000 × 1.11), shown with 15.
pub fn as_shown(n: f64) -> f64 {
    format!("{n:.14e}").parse().unwrap_or(n)
}

/// A serial number as a date and time, to the nearest second; `None` far outside any date.
pub fn from_serial(v: f64, date1904: bool) -> Option<NaiveDateTime> {
    if !v.is_finite() || !(0.0..3_000_000.0).contains(&v) {
        return None;
    }
    // Before its 29 February the 1900 system is a day ahead; that day itself reads as the 28th.
    let v = if !date1904 && v < STRAIGHT_FROM - 1.0 { v + 1.0 } else { v };
    let seconds = (v * 86_400.0).round() as i64;
    let start = epoch(date1904).and_hms_opt(0, 0, 0)?;
    start.checked_add_signed(chrono::Duration::seconds(seconds))
}

#[cfg(test)]
mod tests;
