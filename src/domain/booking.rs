//! Double bookings: an appointment that overlaps another in the same room or with a
//! person who attends both. Times are local office time; an appointment that ends
//! exactly when another starts does not clash.
use chrono::NaiveDateTime;

/// One occurrence of an appointment, as far as clashes go.
#[derive(Clone, Debug, PartialEq)]
pub struct Booking<'a> {
    pub id: &'a str,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Room or place; empty when none was given.
    pub room: &'a str,
    pub people: &'a [String],
}

#[derive(Clone, Debug, PartialEq)]
pub enum Clash {
    /// The same room at overlapping times: the other booking's id and the room.
    Room(String, String),
    /// The same person at overlapping times: the other booking's id and the person.
    Person(String, String),
}

/// Same room or person, compared as people write them: case and spacing do not matter.
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| crate::text::lower_owned(s.split_whitespace().collect::<Vec<_>>().join(" "));
    !a.trim().is_empty() && norm(a) == norm(b)
}

/// What `b` clashes with among `others` (itself, by id, excluded).
pub fn clashes(b: &Booking, others: &[Booking]) -> Vec<Clash> {
    let mut out = vec![];
    for o in others.iter().filter(|o| o.id != b.id && o.start < b.end && b.start < o.end) {
        if same(b.room, o.room) {
            out.push(Clash::Room(o.id.to_string(), o.room.trim().to_string()));
        }
        for p in b.people.iter().filter(|p| o.people.iter().any(|q| same(p, q))) {
            out.push(Clash::Person(o.id.to_string(), p.trim().to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn people(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn overlapping_room_and_person_are_reported() {
        let (ani, budi) = (people(&["Ani", "Budi"]), people(&["budi "]));
        let new = Booking { id: "n", start: t("2026-11-23T09:00"), end: t("2026-11-23T10:00"), room: "Ruang Rapat 1", people: &ani };
        let others = [
            Booking { id: "a", start: t("2026-11-23T09:30"), end: t("2026-11-23T11:00"), room: "ruang rapat  1", people: &budi },
            Booking { id: "b", start: t("2026-11-23T10:00"), end: t("2026-11-23T11:00"), room: "Ruang Rapat 1", people: &ani },
            Booking { id: "n", start: t("2026-11-23T09:00"), end: t("2026-11-23T10:00"), room: "Ruang Rapat 1", people: &ani },
        ];
        assert_eq!(
            clashes(&new, &others),
            vec![Clash::Room("a".into(), "ruang rapat  1".into()), Clash::Person("a".into(), "Budi".into())]
        );
    }

    #[test]
    fn no_room_given_is_no_clash() {
        let none: Vec<String> = vec![];
        let a = Booking { id: "a", start: t("2026-11-23T09:00"), end: t("2026-11-23T10:00"), room: "", people: &none };
        let b = Booking { id: "b", ..a.clone() };
        assert!(clashes(&a, &[b]).is_empty());
    }
}
