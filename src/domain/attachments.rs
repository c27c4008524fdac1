//! Attachments: files kept with a record (a résumé with an applicant, a receipt with an
//! entry), stored by the browser in IndexedDB, not in localStorage's 5 MB. What is pure
//! about them lives here: whose they are, what may be added, how a size reads.
use super::format::{group_digits, Lang};

/// The largest file taken: a scanned contract or a floor plan fits; a video does not.
pub const MAX_BYTES: u64 = 25 * 1024 * 1024;

/// The record an attachment belongs to: `contacts/9f…` (a list's name and a record's id).
pub fn owner(list: &str, id: &str) -> String {
    format!("{list}/{id}")
}

/// The list and the record's id of an owner key.
pub fn owner_parts(owner: &str) -> Option<(&str, &str)> {
    owner.split_once('/').filter(|(l, id)| !l.is_empty() && !id.is_empty())
}

#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Empty,
    TooBig,
}

/// Whether a file of `size` bytes may be attached.
pub fn check(size: u64) -> Result<(), Refusal> {
    match size {
        0 => Err(Refusal::Empty),
        s if s > MAX_BYTES => Err(Refusal::TooBig),
        _ => Ok(()),
    }
}

/// A size as people read it: "820 B", "12 KB", "1,4 MB" (the locale's decimal mark; one
/// decimal under 10 of a unit, none above).
pub fn size_text(bytes: u64, lang: Lang) -> String {
    const UNITS: [&str; 3] = ["KB", "MB", "GB"];
    if bytes < 1024 {
        return format!("{} B", bytes);
    }
    let mut unit = 0;
    let mut div: u64 = 1024;
    while bytes >= div * 1024 && unit + 1 < UNITS.len() {
        div *= 1024;
        unit += 1;
    }
    // Tenths of the unit, rounded to the nearest.
    let tenths = (bytes * 10 + div / 2) / div;
    if tenths < 100 {
        format!("{}{}{} {}", tenths / 10, lang.decimal_mark(), tenths % 10, UNITS[unit])
    } else {
        format!("{} {}", group_digits((tenths + 5) / 10, lang), UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(820, Lang::Id), "820 B");
        assert_eq!(size_text(1024, Lang::Id), "1,0 KB");
        assert_eq!(size_text(12 * 1024 + 300, Lang::En), "12 KB");
        assert_eq!(size_text(1_468_006, Lang::Id), "1,4 MB");
        assert_eq!(size_text(1_468_006, Lang::En), "1.4 MB");
        assert_eq!(size_text(MAX_BYTES, Lang::En), "25 MB");
        assert_eq!(size_text(3 * 1024 * 1024 * 1024, Lang::Id), "3,0 GB");
    }

    #[test]
    fn empty_and_huge_files_are_refused() {
        assert_eq!(check(0), Err(Refusal::Empty));
        assert_eq!(check(MAX_BYTES + 1), Err(Refusal::TooBig));
        assert!(check(MAX_BYTES).is_ok());
    }

    #[test]
    fn an_owner_names_its_list_and_record() {
        let o = owner("recruitment", "1a2b");
        assert_eq!(owner_parts(&o), Some(("recruitment", "1a2b")));
        assert_eq!(owner_parts("nothing"), None);
        assert_eq!(owner_parts("/x"), None);
    }
}
