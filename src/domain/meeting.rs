//! Meetings: the minutes of one meeting date — agenda with owners and time allotted, notes
//! per agenda item, decisions, action items — and the open action items across meetings.
//!
//! Minutes belong to a calendar item and a date (`event_id` + `date`): for a repeating
//! meeting that is the series and the date of the series it was held for, so "the next
//! meeting of the same series" is the series' next date.
use crate::sort::sort_by;
use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::{occurrences, Event};
use super::record::{parse_date, Entity, FieldError, RecordRules};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaItem {
    pub title: String,
    pub owner: String,
    /// Minutes allotted, as typed ("" when not planned).
    pub minutes: String,
    /// What was said: the minutes of this item.
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: String,
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD` or "".
    pub due: String,
    #[serde(deserialize_with = "open_when_blank")]
    pub status: ActionStatus,
    /// The minutes it was carried over from, if any.
    pub from: String,
}

impl Action {
    pub fn new(text: &str) -> Action {
        Action { id: crate::domain::ids::new_id(), text: text.into(), ..Default::default() }
    }
}

crate::choice! {
    /// Where an action item stands.
    pub enum ActionStatus {
        Open = "open" => "action.status.open",
        Done = "done" => "action.status.done",
        /// Moved on to the next meeting.
        Carried = "carried" => "action.status.carried",
    }
}

/// Action items stored before their status was a choice may hold an empty one: open.
fn open_when_blank<'de, D: serde::Deserializer<'de>>(d: D) -> Result<ActionStatus, D::Error> {
    let code = String::deserialize(d)?;
    if code.trim().is_empty() {
        return Ok(ActionStatus::Open);
    }
    ActionStatus::from_code(&code).ok_or_else(|| serde::de::Error::custom(format!("unknown ActionStatus {code:?}")))
}

crate::record! {
    pub struct Minutes in "minutes" {
        /// The meeting's title when the minutes were started (lists and print).
        title: String => Text, "minutes.meeting" .required().listed(),
        /// The date it was held for, `YYYY-MM-DD`.
        date: Option<chrono::NaiveDate> => Date, "minutes.date" .required().listed(),
        chair: String => Text, "minutes.chair" .listed(),
        /// Who attended, one per line.
        present: String => Lines, "minutes.present",
        /// One decision per line.
        decisions: String => Lines, "minutes.decisions",
    }
    stored {
        /// The calendar item (a series, or a one-off meeting).
        event_id: String,
        agenda: Vec<AgendaItem>,
        actions: Vec<Action>,
    }
}

impl RecordRules for Minutes {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = super::record::validate_by_schema(self);
        if self.agenda.iter().any(|a| !a.minutes.trim().is_empty() && a.minutes.trim().parse::<u32>().is_err()) {
            errs.push(("agenda", "err.number"));
        }
        if let Some(e) = self.actions.iter().filter(|a| !a.due.is_empty()).find_map(|a| super::record::date_problem(&a.due, false)) {
            errs.push(("actions", e));
        }
        if self.actions.iter().any(|a| a.text.trim().is_empty()) {
            errs.push(("actions", "err.action_text"));
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} · {}", self.title, super::dates::day_text(self.date))
    }
}

impl Minutes {
    /// Minutes planned for the agenda, in total.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().filter_map(|a| a.minutes.trim().parse::<u32>().ok()).sum()
    }

    pub fn day(&self) -> Option<NaiveDate> {
        self.date
    }
}

/// The minutes of a meeting date, if started.
pub fn find<'a>(all: &'a [Minutes], event_id: &str, date: NaiveDate) -> Option<&'a Minutes> {
    all.iter().find(|m| m.meta.deleted_at.is_none() && m.event_id == event_id && m.date == Some(date))
}

/// New minutes for a meeting date: the item's title and attendees, and its notes as the
/// first agenda lines when the invitation listed them.
pub fn start(event: &Event, event_id: &str, date: NaiveDate, now: DateTime<Utc>) -> Minutes {
    let mut m = Minutes::blank(now);
    m.event_id = event_id.to_string();
    m.date = Some(date);
    m.title = event.title.clone();
    m.present = event.attendees.clone();
    m
}

/// The series' next date after `after` (a changed date counts as the date it replaces).
pub fn next_date(events: &[Event], series_id: &str, after: NaiveDate) -> Option<NaiveDate> {
    let from = after.checked_add_days(Days::new(1))?;
    let to = after.checked_add_days(Days::new(400))?;
    let changed: Vec<&Event> = events.iter().filter(|e| e.series_id == series_id && e.meta.deleted_at.is_none()).collect();
    let mut dates: Vec<NaiveDate> = occurrences(events, from, to)
        .into_iter()
        .filter(|o| o.id == series_id || changed.iter().any(|c| c.meta.id == o.id))
        .filter_map(|o| o.series_date)
        .filter(|d| *d > after)
        .collect();
    sort_by(&mut dates, |a, b| a.cmp(b));
    dates.first().copied()
}

/// Moves the open action items of `from` into `into`; returns how many moved. The copies
/// remember where they came from; the originals are marked "carried".
pub fn carry_over(from: &mut Minutes, into: &mut Minutes) -> usize {
    let mut n = 0;
    for a in from.actions.iter_mut().filter(|a| a.status == ActionStatus::Open) {
        let mut copy = a.clone();
        copy.id = crate::domain::ids::new_id();
        copy.from = from.meta.id.clone();
        into.actions.push(copy);
        a.status = ActionStatus::Carried;
        n += 1;
    }
    n
}

/// An open action item with the meeting it was agreed in.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAction {
    pub minutes_id: String,
    pub meeting: String,
    pub date: Option<NaiveDate>,
    pub action: Action,
    pub overdue: bool,
}

/// Open action items of every meeting: overdue first (oldest due first), then the rest by
/// due date, those without a due date last.
pub fn open_actions(all: &[Minutes], today: NaiveDate) -> Vec<OpenAction> {
    let mut out: Vec<OpenAction> = all
        .iter()
        .filter(|m| m.meta.deleted_at.is_none())
        .flat_map(|m| {
            m.actions.iter().filter(|a| a.status == ActionStatus::Open).map(|a| OpenAction {
                minutes_id: m.meta.id.clone(),
                meeting: m.title.clone(),
                date: m.date,
                action: a.clone(),
                overdue: parse_date(&a.due).is_some_and(|d| d < today),
            })
        })
        .collect();
    sort_by(&mut out, |a, b| {
        let key = |x: &OpenAction| (!x.overdue, parse_date(&x.action.due).is_none(), x.action.due.clone(), x.date);
        key(a).cmp(&key(b))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::EventKind;
    use crate::domain::calendar::Repeat;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn weekly() -> Event {
        let mut e = Event::blank(Utc::now());
        e.title = "Rapat tim".into();
        e.kind = EventKind::Meeting;
        e.start = crate::domain::dates::parse_datetime("2026-11-02T09:00");
        e.end = crate::domain::dates::parse_datetime("2026-11-02T10:00");
        e.repeat = Repeat::Weekly;
        e.attendees = "Ani\nBudi".into();
        e
    }

    #[test]
    fn next_meeting_of_the_series_skips_deleted_dates_and_follows_moved_ones() {
        let mut s = weekly();
        s.except.push(d("2026-11-09"));
        assert_eq!(next_date(&[s.clone()], &s.meta.id, d("2026-11-02")), Some(d("2026-11-16")));
        let mut moved = crate::domain::calendar::detach(&s, d("2026-11-16"), Utc::now()).unwrap();
        moved.start = crate::domain::dates::parse_datetime("2026-11-17T14:00");
        moved.end = crate::domain::dates::parse_datetime("2026-11-17T15:00");
        assert_eq!(next_date(&[s.clone(), moved], &s.meta.id, d("2026-11-02")), Some(d("2026-11-16")));
        let mut once = weekly();
        once.repeat = Repeat::Never;
        assert_eq!(next_date(&[once.clone()], &once.meta.id, d("2026-11-02")), None);
    }

    #[test]
    fn carrying_over_moves_only_open_items_and_remembers_where_from() {
        let s = weekly();
        let mut a = start(&s, &s.meta.id, d("2026-11-02"), Utc::now());
        assert_eq!(a.present, "Ani\nBudi");
        a.actions = vec![Action::new("Kirim laporan"), Action { status: ActionStatus::Done, ..Action::new("Pesan ruang") }];
        let mut b = start(&s, &s.meta.id, d("2026-11-09"), Utc::now());
        assert_eq!(carry_over(&mut a, &mut b), 1);
        assert_eq!(a.actions[0].status, ActionStatus::Carried);
        assert_eq!(
            (b.actions[0].text.as_str(), b.actions[0].status.code(), b.actions[0].from.as_str()),
            ("Kirim laporan", "open", a.meta.id.as_str())
        );
        assert_ne!(b.actions[0].id, a.actions[0].id);
        assert_eq!(carry_over(&mut a, &mut b), 0, "nothing is carried twice");
    }

    #[test]
    fn an_action_stored_without_a_status_is_open_and_an_unknown_one_is_refused() {
        let read = |status: &str| serde_json::from_value::<Action>(serde_json::json!({"id": "a", "text": "Kirim", "status": status}));
        assert_eq!(read("").unwrap().status, ActionStatus::Open);
        assert_eq!(read("carried").unwrap().status, ActionStatus::Carried);
        assert!(read("selesai").is_err(), "a code this build does not know is never guessed");
        assert_eq!(serde_json::to_value(Action::new("x")).unwrap()["status"], "open");
    }

    #[test]
    fn open_actions_overdue_first() {
        let s = weekly();
        let mut m = start(&s, &s.meta.id, d("2026-11-02"), Utc::now());
        m.actions = vec![
            Action { due: "2026-12-01".into(), ..Action::new("Nanti") },
            Action::new("Tanpa tenggat"),
            Action { due: "2026-11-10".into(), ..Action::new("Terlambat") },
            Action { due: "2026-11-01".into(), status: ActionStatus::Done, ..Action::new("Selesai") },
            Action { due: "2026-11-05".into(), ..Action::new("Paling terlambat") },
        ];
        let got: Vec<(String, bool)> = open_actions(&[m], d("2026-11-20")).into_iter().map(|o| (o.action.text, o.overdue)).collect();
        assert_eq!(
            got,
            [("Paling terlambat".into(), true), ("Terlambat".into(), true), ("Nanti".into(), false), ("Tanpa tenggat".into(), false)]
        );
    }

    #[test]
    fn agenda_time_and_validation() {
        let mut m = Minutes::blank(Utc::now());
        m.title = "Rapat".into();
        m.date = crate::domain::dates::parse_date("2026-11-02");
        m.agenda = vec![
            AgendaItem { title: "Anggaran".into(), minutes: "20".into(), ..Default::default() },
            AgendaItem { title: "Lain-lain".into(), minutes: "10".into(), ..Default::default() },
        ];
        assert_eq!(m.planned_minutes(), 30);
        assert!(m.validate().is_empty());
        m.agenda[1].minutes = "sepuluh".into();
        m.actions.push(Action { due: "besok".into(), ..Action::new("X") });
        assert_eq!(m.validate(), vec![("agenda", "err.number"), ("actions", "err.date")]);
    }
}
