use super::*;
use crate::domain::dates::parse_date;
use crate::domain::record::{fill, Entity};

fn vacancy() -> Vacancy {
    let mut v = Vacancy::blank(Utc::now());
    (v.position, v.department) = ("Staf Keuangan".into(), "Keuangan".into());
    v
}

fn candidate(name: &str, vacancy_id: &str, stage: Stage) -> Candidate {
    let mut c = Candidate::blank(Utc::now());
    (c.name, c.vacancy_id, c.stage) = (name.into(), vacancy_id.into(), stage);
    c
}

#[test]
fn stages_lead_to_an_offer_accepted_and_stop_there() {
    let mut s = Stage::New;
    let mut path = vec![s];
    while let Some(n) = s.next() {
        s = n;
        path.push(s);
    }
    assert_eq!(path, [Stage::New, Stage::Screening, Stage::Interview, Stage::Offer, Stage::Accepted]);
    assert_eq!(Stage::Rejected.next(), None);
}

#[test]
fn a_rejection_needs_its_reason_and_a_score_is_one_to_five() {
    let v = vacancy();
    let mut c = candidate("Dewi Lestari", &v.meta.id, Stage::Rejected);
    assert_eq!(c.validate(), vec![("reject_reason", "err.reject_reason")]);
    c.reject_reason = "Gaji yang diminta di atas anggaran".into();
    c.score = Some(6);
    assert_eq!(c.validate(), vec![("score", "err.score")]);
    c.score = Some(4);
    assert!(c.validate().is_empty());
    c.email = "dewi at contoh".into();
    assert_eq!(c.validate(), vec![("email", "err.email")], "an employee is made from what is typed here");
    assert_eq!(fill(&mut c, "interview_at", "besok pagi"), Some(("interview_at", "err.datetime")));
}

#[test]
fn the_board_groups_a_vacancys_live_candidates_by_stage() {
    let v = vacancy();
    let mut gone = candidate("Zaki", &v.meta.id, Stage::New);
    gone.meta.deleted_at = Some(Utc::now());
    let all = vec![
        candidate("budi", &v.meta.id, Stage::New),
        candidate("Ani", &v.meta.id, Stage::New),
        candidate("Citra", &v.meta.id, Stage::Offer),
        candidate("Lain", "another", Stage::New),
        gone,
    ];
    let b = board(&all, &v.meta.id);
    assert_eq!(b.len(), Stage::ALL.len());
    let names = |stage: Stage| b.iter().find(|(s, _)| *s == stage).unwrap().1.iter().map(|c| c.name.as_str()).collect::<Vec<_>>();
    assert_eq!(names(Stage::New), ["Ani", "budi"]);
    assert_eq!(names(Stage::Offer), ["Citra"]);
    assert!(names(Stage::Screening).is_empty());
}

#[test]
fn an_accepted_candidate_becomes_an_employee_with_what_was_typed() {
    let v = vacancy();
    let mut c = candidate(" Citra Ayu ", &v.meta.id, Stage::Offer);
    (c.phone, c.email) = ("0812 3456 7890".into(), "citra@contoh.id".into());
    assert_eq!(cannot_hire(&c), Some("cand.hire_after_accept"));
    c.stage = Stage::Accepted;
    assert_eq!(cannot_hire(&c), None);
    let today = parse_date("2026-12-02").unwrap();
    let e = hire(&c, Some(&v), today, Utc::now());
    assert_eq!((e.name.as_str(), e.position.as_str(), e.department.as_str()), ("Citra Ayu", "Staf Keuangan", "Keuangan"));
    assert_eq!((e.phone.as_str(), e.email.as_str(), e.joined), ("0812 3456 7890", "citra@contoh.id", Some(today)));
    c.starts_on = parse_date("2027-01-04");
    assert_eq!(hire(&c, Some(&v), today, Utc::now()).joined, c.starts_on, "their agreed first day");
    c.employee_id = e.meta.id.clone();
    assert_eq!(cannot_hire(&c), Some("cand.already_hired"), "made once");
}

fn interview(candidate_id: &str, at: &str, round: &str) -> Interview {
    let mut i = Interview::blank(Utc::now());
    i.candidate_id = candidate_id.into();
    i.set("at", at);
    i.round = round.into();
    i
}

#[test]
fn a_candidates_further_interviews_earliest_first_each_with_its_score() {
    let mut gone = interview("sari", "2026-07-01T09:00", "Dihapus");
    gone.meta.deleted_at = Some(Utc::now());
    let all = vec![
        interview("sari", "2026-07-20T13:00", "Direktur"),
        interview("budi", "2026-07-05T10:00", "Bukan Sari"),
        interview("sari", "2026-07-08T09:30", "User"),
        gone,
    ];
    let rounds: Vec<String> = interviews_of(&all, "sari").iter().map(|i| i.round.clone()).collect();
    assert_eq!(rounds, ["User", "Direktur"]);
    assert_eq!(all[2].title(), "2026-07-08 09:30 · User");
    // The time is required, a score is one to five.
    let mut i = Interview::blank(Utc::now());
    i.candidate_id = "sari".into();
    assert_eq!(i.validate(), vec![("at", "err.required")]);
    i.set("at", "2026-07-08T09:30");
    i.score = Some(6);
    assert_eq!(i.validate(), vec![("score", "err.score")]);
    i.score = Some(4);
    assert!(i.validate().is_empty());
}
