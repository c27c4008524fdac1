//! Front desk: the call log (with messages waiting per recipient) and the visitor log.
use crate::domain::sort::sort_by;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::record::{parse_datetime, validate_by_schema, Entity, FieldDef, FieldError, FieldKind, Meta};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Call {
    #[serde(flatten)]
    pub meta: Meta,
    /// When the call came in, local time.
    pub at: String,
    pub caller: String,
    pub number: String,
    /// Linked contact id, or empty.
    pub contact_id: String,
    /// The employee or department the message is for.
    pub for_whom: String,
    pub message: String,
    pub urgency: String,
    pub status: String,
    pub follow_up: String,
}
crate::text_fields!(Call { at, caller, number, contact_id, for_whom, message, urgency, status, follow_up } long { message });

impl Default for Call {
    fn default() -> Self {
        let epoch: DateTime<Utc> = DateTime::UNIX_EPOCH;
        Call::blank(epoch)
    }
}

pub const URGENCY: &[(&str, &str)] =
    &[("normal", "call.urgency.normal"), ("high", "call.urgency.high"), ("urgent", "call.urgency.urgent"), ("low", "call.urgency.low")];
pub const CALL_STATUS: &[(&str, &str)] = &[
    ("new", "call.status.new"),
    ("passed_on", "call.status.passed_on"),
    ("called_back", "call.status.called_back"),
    ("closed", "call.status.closed"),
];

const CALL_FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "caller",
        label: "call.caller",
        kind: FieldKind::Text,
        required: true,
        in_list: true,
        aliases: &["caller", "penelepon", "nama"],
    },
    FieldDef {
        key: "number",
        label: "call.number",
        kind: FieldKind::Text,
        required: false,
        in_list: false,
        aliases: &["phone", "nomor", "telepon"],
    },
    FieldDef { key: "for_whom", label: "call.for_whom", kind: FieldKind::Text, required: true, in_list: true, aliases: &["for", "untuk"] },
    FieldDef { key: "message", label: "call.message", kind: FieldKind::LongText, required: false, in_list: false, aliases: &["pesan"] },
    FieldDef {
        key: "urgency",
        label: "call.urgency",
        kind: FieldKind::Select(URGENCY),
        required: true,
        in_list: true,
        aliases: &["urgensi"],
    },
    FieldDef { key: "status", label: "call.status", kind: FieldKind::Select(CALL_STATUS), required: true, in_list: true, aliases: &[] },
    FieldDef { key: "at", label: "call.at", kind: FieldKind::DateTimeNow, required: true, in_list: true, aliases: &["time", "waktu"] },
    FieldDef { key: "contact_id", label: "call.contact", kind: FieldKind::ContactRef, required: false, in_list: false, aliases: &[] },
    FieldDef {
        key: "follow_up",
        label: "call.follow_up",
        kind: FieldKind::Date,
        required: false,
        in_list: false,
        aliases: &["follow up", "tindak lanjut"],
    },
];

impl Entity for Call {
    const COLLECTION: &'static str = "calls";
    fn fields() -> &'static [FieldDef] {
        CALL_FIELDS
    }
    fn blank(now: DateTime<Utc>) -> Self {
        Call {
            meta: Meta::new(now),
            at: String::new(),
            caller: String::new(),
            number: String::new(),
            contact_id: String::new(),
            for_whom: String::new(),
            message: String::new(),
            urgency: "normal".into(),
            status: "new".into(),
            follow_up: String::new(),
        }
    }
    crate::text_entity!();
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        format!("{} → {}", self.caller, self.for_whom)
    }
}

impl Call {
    /// Waiting for someone to act: not yet called back or closed.
    pub fn is_open(&self) -> bool {
        self.meta.deleted_at.is_none() && matches!(self.status.as_str(), "new" | "passed_on")
    }
}

/// Open messages grouped by recipient (A→Z), each group oldest first.
pub fn messages_waiting(calls: &[Call]) -> Vec<(String, Vec<Call>)> {
    let mut groups: std::collections::BTreeMap<String, Vec<Call>> = Default::default();
    for c in calls.iter().filter(|c| c.is_open()) {
        groups.entry(c.for_whom.clone()).or_default().push(c.clone());
    }
    groups
        .into_iter()
        .map(|(k, mut v)| {
            sort_by(&mut v, |a, b| a.at.cmp(&b.at));
            (k, v)
        })
        .collect()
}

/// Follow-ups due on or before `today` that are still open.
pub fn follow_ups_due(calls: &[Call], today: NaiveDate) -> Vec<Call> {
    let mut v: Vec<Call> =
        calls.iter().filter(|c| c.is_open() && super::record::parse_date(&c.follow_up).is_some_and(|d| d <= today)).cloned().collect();
    sort_by(&mut v, |a, b| a.follow_up.cmp(&b.follow_up));
    v
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visitor {
    #[serde(flatten)]
    pub meta: Meta,
    pub name: String,
    pub company: String,
    pub host: String,
    pub purpose: String,
    pub check_in: String,
    /// Empty while the visitor is in the building.
    pub check_out: String,
}
crate::text_fields!(Visitor { name, company, host, purpose, check_in, check_out });

impl Default for Visitor {
    fn default() -> Self {
        Visitor::blank(DateTime::UNIX_EPOCH)
    }
}

const VISITOR_FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "name",
        label: "visitor.name",
        kind: FieldKind::Text,
        required: true,
        in_list: true,
        aliases: &["nama", "visitor", "tamu"],
    },
    FieldDef {
        key: "company",
        label: "visitor.company",
        kind: FieldKind::Text,
        required: false,
        in_list: true,
        aliases: &["perusahaan", "instansi"],
    },
    FieldDef {
        key: "host",
        label: "visitor.host",
        kind: FieldKind::Text,
        required: true,
        in_list: true,
        aliases: &["tuan rumah", "bertemu"],
    },
    FieldDef { key: "purpose", label: "visitor.purpose", kind: FieldKind::Text, required: false, in_list: false, aliases: &["keperluan"] },
    FieldDef {
        key: "check_in",
        label: "visitor.check_in",
        kind: FieldKind::DateTimeNow,
        required: true,
        in_list: true,
        aliases: &["masuk"],
    },
    FieldDef {
        key: "check_out",
        label: "visitor.check_out",
        kind: FieldKind::DateTime,
        required: false,
        in_list: true,
        aliases: &["keluar"],
    },
];

impl Entity for Visitor {
    const COLLECTION: &'static str = "visitors";
    fn fields() -> &'static [FieldDef] {
        VISITOR_FIELDS
    }
    fn blank(now: DateTime<Utc>) -> Self {
        Visitor {
            meta: Meta::new(now),
            name: String::new(),
            company: String::new(),
            host: String::new(),
            purpose: String::new(),
            check_in: String::new(),
            check_out: String::new(),
        }
    }
    crate::text_entity!();
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(i), Some(o)) = (parse_datetime(&self.check_in), parse_datetime(&self.check_out)) {
            if o < i {
                errs.push(("check_out", "err.checkout_before_checkin"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl Visitor {
    pub fn is_in(&self) -> bool {
        self.meta.deleted_at.is_none() && self.check_out.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(caller: &str, to: &str, at: &str, status: &str) -> Call {
        let mut c = Call::blank(DateTime::UNIX_EPOCH);
        c.set("caller", caller);
        c.set("for_whom", to);
        c.set("at", at);
        c.set("status", status);
        c
    }

    #[test]
    fn a_call_needs_caller_recipient_and_a_real_time() {
        let mut c = call("", "", "kemarin", "new");
        let errs = c.validate();
        assert!(errs.contains(&("caller", "err.required")));
        assert!(errs.contains(&("for_whom", "err.required")));
        assert!(errs.contains(&("at", "err.datetime")));
        c.set("caller", "Pak Budi");
        c.set("for_whom", "Keuangan");
        c.set("at", "2026-11-22T09:15");
        c.set("follow_up", "22/11/2026");
        assert_eq!(c.validate(), vec![("follow_up", "err.date")]);
    }

    #[test]
    fn messages_waiting_groups_by_recipient_oldest_first() {
        let calls = vec![
            call("B", "Sari", "2026-11-22T10:00", "new"),
            call("A", "Sari", "2026-11-22T09:00", "passed_on"),
            call("C", "Andi", "2026-11-22T08:00", "closed"),
            call("D", "Andi", "2026-11-21T08:00", "new"),
            call("E", "Sari", "2026-11-20T08:00", "called_back"),
        ];
        let w = messages_waiting(&calls);
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].0, "Andi");
        assert_eq!(w[1].1.iter().map(|c| c.caller.as_str()).collect::<Vec<_>>(), vec!["A", "B"]);
    }

    #[test]
    fn follow_ups_due_today_or_earlier() {
        let mut a = call("A", "X", "2026-11-20T08:00", "new");
        a.set("follow_up", "2026-11-22");
        let mut b = call("B", "X", "2026-11-20T08:00", "new");
        b.set("follow_up", "2026-11-23");
        let mut c = call("C", "X", "2026-11-20T08:00", "closed");
        c.set("follow_up", "2026-11-01");
        let due = follow_ups_due(&[a, b, c], NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
        assert_eq!(due.iter().map(|c| c.caller.as_str()).collect::<Vec<_>>(), vec!["A"]);
    }

    #[test]
    fn visitor_in_until_checked_out_and_not_before_check_in() {
        let mut v = Visitor::blank(DateTime::UNIX_EPOCH);
        v.set("name", "Ibu Rina");
        v.set("host", "Pak Joko");
        v.set("check_in", "2026-11-22T09:00");
        assert!(v.validate().is_empty());
        assert!(v.is_in());
        v.set("check_out", "2026-11-22T08:00");
        assert_eq!(v.validate(), vec![("check_out", "err.checkout_before_checkin")]);
        v.set("check_out", "2026-11-22T10:30");
        assert!(!v.is_in());
    }
}
