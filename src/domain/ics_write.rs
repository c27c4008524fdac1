//! iCalendar content lines written as RFC 5545 §3.1 wants them: TEXT values escaped,
//! parameter values quoted when they hold `:;,`, lines folded at 75 octets, CRLF endings.
//! Written here because the `icalendar` crate's builder always carries a DTSTAMP
//! fallback through chrono's format-string printer, which costs more wasm than this whole
//! writer. Tests read our output back with that crate's parser.

#[derive(Default)]
pub struct IcsText {
    out: String,
}

impl IcsText {
    /// A property whose value is written as it is (dates, rules, URIs).
    pub fn prop(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        let mut line = String::with_capacity(name.len() + value.len() + 16);
        line.push_str(name);
        for (k, v) in params {
            line.push(';');
            line.push_str(k);
            line.push('=');
            line.push_str(&param_value(v));
        }
        line.push(':');
        line.push_str(value);
        self.fold(&line);
    }

    /// A property of type TEXT (summary, location, description), escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.prop(name, &[], &escape_text(value));
    }

    /// Lines longer than 75 octets go on in continuation lines that start with a space,
    /// never splitting a character.
    fn fold(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = 75;
        loop {
            if rest.len() <= limit {
                self.out.push_str(rest);
                self.out.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n ");
            rest = &rest[cut..];
            limit = 74;
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// An all-day item of a calendar the app exports (a deadline, an event's milestone).
pub struct AllDay<'a> {
    /// The same for the same item in every export, so a file imported again updates it.
    pub uid: String,
    pub summary: &'a str,
    pub first: chrono::NaiveDate,
    /// The last day it covers (the first, for a one-day item).
    pub last: chrono::NaiveDate,
    pub description: String,
    /// A reminder this many days before; 0: none.
    pub alarm_days: u32,
}

/// A calendar of all-day items, named `name`, that calendar programs import or subscribe to.
pub fn all_day_calendar(name: &str, items: &[AllDay], stamp: chrono::DateTime<chrono::Utc>) -> String {
    use super::dates::{compact_date, compact_utc};
    let mut w = IcsText::default();
    for (k, v) in [("BEGIN", "VCALENDAR"), ("VERSION", "2.0"), ("PRODID", "-//Back Office//Back Office//ID"), ("CALSCALE", "GREGORIAN")] {
        w.prop(k, &[], v);
    }
    w.text("NAME", name);
    w.text("X-WR-CALNAME", name);
    let date: &[(&str, &str)] = &[("VALUE", "DATE")];
    for item in items {
        w.prop("BEGIN", &[], "VEVENT");
        w.text("UID", &item.uid);
        w.prop("DTSTAMP", &[], &compact_utc(stamp.naive_utc()));
        w.text("SUMMARY", item.summary);
        w.prop("DTSTART", date, &compact_date(item.first));
        // DTEND of an all-day item is the day after its last.
        w.prop("DTEND", date, &compact_date(item.last.succ_opt().unwrap_or(item.last)));
        if !item.description.is_empty() {
            w.text("DESCRIPTION", &item.description);
        }
        w.prop("TRANSP", &[], "TRANSPARENT");
        if item.alarm_days > 0 {
            w.prop("BEGIN", &[], "VALARM");
            w.prop("ACTION", &[], "DISPLAY");
            w.text("DESCRIPTION", item.summary);
            w.prop("TRIGGER", &[], &format!("-P{}D", item.alarm_days));
            w.prop("END", &[], "VALARM");
        }
        w.prop("END", &[], "VEVENT");
    }
    w.prop("END", &[], "VCALENDAR");
    w.finish()
}

/// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line breaks as `\n`.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// A parameter value: double quotes cannot appear in one at all, and `:;,` need quoting.
fn param_value(v: &str) -> String {
    let v: String = v.chars().filter(|c| *c != '"' && !c.is_control()).collect();
    if v.contains([':', ';', ',']) {
        format!("\"{v}\"")
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use icalendar::parser::{read_calendar, unfold};

    /// The one VEVENT's property `name` as read back by the `icalendar` parser: (value, parameters).
    fn read_back(text: &str, name: &str) -> (String, Vec<(String, String)>) {
        let unfolded = unfold(text);
        let cal = read_calendar(&unfolded).unwrap();
        let mut stack: Vec<&icalendar::parser::Component> = cal.components.iter().collect();
        while let Some(c) = stack.pop() {
            stack.extend(c.components.iter());
            if let Some(p) = c.properties.iter().find(|p| p.name == name) {
                let params =
                    p.params.iter().map(|q| (q.key.to_string(), q.val.as_ref().map(|v| v.to_string()).unwrap_or_default())).collect();
                return (p.val.to_string(), params);
            }
        }
        panic!("no {name} in {text}")
    }

    fn calendar(body: impl FnOnce(&mut IcsText)) -> String {
        let mut w = IcsText::default();
        w.prop("BEGIN", &[], "VCALENDAR");
        w.prop("BEGIN", &[], "VEVENT");
        body(&mut w);
        w.prop("END", &[], "VEVENT");
        w.prop("END", &[], "VCALENDAR");
        w.finish()
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_back() {
        let summary = format!("Rapat {} 老虎 ünd {}", "a".repeat(70), "é".repeat(60));
        let text = calendar(|w| w.text("SUMMARY", &summary));
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        assert!(text.split("\r\n").skip(3).take(2).all(|l| l.starts_with(' ')), "{text}");
        let (got, _) = read_back(&text, "SUMMARY");
        assert_eq!(got, escape_text(&summary));
        assert_eq!(got, summary, "nothing here needs escaping");
    }

    #[test]
    fn text_and_parameters_escape_and_quote() {
        assert_eq!(escape_text("a;b,c\\d\r\ne\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
        let text = calendar(|w| w.prop("ATTENDEE", &[("CN", "Lestari, Ani \"HR\"")], "urn:x:attendee"));
        assert!(text.contains("ATTENDEE;CN=\"Lestari, Ani HR\":urn:x:attendee\r\n"), "{text}");
        let (val, params) = read_back(&text, "ATTENDEE");
        assert_eq!(val, "urn:x:attendee");
        assert_eq!(params, vec![("CN".to_string(), "Lestari, Ani HR".to_string())]);
    }
}
