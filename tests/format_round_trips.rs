//! Files the app writes and reads back: CSV, vCard and iCalendar exports imported again give
//! the records that were exported, over generated records (proptest, bounded), with text
//! that carries each format's special characters (separators, quotes, backslashes, line
//! breaks, non-ASCII) and dates anywhere in the years a form accepts.
#![cfg(not(target_arch = "wasm32"))]
use backoffice::domain::calendar::Event;
use backoffice::domain::contact::Contact;
use backoffice::domain::csv_io::{self, Rules};
use backoffice::domain::format::{parse_amount_as, NumberStyle};
use backoffice::domain::frontdesk::Call;
use backoffice::domain::record::{Entity, RecordRules, YEARS};
use backoffice::domain::{ics, vcard};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 64, max_shrink_iters: 200, ..ProptestConfig::default() }
}

fn now() -> DateTime<Utc> {
    "2026-12-01T08:00:00Z".parse().unwrap()
}

/// One line of text as a person types it (what a form keeps: no space at either end).
fn words() -> impl Strategy<Value = String> {
    "[A-Za-z0-9À-ÿ€ .,;:'\"\\\\/()&=+-]{0,24}".prop_map(|s| s.trim().to_string())
}

/// Text over several lines (notes, messages).
fn lines() -> impl Strategy<Value = String> {
    prop::collection::vec(words(), 1..4).prop_map(|l| l.join("\n").trim().to_string())
}

fn minute_in_years() -> impl Strategy<Value = NaiveDateTime> {
    let first = NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
    let minutes = (NaiveDate::from_ymd_opt(*YEARS.end(), 12, 30).unwrap().and_hms_opt(0, 0, 0).unwrap() - first).num_minutes();
    (0..minutes).prop_map(move |m| first + Duration::minutes(m))
}

/// `minor` written as a person or a spreadsheet in `style` would: grouped or not, with the
/// currency's decimals or (when they are zero) a spreadsheet's `,00`, a symbol in front.
fn written(minor: i64, decimals: u32, style: NumberStyle, grouped: bool, symbol: bool, zeros: bool) -> String {
    let (thousands, decimal) = match style {
        NumberStyle::Indonesian => ('.', ','),
        NumberStyle::English => (',', '.'),
    };
    let scale = 10i64.pow(decimals);
    let digits = (minor.abs() / scale).to_string();
    let mut whole = String::new();
    for (i, c) in digits.chars().enumerate() {
        if grouped && i > 0 && (digits.len() - i).is_multiple_of(3) {
            whole.push(thousands);
        }
        whole.push(c);
    }
    let mut text = format!("{}{}{whole}", if minor < 0 { "-" } else { "" }, if symbol { "Rp " } else { "" });
    if decimals > 0 {
        text.push(decimal);
        text.push_str(&format!("{:0w$}", minor.abs() % scale, w = decimals as usize));
    } else if zeros {
        text.push(decimal);
        text.push_str("00");
    }
    text
}

proptest! {
    #![proptest_config(config())]

    /// Any amount written in a file's style reads back as itself in that style, whatever the
    /// grouping (the `1.500` that needs the style included), and no text makes it panic.
    #[test]
    fn amounts_read_back_in_the_style_they_are_written(
        minor in -10_000_000_000i64..10_000_000_000,
        decimals in 0u32..=2,
        english in any::<bool>(),
        (grouped, symbol, zeros) in (any::<bool>(), any::<bool>(), any::<bool>()),
        noise in "[0-9.,Rp -]{0,16}",
    ) {
        let style = if english { NumberStyle::English } else { NumberStyle::Indonesian };
        let text = written(minor, decimals, style, grouped, symbol, zeros);
        prop_assert_eq!(parse_amount_as(&text, decimals, style), Some(minor), "{}", text);
        let _ = parse_amount_as(&noise, decimals, style);
        let _ = NumberStyle::of(&noise);
    }

    #[test]
    fn contacts_read_back_from_vcard(
        name in words().prop_filter("a card has a name", |n| !n.is_empty()),
        (organisation, role, address) in (words(), words(), words()),
        notes in lines(),
        org in any::<bool>(),
        emails in prop::collection::vec("[a-z0-9._-]{1,10}@[a-z0-9-]{1,10}\\.[a-z]{2,4}", 0..3),
        phones in prop::collection::vec("\\+?[0-9][0-9 -]{2,14}[0-9]", 0..3),
        tags in prop::collection::vec("[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 ]{0,10}[A-Za-zÀ-ÿ0-9]", 0..3),
    ) {
        let mut c = Contact::blank(now());
        c.set("name", &name);
        c.set("party", if org { "organisation" } else { "person" });
        for (k, v) in [("organisation", &organisation), ("role", &role), ("address", &address), ("notes", &notes)] {
            c.set(k, v);
        }
        c.set("emails", &emails.join("\n"));
        c.set("phones", &phones.join("\n"));
        c.set("tags", &tags.join(","));
        let back = vcard::import(vcard::export(std::slice::from_ref(&c)).as_bytes(), now());
        prop_assert_eq!(back.contacts.len(), 1, "skipped: {:?}", back.skipped);
        let b = &back.contacts[0];
        for f in Contact::fields() {
            if f.key != "kind" {
                prop_assert_eq!(b.get(f.key), c.get(f.key), "{}", f.key);
            }
        }
    }

    #[test]
    fn calendar_items_read_back_from_ics(
        title in words().prop_filter("an item has a title", |t| !t.is_empty()),
        (location, notes) in (words(), lines()),
        start in minute_in_years(),
        minutes in 0i64..(3 * 24 * 60),
        all_day in any::<bool>(),
    ) {
        let mut e = Event::blank(now());
        e.set("title", &title);
        e.set("location", &location);
        e.set("notes", &notes);
        let (start, end) = if all_day {
            let d = start.date().and_hms_opt(0, 0, 0).unwrap();
            (d, d + Duration::days(minutes / (24 * 60)))
        } else {
            (start, start + Duration::minutes(minutes))
        };
        e.set("all_day", if all_day { "1" } else { "" });
        e.set("start", &backoffice::domain::dates::datetime_text(start));
        e.set("end", &backoffice::domain::dates::datetime_text(end));
        prop_assert!(e.validate().is_empty(), "{:?}", e.validate());
        let text = ics::export(std::slice::from_ref(&e), "Kantor", &|t| t);
        let clock = ics::Clock { to_office: &|t| t, zone: &|_, _| None };
        let back = ics::parse(&text, &clock, now()).map_err(|err| TestCaseError::fail(format!("{err:?}\n{text}")))?;
        prop_assert_eq!(back.events.len(), 1);
        let b = &back.events[0];
        for key in ["title", "location", "notes", "start", "end", "all_day"] {
            prop_assert_eq!(b.get(key), e.get(key), "{}\n{}", key, text);
        }
    }

    #[test]
    fn calls_read_back_from_csv_in_both_dialects(
        (caller, phone, for_whom) in (words().prop_filter("required", |s| !s.is_empty()), words(), words().prop_filter("required", |s| !s.is_empty())),
        message in lines(),
        at in minute_in_years(),
        semicolon in any::<bool>(),
    ) {
        let mut c = Call::blank(now());
        for (k, v) in [("caller", &caller), ("phone", &phone), ("for_whom", &for_whom), ("message", &message)] {
            c.set(k, v);
        }
        c.set("at", &backoffice::domain::dates::datetime_text(at));
        prop_assert!(c.validate().is_empty(), "{:?}", c.validate());
        let text = csv_io::export(std::slice::from_ref(&c), if semicolon { b';' } else { b',' }, 0);
        let table = csv_io::parse_table(text.as_bytes()).map_err(|err| TestCaseError::fail(format!("{err:?}")))?;
        let mapping = csv_io::guess_mapping::<Call>(&table.headers, |_| vec![]);
        let rows = csv_io::build_records::<Call>(&table, &mapping, now(), &Rules::PLAIN);
        prop_assert_eq!(rows.len(), 1);
        prop_assert!(rows[0].errors.is_empty(), "{:?}", rows[0].errors);
        for f in Call::fields() {
            prop_assert_eq!(rows[0].record.get(f.key), c.get(f.key), "{}\n{}", f.key, text);
        }
    }
}
