//! Contacts: people and organisations the office deals with.

use super::record::RecordRules;

crate::record! {
    pub struct Contact in "contacts" {
        name: String => Text, "contact.name" .required().listed().aliases(&["nama", "full name", "nama lengkap", "display name", "fn"]),
        /// "person" or "organisation".
        party: String = "person".into() => Select(PARTIES), "contact.party" .required().aliases(&["type", "jenis", "person/organisation"]),
        /// "client", "supplier", "partner" or "other".
        kind: String = "client".into() => Select(KINDS), "contact.kind" .required().listed().aliases(&["category", "kategori", "relationship", "hubungan"]),
        organisation: String => Text, "contact.organisation" .listed().aliases(&["organization", "company", "perusahaan", "organisasi", "instansi", "org"]),
        role: String => Text, "contact.role" .aliases(&["title", "job title", "jabatan", "position", "posisi"]),
        emails: Vec<String> => Emails, "contact.emails" .listed().aliases(&["email", "e-mail", "email address", "e-mail address", "surel", "email 1", "email 2"]),
        phones: Vec<String> => Phones, "contact.phones" .listed().aliases(&["phone", "telephone", "telepon", "telp", "no. hp", "hp", "mobile", "phone 1", "phone 2", "nomor telepon"]),
        address: String => LongText, "contact.address" .aliases(&["alamat", "street", "address 1"]),
        tags: Vec<String> => Tags, "contact.tags" .listed().aliases(&["tag", "label", "labels", "groups"]),
        notes: String => LongText, "contact.notes" .aliases(&["note", "catatan", "keterangan", "comments"]),
    }
}

pub const PARTIES: &[(&str, &str)] = &[("person", "contact.party.person"), ("organisation", "contact.party.organisation")];
pub const KINDS: &[(&str, &str)] = &[
    ("client", "contact.kind.client"),
    ("supplier", "contact.kind.supplier"),
    ("partner", "contact.kind.partner"),
    ("other", "contact.kind.other"),
];

impl Contact {
    /// Who a document is addressed to: the organisation when there is one, else the person.
    pub fn party_name(&self) -> &str {
        if self.organisation.is_empty() {
            &self.name
        } else {
            &self.organisation
        }
    }
}

impl RecordRules for Contact {
    fn title(&self) -> String {
        if self.name.is_empty() {
            self.organisation.clone()
        } else {
            self.name.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-11-22T08:00:00Z".parse().unwrap()
    }

    #[test]
    fn blank_contact_needs_a_name() {
        let c = Contact::blank(now());
        assert_eq!(c.validate(), vec![("name", "err.required")]);
    }

    #[test]
    fn fields_round_trip_through_text() {
        let mut c = Contact::blank(now());
        c.set("name", "  Siti Rahma ");
        c.set("emails", "siti@contoh.co.id, siti.r@contoh.id\n");
        c.set("phones", "+62 812 3456 789\n\n021-555-0101");
        c.set("tags", "vip, jakarta, vip");
        assert_eq!(c.name, "Siti Rahma");
        assert_eq!(c.emails, vec!["siti@contoh.co.id", "siti.r@contoh.id"]);
        assert_eq!(c.get("phones"), "+62 812 3456 789\n021-555-0101");
        assert_eq!(c.tags, vec!["vip", "jakarta"]);
        assert!(c.validate().is_empty());
    }

    #[test]
    fn bad_values_are_reported_per_field() {
        let mut c = Contact::blank(now());
        c.set("name", "X");
        c.set("emails", "not-an-email");
        c.set("phones", "call me maybe");
        c.set("kind", "enemy");
        let errs = c.validate();
        assert!(errs.contains(&("emails", "err.email")));
        assert!(errs.contains(&("phones", "err.phone")));
        assert!(errs.contains(&("kind", "err.choice")));
    }

    #[test]
    fn old_json_without_new_fields_still_loads() {
        let c: Contact =
            serde_json::from_str(r#"{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Budi"}"#)
                .unwrap();
        assert_eq!(c.kind, "client");
        assert_eq!(c.party, "person");
    }
}
