//! Events run for clients (the planning coordinator's work): each event from the first
//! enquiry to closing, with a timeline of tasks placed relative to the event's date, so
//! the tasks move when the event moves.
use chrono::{Days, NaiveDate};

use super::format::Lang;
use super::record::{validate_by_schema, FieldError, FormRules, RecordRules};
use crate::sort::sort_by;

crate::choice! {
    /// What kind of event a client holds.
    pub enum EventType {
        Wedding = "wedding" => "cev.kind.wedding",
        Seminar = "seminar" => "cev.kind.seminar",
        Conference = "conference" => "cev.kind.conference",
        Gathering = "gathering" => "cev.kind.gathering",
        Meeting = "meeting" => "cev.kind.meeting",
        Other = "other" => "cev.kind.other",
    }
}

crate::choice! {
    /// How formal an event is.
    pub enum Formality {
        Casual = "casual" => "cev.formality.casual",
        Smart = "smart" => "cev.formality.smart",
        Formal = "formal" => "cev.formality.formal",
    }
}

crate::choice! {
    /// The stages in the order an event passes them; "lost" ends an event that did not happen.
    pub enum Stage {
        Enquiry = "enquiry" => "cev.stage.enquiry",
        Proposal = "proposal" => "cev.stage.proposal",
        Confirmed = "confirmed" => "cev.stage.confirmed",
        Preparation = "preparation" => "cev.stage.preparation",
        Held = "held" => "cev.stage.held",
        Closed = "closed" => "cev.stage.closed",
        Lost = "lost" => "cev.stage.lost",
    }
}

crate::record! {
    /// An event run for a client.
    pub struct ClientEvent in "client_events" {
        name: String => Text, "cev.name" .required().listed().aliases(&["acara", "nama acara", "event"]),
        client_id: String => ContactRef, "cev.client" .listed().aliases(&["klien", "client"]),
        kind: EventType = EventType::Seminar => Select(EventType::OPTIONS), "cev.kind" .required().listed().aliases(&["jenis", "type"]),
        date: Option<chrono::NaiveDate> => Date, "cev.date" .required().listed().aliases(&["tanggal", "date"]),
        end_date: Option<chrono::NaiveDate> => Date, "cev.end_date" .aliases(&["sampai", "end"]),
        guests: Option<u32> => Number, "cev.guests" .listed().aliases(&["tamu", "guests", "pax"]),
        formality: Formality = Formality::Smart => Select(Formality::OPTIONS), "cev.formality" .aliases(&["formalitas", "dress code"]),
        venue: String => Text, "cev.venue" .listed().aliases(&["tempat", "venue"]),
        stage: Stage = Stage::Enquiry => Select(Stage::OPTIONS), "cev.stage" .required().listed().aliases(&["tahap", "stage"]),
        /// What the client asked for and decided, in their words.
        brief: String => LongText, "cev.brief" .aliases(&["brief", "kebutuhan"]),
        notes: String => LongText, "cev.notes" .aliases(&["catatan"]),
        /// For the portfolio, once it is held.
        went_well: String => LongText, "cev.went_well" .aliases(&["yang berhasil", "went well"]),
        lessons: String => LongText, "cev.lessons" .aliases(&["pelajaran", "evaluasi", "lessons"]),
    }
}

/// What was learnt is asked for once the event has been held.
const RULES: FormRules = FormRules {
    shown_when: &[("went_well", "stage", &["held", "closed"]), ("lessons", "stage", &["held", "closed"])],
    span: None,
    hidden: &[],
};

impl RecordRules for ClientEvent {
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(d), Some(e)) = (self.date, self.end_date) {
            if e < d {
                errs.push(("end_date", "err.end_before_start"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.name.clone()
    }
}

impl ClientEvent {
    pub fn day(&self) -> Option<NaiveDate> {
        self.date
    }

    /// Still to be held or closed: not lost, not closed, not in the trash.
    pub fn is_open(&self) -> bool {
        self.meta.deleted_at.is_none() && !matches!(self.stage, Stage::Closed | Stage::Lost)
    }
}

crate::record! {
    /// A task of an event's timeline: due a number of days before the event (so it moves
    /// with the event), or on a day of its own.
    pub struct EventTask in "event_tasks" {
        event_id: String => Ref(crate::domain::client_events::ClientEvent), "etask.event" .required().listed().aliases(&["acara", "event"]),
        title: String => Text, "etask.title" .required().listed().aliases(&["tugas", "task"]),
        /// Days before the event's date; negative for after it (the report to the client).
        days_before: Option<i64> => Integer, "etask.days_before" .aliases(&["hari sebelum", "days before"]),
        /// A day of its own, when the task does not follow the event's date.
        due: Option<chrono::NaiveDate> => Date, "etask.due" .aliases(&["tenggat", "due"]),
        owner: String => Suggest("people"), "etask.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        done: bool => Check, "etask.done" .listed().aliases(&["selesai", "done"]),
        notes: String => LongText, "etask.notes" .aliases(&["catatan"]),
    }
}

impl RecordRules for EventTask {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.days_before.is_none() && self.due.is_none() {
            errs.push(("due", "err.etask_when"));
        }
        errs
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl EventTask {
    /// The day it is due: a day typed for it, else counted back from the event's first day
    /// (or forward from its last, for what comes after it).
    pub fn due_on(&self, event: &ClientEvent) -> Option<NaiveDate> {
        if let Some(own) = self.due {
            return Some(own);
        }
        match self.days_before? {
            d if d >= 0 => event.day()?.checked_sub_days(Days::new(d as u64)),
            d => event.end_date.or(event.day())?.checked_add_days(Days::new(d.unsigned_abs())),
        }
    }
}

/// An event's tasks with the day each is due, earliest first (undated last).
pub fn timeline(tasks: &[EventTask], event: &ClientEvent) -> Vec<(EventTask, Option<NaiveDate>)> {
    let mut v: Vec<(EventTask, Option<NaiveDate>)> =
        tasks.iter().filter(|t| t.meta.deleted_at.is_none() && t.event_id == event.meta.id).map(|t| (t.clone(), t.due_on(event))).collect();
    sort_by(&mut v, |a, b| (a.1.is_none(), a.1).cmp(&(b.1.is_none(), b.1)));
    v
}

/// Tasks not done whose day has passed, of events still open: (event, task, due day),
/// the longest overdue first.
pub fn overdue<'a>(
    events: &'a [ClientEvent],
    tasks: &'a [EventTask],
    today: NaiveDate,
) -> Vec<(&'a ClientEvent, &'a EventTask, NaiveDate)> {
    let mut v: Vec<(&ClientEvent, &EventTask, NaiveDate)> = tasks
        .iter()
        .filter(|t| t.meta.deleted_at.is_none() && !t.done)
        .filter_map(|t| {
            let e = events.iter().find(|e| e.meta.id == t.event_id && e.is_open())?;
            let due = t.due_on(e)?;
            (due < today).then_some((e, t, due))
        })
        .collect();
    sort_by(&mut v, |a, b| a.2.cmp(&b.2));
    v
}

/// The event and its timeline as a calendar file: the event's days, and each task not yet
/// done on its day with a reminder the day before.
pub fn milestones_ics(event: &ClientEvent, tasks: &[EventTask], stamp: chrono::DateTime<chrono::Utc>) -> String {
    use super::ics_write::{all_day_calendar, AllDay};
    let mut items = vec![];
    if let Some(first) = event.date {
        let last = event.end_date.filter(|e| *e >= first).unwrap_or(first);
        items.push(AllDay {
            uid: format!("{}@backoffice", event.meta.id),
            summary: &event.name,
            first,
            last,
            description: event.venue.clone(),
            alarm_days: 0,
        });
    }
    let line = timeline(tasks, event);
    let titles: Vec<String> = line.iter().map(|(t, _)| format!("{}: {}", event.name, t.title)).collect();
    for ((task, due), summary) in line.iter().zip(&titles) {
        let Some(due) = due.filter(|_| !task.done) else { continue };
        items.push(AllDay {
            uid: format!("{}@backoffice", task.meta.id),
            summary,
            first: due,
            last: due,
            description: task.owner.clone(),
            alarm_days: 1,
        });
    }
    all_day_calendar(&event.name, &items, stamp)
}

/// The days of `month`'s calendar grid (Monday first, six weeks) with the events held on
/// each (an event over several days on each of them), lost ones left out.
pub fn month_of_events(events: &[ClientEvent], month: NaiveDate) -> Vec<(NaiveDate, Vec<&ClientEvent>)> {
    super::calendar::month_grid(month)
        .into_iter()
        .map(|d| {
            let mut on: Vec<&ClientEvent> = events
                .iter()
                .filter(|e| e.meta.deleted_at.is_none() && e.stage != Stage::Lost)
                .filter(|e| e.date.is_some_and(|first| first <= d && d <= e.end_date.filter(|end| *end >= first).unwrap_or(first)))
                .collect();
            sort_by(&mut on, |a, b| a.name.cmp(&b.name));
            (d, on)
        })
        .collect()
}

/// The events at each stage, in stage order, soonest first within a stage.
pub fn board(events: &[ClientEvent]) -> Vec<(Stage, Vec<&ClientEvent>)> {
    Stage::ALL
        .iter()
        .map(|stage| {
            let mut at: Vec<&ClientEvent> = events.iter().filter(|e| e.meta.deleted_at.is_none() && e.stage == *stage).collect();
            sort_by(&mut at, |a, b| (a.day().is_none(), a.day()).cmp(&(b.day().is_none(), b.day())));
            (*stage, at)
        })
        .collect()
}

/// The checklist an event of `kind` starts with: (Indonesian, English, days before).
fn template(kind: EventType) -> &'static [(&'static str, &'static str, i64)] {
    match kind {
        EventType::Wedding => &[
            ("Tempat acara dipesan", "Venue booked", 180),
            (
                "Vendor utama dikontrak (katering, dekorasi, dokumentasi)",
                "Main vendors contracted (catering, decoration, photography)",
                120,
            ),
            ("Tes rasa katering", "Catering tasting", 90),
            ("Undangan dikirim", "Invitations sent", 60),
            ("Daftar tamu final", "Guest list final", 30),
            ("Susunan acara final", "Run sheet final", 14),
            ("Pelunasan vendor", "Vendors paid in full", 7),
            ("Gladi dan briefing akhir", "Rehearsal and final briefing", 1),
        ],
        EventType::Seminar | EventType::Conference => &[
            ("Tempat acara dipesan", "Venue booked", 90),
            ("Pembicara dikonfirmasi", "Speakers confirmed", 60),
            ("Pendaftaran dibuka dan undangan dikirim", "Registration open and invitations sent", 45),
            ("Katering dipesan", "Catering ordered", 21),
            ("Materi dan sertifikat dicetak", "Materials and certificates printed", 7),
            ("Gladi teknis (suara, proyektor)", "Technical rehearsal (sound, projector)", 1),
            ("Laporan dan ucapan terima kasih ke klien", "Report and thanks to the client", -7),
        ],
        _ => &[
            ("Tempat acara dipesan", "Venue booked", 30),
            ("Katering dipesan", "Catering ordered", 14),
            ("Undangan dikirim", "Invitations sent", 14),
            ("Jumlah peserta final", "Final headcount", 3),
            ("Laporan ke klien", "Report to the client", -3),
        ],
    }
}

/// The timeline an event starts with, from its kind's checklist.
pub fn from_template(event: &ClientEvent, lang: Lang) -> Vec<EventTask> {
    template(event.kind)
        .iter()
        .map(|&(id, en, days)| EventTask {
            event_id: event.meta.id.clone(),
            title: (if lang == Lang::Id { id } else { en }).into(),
            days_before: Some(days),
            ..EventTask::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn event(date: &str, kind: &str) -> ClientEvent {
        let mut e = ClientEvent::blank("2026-11-01T08:00:00Z".parse().unwrap());
        e.set("name", "Seminar Pajak PT Maju");
        e.set("date", date);
        e.set("kind", kind);
        e
    }

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_date(s).unwrap()
    }

    #[test]
    fn a_timeline_follows_the_event_when_it_moves() {
        let mut e = event("2027-03-10", "seminar");
        let tasks = from_template(&e, Lang::Id);
        assert_eq!(tasks.len(), 7);
        let line = timeline(&tasks, &e);
        assert_eq!(line[0].0.title, "Tempat acara dipesan");
        assert_eq!(line[0].1, Some(d("2026-12-10")));
        // The report comes a week after the event, last.
        assert_eq!(line.last().unwrap().1, Some(d("2027-03-17")));
        e.set("date", "2027-04-10");
        assert_eq!(timeline(&tasks, &e)[0].1, Some(d("2027-01-10")));
        // A task with a day of its own stays on it, even one made from the checklist.
        let mut own = EventTask {
            event_id: e.meta.id.clone(),
            title: "Survei lokasi".into(),
            due: crate::domain::dates::parse_date("2027-02-01"),
            ..EventTask::default()
        };
        assert_eq!(own.due_on(&e), Some(d("2027-02-01")));
        let mut venue = tasks[0].clone();
        venue.due = crate::domain::dates::parse_date("2027-01-03");
        assert_eq!(venue.due_on(&e), Some(d("2027-01-03")));
        own.due = None;
        assert_eq!(own.validate(), vec![("due", "err.etask_when")]);
        // What comes after a three-day event counts from its last day.
        e.set("end_date", "2027-04-12");
        assert_eq!(tasks.last().unwrap().due_on(&e), Some(d("2027-04-19")));
    }

    #[test]
    fn overdue_tasks_are_those_not_done_of_open_events() {
        let mut e = event("2026-12-20", "meeting");
        let mut tasks = from_template(&e, Lang::En);
        let today = d("2026-12-10");
        // Venue 30 days before (20 Nov) is overdue; catering and invitations (6 Dec) too.
        let late: Vec<&str> = overdue(std::slice::from_ref(&e), &tasks, today).iter().map(|(_, t, _)| t.title.as_str()).collect();
        assert_eq!(late, ["Venue booked", "Catering ordered", "Invitations sent"]);
        tasks[0].done = true;
        assert_eq!(overdue(std::slice::from_ref(&e), &tasks, today).len(), 2);
        e.set("stage", "lost");
        assert!(overdue(std::slice::from_ref(&e), &tasks, today).is_empty());
    }

    #[test]
    fn milestones_are_the_event_and_its_open_tasks_read_back_as_a_calendar() {
        use icalendar::{Calendar, CalendarComponent, Component};
        let mut e = event("2027-03-10", "seminar");
        e.set("end_date", "2027-03-11");
        let mut tasks = from_template(&e, Lang::En);
        tasks[0].done = true;
        let text = milestones_ics(&e, &tasks, "2026-12-01T00:00:00Z".parse().unwrap());
        let cal: Calendar = text.parse().unwrap();
        let items: Vec<(String, String, String)> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(ev) => Some((
                    ev.get_summary().unwrap_or_default().to_string(),
                    ev.property_value("DTSTART").unwrap_or_default().to_string(),
                    ev.property_value("DTEND").unwrap_or_default().to_string(),
                )),
                _ => None,
            })
            .collect();
        // The event over two days, then six tasks (the venue is done), the report after it.
        assert_eq!(items.len(), 7);
        assert_eq!(items[0], ("Seminar Pajak PT Maju".into(), "20270310".into(), "20270312".into()));
        assert_eq!(items[1].0, "Seminar Pajak PT Maju: Speakers confirmed");
        assert_eq!(items[1].1, "20270109");
        assert_eq!(items[6].1, "20270318");
        assert!(text.contains("TRIGGER:-P1D"));
    }

    #[test]
    fn the_board_has_every_stage_in_order_soonest_first() {
        let (mut a, mut b, mut c) = (event("2027-02-01", "wedding"), event("2027-01-05", "seminar"), event("", "meeting"));
        a.set("stage", "confirmed");
        b.set("stage", "confirmed");
        c.set("stage", "enquiry");
        let all = [a.clone(), b.clone(), c];
        let cols = board(&all);
        assert_eq!(
            cols.iter().map(|(s, _)| s.code()).collect::<Vec<_>>(),
            ["enquiry", "proposal", "confirmed", "preparation", "held", "closed", "lost"]
        );
        let confirmed: Vec<&str> = cols[2].1.iter().map(|e| crate::domain::dates::text_of(e.date)).collect();
        assert_eq!(confirmed, ["2027-01-05", "2027-02-01"]);
        assert_eq!(cols[0].1.len(), 1);
    }

    #[test]
    fn the_month_shows_each_event_on_every_day_it_is_held() {
        let mut a = event("2027-02-14", "wedding");
        a.set("name", "Resepsi");
        let mut b = event("2027-02-26", "conference");
        b.set("name", "Konferensi");
        b.set("end_date", "2027-03-01");
        let mut c = event("2027-02-14", "meeting");
        c.set("stage", "lost");
        let all = [a, b, c];
        let grid = month_of_events(&all, d("2027-02-10"));
        assert_eq!(grid.len(), 42);
        assert_eq!(grid[0].0, d("2027-02-01"), "February 2027 starts on a Monday");
        let names = |day: &str| grid.iter().find(|(x, _)| *x == d(day)).unwrap().1.iter().map(|e| e.name.as_str()).collect::<Vec<_>>();
        assert_eq!(names("2027-02-14"), ["Resepsi"]);
        assert_eq!(names("2027-02-27"), ["Konferensi"]);
        assert_eq!(names("2027-03-01"), ["Konferensi"]);
        assert!(names("2027-03-02").is_empty());
    }

    #[test]
    fn an_end_before_the_start_is_refused() {
        let mut e = event("2027-03-10", "conference");
        e.set("end_date", "2027-03-09");
        assert!(e.validate().contains(&("end_date", "err.end_before_start")));
        e.set("end_date", "2027-03-11");
        assert!(e.validate().is_empty());
    }
}
