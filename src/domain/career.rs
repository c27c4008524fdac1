//! Career notes: what an employee aims for, has achieved, was told and will learn next,
//! dated and kept on their page, newest first.
use super::dates::day_text;
use super::record::RecordRules;
use crate::sort::sort_by;

crate::choice! {
    /// What a career note is about.
    pub enum NoteKind {
        Goal = "goal" => "career.kind.goal",
        Achievement = "achievement" => "career.kind.achievement",
        Feedback = "feedback" => "career.kind.feedback",
        Development = "development" => "career.kind.development",
        Other = "other" => "career.kind.other",
    }
}

crate::record! {
    /// A dated note on an employee's career: a goal agreed, an achievement, feedback given,
    /// a course or step planned.
    pub struct CareerNote in "career_notes" {
        employee_id: String => Ref(crate::domain::people::Employee), "career.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        date: Option<chrono::NaiveDate> => Date, "career.date" .required().listed().aliases(&["tanggal"]),
        kind: NoteKind = NoteKind::Goal => Select(NoteKind::OPTIONS), "career.kind" .required().listed().aliases(&["jenis"]),
        note: String => LongText, "career.note" .required().aliases(&["catatan"]),
        /// Who wrote it: the manager or HR.
        by: String => Text, "career.by" .listed().aliases(&["oleh", "penulis"]),
    }
}

impl RecordRules for CareerNote {
    fn title(&self) -> String {
        let first = self.note.lines().next().unwrap_or_default().trim();
        if first.chars().count() <= 48 {
            return format!("{} · {first}", day_text(self.date));
        }
        // Cut at the last whole word that fits.
        let head: String = first.chars().take(48).collect();
        let short = head.rsplit_once(' ').map_or(head.as_str(), |(a, _)| a).trim_end();
        format!("{} · {short}…", day_text(self.date))
    }
}

/// An employee's live notes, newest first (the later-written first on one day).
pub fn notes_of(all: &[CareerNote], employee_id: &str) -> Vec<CareerNote> {
    let mut mine: Vec<CareerNote> = all.iter().filter(|n| n.meta.deleted_at.is_none() && n.employee_id == employee_id).cloned().collect();
    sort_by(&mut mine, |a, b| (b.date, b.meta.created_at).cmp(&(a.date, a.meta.created_at)));
    mine
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;
    use chrono::{DateTime, Duration, Utc};

    fn note(who: &str, date: &str, text: &str, at: DateTime<Utc>) -> CareerNote {
        let mut n = CareerNote::blank(at);
        n.employee_id = who.into();
        n.set("date", date);
        n.set("note", text);
        n
    }

    #[test]
    fn an_employees_notes_newest_first_without_deleted_or_others() {
        let t = Utc::now();
        let mut gone = note("sari", "2026-05-01", "Dihapus", t);
        gone.meta.deleted_at = Some(t);
        let all = vec![
            note("sari", "2026-01-10", "Target: sertifikasi brevet A", t),
            note("budi", "2026-03-01", "Bukan Sari", t),
            note("sari", "2026-03-01", "Lulus brevet A", t),
            note("sari", "2026-03-01", "Ditulis kemudian", t + Duration::minutes(5)),
            gone,
        ];
        let got: Vec<String> = notes_of(&all, "sari").iter().map(|n| n.note.clone()).collect();
        assert_eq!(got, vec!["Ditulis kemudian", "Lulus brevet A", "Target: sertifikasi brevet A"]);
    }

    #[test]
    fn a_note_needs_its_person_day_and_words_and_is_titled_by_its_first_line() {
        let mut n = CareerNote::blank(Utc::now());
        let fields: Vec<&str> = n.validate().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, vec!["employee_id", "date", "note"]);
        n = note("sari", "2026-03-01", "Memimpin tim penutupan buku akhir tahun dengan sangat baik\nDetail berikutnya", Utc::now());
        assert_eq!(n.title(), "2026-03-01 · Memimpin tim penutupan buku akhir tahun dengan…");
        assert!(n.validate().is_empty());
    }
}
