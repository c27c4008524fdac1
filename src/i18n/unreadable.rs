//! The notice for stored data this version cannot read (ui/unreadable.rs), added by its part.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("banner.discard", "Hapus bagian ini…", "Remove this part…"),
    ("banner.discard_confirm", "Ini menghapus data «{name}» dari browser ini untuk selamanya. Ekspor cadangan dulu: cadangan menyimpan teksnya. Untuk melanjutkan, ketik {word}.", "This removes «{name}» from this browser for good. Export a backup first: it keeps the stored text. To go on, type {word}."),
    ("banner.discard_go", "Hapus selamanya", "Remove for good"),
    ("banner.discard_type", "Ketik {word}", "Type {word}"),
    ("banner.discard_word", "HAPUS", "DELETE"),
    ("banner.download_raw", "Unduh teks tersimpan", "Download stored text"),
    ("banner.export_with", "Ekspor cadangan (termasuk bagian ini)", "Export backup (includes this part)"),
    ("banner.holds_unreadable", "bagian ini berisi perubahan terakhir pada catatan dari bagian lain yang tidak bisa dibaca, jadi disimpan bersamanya", "this part holds the latest changes to records of another part that cannot be read, so it is kept with it"),
    ("banner.unreadable", "Versi aplikasi ini tidak bisa membaca «{name}». Datanya tetap tersimpan di browser ini apa adanya: tidak ditimpa dan tidak dihapus, dan versi yang bisa membacanya akan memuatnya lagi dengan sendirinya. Ekspor cadangan (menyertakan bagian ini) atau unduh teksnya dan simpan. Bagian lain berjalan normal. Rincian: {error}", "This version cannot read «{name}». Its records are still kept in this browser as they are: never overwritten or deleted, and a version that can read them loads them again by itself. Export a backup (it includes this part) or download its text and keep it. Everything else works. Details: {error}"),
];
