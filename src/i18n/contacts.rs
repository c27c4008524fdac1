//! Contacts and vCards.

/// Sorted by key.
#[rustfmt::skip]
pub const STRINGS: &str = table![
    ("contact.address", "Alamat", "Address"),
    ("contact.emails", "Email", "Emails"),
    ("contact.export_vcard", "Ekspor vCard", "Export vCard"),
    ("contact.kind", "Kategori", "Kind"),
    ("contact.kind.client", "Klien", "Client"),
    ("contact.kind.other", "Lainnya", "Other"),
    ("contact.kind.partner", "Mitra", "Partner"),
    ("contact.kind.supplier", "Pemasok", "Supplier"),
    ("contact.name", "Nama", "Name"),
    ("contact.notes", "Catatan", "Notes"),
    ("contact.organisation", "Organisasi", "Organisation"),
    ("contact.party", "Jenis", "Type"),
    ("contact.party.organisation", "Organisasi", "Organisation"),
    ("contact.party.person", "Perorangan", "Person"),
    ("contact.phones", "Telepon", "Phones"),
    ("contact.role", "Jabatan", "Role"),
    ("contact.tags", "Label", "Tags"),
    ("vcard.no_name", "tidak ada nama, email atau telepon", "no name, e-mail or phone"),
    ("vcard.unterminated", "kartu tidak lengkap (tanpa END:VCARD)", "incomplete card (no END:VCARD)"),
];
