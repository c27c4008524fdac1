//! Contacts: people and organisations the office deals with.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::record::{split_list, validate_by_schema, Entity, FieldDef, FieldError, FieldKind, Meta};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(flatten)]
    pub meta: Meta,
    /// "person" or "organisation".
    #[serde(default = "default_party")]
    pub party: String,
    /// "client", "supplier", "partner" or "other".
    #[serde(default = "default_kind")]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub emails: Vec<String>,
    #[serde(default)]
    pub phones: Vec<String>,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

fn default_party() -> String {
    "person".into()
}
fn default_kind() -> String {
    "client".into()
}

pub const PARTIES: &[(&str, &str)] = &[("person", "contact.party.person"), ("organisation", "contact.party.organisation")];
pub const KINDS: &[(&str, &str)] = &[
    ("client", "contact.kind.client"),
    ("supplier", "contact.kind.supplier"),
    ("partner", "contact.kind.partner"),
    ("other", "contact.kind.other"),
];

const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "name",
        label: "contact.name",
        kind: FieldKind::Text,
        required: true,
        in_list: true,
        aliases: &["nama", "full name", "nama lengkap", "display name", "fn"],
    },
    FieldDef {
        key: "party",
        label: "contact.party",
        kind: FieldKind::Select(PARTIES),
        required: true,
        in_list: false,
        aliases: &["type", "jenis", "person/organisation"],
    },
    FieldDef {
        key: "kind",
        label: "contact.kind",
        kind: FieldKind::Select(KINDS),
        required: true,
        in_list: true,
        aliases: &["category", "kategori", "relationship", "hubungan"],
    },
    FieldDef {
        key: "organisation",
        label: "contact.organisation",
        kind: FieldKind::Text,
        required: false,
        in_list: true,
        aliases: &["organization", "company", "perusahaan", "organisasi", "instansi", "org"],
    },
    FieldDef {
        key: "role",
        label: "contact.role",
        kind: FieldKind::Text,
        required: false,
        in_list: false,
        aliases: &["title", "job title", "jabatan", "position", "posisi"],
    },
    FieldDef {
        key: "emails",
        label: "contact.emails",
        kind: FieldKind::Emails,
        required: false,
        in_list: true,
        aliases: &["email", "e-mail", "email address", "e-mail address", "surel", "email 1", "email 2"],
    },
    FieldDef {
        key: "phones",
        label: "contact.phones",
        kind: FieldKind::Phones,
        required: false,
        in_list: true,
        aliases: &["phone", "telephone", "telepon", "telp", "no. hp", "hp", "mobile", "phone 1", "phone 2", "nomor telepon"],
    },
    FieldDef {
        key: "address",
        label: "contact.address",
        kind: FieldKind::LongText,
        required: false,
        in_list: false,
        aliases: &["alamat", "street", "address 1"],
    },
    FieldDef {
        key: "tags",
        label: "contact.tags",
        kind: FieldKind::Tags,
        required: false,
        in_list: true,
        aliases: &["tag", "label", "labels", "groups"],
    },
    FieldDef {
        key: "notes",
        label: "contact.notes",
        kind: FieldKind::LongText,
        required: false,
        in_list: false,
        aliases: &["note", "catatan", "keterangan", "comments"],
    },
];

impl Entity for Contact {
    const COLLECTION: &'static str = "contacts";

    fn fields() -> &'static [FieldDef] {
        FIELDS
    }

    fn blank(now: DateTime<Utc>) -> Self {
        Contact {
            meta: Meta::new(now),
            party: default_party(),
            kind: default_kind(),
            name: String::new(),
            organisation: String::new(),
            role: String::new(),
            emails: vec![],
            phones: vec![],
            address: String::new(),
            tags: vec![],
            notes: String::new(),
        }
    }

    fn meta(&self) -> &Meta {
        &self.meta
    }
    fn meta_mut(&mut self) -> &mut Meta {
        &mut self.meta
    }

    fn get(&self, key: &str) -> String {
        match key {
            "party" => self.party.clone(),
            "kind" => self.kind.clone(),
            "name" => self.name.clone(),
            "organisation" => self.organisation.clone(),
            "role" => self.role.clone(),
            "emails" => self.emails.join("\n"),
            "phones" => self.phones.join("\n"),
            "address" => self.address.clone(),
            "tags" => self.tags.join(", "),
            "notes" => self.notes.clone(),
            _ => String::new(),
        }
    }

    fn set(&mut self, key: &str, value: &str) {
        match key {
            "party" => self.party = value.trim().into(),
            "kind" => self.kind = value.trim().into(),
            "name" => self.name = value.trim().into(),
            "organisation" => self.organisation = value.trim().into(),
            "role" => self.role = value.trim().into(),
            // Commas and semicolons also separate, as people paste "a@x.id, b@y.id".
            "emails" => self.emails = split_list(value, &['\n', ',', ';']),
            "phones" => self.phones = split_list(value, &['\n']),
            "address" => self.address = value.trim().into(),
            "tags" => {
                let mut tags: Vec<String> = vec![];
                for t in split_list(value, &[',']) {
                    if !tags.contains(&t) {
                        tags.push(t)
                    }
                }
                self.tags = tags
            }
            "notes" => self.notes = value.trim_end().into(),
            _ => {}
        }
    }

    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }

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
