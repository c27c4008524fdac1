//! Venue options for an event, compared side by side (capacity against the guests, price
//! and price per guest, distance) until one is chosen, which becomes the event's venue.
use crate::sort::sort_by;

use super::client_events::ClientEvent;
use super::record::{validate_by_schema, FieldError, FormRules, RecordRules};

crate::record! {
    /// A venue considered for an event.
    pub struct VenueOption in "venue_options" {
        name: String => Text, "venue.name" .required().listed().aliases(&["tempat", "nama tempat", "venue"]),
        event_id: String => Ref(crate::domain::client_events::ClientEvent), "venue.event" .required().listed().aliases(&["event"]),
        capacity: Option<u32> => Number, "venue.capacity" .listed().aliases(&["kapasitas", "capacity"]),
        price: Option<i64> => Money, "venue.price" .listed().aliases(&["harga", "sewa", "price"]),
        /// From the client's office or the guests' side of town, in km.
        distance_km: Option<u32> => Number, "venue.distance" .listed().aliases(&["jarak", "km", "distance"]),
        notes: String => LongText, "venue.notes" .aliases(&["catatan", "notes"]),
        /// Set by choosing it on the event's page.
        chosen: bool => Check, "venue.chosen" .listed().aliases(&["dipilih", "chosen"]),
    }
}

const RULES: FormRules = FormRules { shown_when: &[], span: None, hidden: &["chosen"] };

impl RecordRules for VenueOption {
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
}

impl VenueOption {
    /// Too small for the guests the event plans.
    pub fn too_small(&self, event: &ClientEvent) -> bool {
        matches!((self.capacity, event.guests), (Some(c), Some(g)) if c < g)
    }

    /// The price per planned guest, in minor units.
    pub fn per_guest(&self, event: &ClientEvent) -> Option<i64> {
        Some(self.price? / i64::from(event.guests.filter(|g| *g > 0)?))
    }
}

/// An event's options not in the trash: the chosen one first, then by price (unpriced last).
pub fn options_of<'a>(all: &'a [VenueOption], event_id: &str) -> Vec<&'a VenueOption> {
    let mut v: Vec<&VenueOption> = all.iter().filter(|o| o.meta.deleted_at.is_none() && o.event_id == event_id).collect();
    sort_by(&mut v, |a, b| (!a.chosen, a.price.is_none(), a.price).cmp(&(!b.chosen, b.price.is_none(), b.price)));
    v
}

/// Choosing `id` among the event's options: the options whose mark changes, and the event
/// with the chosen venue's name.
pub fn choose(options: &[&VenueOption], id: &str, event: &ClientEvent) -> (Vec<VenueOption>, Option<ClientEvent>) {
    let changed =
        options.iter().filter(|o| o.chosen != (o.meta.id == id)).map(|o| VenueOption { chosen: o.meta.id == id, ..(*o).clone() }).collect();
    let event = options.iter().find(|o| o.meta.id == id).map(|o| ClientEvent { venue: o.name.clone(), ..event.clone() });
    (changed, event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn option(e: &ClientEvent, name: &str, capacity: &str, price: &str) -> VenueOption {
        let mut o = VenueOption::blank("2026-11-01T08:00:00Z".parse().unwrap());
        o.event_id = e.meta.id.clone();
        o.set("name", name);
        o.set("capacity", capacity);
        o.set("price", price);
        o
    }

    #[test]
    fn options_compare_by_price_and_size_and_one_is_chosen() {
        let mut e = ClientEvent::blank("2026-11-01T08:00:00Z".parse().unwrap());
        e.set("name", "Seminar");
        e.set("guests", "120");
        let all = [
            option(&e, "Hotel Santika", "150", "15000000"),
            option(&e, "Balai Kartini", "100", "9000000"),
            option(&e, "Aula kantor", "", ""),
        ];
        let opts = options_of(&all, &e.meta.id);
        assert_eq!(opts.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["Balai Kartini", "Hotel Santika", "Aula kantor"]);
        assert!(opts[0].too_small(&e) && !opts[1].too_small(&e) && !opts[2].too_small(&e));
        assert_eq!(opts[1].per_guest(&e), Some(125_000));
        assert_eq!(opts[2].per_guest(&e), None);

        let (changed, event) = choose(&opts, &all[0].meta.id, &e);
        assert_eq!(changed.len(), 1);
        assert!(changed[0].chosen && changed[0].name == "Hotel Santika");
        assert_eq!(event.unwrap().venue, "Hotel Santika");
        // Choosing another unmarks the first.
        let after = [changed[0].clone(), all[1].clone(), all[2].clone()];
        let opts = options_of(&after, &e.meta.id);
        assert_eq!(opts[0].name, "Hotel Santika", "the chosen one first");
        let (changed, _) = choose(&opts, &all[1].meta.id, &e);
        let marks: Vec<(&str, bool)> = changed.iter().map(|o| (o.name.as_str(), o.chosen)).collect();
        assert_eq!(marks, [("Hotel Santika", false), ("Balai Kartini", true)]);
    }
}
