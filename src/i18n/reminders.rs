//! The Today view's reminders (ui/reminders.rs), added by their part.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("desk.attention", "Perlu ditindaklanjuti", "Needs attention"),
    ("desk.bills_late", "{n} tagihan pemasok lewat jatuh tempo — {amount} harus dibayar", "{n} bills past due — {amount} to pay"),
    ("desk.bills_late.one", "{n} tagihan pemasok lewat jatuh tempo — {amount} harus dibayar", "{n} bill past due — {amount} to pay"),
    ("desk.certificate_until", "sertifikat berlaku sampai {date}", "certificate valid until {date}"),
    ("desk.certificates", "Sertifikat pelatihan yang perlu diperbarui", "Training certificates to renew"),
    ("desk.checklists", "Daftar periksa masuk/keluar", "Joining and leaving to do"),
    ("desk.compliance", "Kewajiban jatuh tempo", "Obligations due"),
    ("desk.contract_ends", "kontrak berakhir {date}", "contract ends {date}"),
    ("desk.contracts_ending", "Kontrak PKWT yang segera berakhir", "Fixed-term contracts ending soon"),
    ("desk.dispositions", "Disposisi surat yang jatuh tempo", "Letters to act on"),
    ("desk.invoices_late", "{n} faktur lewat jatuh tempo — {amount} belum diterima", "{n} invoices overdue — {amount} to collect"),
    ("desk.invoices_late.one", "{n} faktur lewat jatuh tempo — {amount} belum diterima", "{n} invoice overdue — {amount} to collect"),
    ("desk.low_stock", "{n} barang stoknya menipis", "{n} items low on stock"),
    ("desk.low_stock.one", "{n} barang stoknya menipis", "{n} item low on stock"),
    ("desk.plan_late", "{n} tugas rencana kerja lewat tenggat", "{n} work plan tasks past their due date"),
    ("desk.plan_late.one", "{n} tugas rencana kerja lewat tenggat", "{n} work plan task past its due date"),
    ("desk.recurring_due", "{n} transaksi terjadwal belum dicatat", "{n} scheduled entries to record"),
    ("desk.recurring_due.one", "{n} transaksi terjadwal belum dicatat", "{n} scheduled entry to record"),
    ("desk.service_due", "{n} aset perlu perawatan", "{n} assets due for maintenance"),
    ("desk.service_due.one", "{n} aset perlu perawatan", "{n} asset due for maintenance"),
];
