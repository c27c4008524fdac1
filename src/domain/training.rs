//! Training: courses and sessions (date, trainer, cost), who attended, and certificates
//! with the day they expire, reminded before they do.
use chrono::NaiveDate;

use super::record::{split_list, validate_by_schema, FieldError, RecordRules};
use crate::sort::sort_by;

crate::record! {
    /// One session of a course, with the people who attended it.
    pub struct Training in "trainings" {
        title: String => Text, "trn.title" .required().listed().aliases(&["pelatihan", "judul", "course", "kursus"]),
        date: Option<chrono::NaiveDate> => Date, "trn.date" .required().listed().aliases(&["tanggal", "date"]),
        trainer: String => Text, "trn.trainer" .listed().aliases(&["pelatih", "trainer", "penyelenggara"]),
        /// One person per line: employees by name.
        attendees: String => People, "trn.attendees" .aliases(&["peserta", "attendees"]),
        /// Minor units of the office currency.
        cost: Option<i64> => Money, "trn.cost" .listed().aliases(&["biaya", "cost"]),
        /// The day the certificate it gives expires, if it gives one.
        certificate_until: Option<chrono::NaiveDate> => Date, "trn.certificate_until" .listed().aliases(&["sertifikat berlaku sampai", "masa berlaku"]),
        notes: String => LongText, "trn.notes" .aliases(&["catatan"]),
    }
}

impl RecordRules for Training {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let (Some(d), Some(u)) = (self.date, self.certificate_until) {
            if u < d {
                errs.push(("certificate_until", "err.before_training"));
            }
        }
        if self.cost.is_some_and(|c| c < 0) {
            errs.push(("cost", "err.not_negative"));
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} · {}", self.title, super::dates::day_text(self.date))
    }
}

impl Training {
    pub fn people(&self) -> Vec<String> {
        split_list(&self.attendees, &['\n'])
    }

    /// Whether `name` attended (letter case aside).
    pub fn attended_by(&self, name: &str) -> bool {
        let n = crate::text::lower(name.trim());
        !n.is_empty() && self.people().iter().any(|p| crate::text::lower(p) == n)
    }
}

/// Certificates expiring from `today` to `days` days later (or expired up to `days` days
/// ago, still to renew), soonest first: (training, expiry day).
pub fn certificates_expiring(all: &[Training], today: NaiveDate, days: u64) -> Vec<(Training, NaiveDate)> {
    let (from, to) = (today - chrono::Days::new(days), today + chrono::Days::new(days));
    let mut v: Vec<(Training, NaiveDate)> = all
        .iter()
        .filter(|t| t.meta.deleted_at.is_none())
        .filter_map(|t| Some((t.clone(), t.certificate_until?)))
        .filter(|(_, u)| *u >= from && *u <= to)
        .collect();
    sort_by(&mut v, |a, b| a.1.cmp(&b.1));
    v
}

/// An employee's trainings, newest first.
pub fn attended(all: &[Training], name: &str) -> Vec<Training> {
    let mut v: Vec<Training> = all.iter().filter(|t| t.meta.deleted_at.is_none() && t.attended_by(name)).cloned().collect();
    sort_by(&mut v, |a, b| b.date.cmp(&a.date));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::Entity;

    fn training(title: &str, date: &str, until: &str, people: &str) -> Training {
        let mut t = Training::blank(chrono::Utc::now());
        t.set("title", title);
        t.set("date", date);
        t.set("certificate_until", until);
        t.set("attendees", people);
        t
    }

    #[test]
    fn certificates_about_to_expire_soonest_first() {
        let d = |s: &str| crate::domain::dates::parse_date(s).unwrap();
        let all = vec![
            training("K3", "2024-12-10", "2026-12-10", "Sari"),
            training("P3K", "2023-11-20", "2026-11-20", "Budi"),
            training("Excel", "2026-01-01", "", "Sari"),
            training("Forklift", "2022-01-01", "2027-06-01", "Budi"),
            training("Lama", "2020-01-01", "2026-10-01", "Ani"),
        ];
        let names: Vec<String> = certificates_expiring(&all, d("2026-12-01"), 30).into_iter().map(|(t, _)| t.title).collect();
        assert_eq!(names, vec!["P3K", "K3"], "expired 11 days ago and due in 9 days; not next year, not long gone");
    }

    #[test]
    fn who_attended_by_name_and_checks() {
        let t = training("K3", "2026-11-02", "2026-11-01", "Sari Wulandari\n  budi santoso ");
        assert!(t.attended_by("Budi Santoso") && t.attended_by("sari wulandari") && !t.attended_by("Ani") && !t.attended_by(" "));
        assert_eq!(t.validate(), vec![("certificate_until", "err.before_training")]);
        assert_eq!(attended(std::slice::from_ref(&t), "Budi Santoso").len(), 1);
    }
}
