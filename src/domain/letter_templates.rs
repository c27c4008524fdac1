//! Letter templates: a subject and a text with `{…}` fields, filled from a contact, an
//! employee, a client event or a purchase order, then kept as a letter in the register or
//! opened as an e-mail draft.
use chrono::NaiveDate;

use super::client_events::ClientEvent;
use super::contact::Contact;
use super::format::{format_money, letter_date, Lang};
use super::letters::LetterSeries;
use super::people::Employee;
use super::purchasing::PurchaseOrder;
use super::record::RecordRules;
use super::settings::Settings;

crate::record! {
    /// A letter written once and filled for each addressee.
    pub struct LetterTemplate in "letter_templates" {
        name: String => Text, "ltpl.name" .required().listed().aliases(&["nama", "template"]),
        /// The series a letter made from it is numbered in.
        series_id: String => Ref(LetterSeries), "ltpl.series" .listed().aliases(&["jenis surat", "seri"]),
        subject: String => Text, "ltpl.subject" .required().listed().aliases(&["perihal", "hal", "subject"]),
        /// Paragraphs apart by an empty line, `- ` starts a list item, `**bold**`; `{name}`
        /// and the other fields are filled in.
        body: String => LongText, "ltpl.body" .required().aliases(&["isi"]),
        note: String => Text, "ltpl.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for LetterTemplate {
    fn title(&self) -> String {
        self.name.clone()
    }
}

/// What a template is filled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Contact,
    Employee,
    Event,
    Order,
}

impl Source {
    pub const ALL: [Source; 4] = [Source::Contact, Source::Employee, Source::Event, Source::Order];

    /// How it is written in a link (`#/letters_out/new/tpl~<template>~contact~<id>`).
    pub fn code(self) -> &'static str {
        match self {
            Source::Contact => "contact",
            Source::Employee => "employee",
            Source::Event => "event",
            Source::Order => "order",
        }
    }

    pub fn from_code(code: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The fields it fills, for the template's help.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Source::Contact => CONTACT_FIELDS,
            Source::Employee => &["name", "number", "position", "department", "address", "email", "phone", "joined"],
            Source::Event => &["event", "event_date", "venue", "guests", "name", "organisation", "address", "email", "phone"],
            Source::Order => &["po_number", "po_date", "po_total", "name", "organisation", "address", "email", "phone"],
        }
    }
}

const CONTACT_FIELDS: &[&str] = &["name", "organisation", "role", "address", "email", "phone"];

/// The fields every letter has: today and the office.
pub const OFFICE_FIELDS: &[&str] = &["date", "company", "company_address", "company_phone", "company_email"];

/// A field's name and its text.
pub type Values = Vec<(&'static str, String)>;

/// Who a filled letter goes to: the addressee's name, address and e-mail addresses.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Addressee {
    pub to: String,
    pub address: String,
    pub emails: Vec<String>,
}

/// Today and the office, as every letter may name them.
pub fn office_values(s: &Settings, today: NaiveDate, lang: Lang) -> Values {
    vec![
        ("date", letter_date(today, lang)),
        ("company", s.company_name.clone()),
        ("company_address", s.company_address.clone()),
        ("company_phone", s.phone.clone()),
        ("company_email", s.email.clone()),
    ]
}

/// A contact's fields, and the contact as the addressee.
pub fn contact_values(c: &Contact) -> (Values, Addressee) {
    let values = vec![
        ("name", c.name.clone()),
        ("organisation", c.organisation.clone()),
        ("role", c.role.clone()),
        ("address", c.address.clone()),
        ("email", c.emails.first().cloned().unwrap_or_default()),
        ("phone", c.phones.first().cloned().unwrap_or_default()),
    ];
    // The organisation heads the address, as a letter's envelope has it.
    let address =
        [&c.organisation, &c.address].into_iter().filter(|x| !x.is_empty() && **x != c.name).cloned().collect::<Vec<_>>().join("\n");
    (values, Addressee { to: c.name.clone(), address, emails: c.emails.clone() })
}

pub fn employee_values(e: &Employee, lang: Lang) -> (Values, Addressee) {
    let values = vec![
        ("name", e.name.clone()),
        ("number", e.number.clone()),
        ("position", e.position.clone()),
        ("department", e.department.clone()),
        ("address", e.address.clone()),
        ("email", e.email.clone()),
        ("phone", e.phone.clone()),
        ("joined", e.joined.map(|d| letter_date(d, lang)).unwrap_or_default()),
    ];
    let emails = if e.email.trim().is_empty() { vec![] } else { vec![e.email.trim().to_string()] };
    (values, Addressee { to: e.name.clone(), address: e.address.clone(), emails })
}

/// A client event's fields, with its client's as the addressee's.
pub fn event_values(ev: &ClientEvent, client: Option<&Contact>, lang: Lang) -> (Values, Addressee) {
    let (mut values, who) = client.map(contact_values).unwrap_or_default();
    values.extend([
        ("event", ev.name.clone()),
        ("event_date", ev.date.map(|d| letter_date(d, lang)).unwrap_or_default()),
        ("venue", ev.venue.clone()),
        ("guests", ev.guests.map(|n| n.to_string()).unwrap_or_default()),
    ]);
    (values, who)
}

/// A purchase order's fields, with its supplier's as the addressee's.
pub fn order_values(po: &PurchaseOrder, supplier: Option<&Contact>, currency: &str, lang: Lang) -> (Values, Addressee) {
    let (mut values, who) = supplier.map(contact_values).unwrap_or_default();
    values.extend([
        ("po_number", po.number.clone()),
        ("po_date", po.date.map(|d| letter_date(d, lang)).unwrap_or_default()),
        ("po_total", format_money(po.totals().total, currency, lang)),
    ]);
    (values, who)
}

/// A text with its fields filled, and the fields it names that nothing filled (kept as typed,
/// so the letter shows what is missing instead of a blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filled {
    pub text: String,
    pub unknown: Vec<String>,
}

/// Fills `{field}` from `values` (the first of a name wins). A `{` with no `}` or a name
/// with spaces is text, not a field.
pub fn fill(text: &str, values: &[(&str, String)]) -> Filled {
    let mut out = String::with_capacity(text.len());
    let mut unknown: Vec<String> = vec![];
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]).filter(|n| is_field_name(n));
        match name {
            Some(name) => {
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push_str(&rest[open..open + name.len() + 2]);
                        if !unknown.iter().any(|u| u == name) {
                            unknown.push(name.to_string());
                        }
                    }
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Filled { text: out, unknown }
}

fn is_field_name(n: &str) -> bool {
    !n.is_empty() && n.len() <= 40 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

/// A `mailto:` link that opens the mail program with the subject and text filled: to one
/// addressee, or to many as blind copies (a group, who should not see each other's address).
/// Browsers and mail programs cut or refuse longer `mailto:` links (Outlook takes about
/// 2,000 characters): a link longer than this is not offered.
pub const MAILTO_MOST: usize = 2000;

pub fn mailto(to: &[String], bcc: &[String], subject: &str, body: &str) -> String {
    let join = |v: &[String]| v.iter().map(|a| encode(a.trim())).collect::<Vec<_>>().join(",");
    let mut url = format!("mailto:{}?subject={}", join(to), encode(subject));
    if !bcc.is_empty() {
        url.push_str(&format!("&bcc={}", join(bcc)));
    }
    // Mail programs expect CRLF line breaks in a mailto body (RFC 6068).
    url.push_str(&format!("&body={}", encode(&body.replace("\r\n", "\n").replace('\n', "\r\n"))));
    url
}

/// Percent-encodes all but the unreserved characters (RFC 3986), UTF-8 byte by byte.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'@') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[path = "letter_templates_tests.rs"]
mod tests;
