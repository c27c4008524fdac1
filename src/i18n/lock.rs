//! The lock screen (ui/lock.rs), added by the `lock_screen` part that draws it.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("lock.failed", "Data tidak bisa dibuka", "The data cannot be opened"),
    ("lock.forgot", "Lupa frasa sandi? Data ini tidak bisa dibuka tanpanya. Pulihkan cadangan terakhir Anda di browser lain, atau di sini setelah menghapus data situs ini.", "Forgot the passphrase? This data cannot be opened without it. Restore your latest backup in another browser, or here after clearing this site's data."),
    ("lock.hint", "Data di browser ini dienkripsi. Masukkan frasa sandi untuk membukanya.", "The data in this browser is encrypted. Enter the passphrase to open it."),
    ("lock.no_webcrypto", "Data terenkripsi hanya bisa dibuka di halaman HTTPS (atau di komputer ini sendiri).", "Encrypted data can be opened only on an HTTPS page (or on this computer itself)."),
    ("lock.open", "Buka", "Open"),
    ("lock.opening", "Membuka…", "Opening…"),
    ("lock.passphrase", "Frasa sandi", "Passphrase"),
    ("lock.title", "Back Office terkunci", "Back Office is locked"),
    ("lock.wrong", "Frasa sandi salah. Data tidak diubah; coba lagi.", "Wrong passphrase. The data is unchanged; try again."),
];
