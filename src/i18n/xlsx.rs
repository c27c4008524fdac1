//! Excel workbooks: why one cannot be read. Added by the workbook part when it first runs.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("err.xlsx_damaged", "Berkas Excel ini rusak atau terpotong: simpan ulang dari program spreadsheet lalu coba lagi.", "This Excel file is damaged or cut short: save it again from the spreadsheet program and try again."),
    ("err.xlsx_empty", "Lembar kerja ini kosong.", "This worksheet is empty."),
    ("err.xlsx_no_sheet", "Lembar kerja itu tidak ada di berkas ini.", "That worksheet is not in this file."),
    ("err.xlsx_no_workbook", "Berkas ZIP ini bukan buku kerja Excel (.xlsx).", "This ZIP file is not an Excel workbook (.xlsx)."),
    ("err.xlsx_not", "Ini bukan berkas Excel .xlsx. Berkas .xls lama: simpan dulu sebagai .xlsx atau CSV.", "This is not an Excel .xlsx file. An old .xls file: save it as .xlsx or CSV first."),
    ("err.xlsx_too_large", "Berkas Excel ini terlalu besar untuk dibaca di sini: bagi menjadi beberapa berkas.", "This Excel file is too large to read here: split it into several files."),
    ("err.xlsx_unsupported", "Berkas Excel ini memakai kata sandi atau format yang tidak didukung: simpan ulang tanpa kata sandi.", "This Excel file uses a password or a format that is not supported: save it again without a password."),
];
