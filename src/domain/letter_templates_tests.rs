use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::purchasing::Line;
use crate::domain::record::Entity;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rina() -> Contact {
    let mut c = Contact::blank(DateTime::UNIX_EPOCH);
    c.name = "Rina Halim".into();
    c.organisation = "PT Maju Jaya".into();
    c.address = "Jl. Melati 3\nBogor".into();
    c.emails = vec!["rina@majujaya.co.id".into(), "rina.h@mail.id".into()];
    c
}

#[test]
fn fields_are_filled_and_unknown_ones_kept_and_named() {
    let values: Values = vec![("name", "Rina Halim".into()), ("date", "3 Desember 2026".into())];
    let f = fill("Jakarta, {date}\n\nYth. {name},\nNo. {po_number} {po_number} {name}", &values);
    assert_eq!(f.text, "Jakarta, 3 Desember 2026\n\nYth. Rina Halim,\nNo. {po_number} {po_number} Rina Halim");
    assert_eq!(f.unknown, ["po_number"]);
}

#[test]
fn braces_that_are_not_fields_stay_text() {
    let f = fill("a { b } {nama lengkap} {} {name", &[("name", "X".into())]);
    assert_eq!(f.text, "a { b } {nama lengkap} {} {name");
    assert!(f.unknown.is_empty());
    assert_eq!(fill("{{name}}", &[("name", "X".into())]).text, "{X}");
}

#[test]
fn a_contact_fills_the_addressee_and_its_fields() {
    let (values, who) = contact_values(&rina());
    assert_eq!(who.to, "Rina Halim");
    assert_eq!(who.address, "PT Maju Jaya\nJl. Melati 3\nBogor");
    assert_eq!(who.emails.len(), 2);
    assert_eq!(fill("{name} ({organisation}) {email}", &values).text, "Rina Halim (PT Maju Jaya) rina@majujaya.co.id");
    let mut person = rina();
    person.organisation = String::new();
    assert_eq!(contact_values(&person).1.address, "Jl. Melati 3\nBogor", "no organisation line");
}

#[test]
fn an_employee_an_event_and_an_order_fill_their_own_fields() {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.name = "Andi Wijaya".into();
    e.position = "Staf Keuangan".into();
    e.joined = Some(day(2025, 1, 6));
    e.email = " andi@kantor.id ".into();
    let (values, who) = employee_values(&e, Lang::Id);
    assert_eq!(fill("{name}, {position}, sejak {joined}", &values).text, "Andi Wijaya, Staf Keuangan, sejak 6 Januari 2025");
    assert_eq!(who.emails, ["andi@kantor.id"]);

    let mut ev = ClientEvent::blank(DateTime::UNIX_EPOCH);
    ev.name = "Seminar Pajak".into();
    ev.date = Some(day(2027, 2, 10));
    ev.venue = "Hotel Santika".into();
    ev.guests = Some(120);
    let (values, who) = event_values(&ev, Some(&rina()), Lang::En);
    assert_eq!(
        fill("{event} on {event_date} at {venue} for {guests}: {name}", &values).text,
        "Seminar Pajak on 10 February 2027 at Hotel Santika for 120: Rina Halim"
    );
    assert_eq!(who.to, "Rina Halim");
    assert_eq!(event_values(&ev, None, Lang::En).1, Addressee::default(), "no client: no addressee");

    let mut po = PurchaseOrder::blank(DateTime::UNIX_EPOCH);
    po.number = "PO-2026-014".into();
    po.date = Some(day(2026, 12, 1));
    po.lines = vec![Line { qty: 10, price: 45_000, ..Line::default() }];
    let (values, _) = order_values(&po, Some(&rina()), "IDR", Lang::Id);
    assert_eq!(fill("{po_number} {po_date} {po_total}", &values).text, "PO-2026-014 1 Desember 2026 Rp 499.500");
}

#[test]
fn every_field_a_source_names_is_filled_by_it() {
    let (contact, _) = contact_values(&rina());
    let (employee, _) = employee_values(&Employee::blank(DateTime::UNIX_EPOCH), Lang::Id);
    let (event, _) = event_values(&ClientEvent::blank(DateTime::UNIX_EPOCH), Some(&rina()), Lang::Id);
    let (order, _) = order_values(&PurchaseOrder::blank(DateTime::UNIX_EPOCH), Some(&rina()), "IDR", Lang::Id);
    for (source, values) in [(Source::Contact, contact), (Source::Employee, employee), (Source::Event, event), (Source::Order, order)] {
        let names: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
        for f in source.fields() {
            assert!(names.contains(f), "{source:?} names {f}");
        }
        assert_eq!(Source::from_code(source.code()), Some(source));
    }
    let office = office_values(&Settings::default(), day(2026, 12, 3), Lang::Id);
    assert_eq!(office.iter().map(|(k, _)| *k).collect::<Vec<_>>(), OFFICE_FIELDS);
    assert_eq!(office[0].1, "3 Desember 2026");
}

#[test]
fn a_mail_draft_link_encodes_everything_and_breaks_lines_as_mail_does() {
    let url = mailto(&["rina@majujaya.co.id".into()], &[], "Undangan & konfirmasi", "Yth. Rina,\nHadir? 100% ya");
    assert_eq!(url, "mailto:rina@majujaya.co.id?subject=Undangan%20%26%20konfirmasi&body=Yth.%20Rina%2C%0D%0AHadir%3F%20100%25%20ya");
    let group = mailto(&[], &["a@x.id".into(), " b@y.id".into()], "Libur", "Kantor tutup — é");
    assert_eq!(group, "mailto:?subject=Libur&bcc=a@x.id,b@y.id&body=Kantor%20tutup%20%E2%80%94%20%C3%A9");
}
