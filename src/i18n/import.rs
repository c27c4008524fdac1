//! The CSV and Excel import every list shares (ui/csv_import.rs), added by the parts and
//! areas that read a table.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("import.any_title", "Impor dari CSV atau Excel", "Import from CSV or Excel"),
    ("import.column", "Kolom «{name}»", "Column «{name}»"),
    ("import.confirm_rows", "Impor {n} baris", "Import {n} rows"),
    ("import.confirm_rows.one", "Impor {n} baris", "Import {n} row"),
    ("import.csv_intro", "CSV dengan koma atau titik koma (Excel Indonesia), UTF-8 dengan atau tanpa BOM. Judul kolom dikenali dalam bahasa Indonesia atau Inggris; barang, aset dan kontak boleh ditulis dengan kode, nomor inventaris atau nama. Baris bermasalah disebutkan dan tidak diimpor.", "CSV with commas or semicolons (Indonesian Excel), UTF-8 with or without BOM. Column headers are recognised in Indonesian or English; items, assets and contacts may be given by code, tag number or name. Rows with problems are named and not imported."),
    ("import.done_rows", "{n} baris diimpor.", "{n} rows imported."),
    ("import.done_rows.one", "{n} baris diimpor.", "{n} row imported."),
    ("import.empty", "Berkas ini kosong.", "This file is empty."),
    ("import.line", "Baris", "Line"),
    ("import.malformed", "CSV rusak di baris {line}: {detail}", "The CSV is broken at line {line}: {detail}"),
    ("import.mapping", "Kolom ke isian", "Columns to fields"),
    ("import.not_text", "Berkas ini bukan teks UTF-8 (mungkin XLSX atau gambar). Simpan sebagai CSV UTF-8 lalu coba lagi.", "This file is not UTF-8 text (perhaps XLSX or an image). Save it as CSV UTF-8 and try again."),
    ("import.numbers_assumed", "Berkas ini sendiri tidak menunjukkan caranya.", "The file itself does not show which."),
    ("import.numbers_en", "Angka dibaca dengan cara Inggris: 1,500 berarti seribu lima ratus, 1.5 berarti satu setengah.", "Numbers are read the English way: 1,500 is fifteen hundred, 1.5 is one and a half."),
    ("import.numbers_id", "Angka dibaca dengan cara Indonesia: 1.500 berarti seribu lima ratus, 1,5 berarti satu setengah.", "Numbers are read the Indonesian way: 1.500 is fifteen hundred, 1,5 is one and a half."),
    ("import.sheet", "Lembar kerja", "Worksheet"),
    ("import.sheet_hidden", "(tersembunyi)", "(hidden)"),
    ("import.skip_column", "— lewati —", "— skip —"),
    ("import.summary", "{good} baris siap diimpor, {bad} baris bermasalah (tidak diimpor).", "{good} rows ready to import, {bad} rows with problems (not imported)."),
    ("import.xlsx_intro", "Berkas Excel (.xlsx) juga bisa: lembar pertama dibaca, atau lembar yang Anda pilih; rumus dibaca sebagai hasilnya, tanggal sebagai tanggal.", "Excel files (.xlsx) work too: the first sheet is read, or the sheet you choose; formulas are read as their results, dates as dates."),
];
