//! Schema versions and forward-only migrations of stored documents.
//!
//! A "document" is one collection's JSON (an array of records, or the settings object),
//! keyed by collection name. The same migrations upgrade localStorage and old backups.
use std::collections::BTreeMap;

use serde_json::Value;

/// v1: the first draft format, one `email` and one `phone` string per contact.
/// v2: `emails` and `phones` lists, `party` (person/organisation).
/// v3: lists stored in compressed chunks; the records themselves are unchanged.
/// v4: money and counts are numbers (`150000`, not `"150000"`); unset ones are absent.
/// v5: record ids made as UUIDs of version 8 (`ids`), stored as time deltas; the records
///     are unchanged, and schema-4 lists are read as they are.
/// v6: a list may keep its last saved records in a patch (`storage::layout::Patched`), read
///     over its chunks; records are unchanged. A build before it would read a list without
///     its patch, so it opens such a store read-only.
pub const CURRENT: u32 = 6;
/// The newest schema whose migration changes records (see `storage::Schema`).
pub const RECORDS_CHANGED_AT: u32 = 4;

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
            3 => v3_to_v4(docs),
            4 | 5 => {}
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

/// The fields v4 turned from text into whole numbers, per collection. Frozen: a field typed
/// later gets a migration of its own.
const V4_NUMBERS: &[(&str, &[&str])] = &[
    ("items", &["reorder_point", "reorder_qty", "unit_cost"]),
    ("stock", &["qty", "unit_cost"]),
    ("assets", &["cost", "life_months", "salvage", "every"]),
    ("asset_log", &["cost", "downtime"]),
    ("events", &["interval", "count"]),
];

/// Numbers typed as text become numbers and empty ones go. Text that is not a whole number
/// (never saved by the app, but a hand-edited file may hold it) is left as it is: the list
/// that holds it is then kept aside as unreadable, never rewritten without it.
fn v3_to_v4(docs: &mut Docs) {
    for (name, fields) in V4_NUMBERS {
        let Some(Value::Array(list)) = docs.get_mut(*name) else { continue };
        for obj in list.iter_mut().filter_map(Value::as_object_mut) {
            for f in *fields {
                let Some(Value::String(text)) = obj.get(*f) else { continue };
                let t = text.trim();
                if t.is_empty() {
                    obj.remove(*f);
                } else if let Ok(n) = t.parse::<i64>() {
                    obj.insert(f.to_string(), Value::from(n));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Contact;
    use crate::domain::contact::Party;
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
        assert_eq!(c[0].party, Party::Person);
    }

    #[test]
    fn v3_numbers_become_numbers() {
        let mut docs = Docs::new();
        docs.insert("items".into(), json!([{"id": "i", "unit_cost": "45000", "reorder_point": "", "reorder_qty": " 10 ", "code": "007"}]));
        docs.insert("stock".into(), json!([{"id": "m", "qty": "-2", "unit_cost": "12abc"}]));
        docs.insert("events".into(), json!([{"id": "e", "interval": "2", "count": ""}]));
        migrate(&mut docs, 3).unwrap();
        assert_eq!(docs["items"], json!([{"id": "i", "unit_cost": 45000, "reorder_qty": 10, "code": "007"}]), "text fields stay text");
        assert_eq!(docs["stock"], json!([{"id": "m", "qty": -2, "unit_cost": "12abc"}]), "what is not a number is kept as typed");
        assert_eq!(docs["events"], json!([{"id": "e", "interval": 2}]));
    }

    #[test]
    fn newer_is_refused() {
        assert!(migrate(&mut Docs::new(), CURRENT + 1).is_err());
        assert!(migrate(&mut Docs::new(), CURRENT).is_ok());
    }
}
