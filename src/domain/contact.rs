//! Contacts: people and organisations the office deals with.

use super::record::RecordRules;

crate::record! {
    pub struct Contact in "contacts" {
        name: String => Text, "contact.name" .required().listed().aliases(&["nama", "full name", "nama lengkap", "display name", "fn"]),
        /// "person" or "organisation".
        party: Party = Party::Person => Select(Party::OPTIONS), "contact.party" .required().aliases(&["type", "jenis", "person/organisation"]),
        /// "client", "supplier", "partner" or "other".
        kind: ContactKind = ContactKind::Client => Select(ContactKind::OPTIONS), "contact.kind" .required().listed().aliases(&["category", "kategori", "relationship", "hubungan"]),
        organisation: String => Text, "contact.organisation" .listed().aliases(&["organization", "company", "perusahaan", "organisasi", "instansi", "org"]),
        role: String => Text, "contact.role" .aliases(&["title", "job title", "jabatan", "position", "posisi"]),
        emails: Vec<String> => Emails, "contact.emails" .listed().aliases(&["email", "e-mail", "email address", "e-mail address", "surel", "email 1", "email 2"]),
        phones: Vec<String> => Phones, "contact.phones" .listed().aliases(&["phone", "telephone", "telepon", "telp", "no. hp", "hp", "mobile", "phone 1", "phone 2", "nomor telepon"]),
        address: String => LongText, "contact.address" .aliases(&["alamat", "street", "address 1"]),
        tags: Vec<String> => Tags, "contact.tags" .listed().aliases(&["tag", "label", "labels", "groups"]),
        notes: String => LongText, "contact.notes" .aliases(&["note", "catatan", "keterangan", "comments"]),
    }
}

crate::choice! {
    /// A person or an organisation.
    pub enum Party {
        Person = "person" => "contact.party.person",
        Organisation = "organisation" => "contact.party.organisation",
    }
}
crate::choice! {
    /// What a contact is to the office.
    pub enum ContactKind {
        Client = "client" => "contact.kind.client",
        Supplier = "supplier" => "contact.kind.supplier",
        Partner = "partner" => "contact.kind.partner",
        Other = "other" => "contact.kind.other",
    }
}

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
        let was = c.kind;
        // A choice takes only its own codes: the field keeps what it had and says why.
        assert_eq!(crate::domain::record::fill(&mut c, "kind", "enemy"), Some(("kind", "err.choice")));
        assert_eq!(c.kind, was);
        assert_eq!(crate::domain::record::fill(&mut c, "kind", ""), Some(("kind", "err.required")));
        assert_eq!(crate::domain::record::fill(&mut c, "kind", " supplier "), None);
        assert_eq!(c.kind, ContactKind::Supplier);
        let errs = c.validate();
        assert!(errs.contains(&("emails", "err.email")));
        assert!(errs.contains(&("phones", "err.phone")));
    }

    #[test]
    fn old_json_without_new_fields_still_loads() {
        let c: Contact =
            serde_json::from_str(r#"{"id":"a","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","name":"Budi"}"#)
                .unwrap();
        assert_eq!(c.kind, ContactKind::Client);
        assert_eq!(c.party, Party::Person);
    }
}
