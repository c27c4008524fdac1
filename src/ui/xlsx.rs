//! Excel workbooks from the lists and into their imports. The workbook code is a part of its
//! own (`xlsx`), fetched the first time a list is exported to Excel or a workbook is chosen
//! to import, never by the screens that only show lists.
use leptos::prelude::*;

use super::areas::{part_fns, NotLoaded};
use super::collection::{shown_as, UiEntity};
use super::state::AppState;
use crate::domain::csv_io::{table_from_xlsx, xlsx_cell, Table};
use crate::domain::finance::statement;
use crate::domain::xlsx::{self, Cell, Sheet, SheetName, XlsxError};

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// What a file input accepts for an import that takes CSV and Excel files.
pub const ACCEPT: &str = ".csv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// An .xlsx file starts as every ZIP file does; a CSV file never can.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

// The workbook part's entry points (plain functions where the build is not split, see
// `part_fns!`: the storage tests' registry reaches the list pages, and so these).
part_fns! {
    in xlsx fn write_part(sheet: Sheet, currency: String) -> Vec<u8> {
        xlsx::workbook(&[sheet], crate::domain::format::currency(&currency))
    }

    in xlsx fn sheets_part(bytes: Vec<u8>) -> Result<Vec<SheetName>, XlsxError> {
        crate::i18n::add(crate::i18n::XLSX);
        xlsx::sheets(&bytes)
    }

    in xlsx fn table_part(bytes: Vec<u8>, sheet: usize) -> Result<Table, XlsxError> {
        crate::i18n::add(crate::i18n::XLSX);
        table_from_xlsx(&bytes, sheet)
    }

    in xlsx fn statement_part(bytes: Vec<u8>) -> Result<statement::Sheet, XlsxError> {
        crate::i18n::add(crate::i18n::XLSX);
        statement::sheet_from_xlsx(&bytes)
    }
}

/// A bank's workbook as the rows of its statement, or why it cannot be read.
pub async fn statement(app: AppState, bytes: Vec<u8>) -> Result<statement::Sheet, String> {
    match statement_part(bytes).await {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => Err(problem(&app, Ok(e))),
        Err(e) => Err(problem(&app, Err(e))),
    }
}

/// A workbook's problem, or a part that could not be fetched, in the UI language.
fn problem(app: &AppState, e: Result<XlsxError, NotLoaded>) -> String {
    match e {
        Ok(e) => app.t(e.key()).to_string(),
        Err(NotLoaded) => app.t("area.failed").to_string(),
    }
}

/// The workbook's worksheets (visible ones first), or why it cannot be read.
pub async fn sheets(app: AppState, bytes: Vec<u8>) -> Result<Vec<SheetName>, String> {
    match sheets_part(bytes).await {
        Ok(Ok(names)) => Ok(names),
        Ok(Err(e)) => Err(problem(&app, Ok(e))),
        Err(e) => Err(problem(&app, Err(e))),
    }
}

/// One worksheet as the table the import maps, or why it cannot be read.
pub async fn table(app: AppState, bytes: Vec<u8>, sheet: usize) -> Result<Table, String> {
    match table_part(bytes, sheet).await {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(e)) => Err(problem(&app, Ok(e))),
        Err(e) => Err(problem(&app, Err(e))),
    }
}

/// Downloads `sheet` as the workbook `name`.
pub fn download(app: AppState, name: String, sheet: Sheet) {
    let currency = app.settings.with_untracked(|s| s.currency.clone());
    leptos::task::spawn_local(async move {
        match write_part(sheet, currency).await {
            Ok(bytes) => super::files::download_bytes(&name, XLSX_MIME, &bytes),
            Err(e) => app.error(problem(&app, Err(e))),
        }
    });
}

/// A list's live records as a sheet: a column per field headed by its label, numbers, money,
/// dates and yes/no as typed cells, everything else as the list shows it (a choice's label,
/// a reference's name), so the sheet reads as the screen does and imports back.
pub fn list_sheet<E: UiEntity>(app: &AppState) -> Sheet {
    let fields = E::fields();
    let header = fields.iter().map(|f| app.t(f.label).to_string()).collect();
    let rows = E::signal(app).with_untracked(|all| {
        all.iter()
            .filter(|r| r.meta().deleted_at.is_none())
            .map(|r| {
                fields
                    .iter()
                    .map(|f| xlsx_cell(f.kind, &r.get(f.key)).unwrap_or_else(|| Cell::Text(shown_as(app, r, f.key, Some(f.kind)))))
                    .collect()
            })
            .collect()
    });
    Sheet { name: app.t(E::PLURAL).to_string(), header, rows }
}

/// A report's rows, its header first: written as the CSV it has always been (money in
/// minor units, as the report's CSV has been read back) or as a workbook with typed cells.
pub struct Report {
    pub rows: Vec<Vec<Cell>>,
    /// The first row is a header (a report of labelled figures has none).
    pub headed: bool,
}

impl Report {
    pub fn csv(&self, delimiter: u8) -> String {
        let mut out = crate::domain::csv_write::CsvText::new(delimiter);
        for row in &self.rows {
            out.row(row.iter().map(|c| match c {
                Cell::Text(t) => t.clone(),
                Cell::Money(v) | Cell::Integer(v) => v.to_string(),
                Cell::Number(v) => v.to_string(),
                Cell::Date(d) => crate::domain::dates::date_text(*d),
                Cell::DateTime(t) => crate::domain::dates::datetime_text(*t),
                Cell::Time(t) => crate::domain::dates::time_text(*t),
                Cell::Bool(b) => if *b { "1" } else { "" }.to_string(),
                Cell::Empty => String::new(),
            }));
        }
        out.finish()
    }

    /// Downloads the report as the workbook `file`, its sheet named `title`.
    pub fn download(self, app: AppState, file: String, title: String) {
        let mut rows = self.rows.into_iter();
        let first = if self.headed { rows.next().unwrap_or_default() } else { vec![] };
        let header = first
            .into_iter()
            .map(|c| match c {
                Cell::Text(t) => t,
                _ => String::new(),
            })
            .collect();
        download(app, file, Sheet { name: title, header, rows: rows.collect() });
    }
}

/// Text for a report's cell; an empty text is an empty cell.
pub fn text(t: impl Into<String>) -> Cell {
    let t = t.into();
    if t.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(t)
    }
}
