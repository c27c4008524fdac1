//! Front desk: the call log (with messages waiting per recipient) and the visitor log.
use crate::sort::sort_by;
use chrono::NaiveDate;

use super::record::{validate_by_schema, FieldError, RecordRules};

crate::record! {
    pub struct Call in "calls" {
        caller: String => Text, "call.caller" .required().listed().aliases(&["caller", "penelepon", "nama"]),
        number: String => Text, "call.number" .aliases(&["phone", "nomor", "telepon"]),
        /// The employee or department the message is for.
        for_whom: String => Text, "call.for_whom" .required().listed().aliases(&["for", "untuk"]),
        message: String => LongText, "call.message" .aliases(&["pesan"]),
        urgency: Urgency = Urgency::Normal => Select(Urgency::OPTIONS), "call.urgency" .required().listed().aliases(&["urgensi"]),
        status: CallStatus = CallStatus::New => Select(CallStatus::OPTIONS), "call.status" .required().listed(),
        /// When the call came in, local time.
        at: Option<chrono::NaiveDateTime> => DateTimeNow, "call.at" .required().listed().aliases(&["time", "waktu"]),
        /// Linked contact id, or empty.
        contact_id: String => ContactRef, "call.contact",
        follow_up: Option<chrono::NaiveDate> => Date, "call.follow_up" .aliases(&["follow up", "tindak lanjut"]),
    }
}

crate::choice! {
    /// How urgent a call is.
    pub enum Urgency {
        Normal = "normal" => "call.urgency.normal",
        High = "high" => "call.urgency.high",
        Urgent = "urgent" => "call.urgency.urgent",
        Low = "low" => "call.urgency.low",
    }
}
crate::choice! {
    /// Where a call stands.
    pub enum CallStatus {
        New = "new" => "call.status.new",
        PassedOn = "passed_on" => "call.status.passed_on",
        CalledBack = "called_back" => "call.status.called_back",
        Closed = "closed" => "call.status.closed",
    }
}

impl RecordRules for Call {
    fn title(&self) -> String {
        format!("{} → {}", self.caller, self.for_whom)
    }
}

impl Call {
    /// Waiting for someone to act: not yet called back or closed.
    pub fn is_open(&self) -> bool {
        self.meta.deleted_at.is_none() && matches!(self.status, CallStatus::New | CallStatus::PassedOn)
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
    let mut v: Vec<Call> = calls.iter().filter(|c| c.is_open() && c.follow_up.is_some_and(|d| d <= today)).cloned().collect();
    sort_by(&mut v, |a, b| a.follow_up.cmp(&b.follow_up));
    v
}

crate::record! {
    pub struct Visitor in "visitors" {
        name: String => Text, "visitor.name" .required().listed().aliases(&["nama", "visitor", "tamu"]),
        company: String => Text, "visitor.company" .listed().aliases(&["perusahaan", "instansi"]),
        host: String => Text, "visitor.host" .required().listed().aliases(&["tuan rumah", "bertemu"]),
        purpose: String => Text, "visitor.purpose" .aliases(&["keperluan"]),
        check_in: Option<chrono::NaiveDateTime> => DateTimeNow, "visitor.check_in" .required().listed().aliases(&["masuk"]),
        /// Empty while the visitor is in the building.
        check_out: Option<chrono::NaiveDateTime> => DateTime, "visitor.check_out" .listed().aliases(&["keluar"]),
    }
}

impl RecordRules for Visitor {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(i), Some(o)) = (self.check_in, self.check_out) {
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
        self.meta.deleted_at.is_none() && self.check_out.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;
    use chrono::DateTime;

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
        let mut c = call("", "", "", "new");
        assert_eq!(crate::domain::record::fill(&mut c, "at", "kemarin"), Some(("at", "err.datetime")));
        let errs = c.validate();
        assert!(errs.contains(&("caller", "err.required")));
        assert!(errs.contains(&("for_whom", "err.required")));
        assert!(errs.contains(&("at", "err.required")));
        c.set("caller", "Pak Budi");
        c.set("for_whom", "Keuangan");
        c.set("at", "2026-11-22T09:15");
        // A day written the other way round is refused when typed, and nothing is kept.
        assert_eq!(crate::domain::record::fill(&mut c, "follow_up", "22/11/2026"), Some(("follow_up", "err.date")));
        assert_eq!(c.follow_up, None);
        assert_eq!(c.validate(), vec![]);
        c.set("follow_up", "0226-11-22");
        assert_eq!(c.validate(), vec![("follow_up", "err.year_range")]);
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
