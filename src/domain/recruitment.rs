//! Recruitment: vacancies and the candidates who apply for them, moved through their
//! stages to an employee made from what was typed about them.
use chrono::{DateTime, NaiveDate, Utc};

use super::people::{Employee, EmployeeStatus};
use super::record::{looks_like_email, looks_like_phone, validate_by_schema, Entity, FieldError, RecordRules};

crate::choice! {
    /// Where a vacancy stands.
    pub enum VacancyStatus {
        Open = "open" => "vac.status.open",
        OnHold = "on_hold" => "vac.status.on_hold",
        Filled = "filled" => "vac.status.filled",
        Closed = "closed" => "vac.status.closed",
    }
}

crate::choice! {
    /// A candidate's stage, in the order they go through (or rejected at any point).
    pub enum Stage {
        New = "new" => "cand.stage.new",
        Screening = "screening" => "cand.stage.screening",
        Interview = "interview" => "cand.stage.interview",
        Offer = "offer" => "cand.stage.offer",
        Accepted = "accepted" => "cand.stage.accepted",
        Started = "started" => "cand.stage.started",
        Rejected = "rejected" => "cand.stage.rejected",
    }
}

impl Stage {
    /// The stage after this one on the way to starting work; none after the last, or once
    /// rejected, or from accepted (the employee is made in one step, see [`hire`]).
    pub fn next(self) -> Option<Stage> {
        match self {
            Stage::New => Some(Stage::Screening),
            Stage::Screening => Some(Stage::Interview),
            Stage::Interview => Some(Stage::Offer),
            Stage::Offer => Some(Stage::Accepted),
            Stage::Accepted | Stage::Started | Stage::Rejected => None,
        }
    }
}

crate::record! {
    /// A position the office is hiring for.
    pub struct Vacancy in "vacancies" {
        position: String => Text, "vac.position" .required().listed().aliases(&["posisi", "jabatan", "lowongan"]),
        department: String => Suggest("departments"), "vac.department" .listed().aliases(&["departemen", "bagian", "divisi"]),
        /// How many people the office wants for it.
        openings: Option<u32> => Number, "vac.openings" .listed().aliases(&["jumlah", "kebutuhan"]),
        needed_by: Option<chrono::NaiveDate> => Date, "vac.needed_by" .listed().aliases(&["dibutuhkan", "batas waktu"]),
        status: VacancyStatus = VacancyStatus::Open => Select(VacancyStatus::OPTIONS), "vac.status" .required().listed(),
        description: String => LongText, "vac.description" .aliases(&["uraian", "kualifikasi"]),
    }
}

impl RecordRules for Vacancy {
    fn title(&self) -> String {
        if self.department.is_empty() {
            self.position.clone()
        } else {
            format!("{} — {}", self.position, self.department)
        }
    }
}

crate::record! {
    /// Someone who applied for a vacancy, with where they stand and their interview.
    pub struct Candidate in "candidates" {
        name: String => Text, "cand.name" .required().listed().aliases(&["nama", "nama kandidat", "pelamar"]),
        vacancy_id: String => Ref(crate::domain::recruitment::Vacancy), "cand.vacancy" .required().listed().aliases(&["lowongan", "posisi"]),
        stage: Stage = Stage::New => Select(Stage::OPTIONS), "cand.stage" .required().listed().aliases(&["tahap", "status"]),
        phone: String => Text, "cand.phone" .aliases(&["telepon", "hp", "phone"]),
        email: String => Text, "cand.email" .aliases(&["email", "e-mail", "surel"]),
        applied_on: Option<chrono::NaiveDate> => Date, "cand.applied_on" .listed().aliases(&["tanggal melamar", "melamar"]),
        source: String => Text, "cand.source" .aliases(&["sumber", "dari"]),
        interview_at: Option<chrono::NaiveDateTime> => DateTime, "cand.interview_at" .aliases(&["wawancara", "jadwal wawancara"]),
        /// Who interviews, one per line (the calendar item's attendees).
        interviewers: String => Lines, "cand.interviewers" .aliases(&["pewawancara"]),
        /// The interview's score, 1 to 5.
        score: Option<u32> => Number, "cand.score" .listed().aliases(&["nilai", "skor"]),
        notes: String => LongText, "cand.notes" .aliases(&["catatan"]),
        reject_reason: String => Text, "cand.reject_reason" .aliases(&["alasan ditolak"]),
        /// The day they start, once accepted (their first day as an employee).
        starts_on: Option<chrono::NaiveDate> => Date, "cand.starts_on" .aliases(&["mulai bekerja"]),
        /// The offered monthly wage, for the offer letter.
        offer_wage: Option<i64> => Money, "cand.offer_wage" .aliases(&["gaji ditawarkan"]),
    }
    stored {
        /// The employee made from them.
        employee_id: String,
        /// Their interview's calendar item, moved rather than made again.
        event_id: String,
    }
}

impl RecordRules for Candidate {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.stage == Stage::Rejected && self.reject_reason.trim().is_empty() {
            errs.push(("reject_reason", "err.reject_reason"));
        }
        if self.score.is_some_and(|s| !(1..=5).contains(&s)) {
            errs.push(("score", "err.score"));
        }
        // Checked here as the employee's form would: an employee is made from them as typed.
        if !self.email.trim().is_empty() && !looks_like_email(self.email.trim()) {
            errs.push(("email", "err.email"));
        }
        if !self.phone.trim().is_empty() && !looks_like_phone(self.phone.trim()) {
            errs.push(("phone", "err.phone"));
        }
        errs
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn internal() -> &'static [&'static str] {
        &["employee_id", "event_id"]
    }
}

crate::record! {
    /// A further interview of a candidate (the first is kept on the candidate): its round,
    /// time, interviewers, score and notes.
    pub struct Interview in "interviews" {
        candidate_id: String => Ref(crate::domain::recruitment::Candidate), "intv.candidate" .required().listed().aliases(&["kandidat", "pelamar", "candidate"]),
        /// Which round: "user", "technical test", "director".
        round: String => Text, "intv.round" .listed().aliases(&["tahap", "babak", "round"]),
        at: Option<chrono::NaiveDateTime> => DateTime, "intv.at" .required().listed().aliases(&["jadwal", "waktu", "wawancara"]),
        /// Who interviews, one per line (the calendar item's attendees).
        interviewers: String => Lines, "intv.interviewers" .aliases(&["pewawancara"]),
        /// The interview's score, 1 to 5.
        score: Option<u32> => Number, "intv.score" .listed().aliases(&["nilai", "skor"]),
        notes: String => LongText, "intv.notes" .aliases(&["catatan"]),
    }
    stored {
        /// Its calendar item, moved rather than made again.
        event_id: String,
    }
}

impl RecordRules for Interview {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.score.is_some_and(|s| !(1..=5).contains(&s)) {
            errs.push(("score", "err.score"));
        }
        errs
    }
    fn title(&self) -> String {
        let when = self.at.map(|t| super::dates::datetime_text(t).replacen('T', " ", 1)).unwrap_or_default();
        if self.round.trim().is_empty() {
            when
        } else {
            format!("{when} · {}", self.round.trim())
        }
    }
    fn internal() -> &'static [&'static str] {
        &["event_id"]
    }
}

/// A candidate's live further interviews, earliest first (those without a time last).
pub fn interviews_of(all: &[Interview], candidate_id: &str) -> Vec<Interview> {
    let mut mine: Vec<Interview> = all.iter().filter(|i| i.meta.deleted_at.is_none() && i.candidate_id == candidate_id).cloned().collect();
    crate::sort::sort_by(&mut mine, |a, b| (a.at.is_none(), a.at, a.meta.created_at).cmp(&(b.at.is_none(), b.at, b.meta.created_at)));
    mine
}

/// Candidates of a vacancy by stage, in stage order; live ones only, each stage by name.
pub fn board<'a>(all: &'a [Candidate], vacancy_id: &str) -> Vec<(Stage, Vec<&'a Candidate>)> {
    Stage::ALL
        .iter()
        .map(|&stage| {
            let mut v: Vec<&Candidate> =
                all.iter().filter(|c| c.meta.deleted_at.is_none() && c.vacancy_id == vacancy_id && c.stage == stage).collect();
            crate::sort::sort_by(&mut v, |a, b| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)));
            (stage, v)
        })
        .collect()
}

/// Why a candidate cannot be made an employee yet (an i18n key), if so.
pub fn cannot_hire(c: &Candidate) -> Option<&'static str> {
    if !c.employee_id.is_empty() || c.stage == Stage::Started {
        Some("cand.already_hired")
    } else if c.stage != Stage::Accepted {
        Some("cand.hire_after_accept")
    } else {
        None
    }
}

/// The employee an accepted candidate becomes: what was typed about them and the vacancy
/// (name, phone, e-mail, position, department), active from their first day (`today` when
/// none was agreed). The rest (NIK, PTKP, bank) is for HR to add on the employee's page.
pub fn hire(c: &Candidate, vacancy: Option<&Vacancy>, today: NaiveDate, now: DateTime<Utc>) -> Employee {
    let mut e = Employee::blank(now);
    e.name = c.name.trim().to_string();
    e.phone = c.phone.clone();
    e.email = c.email.clone();
    if let Some(v) = vacancy {
        e.position = v.position.clone();
        e.department = v.department.clone();
    }
    e.status = EmployeeStatus::Active;
    e.joined = Some(c.starts_on.unwrap_or(today));
    e
}

#[cfg(test)]
#[path = "recruitment_tests.rs"]
mod tests;
