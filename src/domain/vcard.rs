//! vCard import (2.1, 3.0, 4.0) and export (4.0, RFC 6350).
//!
//! Hand-written because the quirks that matter here are outside what the vCard crates
//! handle: 2.1 quoted-printable with `=` soft line breaks, bare 2.1 parameters
//! (`TEL;CELL;PREF`), Apple `itemN.` groups, and per-property charsets.
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::contact::Contact;
use super::record::Entity;
use crate::domain::contact::ContactKind;
use crate::domain::contact::Party;

#[derive(Debug, Default)]
pub struct VcardImport {
    pub contacts: Vec<Contact>,
    /// (card number from 1, reason i18n key)
    pub skipped: Vec<(usize, &'static str)>,
    /// Property names that were not kept, with how many times each was seen.
    pub unmapped: BTreeMap<String, usize>,
}

#[derive(Debug)]
struct Prop {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Prop {
    fn param(&self, key: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
    /// True for 2.1 bare types (`TEL;CELL`) and 3.0/4.0 `TYPE=cell` alike.
    fn has_type(&self, t: &str) -> bool {
        self.params
            .iter()
            .any(|(k, v)| (k == "TYPE" && v.split(',').any(|x| x.trim_matches('"').eq_ignore_ascii_case(t))) || (v.is_empty() && k == t))
    }
}

fn split_unquoted(s: &str, sep: char) -> Vec<&str> {
    let (mut parts, mut start, mut quoted) = (vec![], 0, false);
    for (i, ch) in s.char_indices() {
        if ch == '"' {
            quoted = !quoted;
        } else if ch == sep && !quoted {
            parts.push(&s[start..i]);
            start = i + 1;
        }
    }
    parts.push(&s[start..]);
    parts
}

/// Joins folded lines (leading space/tab) and quoted-printable soft breaks (trailing `=`).
fn logical_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut qp_continues = false;
    for raw in text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        if let Some(last) = out.last_mut() {
            if qp_continues {
                last.pop(); // the soft-break '='
                last.push_str(raw);
                qp_continues = last.ends_with('=');
                continue;
            }
            if raw.starts_with(' ') || raw.starts_with('\t') {
                last.push_str(&raw[1..]);
                continue;
            }
        }
        if raw.trim().is_empty() {
            continue;
        }
        let upper_head = raw.split(':').next().unwrap_or("").to_ascii_uppercase();
        qp_continues = upper_head.contains("QUOTED-PRINTABLE") && raw.ends_with('=');
        out.push(raw.to_string());
    }
    out
}

fn parse_prop(line: &str) -> Option<Prop> {
    let mut colon = None;
    let mut quoted = false;
    for (i, ch) in line.char_indices() {
        match ch {
            '"' => quoted = !quoted,
            ':' if !quoted => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = split_unquoted(head, ';').into_iter();
    let name = parts.next()?.to_ascii_uppercase();
    // Apple groups: "item1.EMAIL" is an EMAIL.
    let name = name.rsplit('.').next().unwrap_or(&name).to_string();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.trim().to_ascii_uppercase(), v.trim().to_string()),
            None => (p.trim().to_ascii_uppercase(), String::new()),
        })
        .collect();
    Some(Prop { name, params, value: value.to_string() })
}

fn decode_qp(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // Bytes, not a slice of the text: `=` before a multi-byte character is no escape.
        let hex = |at: usize| b.get(at).and_then(|c| (*c as char).to_digit(16));
        if b[i] == b'=' {
            if let (Some(hi), Some(lo)) = (hex(i + 1), hex(i + 2)) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

/// Decodes quoted-printable and the declared charset; UTF-8 unless told otherwise.
fn decoded_value(p: &Prop) -> String {
    let qp = p.param("ENCODING").is_some_and(|e| e.eq_ignore_ascii_case("QUOTED-PRINTABLE"))
        || p.params.iter().any(|(k, v)| v.is_empty() && k == "QUOTED-PRINTABLE");
    if !qp {
        return p.value.clone();
    }
    let bytes = decode_qp(&p.value);
    match String::from_utf8(bytes.clone()) {
        Ok(s) => s,
        // Whatever the declared charset, bytes that are not UTF-8 are read as Latin-1,
        // which maps byte for byte to the first 256 code points.
        Err(_) => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits a structured value (N, ADR, ORG) on unescaped `;`, unescaping each part.
fn components(s: &str) -> Vec<String> {
    let (mut parts, mut cur, mut esc) = (vec![], String::new(), false);
    for c in s.chars() {
        if esc {
            cur.push('\\');
            cur.push(c);
            esc = false;
        } else if c == '\\' {
            esc = true;
        } else if c == ';' {
            parts.push(unescape(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    parts.push(unescape(&cur));
    parts
}

fn join_nonempty(parts: &[String], sep: &str) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(sep)
}

/// Parses every card in a file. Never fails as a whole: what cannot be read is reported.
pub fn import(bytes: &[u8], now: DateTime<Utc>) -> VcardImport {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut report = VcardImport::default();
    let mut card: Option<Vec<Prop>> = None;
    let mut n = 0;
    for line in logical_lines(text) {
        let Some(p) = parse_prop(&line) else { continue };
        match (p.name.as_str(), p.value.trim().to_ascii_uppercase().as_str()) {
            ("BEGIN", "VCARD") => {
                n += 1;
                card = Some(vec![]);
            }
            ("END", "VCARD") => {
                if let Some(props) = card.take() {
                    match card_to_contact(&props, now, &mut report.unmapped) {
                        Some(c) => report.contacts.push(c),
                        None => report.skipped.push((n, "vcard.no_name")),
                    }
                }
            }
            _ => {
                if let Some(c) = card.as_mut() {
                    c.push(p)
                }
            }
        }
    }
    if card.is_some() {
        report.skipped.push((n, "vcard.unterminated"));
    }
    report
}

fn card_to_contact(props: &[Prop], now: DateTime<Utc>, unmapped: &mut BTreeMap<String, usize>) -> Option<Contact> {
    let mut c = Contact::blank(now);
    c.kind = ContactKind::Other;
    let (mut fname, mut nname, mut extra_notes) = (String::new(), String::new(), vec![]);
    let mut is_org = false;
    for p in props {
        let v = decoded_value(p);
        match p.name.as_str() {
            "VERSION" | "PRODID" | "REV" | "UID" | "LABEL" => {}
            "FN" => fname = unescape(&v).trim().to_string(),
            "N" => {
                let c = components(&v);
                // family; given; additional; prefix; suffix → "prefix given additional family suffix"
                let order = [3, 1, 2, 0, 4];
                let parts: Vec<String> = order.iter().filter_map(|&i| c.get(i).cloned()).collect();
                nname = join_nonempty(&parts, " ");
            }
            "ORG" => c.organisation = join_nonempty(&components(&v), ", "),
            "TITLE" => c.role = unescape(&v).trim().to_string(),
            "ROLE" if c.role.is_empty() => c.role = unescape(&v).trim().to_string(),
            "EMAIL" => {
                let e = unescape(&v).trim().to_string();
                if !e.is_empty() && !c.emails.contains(&e) {
                    c.emails.push(e)
                }
            }
            "TEL" => {
                let t = v.trim();
                let t = t.strip_prefix("tel:").unwrap_or(t);
                let t = t.split(";ext=").collect::<Vec<_>>().join(" ext. ");
                let t = if p.has_type("FAX") { format!("{t} (fax)") } else { t };
                if !t.trim().is_empty() && !c.phones.contains(&t) {
                    c.phones.push(t)
                }
            }
            "ADR" => {
                let parts = components(&v);
                let a = join_nonempty(&parts, ", ");
                if !a.is_empty() {
                    if !c.address.is_empty() {
                        c.address.push('\n');
                    }
                    c.address.push_str(&a);
                }
            }
            "CATEGORIES" => {
                for t in v.split(',').map(|t| unescape(t).trim().to_string()).filter(|t| !t.is_empty()) {
                    if !c.tags.contains(&t) {
                        c.tags.push(t)
                    }
                }
            }
            "NOTE" => extra_notes.insert(0, unescape(&v).trim().to_string()),
            "KIND" => is_org = v.trim().eq_ignore_ascii_case("org"),
            "X-ABSHOWAS" => is_org = v.trim().eq_ignore_ascii_case("COMPANY"),
            // Kept as readable lines in the notes rather than dropped.
            "URL" | "BDAY" | "NICKNAME" | "ANNIVERSARY" | "ROLE" => {
                extra_notes.push(format!("{}: {}", p.name, unescape(&v).trim()));
            }
            other => *unmapped.entry(other.to_string()).or_default() += 1,
        }
    }
    c.notes = extra_notes.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("\n");
    c.name = [
        fname,
        nname,
        c.organisation.clone(),
        c.emails.first().cloned().unwrap_or_default(),
        c.phones.first().cloned().unwrap_or_default(),
    ]
    .into_iter()
    .find(|s| !s.trim().is_empty())?;
    if is_org {
        c.party = Party::Organisation;
    }
    c.set("emails", &c.emails.join("\n"));
    Some(c)
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n").replace(',', "\\,").replace(';', "\\;")
}

/// Folds at 75 octets without splitting a UTF-8 character (RFC 6350 §3.2).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}

pub fn export(contacts: &[Contact]) -> String {
    let mut out = String::new();
    for c in contacts.iter().filter(|c| c.meta.deleted_at.is_none()) {
        let mut lines = vec!["BEGIN:VCARD".to_string(), "VERSION:4.0".into()];
        lines.push(format!("UID:urn:uuid:{}", c.meta.id));
        lines.push(format!("FN:{}", escape(&c.name)));
        if c.party == Party::Organisation {
            lines.push("KIND:org".into());
        }
        if !c.organisation.is_empty() {
            lines.push(format!("ORG:{}", escape(&c.organisation)));
        }
        if !c.role.is_empty() {
            lines.push(format!("TITLE:{}", escape(&c.role)));
        }
        lines.extend(c.emails.iter().map(|e| format!("EMAIL:{}", escape(e))));
        lines.extend(c.phones.iter().map(|t| format!("TEL:{}", escape(t))));
        if !c.address.is_empty() {
            lines.push(format!("ADR:;;{};;;;", escape(&c.address)));
        }
        if !c.tags.is_empty() {
            lines.push(format!("CATEGORIES:{}", c.tags.iter().map(|t| escape(t)).collect::<Vec<_>>().join(",")));
        }
        if !c.notes.is_empty() {
            lines.push(format!("NOTE:{}", escape(&c.notes)));
        }
        lines.push(format!("REV:{}", super::dates::compact_utc(c.meta.updated_at.naive_utc())));
        lines.push("END:VCARD".into());
        for l in lines {
            fold(&l, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-11-22T08:00:00Z".parse().unwrap()
    }

    #[test]
    fn folded_and_escaped_3_0() {
        let f = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Doe\\, John\r\nNOTE:line one\\nline\r\n  two\r\nTEL;TYPE=CELL:+62 812\r\nEND:VCARD\r\n";
        let r = import(f.as_bytes(), now());
        assert_eq!(r.contacts.len(), 1);
        assert_eq!(r.contacts[0].name, "Doe, John");
        assert_eq!(r.contacts[0].notes, "line one\nline two");
        assert_eq!(r.contacts[0].phones, vec!["+62 812"]);
    }

    #[test]
    fn quoted_printable_soft_breaks() {
        let f = "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=20=\n=C3=91\nEND:VCARD\n";
        let r = import(f.as_bytes(), now());
        assert_eq!(r.contacts[0].name, "Ñ Ñ");
    }

    #[test]
    fn unterminated_and_nameless_cards_are_reported() {
        let r = import(b"BEGIN:VCARD\nVERSION:3.0\nX-FOO:bar\nEND:VCARD\nBEGIN:VCARD\nFN:Half", now());
        assert!(r.contacts.is_empty());
        assert_eq!(r.skipped, vec![(1, "vcard.no_name"), (2, "vcard.unterminated")]);
        assert_eq!(r.unmapped.get("X-FOO"), Some(&1));
    }

    #[test]
    fn export_then_import_keeps_every_field() {
        let mut c = Contact::blank(now());
        c.set("name", "Ñoño; Pérez, Jr.");
        c.set("party", "organisation");
        c.set("organisation", "PT Sejahtera Abadi Makmur Sentosa Jaya Raya Indonesia Tbk Cabang Surabaya Timur");
        c.set("role", "Direktur");
        c.set("emails", "a@b.id\nc@d.id");
        c.set("phones", "+62 21 555\n0812");
        c.set("address", "Jl. Sudirman 1\nJakarta");
        c.set("tags", "vip, supplier");
        c.set("notes", "Catatan: satu\\dua");
        let text = export(&[c.clone()]);
        assert!(text.lines().all(|l| l.len() <= 76), "folded");
        let back = import(text.as_bytes(), now());
        assert!(back.unmapped.is_empty(), "{:?}", back.unmapped);
        let b = &back.contacts[0];
        assert_eq!(
            (b.name.as_str(), b.party.code(), b.organisation.as_str(), b.role.as_str()),
            (c.name.as_str(), "organisation", c.organisation.as_str(), "Direktur")
        );
        assert_eq!((&b.emails, &b.phones, &b.tags), (&c.emails, &c.phones, &c.tags));
        assert_eq!(b.address, "Jl. Sudirman 1\nJakarta");
        assert_eq!(b.notes, c.notes);
    }
}
