//! The run sheet (rundown acara): an event's items in order, each starting when the one
//! before it ends unless it has a time of its own, so changing one item's length moves
//! every item after it.
use chrono::{Duration, NaiveDate, NaiveTime};

use crate::sort::sort_by;

use super::client_events::ClientEvent;
use super::record::{validate_by_schema, FieldError, RecordRules};

crate::record! {
    /// One item of an event's run sheet.
    pub struct RunItem in "run_items" {
        title: String => Text, "rundown.title" .required().listed().aliases(&["acara", "kegiatan", "mata acara", "item"]),
        event_id: String => Ref(crate::domain::client_events::ClientEvent), "rundown.event" .required().aliases(&["event"]),
        /// Its place in the order of the day.
        seq: Option<u32> => Number, "rundown.seq" .listed().aliases(&["no", "urutan", "seq"]),
        /// The day of a several-day event it belongs to; empty: the event's first day.
        day: Option<chrono::NaiveDate> => Date, "rundown.day" .aliases(&["hari", "tanggal", "day"]),
        /// A time of its own; empty: when the item before it ends.
        starts: Option<chrono::NaiveTime> => Time, "rundown.starts" .listed().aliases(&["jam", "waktu", "mulai", "time", "start"]),
        minutes: Option<u32> => Number, "rundown.minutes" .required().listed().aliases(&["durasi", "menit", "duration", "minutes"]),
        place: String => Text, "rundown.place" .aliases(&["tempat", "lokasi", "place"]),
        pic: String => Suggest("people"), "rundown.pic" .listed().aliases(&["pic", "penanggung jawab", "petugas", "person in charge"]),
        equipment: String => Text, "rundown.equipment" .aliases(&["perlengkapan", "alat", "equipment"]),
        notes: String => LongText, "rundown.notes" .aliases(&["catatan", "keterangan", "notes"]),
    }
}

impl RecordRules for RunItem {
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

/// An item placed on the clock.
#[derive(Clone, Debug, PartialEq)]
pub struct RunLine {
    pub item: RunItem,
    pub day: Option<NaiveDate>,
    /// Empty until some item of the day before it has a time.
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// It has a time of its own earlier than the end of the item before it.
    pub overlaps: bool,
    /// It ends after midnight.
    pub past_midnight: bool,
}

/// The event's items day by day in their order, each timed from the one before it.
pub fn run_sheet(items: &[RunItem], event: &ClientEvent) -> Vec<RunLine> {
    let mut mine: Vec<&RunItem> = items.iter().filter(|i| i.meta.deleted_at.is_none() && i.event_id == event.meta.id).collect();
    let day_of = |i: &RunItem| i.day.or(event.date);
    sort_by(&mut mine, |a, b| {
        (day_of(a), a.seq.is_none(), a.seq, a.meta.created_at).cmp(&(day_of(b), b.seq.is_none(), b.seq, b.meta.created_at))
    });
    let mut lines = vec![];
    let (mut clock, mut clock_day, mut wrapped): (Option<NaiveTime>, Option<NaiveDate>, bool) = (None, None, false);
    for (n, item) in mine.into_iter().enumerate() {
        let day = day_of(item);
        if n == 0 || day != clock_day {
            (clock, clock_day, wrapped) = (None, day, false);
        }
        let overlaps = !wrapped && matches!((item.starts, clock), (Some(own), Some(prev_end)) if own < prev_end);
        let start = item.starts.or(clock);
        let (end, past_midnight) = match start {
            Some(s) => {
                let (end, over) = s.overflowing_add_signed(Duration::minutes(i64::from(item.minutes.unwrap_or(0))));
                (Some(end), wrapped || over != 0)
            }
            None => (None, false),
        };
        wrapped = past_midnight;
        clock = end.or(clock);
        lines.push(RunLine { item: item.clone(), day, start, end, overlaps, past_midnight });
    }
    lines
}

/// The number a new item of the event takes: one after the last.
pub fn next_seq(items: &[RunItem], event_id: &str) -> u32 {
    items.iter().filter(|i| i.meta.deleted_at.is_none() && i.event_id == event_id).filter_map(|i| i.seq).max().unwrap_or(0) + 1
}

/// The line running at `now` on `today`: what the phone at the event shows first.
pub fn running_now(lines: &[RunLine], today: NaiveDate, now: NaiveTime) -> Option<usize> {
    lines.iter().position(|l| {
        l.day == Some(today)
            && match (l.start, l.end) {
                (Some(s), Some(e)) if !l.past_midnight => s <= now && now < e,
                // The item that runs over midnight, until midnight; what comes after it is
                // the next day's.
                (Some(s), Some(e)) => e < s && s <= now,
                _ => false,
            }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn event() -> ClientEvent {
        let mut e = ClientEvent::blank("2026-11-01T08:00:00Z".parse().unwrap());
        e.set("name", "Resepsi Budi & Siti");
        e.set("date", "2027-02-14");
        e
    }

    fn item(e: &ClientEvent, seq: &str, starts: &str, minutes: &str, title: &str) -> RunItem {
        let mut i = RunItem::blank("2026-11-01T08:00:00Z".parse().unwrap());
        i.event_id = e.meta.id.clone();
        i.set("seq", seq);
        i.set("starts", starts);
        i.set("minutes", minutes);
        i.set("title", title);
        i
    }

    fn times(lines: &[RunLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| match (l.start, l.end) {
                (Some(s), Some(e)) => format!("{} {}-{}", l.item.title, s.format("%H:%M"), e.format("%H:%M")),
                _ => format!("{} -", l.item.title),
            })
            .collect()
    }

    #[test]
    fn each_item_starts_when_the_one_before_ends_and_a_longer_one_moves_the_rest() {
        let e = event();
        let mut items = vec![
            item(&e, "3", "", "45", "Makan siang"),
            item(&e, "1", "11:00", "30", "Kirab pengantin"),
            item(&e, "2", "", "15", "Sambutan keluarga"),
            item(&e, "4", "13:00", "60", "Hiburan"),
        ];
        let lines = run_sheet(&items, &e);
        assert_eq!(
            times(&lines),
            ["Kirab pengantin 11:00-11:30", "Sambutan keluarga 11:30-11:45", "Makan siang 11:45-12:30", "Hiburan 13:00-14:00"]
        );
        assert_eq!(lines[0].day, e.date);
        // The welcome runs 40 minutes: lunch moves, the fixed 13:00 stays and is now late.
        items[2].set("minutes", "40");
        let lines = run_sheet(&items, &e);
        assert_eq!(times(&lines)[2], "Makan siang 12:10-12:55");
        assert!(!lines[3].overlaps);
        items[2].set("minutes", "50");
        let lines = run_sheet(&items, &e);
        assert_eq!(times(&lines)[2], "Makan siang 12:20-13:05");
        assert!(lines[3].overlaps);
        assert_eq!(next_seq(&items, &e.meta.id), 5);
    }

    #[test]
    fn days_are_timed_apart_and_late_nights_run_past_midnight() {
        let e = event();
        let mut second = item(&e, "1", "", "30", "Sarapan");
        second.set("day", "2027-02-15");
        let items =
            vec![item(&e, "1", "", "30", "Persiapan"), item(&e, "2", "23:30", "60", "Pesta"), second, item(&e, "3", "", "30", "Bubar")];
        let lines = run_sheet(&items, &e);
        // Nothing has a time before the party: the first item waits for one.
        assert_eq!(times(&lines), ["Persiapan -", "Pesta 23:30-00:30", "Bubar 00:30-01:00", "Sarapan -"]);
        assert!(lines[1].past_midnight && lines[2].past_midnight && !lines[3].past_midnight);
        assert!(!lines[2].overlaps);
        let at = |h: u32, m: u32| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let day = e.date.unwrap();
        assert_eq!(running_now(&lines, day, at(23, 45)), Some(1));
        assert_eq!(running_now(&lines, day, at(12, 0)), None);
        assert_eq!(running_now(&lines, day.succ_opt().unwrap(), at(23, 45)), None);
    }
}
