//! Attachments: the section on a record's page and the trash's list. Added by the
//! attachments part (ui/attachments.rs) when it first runs.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("attach.add", "Lampirkan berkas", "Attach files"),
    ("attach.added", "{n} berkas dilampirkan: {names}.", "{n} files attached: {names}."),
    ("attach.added.one", "Dilampirkan: {names}.", "Attached: {names}."),
    ("attach.browser_usage", "Browser memakai {used} dari {quota} yang tersedia untuk situs ini (lampiran dan data lainnya).", "The browser uses {used} of the {quota} this site may use (attachments and the rest)."),
    ("attach.confirm_purge", "Hapus berkas ini untuk selamanya? Ini tidak dapat dibatalkan.", "Delete this file for good? This cannot be undone."),
    ("attach.empty", "«{name}» kosong (0 byte) dan tidak dilampirkan.", "«{name}» is empty (0 bytes) and was not attached."),
    ("attach.failed", "Lampiran tidak dapat disimpan atau dibaca di browser ini: {why}", "Attachments cannot be stored or read in this browser: {why}"),
    ("attach.gone", "Berkas ini tidak ada lagi di browser ini.", "This file is no longer in this browser."),
    ("attach.hint", "Misalnya CV, kontrak, kuitansi atau denah; sampai {max} per berkas. Berkas disimpan di browser ini, terpisah dari data lainnya, dan belum ikut dalam cadangan: simpan juga berkas aslinya. PDF, gambar dan teks dibuka di tab baru; berkas lain diunduh.", "For example a résumé, a contract, a receipt or a floor plan; up to {max} each. Files are kept in this browser, apart from the other data, and are not in backups yet: keep the originals too. PDFs, pictures and text open in a new tab; other files download."),
    ("attach.in_trash", "{n} lampiran di tempat sampah", "{n} attachments in the trash"),
    ("attach.in_trash.one", "1 lampiran di tempat sampah", "1 attachment in the trash"),
    ("attach.none", "Belum ada lampiran.", "No attachments yet."),
    ("attach.of", "dari «{title}»", "from «{title}»"),
    ("attach.purge", "Hapus permanen", "Delete for good"),
    ("attach.purge_named", "Hapus permanen {name}", "Delete {name} for good"),
    ("attach.purged", "«{name}» dihapus permanen.", "«{name}» deleted for good."),
    ("attach.remove_named", "Hapus {name}", "Delete {name}"),
    ("attach.restore_named", "Pulihkan {name}", "Restore {name}"),
    ("attach.restored", "«{name}» dipulihkan.", "«{name}» restored."),
    ("attach.title", "Lampiran", "Attachments"),
    ("attach.too_big", "«{name}» lebih besar dari {max} dan tidak dilampirkan. Perkecil berkasnya (misalnya pindai ulang dengan resolusi lebih rendah) lalu coba lagi.", "«{name}» is larger than {max} and was not attached. Make the file smaller (for example scan it again at a lower resolution) and try again."),
    ("attach.trash_title", "Lampiran", "Attachments"),
    ("attach.trashed", "«{name}» dipindah ke tempat sampah.", "«{name}» moved to the trash."),
    ("attach.usage", "Lampiran: {n} berkas, {size}.", "Attachments: {n} files, {size}."),
    ("attach.usage.one", "Lampiran: 1 berkas, {size}.", "Attachments: 1 file, {size}."),
];
