//! Every UI string in Bahasa Indonesia and English. Keys are looked up at render time;
//! a test checks that every key the code uses is here, in both languages.
use crate::domain::format::Lang;

/// (key, Indonesian, English), sorted by key for binary search.
static STRINGS: &[(&str, &str, &str)] = &[
    ("action.back", "Kembali", "Back"),
    ("action.cancel", "Batal", "Cancel"),
    ("action.close", "Tutup", "Close"),
    ("action.delete", "Hapus", "Delete"),
    ("action.dismiss", "Tutup pemberitahuan", "Dismiss notice"),
    ("action.edit", "Ubah", "Edit"),
    ("action.import", "Impor", "Import"),
    ("action.restore", "Pulihkan", "Restore"),
    ("action.save", "Simpan", "Save"),
    ("action.undo", "Urungkan", "Undo"),
    ("app.name", "Back Office", "Back Office"),
    ("backup.apply", "Impor cadangan", "Import backup"),
    ("backup.conflicts", "Data yang berbeda di kedua sisi", "Records changed on both sides"),
    ("backup.foreign", "Berkas ini bukan cadangan Back Office. Tidak ada yang diubah.", "This file is not a Back Office backup. Nothing was changed."),
    ("backup.how", "Cara mengimpor", "How to import"),
    ("backup.invalid", "Cadangan rusak: data «{name}» tidak valid ({detail}). Tidak ada yang diubah.", "The backup is damaged: «{name}» is not valid ({detail}). Nothing was changed."),
    ("backup.kept_local", "versi di browser ini dipertahankan (lebih baru)", "kept this browser's copy (newer)"),
    ("backup.merge", "Gabungkan: tambahkan data baru, yang lebih baru menang", "Merge: add new records, the newer copy wins"),
    ("backup.merged", "Digabungkan: {added} ditambahkan, {updated} diperbarui.", "Merged: {added} added, {updated} updated."),
    ("backup.newer", "Cadangan ini dibuat oleh versi aplikasi yang lebih baru (skema {v}). Perbarui aplikasi dulu. Tidak ada yang diubah.", "This backup was made by a newer version of the app (schema {v}). Update the app first. Nothing was changed."),
    ("backup.not_json", "Berkas ini tidak bisa dibaca sebagai cadangan (bukan JSON). Tidak ada yang diubah.", "This file cannot be read as a backup (not JSON). Nothing was changed."),
    ("backup.preview_meta", "Skema {v}, diekspor {when}", "Schema {v}, exported {when}"),
    ("backup.preview_title", "Isi cadangan «{name}»", "Contents of «{name}»"),
    ("backup.replace", "Ganti: hapus semua data di browser ini dan pakai isi cadangan", "Replace: remove everything in this browser and use the backup"),
    ("backup.replaced", "Semua data diganti dengan isi cadangan.", "All data was replaced with the backup."),
    ("backup.took_incoming", "versi dari cadangan dipakai (lebih baru)", "took the backup's copy (newer)"),
    ("backup.truncated", "Cadangan terpotong (unduhan tidak lengkap?). Tidak ada yang diubah.", "The backup is cut short (an incomplete download?). Nothing was changed."),
    ("backup.unknown", "Bagian yang tidak dikenal dan dilewati: {names}", "Unknown parts, skipped: {names}"),
    ("banner.backup_due", "Belum ada cadangan selama 14 hari. Data hanya tersimpan di browser ini.", "No backup for 14 days. Your data lives only in this browser."),
    ("banner.discard", "Mulai kosong", "Start empty"),
    ("banner.discard_confirm", "Sudah mengunduh teks mentahnya? Data ini akan dihapus dari browser.", "Have you downloaded the raw text? This data will be removed from the browser."),
    ("banner.download_raw", "Unduh teks mentah", "Download raw text"),
    ("banner.read_only", "Data di browser ini disimpan oleh versi aplikasi yang lebih baru (skema {v}). Hanya bisa dibaca; perubahan tidak disimpan.", "The data in this browser was saved by a newer version of the app (schema {v}). Read-only: changes are not saved."),
    ("banner.read_only_failed", "Data lama tidak bisa diperbarui ke format baru (penyimpanan penuh?). Hanya bisa dibaca; ekspor cadangan lalu kosongkan ruang.", "Old data could not be upgraded to the new format (storage full?). Read-only: export a backup, then free some space."),
    ("banner.unavailable", "Penyimpanan browser diblokir, jadi tidak ada yang bisa disimpan ({why}). Izinkan penyimpanan situs atau keluar dari mode privat.", "Browser storage is blocked, so nothing can be saved ({why}). Allow site storage or leave private mode."),
    ("banner.unreadable", "Data «{name}» tidak bisa dibaca dan disimpan apa adanya (tidak ditimpa). Bagian lain berjalan normal. Rincian: {error}", "«{name}» could not be read and is kept as it is (never overwritten). Everything else works. Details: {error}"),
    ("call.at", "Waktu telepon", "Time of call"),
    ("call.caller", "Penelepon", "Caller"),
    ("call.contact", "Kontak terkait", "Linked contact"),
    ("call.empty", "Belum ada telepon tercatat. Catat telepon masuk dengan «Catat telepon».", "No calls logged yet. Log an incoming call with «Log a call»."),
    ("call.follow_up", "Tindak lanjut", "Follow-up date"),
    ("call.for_whom", "Untuk (karyawan/departemen)", "For (employee/department)"),
    ("call.message", "Pesan", "Message"),
    ("call.new", "Catat telepon", "Log a call"),
    ("call.number", "Nomor penelepon", "Caller's number"),
    ("call.status", "Status", "Status"),
    ("call.status.called_back", "Sudah ditelepon balik", "Called back"),
    ("call.status.closed", "Selesai", "Closed"),
    ("call.status.new", "Baru", "New"),
    ("call.status.passed_on", "Sudah disampaikan", "Passed on"),
    ("call.urgency", "Urgensi", "Urgency"),
    ("call.urgency.high", "Penting", "High"),
    ("call.urgency.low", "Rendah", "Low"),
    ("call.urgency.normal", "Biasa", "Normal"),
    ("call.urgency.urgent", "Mendesak", "Urgent"),
    ("collection.calls", "Telepon", "Calls"),
    ("collection.chunk", "{name} (bagian {n})", "{name} (part {n})"),
    ("collection.contacts", "Kontak", "Contacts"),
    ("collection.meta", "Indeks penyimpanan", "Storage index"),
    ("collection.settings", "Pengaturan", "Settings"),
    ("collection.visitors", "Tamu", "Visitors"),
    ("contact.address", "Alamat", "Address"),
    ("contact.emails", "Email", "Emails"),
    ("contact.empty", "Belum ada kontak. Tambahkan kontak baru atau impor dari CSV/vCard.", "No contacts yet. Add a new contact or import from CSV/vCard."),
    ("contact.export_csv", "Ekspor CSV", "Export CSV"),
    ("contact.export_csv_semicolon", "Ekspor CSV (;) Excel Indonesia", "Export CSV (;) for Indonesian Excel"),
    ("contact.export_vcard", "Ekspor vCard", "Export vCard"),
    ("contact.kind", "Kategori", "Kind"),
    ("contact.kind.client", "Klien", "Client"),
    ("contact.kind.other", "Lainnya", "Other"),
    ("contact.kind.partner", "Mitra", "Partner"),
    ("contact.kind.supplier", "Pemasok", "Supplier"),
    ("contact.name", "Nama", "Name"),
    ("contact.new", "Kontak baru", "New contact"),
    ("contact.notes", "Catatan", "Notes"),
    ("contact.organisation", "Organisasi", "Organisation"),
    ("contact.party", "Jenis", "Type"),
    ("contact.party.organisation", "Organisasi", "Organisation"),
    ("contact.party.person", "Perorangan", "Person"),
    ("contact.phones", "Telepon", "Phones"),
    ("contact.role", "Jabatan", "Role"),
    ("contact.tags", "Label", "Tags"),
    ("data.backup", "Cadangan", "Backup"),
    ("data.choose_backup", "Pilih berkas cadangan (.json)", "Choose a backup file (.json)"),
    ("data.export", "Ekspor cadangan", "Export backup"),
    ("data.exported", "Cadangan diunduh. Simpan di tempat aman.", "Backup downloaded. Keep it somewhere safe."),
    ("data.import", "Impor cadangan", "Import a backup"),
    ("data.last_backup", "Cadangan terakhir: {when}", "Last backup: {when}"),
    ("data.never_backed_up", "Belum pernah dicadangkan dari browser ini.", "Never backed up from this browser."),
    ("data.record_counts", "Kontak: {contacts} · Telepon: {calls} · Tamu: {visitors}", "Contacts: {contacts} · Calls: {calls} · Visitors: {visitors}"),
    ("data.reset", "Hapus semua data", "Reset everything"),
    ("data.reset_button", "Hapus semua data di browser ini", "Remove all data from this browser"),
    ("data.reset_done", "Semua data dihapus.", "All data was removed."),
    ("data.reset_explain", "Menghapus semua kontak, pengaturan dan isi tempat sampah dari browser ini. Tidak bisa diurungkan: ekspor cadangan dulu. Ketik {word} untuk melanjutkan.", "Removes every contact, setting and the trash from this browser. It cannot be undone: export a backup first. Type {word} to go on."),
    ("data.reset_type", "Ketik {word}", "Type {word}"),
    ("data.reset_word", "HAPUS", "RESET"),
    ("data.storage", "Penyimpanan", "Storage"),
    ("data.usage", "Penyimpanan terpakai", "Storage used"),
    ("data.usage_text", "{used} dari {total} karakter ({pct}%)", "{used} of {total} characters ({pct}%)"),
    ("data.where", "Semua data tersimpan hanya di browser ini (localStorage), tidak dikirim ke mana pun. Menghapus data situs di browser akan menghapusnya: ekspor cadangan secara rutin.", "All data is kept only in this browser (localStorage) and sent nowhere. Clearing the browser's site data removes it: export backups regularly."),
    ("desk.check_out", "Keluar", "Check out"),
    ("desk.follow_ups", "Tindak lanjut jatuh tempo", "Follow-ups due"),
    ("desk.for", "Untuk {who} ({n})", "For {who} ({n})"),
    ("desk.in_building", "Tamu di gedung sekarang", "Visitors in the building now"),
    ("desk.mark_handled", "Tandai selesai", "Mark handled"),
    ("desk.no_messages", "Tidak ada pesan yang menunggu.", "No messages waiting."),
    ("desk.nobody_in", "Tidak ada tamu di gedung.", "No visitors in the building."),
    ("desk.passed_on", "Sudah disampaikan", "Passed on"),
    ("desk.summary", "{date}: {calls} telepon dan {visitors} tamu hari ini.", "{date}: {calls} calls and {visitors} visitors today."),
    ("desk.visiting", "{company} · bertemu {host} · sejak {since}", "{company} · visiting {host} · since {since}"),
    ("desk.waiting", "Pesan menunggu", "Messages waiting"),
    ("err.changed_elsewhere", "Data ini diubah di tempat lain (tab lain atau impor) sejak formulir dibuka. Buka lagi lalu ulangi perubahan.", "This record was changed elsewhere (another tab or an import) since the form opened. Open it again and redo the change."),
    ("err.checkout_before_checkin", "Waktu keluar tidak boleh sebelum waktu masuk.", "Check-out cannot be before check-in."),
    ("err.choice", "Pilih salah satu pilihan yang tersedia.", "Pick one of the offered choices."),
    ("err.conflict", "Data ini baru diubah di tab lain. Tampilan sudah dimuat ulang; ulangi perubahan Anda.", "This data was just changed in another tab. It has been reloaded; please redo your change."),
    ("err.date", "Tanggal tidak valid.", "Not a valid date."),
    ("err.datetime", "Tanggal dan jam tidak valid.", "Not a valid date and time."),
    ("err.email", "Alamat email tidak valid (contoh: nama@kantor.co.id).", "Not a valid e-mail address (e.g. name@office.com)."),
    ("err.migration_failed", "Pembaruan format data gagal: {why}", "Upgrading the data format failed: {why}"),
    ("err.npwp", "NPWP harus 15 atau 16 digit (contoh: 01.234.567.8-901.000).", "A tax number (NPWP) has 15 or 16 digits (e.g. 01.234.567.8-901.000)."),
    ("err.phone", "Nomor telepon hanya berisi angka, spasi dan + - ( ).", "A phone number holds digits, spaces and + - ( ) only."),
    ("err.read_only", "Hanya bisa dibaca: data disimpan oleh versi yang lebih baru.", "Read-only: the data was saved by a newer version."),
    ("err.required", "Wajib diisi.", "Required."),
    ("err.screen", "Layar ini mengalami kesalahan. Data Anda aman; muat ulang halaman.", "This screen hit an error. Your data is safe; reload the page."),
    ("err.storage", "Penyimpanan gagal: {why}. Tidak ada yang berubah.", "Saving failed: {why}. Nothing was changed."),
    ("err.too_long", "Terlalu panjang (maksimal 10.000 karakter).", "Too long (10,000 characters at most)."),
    ("err.unreadable_write", "«{name}» tidak bisa dibaca, jadi tidak ditimpa. Lihat pemberitahuan di atas.", "«{name}» could not be read, so it is not overwritten. See the notice above."),
    ("form.contact_create", "Buat kontak baru «{name}»", "Create contact «{name}»"),
    ("form.contact_search", "Ketik nama, organisasi atau nomor…", "Type a name, organisation or number…"),
    ("form.contact_unlink", "Lepas tautan", "Unlink"),
    ("form.edit_title", "Ubah data", "Edit record"),
    ("form.has_errors", "Periksa {n} isian yang ditandai.", "Check the {n} marked field(s)."),
    ("form.hint_lines", "Satu per baris.", "One per line."),
    ("form.hint_tags", "Pisahkan dengan koma.", "Separate with commas."),
    ("form.keys_hint", "Enter atau Ctrl+Enter menyimpan, Esc membatalkan.", "Enter or Ctrl+Enter saves, Esc cancels."),
    ("form.leave_unsaved", "Ada perubahan yang belum disimpan. Tinggalkan halaman ini?", "There are unsaved changes. Leave this page?"),
    ("form.no_contact", "— tidak ada —", "— none —"),
    ("import.card_skipped", "Kartu {n}: {why}", "Card {n}: {why}"),
    ("import.choose", "Pilih berkas CSV atau vCard", "Choose a CSV or vCard file"),
    ("import.column", "Kolom «{name}»", "Column «{name}»"),
    ("import.confirm", "Impor {n} kontak", "Import {n} contacts"),
    ("import.done", "{n} kontak diimpor.", "{n} contacts imported."),
    ("import.empty", "Berkas ini kosong.", "This file is empty."),
    ("import.intro", "CSV dengan koma atau titik koma (Excel Indonesia), UTF-8 dengan atau tanpa BOM; atau vCard (.vcf) dari Android, iPhone, Gmail, Outlook, Thunderbird. Tidak ada yang disimpan sebelum Anda konfirmasi.", "CSV with commas or semicolons (Indonesian Excel), UTF-8 with or without BOM; or vCard (.vcf) from Android, iPhone, Gmail, Outlook, Thunderbird. Nothing is saved until you confirm."),
    ("import.line", "Baris", "Line"),
    ("import.malformed", "CSV rusak di baris {line}: {detail}", "The CSV is broken at line {line}: {detail}"),
    ("import.mapping", "Kolom ke isian", "Columns to fields"),
    ("import.not_text", "Berkas ini bukan teks UTF-8 (mungkin XLSX atau gambar). Simpan sebagai CSV UTF-8 lalu coba lagi.", "This file is not UTF-8 text (perhaps XLSX or an image). Save it as CSV UTF-8 and try again."),
    ("import.preview", "Pratinjau", "Preview"),
    ("import.problems", "Masalah", "Problems"),
    ("import.skip_column", "— lewati —", "— skip —"),
    ("import.skipped", "Dilewati", "Skipped"),
    ("import.summary", "{good} baris siap diimpor, {bad} baris bermasalah (tidak diimpor).", "{good} rows ready to import, {bad} rows with problems (not imported)."),
    ("import.title", "Impor kontak", "Import contacts"),
    ("import.unmapped", "Bagian vCard yang tidak disimpan", "vCard parts not kept"),
    ("import.vcard_none", "Tidak ada kartu vCard di berkas ini.", "There is no vCard in this file."),
    ("import.vcard_summary", "{n} kontak ditemukan.", "{n} contacts found."),
    ("list.count", "{n} data", "{n} records"),
    ("list.count_filtered", "{n} dari {total} data", "{n} of {total} records"),
    ("list.more", "Tampilkan {n} lagi", "Show {n} more"),
    ("list.no_match", "Tidak ada yang cocok dengan pencarian.", "Nothing matches the search."),
    ("list.search", "Cari", "Search"),
    ("list.search_placeholder", "Cari…", "Search…"),
    ("nav.calls", "Log telepon", "Call log"),
    ("nav.contacts", "Kontak", "Contacts"),
    ("nav.data", "Data & cadangan", "Data & backup"),
    ("nav.desk", "Meja depan", "Front desk"),
    ("nav.label", "Menu utama", "Main menu"),
    ("nav.messages", "Pesan menunggu", "Messages waiting"),
    ("nav.settings", "Pengaturan", "Settings"),
    ("nav.trash", "Tempat sampah", "Trash"),
    ("nav.trash_count", "{n} di tempat sampah", "{n} in the trash"),
    ("nav.visitors", "Buku tamu", "Visitor log"),
    ("notfound.home", "Ke halaman awal", "Go to the start page"),
    ("notfound.record", "Data ini tidak ada (mungkin sudah dihapus permanen).", "This record does not exist (it may have been deleted for good)."),
    ("notfound.title", "Tidak ditemukan", "Not found"),
    ("quota.text", "Perubahan terakhir TIDAK disimpan karena penyimpanan browser penuh. Data yang sudah tersimpan tetap utuh. Ekspor cadangan, lalu kosongkan tempat sampah atau hapus data lama.", "Your last change was NOT saved because browser storage is full. Everything saved before is intact. Export a backup, then empty the trash or remove old records."),
    ("quota.title", "Penyimpanan penuh", "Storage is full"),
    ("record.stamps", "Dibuat {created} · Diubah {updated}", "Created {created} · Updated {updated}"),
    ("settings.company", "Profil perusahaan", "Company profile"),
    ("settings.company_address", "Alamat", "Address"),
    ("settings.company_name", "Nama perusahaan", "Company name"),
    ("settings.currency", "Mata uang", "Currency"),
    ("settings.departments", "Departemen", "Departments"),
    ("settings.departments_hint", "Satu departemen per baris.", "One department per line."),
    ("settings.email", "Email", "E-mail"),
    ("settings.language", "Bahasa", "Language"),
    ("settings.language_auto", "Ikuti browser", "Follow the browser"),
    ("settings.office", "Kantor", "Office"),
    ("settings.phone", "Telepon", "Phone"),
    ("settings.regional", "Bahasa dan mata uang", "Language and currency"),
    ("settings.saved", "Pengaturan disimpan.", "Settings saved."),
    ("settings.tax_number", "NPWP", "Tax number (NPWP)"),
    ("settings.user_name", "Siapa yang memakai browser ini", "Who is using this browser"),
    ("toast.migrated", "Data diperbarui dari format versi {from}; salinan lamanya disimpan.", "Data was upgraded from format version {from}; a copy of the old one is kept."),
    ("toast.restored", "Dipulihkan.", "Restored."),
    ("toast.saved", "«{name}» disimpan.", "«{name}» saved."),
    ("toast.trashed", "«{name}» dipindah ke tempat sampah.", "«{name}» moved to the trash."),
    ("trash.confirm_empty", "Hapus {n} data secara permanen?", "Delete {n} records for good?"),
    ("trash.confirm_purge_one", "Hapus data ini secara permanen?", "Delete this record for good?"),
    ("trash.deleted_at", "dihapus {when}", "deleted {when}"),
    ("trash.emptied", "Tempat sampah dikosongkan.", "Trash emptied."),
    ("trash.empty", "Tempat sampah kosong.", "The trash is empty."),
    ("trash.empty_all", "Kosongkan tempat sampah", "Empty the trash"),
    ("trash.in_trash", "Data ini ada di tempat sampah.", "This record is in the trash."),
    ("trash.intro", "Data yang dihapus ada di sini sampai dipulihkan atau dihapus permanen.", "Deleted records stay here until restored or deleted for good."),
    ("trash.purge", "Hapus permanen", "Delete for good"),
    ("vcard.no_name", "tidak ada nama, email atau telepon", "no name, e-mail or phone"),
    ("vcard.unterminated", "kartu tidak lengkap (tanpa END:VCARD)", "incomplete card (no END:VCARD)"),
    ("visitor.check_in", "Masuk", "Checked in"),
    ("visitor.check_out", "Keluar", "Checked out"),
    ("visitor.checked_out", "«{name}» sudah keluar.", "«{name}» checked out."),
    ("visitor.company", "Perusahaan", "Company"),
    ("visitor.empty", "Belum ada tamu tercatat. Catat tamu yang datang dengan «Tamu masuk».", "No visitors logged yet. Log an arrival with «Check a visitor in»."),
    ("visitor.host", "Bertemu dengan", "Host"),
    ("visitor.name", "Nama tamu", "Visitor"),
    ("visitor.new", "Tamu masuk", "Check a visitor in"),
    ("visitor.purpose", "Keperluan", "Purpose"),
];

/// The string for `key`; an unknown key shows itself, so a gap is visible, not blank.
pub fn t(lang: Lang, key: &str) -> &'static str {
    match STRINGS.binary_search_by(|(k, _, _)| (*k).cmp(key)) {
        Ok(i) => match lang {
            Lang::Id => STRINGS[i].1,
            Lang::En => STRINGS[i].2,
        },
        Err(_) => Box::leak(key.to_string().into_boxed_str()),
    }
}

pub fn has(key: &str) -> bool {
    STRINGS.binary_search_by(|(k, _, _)| (*k).cmp(key)).is_ok()
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        for w in STRINGS.windows(2) {
            assert!(w[0].0 < w[1].0, "not sorted or duplicate: {} / {}", w[0].0, w[1].0);
        }
        for (k, id, en) in STRINGS {
            assert!(!id.is_empty() && !en.is_empty(), "{k}");
            // Placeholders must match between languages.
            let ph = |s: &str| {
                let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
                v.sort();
                v
            };
            assert_eq!(ph(id), ph(en), "placeholders differ in {k}");
        }
    }

    #[test]
    fn fill_placeholders() {
        assert_eq!(fill(t(Lang::En, "list.count_filtered"), &[("n", "2".into()), ("total", "9".into())]), "2 of 9 records");
        assert_eq!(t(Lang::Id, "action.save"), "Simpan");
    }
}
