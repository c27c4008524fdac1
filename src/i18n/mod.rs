//! Every UI string in Bahasa Indonesia and English. Keys are looked up at render time.
//! The strings are kept in tables: the shell's, always there, and one per area, added by
//! the area's code when it first runs (`add`), so an area's strings travel in its part of
//! the wasm instead of the shell. Tests check that every key a source file uses is in the
//! shell's table or in a table its area adds, in both languages.
use std::cell::RefCell;

use crate::domain::format::Lang;

/// (key, Indonesian, English) entries joined into one text: a table of string slices would
/// put 24 bytes of pointers per entry into the wasm, which compress poorly.
macro_rules! table {
    ($(($k:literal, $id:literal, $en:literal),)*) => {
        concat!($($k, "\u{1f}", $id, "\u{1f}", $en, "\u{1e}",)*)
    };
}

mod assets;
mod attachments;
mod attendance;
mod billing;
mod calendar;
mod collections;
mod contacts;
mod coordination;
mod events;
mod finance;
mod import;
mod leave_why;
mod letters;
mod lock;
mod meetings;
mod office;
mod payroll;
mod people;
mod reminders;
mod shell;
mod supplies;
mod unreadable;
mod xlsx;

/// The tables each area adds: its own, and those of what its screens show from another
/// area (an employee's page shows their leave; a payroll run names the employee's tax
/// status). A table two areas add is fetched with whichever opens first.
pub static CONTACTS: &[&str] = &[contacts::STRINGS];
pub static CALENDAR: &[&str] = &[calendar::STRINGS];
pub static MEETINGS: &[&str] = &[meetings::STRINGS];
pub static SUPPLIES: &[&str] = &[supplies::STRINGS, import::STRINGS];
pub static ASSETS: &[&str] = &[assets::STRINGS];
pub static PEOPLE: &[&str] = &[people::STRINGS, attendance::STRINGS, leave_why::STRINGS];
/// Holidays are read from calendar files: the calendar's file messages.
pub static ATTENDANCE: &[&str] = &[attendance::STRINGS, calendar::STRINGS, leave_why::STRINGS, import::STRINGS];
pub static PAYROLL: &[&str] = &[payroll::STRINGS, people::STRINGS];
pub static FINANCE: &[&str] = &[finance::STRINGS];
pub static BILLING: &[&str] = &[billing::STRINGS, finance::STRINGS];
pub static COORDINATION: &[&str] = &[coordination::STRINGS];
pub static LETTERS: &[&str] = &[letters::STRINGS];
pub static EVENTS: &[&str] = &[events::STRINGS];
/// Why a workbook cannot be read: added by the workbook part (ui/xlsx.rs).
pub static XLSX: &[&str] = &[xlsx::STRINGS];
/// A record's files: added by the attachments part (ui/attachments.rs).
pub static ATTACHMENTS: &[&str] = &[attachments::STRINGS];
/// What the Today view's reminders, the lock screen and the notice for unreadable stored
/// data say: each added by its own part, so the shell carries none of it.
pub static REMINDERS: &[&str] = &[reminders::STRINGS];
pub static LOCK: &[&str] = &[lock::STRINGS];
pub static UNREADABLE: &[&str] = &[unreadable::STRINGS, collections::STRINGS];
/// The CSV and Excel import every list shares: added by its part and by the screens that
/// read a table themselves (stock and orders, attendance).
pub static IMPORT: &[&str] = &[import::STRINGS];
/// The settings name the important reasons whose days they give.
pub static OFFICE: &[&str] = &[office::STRINGS, leave_why::STRINGS, collections::STRINGS];

type Entry = (&'static str, &'static str, &'static str);

/// The tables read so far, each split once into entries sorted by key.
struct Strings {
    tables: Vec<(*const u8, &'static [Entry])>,
}

impl Strings {
    fn new(tables: &[&'static str]) -> Self {
        let mut s = Strings { tables: vec![] };
        for t in tables {
            s.add(t);
        }
        s
    }

    fn add(&mut self, table: &'static str) {
        if self.tables.iter().any(|(p, _)| *p == table.as_ptr()) {
            return;
        }
        let entries: Vec<Entry> = table
            .split_terminator('\u{1e}')
            .map(|e| {
                let mut parts = e.splitn(3, '\u{1f}');
                let mut next = || parts.next().unwrap_or_default();
                (next(), next(), next())
            })
            .collect();
        self.tables.push((table.as_ptr(), Box::leak(entries.into_boxed_slice())));
    }

    fn find(&self, key: &str) -> Option<&'static Entry> {
        self.tables.iter().find_map(|(_, all)| all.binary_search_by(|(k, _, _)| (*k).cmp(key)).ok().map(|i| &all[i]))
    }
}

thread_local! {
    /// In the browser the shell starts with its own table and each area adds its tables;
    /// natively (tests, tools) every table is there from the start.
    static STRINGS: RefCell<Strings> = RefCell::new(Strings::new(FIRST));
}

#[cfg(target_arch = "wasm32")]
const FIRST: &[&str] = &[shell::SHELL];
#[cfg(not(target_arch = "wasm32"))]
const FIRST: &[&str] = ALL;

/// Every table, for tests and native tools.
pub const ALL: &[&str] = &[
    shell::SHELL,
    contacts::STRINGS,
    calendar::STRINGS,
    meetings::STRINGS,
    supplies::STRINGS,
    assets::STRINGS,
    people::STRINGS,
    attendance::STRINGS,
    leave_why::STRINGS,
    payroll::STRINGS,
    finance::STRINGS,
    billing::STRINGS,
    events::STRINGS,
    coordination::STRINGS,
    letters::STRINGS,
    office::STRINGS,
    xlsx::STRINGS,
    attachments::STRINGS,
    reminders::STRINGS,
    lock::STRINGS,
    unreadable::STRINGS,
    import::STRINGS,
    collections::STRINGS,
];

/// The shell's own table, for tests.
pub const SHELL: &str = shell::SHELL;

/// Makes an area's strings available; called by the area's code, so the tables are part
/// of that code's download. Adding a table twice does nothing.
pub fn add(tables: &'static [&'static str]) {
    STRINGS.with(|s| {
        let mut s = s.borrow_mut();
        for t in tables {
            s.add(t);
        }
    });
}

/// The string for `key`; an unknown key shows itself, so a gap is visible, not blank (and
/// in the browser it is reported on the console, where the end-to-end tests look).
pub fn t(lang: Lang, key: &str) -> &'static str {
    match STRINGS.with(|s| s.borrow().find(key)) {
        Some((_, id, en)) => match lang {
            Lang::Id => id,
            Lang::En => en,
        },
        None => {
            #[cfg(target_arch = "wasm32")]
            web_sys::console::error_1(&format!("no string for {key}").into());
            Box::leak(key.to_string().into_boxed_str())
        }
    }
}

pub fn has(key: &str) -> bool {
    STRINGS.with(|s| s.borrow().find(key).is_some())
}

/// The message `key` with its `{name}` placeholders filled. A count `n` of exactly one takes
/// the key's `.one` form where it has one: "1 record", "2 records" (Indonesian has one form
/// for both, so its `.one` text is the same).
pub fn tf(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let one = args.iter().any(|(k, v)| *k == "n" && v == "1");
    let singular = format!("{key}.one");
    let template = if one && has(&singular) { t(lang, &singular) } else { t(lang, key) };
    fill(template, args)
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(table: &'static str) -> &'static [Entry] {
        Strings::new(&[table]).tables[0].1
    }

    #[test]
    fn a_count_of_one_is_singular() {
        let n = |v: &str| vec![("n", v.to_string())];
        assert_eq!(tf(Lang::En, "list.count", &n("1")), "1 record");
        assert_eq!(tf(Lang::En, "list.count", &n("2")), "2 records");
        assert_eq!(tf(Lang::En, "list.count", &n("11")), "11 records");
        assert_eq!(tf(Lang::Id, "list.count", &n("1")), "1 data");
        assert_eq!(tf(Lang::En, "import.done_rows", &n("1")), "1 row imported.");
        assert_eq!(tf(Lang::En, "leave.working_days", &n("1,5")), "1,5 working days");
        // Every singular form has its plural beside it, in the same table (so whichever
        // code adds the one adds the other), with the same placeholders.
        for table in ALL {
            let all = entries(table);
            for (k, _, _) in all.iter().filter(|(k, _, _)| k.ends_with(".one")) {
                let plural = k.trim_end_matches(".one");
                assert!(all.iter().any(|(p, _, _)| *p == plural), "{k} without its plural");
            }
        }
    }

    #[test]
    fn tables_are_sorted_complete_and_apart() {
        let mut seen = std::collections::BTreeSet::new();
        for table in ALL {
            let all = entries(table);
            assert_eq!(all.len(), table.matches('\u{1e}').count());
            for w in all.windows(2) {
                assert!(w[0].0 < w[1].0, "not sorted or duplicate: {} / {}", w[0].0, w[1].0);
            }
            for (k, id, en) in all {
                assert!(seen.insert(*k), "{k} is in two tables");
                assert!(!id.is_empty() && !en.is_empty(), "{k}");
                // Placeholders must match between languages.
                let ph = |s: &str| {
                    let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split('}').next()).map(String::from).collect();
                    v.sort();
                    v
                };
                assert_eq!(ph(id), ph(en), "placeholders differ in {k}");
            }
        }
    }

    #[test]
    fn an_area_table_is_found_once_added() {
        let mut s = Strings::new(&[SHELL]);
        assert!(s.find("action.save").is_some());
        assert!(s.find("emp.nik").is_none(), "an area's string before the area added it");
        s.add(people::STRINGS);
        s.add(people::STRINGS);
        assert_eq!(s.tables.len(), 2, "a table added twice is kept once");
        assert_eq!(s.find("emp.nik").map(|e| e.2), Some("NIK (identity card)"));
    }

    #[test]
    fn fill_placeholders() {
        assert_eq!(fill(t(Lang::En, "list.count_filtered"), &[("n", "2".into()), ("total", "9".into())]), "2 of 9 records");
        assert_eq!(t(Lang::Id, "action.save"), "Simpan");
    }
}
