//! The portfolio: events held, with their final figures (the budget against what was
//! agreed, the guests planned against those who came) and what was learnt, found by any
//! word; and an event copied as the start of a new one.
use chrono::{DateTime, Utc};

use crate::sort::sort_by;
use crate::text::lower;

use super::client_events::{ClientEvent, EventTask, Stage};
use super::event_guests::{counts, guests_of, people, EventGuest, GuestCounts};
use super::event_vendors::{budget, vendors_of, BudgetLine, Contract, EventVendor};
use super::record::Entity;
use super::run_sheet::{run_sheet, RunItem};

/// A past event and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct PastEvent {
    pub event: ClientEvent,
    pub budget: BudgetLine,
    /// The agreed prices (estimates where nothing was agreed).
    pub cost: i64,
    pub guests: GuestCounts,
}

/// Events held or closed, newest first, whose name, venue, brief, notes or lessons hold every
/// word of `query`.
pub fn portfolio(events: &[ClientEvent], vendors: &[EventVendor], guests: &[EventGuest], query: &str) -> Vec<PastEvent> {
    let words: Vec<String> = lower(query).split_whitespace().map(str::to_string).collect();
    let mut v: Vec<PastEvent> = events
        .iter()
        .filter(|e| e.meta.deleted_at.is_none() && matches!(e.stage, Stage::Held | Stage::Closed))
        .filter(|e| {
            let hay = lower(&[e.name.as_str(), &e.venue, &e.brief, &e.notes, &e.went_well, &e.lessons].join(" "));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .map(|e| {
            let guests = counts(&guests_of(guests, &e.meta.id));
            let (_, total, cost) = budget(&vendors_of(vendors, &e.meta.id), people(e, &guests));
            PastEvent { event: e.clone(), budget: total, cost, guests }
        })
        .collect();
    sort_by(&mut v, |a, b| b.event.date.cmp(&a.event.date));
    v
}

/// What a copy starts with.
pub struct Copy {
    pub event: ClientEvent,
    pub vendors: Vec<EventVendor>,
    pub run: Vec<RunItem>,
    pub tasks: Vec<EventTask>,
}

/// A new enquiry like `e`: its kind, formality, venue, size and brief; its vendors with
/// last time's prices as the estimate and nothing agreed or paid; its run sheet; its
/// timeline counted from the new date (a task on a day of its own keeps its distance from
/// the event). Not its guests, date, client or lessons.
pub fn copy_of(e: &ClientEvent, name: String, vendors: &[EventVendor], run: &[RunItem], tasks: &[EventTask], now: DateTime<Utc>) -> Copy {
    // A year on, as a yearly event usually is: the copy must have a date, and the form it
    // opens in asks for the real one.
    let year_on = |d: Option<chrono::NaiveDate>| d.and_then(|d| d.checked_add_months(chrono::Months::new(12)));
    let event = ClientEvent {
        name,
        date: year_on(e.date).or_else(|| Some(now.date_naive())),
        end_date: year_on(e.end_date),
        kind: e.kind,
        formality: e.formality,
        venue: e.venue.clone(),
        guests: e.guests,
        brief: e.brief.clone(),
        ..ClientEvent::blank(now)
    };
    let id = event.meta.id.clone();
    let vendors = vendors_of(vendors, &e.meta.id)
        .into_iter()
        .map(|v| EventVendor {
            event_id: id.clone(),
            kind: v.kind,
            contact_id: v.contact_id.clone(),
            supplies: v.supplies.clone(),
            estimate: v.quote.or(v.estimate),
            per_head: v.per_head,
            contract: Contract::Asked,
            charged: v.charged,
            notes: v.notes.clone(),
            ..EventVendor::blank(now)
        })
        .collect();
    // In the order they ran, numbered afresh: the days of a several-day event do not carry.
    let run = run_sheet(run, e)
        .into_iter()
        .enumerate()
        .map(|(n, line)| (n, line.item))
        .map(|(n, i)| RunItem {
            event_id: id.clone(),
            seq: u32::try_from(n + 1).ok(),
            starts: i.starts,
            minutes: i.minutes,
            title: i.title.clone(),
            place: i.place.clone(),
            pic: i.pic.clone(),
            equipment: i.equipment.clone(),
            notes: i.notes.clone(),
            ..RunItem::blank(now)
        })
        .collect();
    let tasks = tasks
        .iter()
        .filter(|t| t.meta.deleted_at.is_none() && t.event_id == e.meta.id)
        .filter_map(|t| {
            // A day of its own keeps its distance: before the first day, or after the last.
            let days_before = t.days_before.or_else(|| {
                let (first, due) = (e.date?, t.due?);
                let last = e.end_date.filter(|l| *l >= first).unwrap_or(first);
                Some(if due > last { -(due - last).num_days() } else { (first - due).num_days() })
            })?;
            Some(EventTask {
                event_id: id.clone(),
                title: t.title.clone(),
                days_before: Some(days_before),
                owner: t.owner.clone(),
                notes: t.notes.clone(),
                ..EventTask::blank(now)
            })
        })
        .collect();
    Copy { event, vendors, run, tasks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::RecordRules;

    fn at() -> DateTime<Utc> {
        "2026-11-01T08:00:00Z".parse().unwrap()
    }

    fn event(name: &str, date: &str, stage: &str) -> ClientEvent {
        let mut e = ClientEvent::blank(at());
        e.set("name", name);
        e.set("date", date);
        e.set("stage", stage);
        e
    }

    #[test]
    fn the_portfolio_holds_past_events_with_their_figures_found_by_any_word() {
        let mut a = event("Resepsi Budi & Siti", "2026-06-14", "closed");
        a.lessons = "Katering datang terlambat; minta gladi dengan vendor.".into();
        let b = event("Seminar Pajak", "2026-09-10", "held");
        let c = event("Gathering 2027", "2027-01-10", "confirmed");
        let mut v = EventVendor::blank(at());
        v.event_id = a.meta.id.clone();
        v.set("quote", "30000000");
        v.set("estimate", "25000000");
        v.set("charged", "36000000");
        let mut g = EventGuest::blank(at());
        g.event_id = a.meta.id.clone();
        g.set("rsvp", "confirmed");
        g.set("party", "2");
        g.arrived = true;
        let all = [a.clone(), b, c];
        let found = portfolio(&all, std::slice::from_ref(&v), std::slice::from_ref(&g), "");
        assert_eq!(found.iter().map(|p| p.event.name.as_str()).collect::<Vec<_>>(), ["Seminar Pajak", "Resepsi Budi & Siti"]);
        let resepsi = &found[1];
        assert_eq!((resepsi.budget.estimated, resepsi.budget.contracted, resepsi.cost), (25_000_000, 30_000_000, 30_000_000));
        assert_eq!(resepsi.budget.margin(resepsi.cost), 6_000_000);
        assert_eq!(resepsi.guests.arrived, 2);
        let names = |q: &str| portfolio(&all, &[], &[], q).into_iter().map(|p| p.event.name).collect::<Vec<_>>();
        assert_eq!(names("KATERING gladi"), ["Resepsi Budi & Siti"]);
        assert_eq!(names("pajak"), ["Seminar Pajak"]);
        assert!(names("gathering").is_empty(), "not held yet");
    }

    #[test]
    fn a_copy_starts_a_new_enquiry_with_last_times_prices_run_sheet_and_timeline() {
        let mut e = event("Seminar Pajak 2026", "2026-09-10", "closed");
        e.set("guests", "120");
        e.set("kind", "seminar");
        e.lessons = "Ruangan terlalu dingin".into();
        let mut v = EventVendor::blank(at());
        v.event_id = e.meta.id.clone();
        v.set("supplies", "Makan siang");
        v.set("quote", "30000000");
        v.set("deposit", "10000000");
        v.set("contract", "signed");
        v.deposit_paid = true;
        let mut r = RunItem::blank(at());
        r.event_id = e.meta.id.clone();
        r.set("starts", "09:00");
        r.set("minutes", "30");
        r.set("title", "Registrasi");
        r.set("day", "2026-09-10");
        let mut own_day = EventTask::blank(at());
        own_day.event_id = e.meta.id.clone();
        own_day.set("title", "Survei lokasi");
        own_day.set("due", "2026-08-11");
        let mut gone = own_day.clone();
        gone.meta.deleted_at = Some(at());
        let c = copy_of(&e, "Seminar Pajak 2027".into(), &[v], &[r], &[own_day, gone], at());
        assert_eq!(
            (c.event.name.as_str(), c.event.kind, c.event.guests, c.event.date),
            ("Seminar Pajak 2027", e.kind, Some(120), crate::domain::dates::parse_date("2027-09-10"))
        );
        assert!(c.event.validate().is_empty(), "{:?}", c.event.validate());
        assert_eq!(c.event.stage, Stage::Enquiry);
        assert!(c.event.lessons.is_empty() && c.event.meta.id != e.meta.id);
        assert_eq!(c.vendors.len(), 1);
        let nv = &c.vendors[0];
        assert_eq!(
            (nv.estimate, nv.quote, nv.deposit, nv.deposit_paid, nv.contract),
            (Some(30_000_000), None, None, false, Contract::Asked)
        );
        assert_eq!(nv.event_id, c.event.meta.id);
        assert_eq!((c.run[0].title.as_str(), c.run[0].day, c.run[0].event_id == c.event.meta.id), ("Registrasi", None, true));
        // Thirty days before the old date stays thirty days before the new one.
        assert_eq!(c.tasks.len(), 1);
        assert_eq!((c.tasks[0].days_before, c.tasks[0].due), (Some(30), None));
    }
}
