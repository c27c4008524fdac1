//! Statement lines as the banks write them (samples written from the formats in
//! ../shared/notes/payroll-indonesia.md), the same line imported twice recognised, and a
//! mapping remembered as text read back the same.
use chrono::NaiveDate;

use super::statement::{amount, date, detect, parse, rows, sheet_from_xlsx, Amount, DateOrder, Format, Mapping};

fn d(s: &str) -> NaiveDate {
    crate::domain::record::parse_date(s).unwrap()
}

const KLIKBCA: &str = "No. rekening,=,'1234567890\r\nNama,=,PT CONTOH JAYA\r\nPeriode,=,01/11/2026 - 30/11/2026\r\nKode Mata Uang,=,Rp\r\n\r\n\
Tanggal Transaksi,Keterangan,Cabang,Jumlah,,Saldo\r\n\
'02/11/2026,SETORAN TUNAI,'0998,\"50,000,000.00\",CR,\"150,000,000.00\"\r\n\
'05/11/2026,TRSF E-BANKING CR 0511/FTSCY/WS95031 PT MAJU,'0000,\"11,100,000.00\",CR,\"161,100,000.00\"\r\n\
'06/11/2026,TRSF E-BANKING DB 0611/FTSCY/WS95031 SEWA KANTOR,'0000,\"4,000,000.00\",DB,\"157,100,000.00\"\r\n\
'30/11/2026,BIAYA ADM,'0000,\"12,500.00\",DB,\"157,087,500.00\"\r\n\
PEND,TRSF E-BANKING DB TOKO ATK,'0000,\"555,000.00\",DB,\r\n\r\n\
Saldo Awal,=,\"100,000,000.00\"\r\nMutasi Kredit,=,\"61,100,000.00\",2\r\nMutasi Debet,=,\"4,012,500.00\",2\r\nSaldo Akhir,=,\"157,087,500.00\"\r\n";

#[test]
fn klikbca_is_recognised_read_and_its_pending_row_skipped() {
    let r = rows(KLIKBCA);
    let (format, mapping) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::KlikBca);
    let p = parse(&r, &mapping, 2026, 0);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.pending, 1);
    assert_eq!(p.lines.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![50_000_000, 11_100_000, -4_000_000, -12_500]);
    assert_eq!(p.lines[1].date, d("2026-11-05"));
    assert_eq!(p.lines[3].balance, Some(157_087_500));
    assert_eq!(p.closing, Some(157_087_500));
    assert_eq!(p.lines[0].line, 7);
}

#[test]
fn older_klikbca_dates_without_a_year_take_the_year_given() {
    let text = "Date,Description,Branch,Amount,,Balance\n'15/01,BUNGA,'0000,\"1,234.56\",CR,\"1,234.56\"\n";
    let r = rows(text);
    let (_, m) = detect(&r.rows).unwrap();
    let p = parse(&r, &m, 2027, 0);
    assert_eq!(p.lines[0].date, d("2027-01-15"));
    // Rupiah without cents: 1,234.56 rounds to 1,235; with two decimals it stays exact.
    assert_eq!(p.lines[0].amount, 1_235);
    assert_eq!(parse(&r, &m, 2027, 2).lines[0].amount, 123_456);
}

#[test]
fn bca_bisnis_writes_the_mark_inside_the_amount() {
    let text = "Tanggal,Keterangan,Jumlah,Saldo\n03/11/2026,KR OTOMATIS LLG-ANTAR BANK,\"287,490.00 DB\",\"9,712,510.00\"\n04/11/2026,SETORAN,\"1,000.00 CR\",\"9,713,510.00\"\n";
    let r = rows(text);
    let (format, m) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::BcaBisnis);
    let p = parse(&r, &m, 2026, 0);
    assert_eq!(p.lines.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![-287_490, 1_000]);
}

#[test]
fn mandiri_mcm_has_debit_and_credit_columns_and_two_descriptions() {
    let text = "Account No,Date,Val. Date,Transaction Code,Description,Description,Reference No.,Debit,Credit\n\
1400012345678,05/11/26,05/11/26,8888,TRANSFER DARI,PT MAJU JAYA,REF123,.00,\"11,100,000.00\"\n\
1400012345678,06/11/26,06/11/26,7777,PEMBAYARAN,LISTRIK PLN,REF124,\"1,250,000.00\",.00\n";
    let r = rows(text);
    let (format, m) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::Mandiri);
    let p = parse(&r, &m, 2026, 0);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.lines[0].description, "TRANSFER DARI PT MAJU JAYA");
    assert_eq!(p.lines[0].reference, "REF123");
    assert_eq!(
        p.lines.iter().map(|l| (l.date, l.amount)).collect::<Vec<_>>(),
        vec![(d("2026-11-05"), 11_100_000), (d("2026-11-06"), -1_250_000)]
    );
}

#[test]
fn bri_cms_export_has_quoted_plain_numbers_and_the_time_in_the_date() {
    // BRI's CSV (CMS / QLola, also BRImo's): every field quoted, no thousands marks, a zero
    // written ".00", the balance before and after each line; the account number may have
    // lost its leading zero.
    let text = "\"ID\",\"NOREK\",\"TGL_TRAN\",\"TGL_EFEKTIF\",\"JAM_TRAN\",\"SEQ\",\"DESK_TRAN\",\"SALDO_AWAL_MUTASI\",\"MUTASI_DEBET\",\"MUTASI_KREDIT\",\"SALDO_AKHIR_MUTASI\",\"GLSIGN\",\"TRUSER\",\"KODE_TRAN\",\"KODE_TRAN_TELLER\",\"TRREMK\",\"TLBDS1\",\"TLBDS2\"\r\n\
\"1\",\"12340100099950\",\"2026-11-03 09:15:22\",\"2026-11-03 09:15:22\",\"91522\",\"1001\",\"TRANSFER DARI PT MAJU JAYA\",\"5000000.00\",\".00\",\"11100000.00\",\"16100000.00\",\"Cr\",\"8888001\",\"2\",\"8508\",\"INV-2026-001\",\"\",\"\"\r\n\
\"2\",\"12340100099950\",\"2026-11-04 14:02:10\",\"2026-11-04 14:02:10\",\"140210\",\"1002\",\"SEWA KANTOR NOVEMBER\",\"16100000.00\",\"4000000.00\",\".00\",\"12100000.00\",\"Db\",\"8888001\",\"2\",\"8508\",\"SEWA\",\"\",\"\"\r\n\
\"3\",\"12340100099950\",\"2026-11-30 23:59:00\",\"2026-11-30 23:59:00\",\"235900\",\"1003\",\"BIAYA ADM\",\"12100000.00\",\"12500.50\",\".00\",\"12087499.50\",\"Db\",\"8888001\",\"2\",\"8508\",\"ADM\",\"\",\"\"\r\n";
    let r = rows(text);
    let (format, m) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::Bri);
    let p = parse(&r, &m, 2026, 0);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(
        p.lines.iter().map(|l| (l.date, l.amount, l.balance)).collect::<Vec<_>>(),
        vec![
            (d("2026-11-03"), 11_100_000, Some(16_100_000)),
            (d("2026-11-04"), -4_000_000, Some(12_100_000)),
            // Half a rupiah rounds up, as the bank's own rounding would.
            (d("2026-11-30"), -12_501, Some(12_087_500)),
        ]
    );
    assert_eq!(p.lines[0].description, "TRANSFER DARI PT MAJU JAYA");
    assert_eq!((p.lines[0].line, p.lines[2].line), (2, 4));
    // With cents kept, exact.
    assert_eq!(parse(&r, &m, 2026, 2).lines[2].amount, -1_250_050);
}

#[test]
fn bni_transaction_inquiry_has_the_journal_number_and_a_dotted_time() {
    // BNI: a header that ends with a comma, the posting time written 09.15.22, amounts in
    // quotes with "," between thousands, debit or credit left empty, no balance.
    let text = "Post Date,Value Date,Branch,Journal No.,Description,Debit,Credit,\n\
03/11/26 09.15.22,03/11/26,0259,120345,TRANSFER|INV-2026-001|PT MAJU JAYA,,\"11,100,000.00\",\n\
04/11/26 14.02.10,04/11/26,0998,120981,BIAYA ADM|ADMIN BULANAN,\"15,000.00\",,\n\
04/11/26 14.02.10,04/11/26,0998,120982,BIAYA ADM|ADMIN BULANAN,\"15,000.00\",,\n";
    let r = rows(text);
    let (format, m) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::Bni);
    let p = parse(&r, &m, 2026, 0);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(
        p.lines.iter().map(|l| (l.date, l.amount, l.reference.as_str())).collect::<Vec<_>>(),
        vec![(d("2026-11-03"), 11_100_000, "120345"), (d("2026-11-04"), -15_000, "120981"), (d("2026-11-04"), -15_000, "120982")]
    );
    assert_eq!(p.lines[0].balance, None);
    // Two fees alike on one day are two lines, not one imported twice.
    assert_ne!(p.lines[1].key, p.lines[2].key);
}

#[test]
fn any_other_bank_reads_by_a_mapping_in_indonesian_numbers() {
    let text = "\u{feff}Tgl;Uraian;Mutasi;Saldo\r\n2026-11-05;Transfer masuk;1.500.000,00;2.500.000,00\r\n2026-11-06;Tarik tunai;-250.000,00;2.250.000,00\r\n2026-11-07;Rusak;abc;0\r\n";
    let r = rows(text);
    assert!(detect(&r.rows).is_none());
    let m = Mapping {
        header: 0,
        date: 0,
        order: DateOrder::Ymd,
        description: vec![1],
        amount: Amount::Signed(2),
        balance: Some(3),
        reference: None,
        decimal: ',',
    };
    let p = parse(&r, &m, 2026, 0);
    assert_eq!(p.lines.iter().map(|l| l.amount).collect::<Vec<_>>(), vec![1_500_000, -250_000]);
    assert_eq!(p.problems, vec![(4, "bank.err.amount")]);
    assert_eq!(Mapping::from_text(&m.to_text()), Some(m));
}

#[test]
fn the_same_line_imported_twice_has_the_same_key_and_twins_in_one_file_differ() {
    let text = "Date,Description,Branch,Amount,,Balance\n'01/11/2026,BIAYA ADM,'0000,\"10,000.00\",DB,\n'01/11/2026,BIAYA ADM,'0000,\"10,000.00\",DB,\n";
    let r = rows(text);
    let (_, m) = detect(&r.rows).unwrap();
    let once = parse(&r, &m, 2026, 0);
    let again = parse(&r, &m, 2026, 0);
    assert_eq!(once.lines.len(), 2);
    assert_ne!(once.lines[0].key, once.lines[1].key);
    assert_eq!(once.lines.iter().map(|l| &l.key).collect::<Vec<_>>(), again.lines.iter().map(|l| &l.key).collect::<Vec<_>>());
}

#[test]
fn amounts_and_dates_as_banks_write_them() {
    assert_eq!(amount("1,500,000.00", '.', 0), Some(1_500_000));
    assert_eq!(amount("1.500.000,00", ',', 0), Some(1_500_000));
    assert_eq!(amount(".00", '.', 0), Some(0));
    assert_eq!(amount("(2,000.00)", '.', 0), Some(-2_000));
    assert_eq!(amount("Rp 12.500", ',', 0), Some(12_500));
    assert_eq!(amount("12,5", ',', 2), Some(1_250));
    for bad in ["", "abc", "1.2.3,4,5", "--1", "12.34567"] {
        assert_eq!(amount(bad, '.', 0), None, "{bad}");
    }
    assert_eq!(date("'01/11/2026", DateOrder::Dmy, 2000), Some(d("2026-11-01")));
    assert_eq!(date("11/01/26", DateOrder::Mdy, 2000), Some(d("2026-11-01")));
    assert_eq!(date("31/02/2026", DateOrder::Dmy, 2000), None);
    assert_eq!(date("01/11/0226", DateOrder::Dmy, 2000), None);
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, max_shrink_iters: 200, ..ProptestConfig::default() })]

        /// Whatever the file holds, reading it ends (no panic) and every line it keeps has a
        /// date in range and a key.
        #[test]
        fn any_file_is_read_without_a_crash(text in "[ -~\r\n,;\"']{0,600}") {
            let r = rows(&text);
            let m = detect(&r.rows).map(|(_, m)| m).unwrap_or(Mapping {
                header: 0, date: 0, order: DateOrder::Dmy, description: vec![1], amount: Amount::Signed(2), balance: Some(3), reference: None, decimal: '.',
            });
            let p = parse(&r, &m, 2026, 0);
            for l in &p.lines {
                prop_assert!(crate::domain::record::YEARS.contains(&chrono::Datelike::year(&l.date)));
                prop_assert!(!l.key.is_empty());
            }
        }

        /// A mapping written as text reads back as itself.
        #[test]
        fn mappings_round_trip(header in 0usize..50, date in 0usize..20, desc in proptest::collection::vec(0usize..20, 0..3), a in 0usize..20, b in 0usize..20, kind in 0u8..4, bal in proptest::option::of(0usize..20), comma in any::<bool>()) {
            let amount = match kind { 0 => Amount::Signed(a), 1 => Amount::DebitCredit(a, b), 2 => Amount::Marker(a, b), _ => Amount::Suffixed(a) };
            let m = Mapping { header, date, order: DateOrder::Dmy, description: desc, amount, balance: bal, reference: None, decimal: if comma { ',' } else { '.' } };
            prop_assert_eq!(Mapping::from_text(&m.to_text()), Some(m));
        }
    }
}

/// The same Mandiri statement saved as a workbook (dates as dates, amounts as numbers, the
/// account number as text) reads as its CSV does.
#[test]
fn a_bank_workbook_reads_as_its_csv() {
    use crate::domain::xlsx::{workbook, Cell, Sheet};
    let t = |s: &str| Cell::Text(s.into());
    let day = |s: &str| Cell::Date(d(s));
    let sheet = Sheet {
        name: "Mutasi".into(),
        header: ["Account No", "Date", "Val. Date", "Transaction Code", "Description", "Description", "Reference No.", "Debit", "Credit"]
            .map(String::from)
            .to_vec(),
        rows: vec![
            vec![
                t("1400012345678"),
                day("2026-11-05"),
                day("2026-11-05"),
                t("8888"),
                t("TRANSFER DARI"),
                t("PT MAJU JAYA"),
                t("REF123"),
                Cell::Number(0.0),
                Cell::Number(11_100_000.0),
            ],
            vec![
                t("1400012345678"),
                day("2026-11-06"),
                day("2026-11-06"),
                t("7777"),
                t("PEMBAYARAN"),
                t("LISTRIK PLN"),
                t("REF124"),
                Cell::Number(1_250_000.5),
                Cell::Number(0.0),
            ],
        ],
    };
    let bytes = workbook(&[sheet], crate::domain::format::currency("IDR"));
    let r = sheet_from_xlsx(&bytes).unwrap();
    assert_eq!(r.lines, vec![1, 2, 3]);
    let (format, m) = detect(&r.rows).unwrap();
    assert_eq!(format, Format::Mandiri);
    let p = parse(&r, &m, 2026, 2);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!(p.lines[0].description, "TRANSFER DARI PT MAJU JAYA");
    assert_eq!(
        p.lines.iter().map(|l| (l.date, l.amount)).collect::<Vec<_>>(),
        vec![(d("2026-11-05"), 1_110_000_000), (d("2026-11-06"), -125_000_050)]
    );
    assert_eq!(sheet_from_xlsx(b"Tanggal,Keterangan").err(), Some(crate::domain::xlsx::XlsxError::NotXlsx));
}
