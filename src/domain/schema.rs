//! Schema versions and forward-only migrations of stored documents.
//!
//! A "document" is one collection's JSON (an array of records, or the settings object),
//! keyed by collection name. The same migrations upgrade localStorage and old backups.
use std::collections::BTreeMap;

use serde_json::Value;

/// v1: the first draft format, one `email` and one `phone` string per contact.
/// v2: `emails` and `phones` lists, `party` (person/organisation).
/// v3: lists stored in compressed chunks; the records themselves are unchanged.
pub const CURRENT: u32 = 3;

pub type Docs = BTreeMap<String, Value>;

pub fn migrate(docs: &mut Docs, from: u32) -> Result<(), String> {
    if from > CURRENT {
        return Err(format!("schema {from} is newer than {CURRENT}"));
    }
    let mut v = from;
    while v < CURRENT {
        match v {
            1 => v1_to_v2(docs)?,
            2 => {}
            _ => return Err(format!("no migration from schema {v}")),
        }
        v += 1;
    }
    Ok(())
}

fn v1_to_v2(docs: &mut Docs) -> Result<(), String> {
    let Some(contacts) = docs.get_mut("contacts") else { return Ok(()) };
    let list = contacts.as_array_mut().ok_or("contacts is not a list")?;
    for c in list {
        let obj = c.as_object_mut().ok_or("a contact is not an object")?;
        for (old, new) in [("email", "emails"), ("phone", "phones")] {
            let single = obj.remove(old).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let values: Vec<Value> =
                single.split([',', ';']).map(str::trim).filter(|s| !s.is_empty()).map(|s| Value::String(s.into())).collect();
            obj.insert(new.into(), Value::Array(values));
        }
        let has_org_only = obj.get("name").and_then(Value::as_str).unwrap_or("").is_empty();
        obj.entry("party").or_insert_with(|| Value::String(if has_org_only { "organisation" } else { "person" }.into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Contact;
    use serde_json::json;

    #[test]
    fn v1_contacts_gain_lists() {
        let mut docs = Docs::new();
        docs.insert(
            "contacts".into(),
            json!([{"id":"1","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
                     "name":"Budi","email":"budi@x.id, b@y.id","phone":"0812"}]),
        );
        migrate(&mut docs, 1).unwrap();
        let c: Vec<Contact> = serde_json::from_value(docs["contacts"].clone()).unwrap();
        assert_eq!(c[0].emails, vec!["budi@x.id", "b@y.id"]);
        assert_eq!(c[0].phones, vec!["0812"]);
        assert_eq!(c[0].party, "person");
    }

    #[test]
    fn newer_is_refused() {
        assert!(migrate(&mut Docs::new(), CURRENT + 1).is_err());
        assert!(migrate(&mut Docs::new(), CURRENT).is_ok());
    }
}
