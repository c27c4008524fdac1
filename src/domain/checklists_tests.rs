use super::*;
use crate::domain::record::Entity;
use chrono::DateTime;

fn d(s: &str) -> NaiveDate {
    crate::domain::dates::parse_date(s).unwrap()
}

fn person(name: &str, dept: &str) -> Employee {
    let mut e = Employee::blank(DateTime::UNIX_EPOCH);
    e.meta.id = format!("id-{name}");
    e.name = name.into();
    e.department = dept.into();
    e.joined = crate::domain::dates::parse_date("2026-12-07");
    e.left_on = crate::domain::dates::parse_date("2027-03-31");
    e
}

fn step(moment: Moment, title: &str, dept: &str, days: i64) -> ChecklistStep {
    let mut s = ChecklistStep::blank(DateTime::UNIX_EPOCH);
    s.moment = moment;
    s.title = title.into();
    s.department = dept.into();
    s.days = Some(days);
    s
}

#[test]
fn a_joining_checklist_takes_the_steps_for_everyone_and_for_their_department_dated_from_day_one() {
    let steps = [
        step(Moment::Joining, "Account", "", -1),
        step(Moment::Joining, "Driving licence checked", "Logistik", 2),
        step(Moment::Joining, "Laptop", "", 0),
        step(Moment::Leaving, "Handover", "", -7),
        step(Moment::Joining, "Sales targets", "Penjualan", 5),
    ];
    let e = person("Budi", "logistik ");
    let items = make(&steps, &e, Moment::Joining, anchor(&e, Moment::Joining, d("2026-12-01")), &[], Lang::En, DateTime::UNIX_EPOCH);
    let got: Vec<(&str, &str)> = items.iter().map(|i| (i.title.as_str(), crate::domain::dates::text_of(i.due))).collect();
    assert_eq!(got, [("Account", "2026-12-06"), ("Laptop", "2026-12-07"), ("Driving licence checked", "2026-12-09")]);
    assert!(items.iter().all(|i| i.employee_id == e.meta.id && i.moment == Moment::Joining && i.is_open()));
}

#[test]
fn leaving_asks_back_every_asset_they_still_hold() {
    let e = person("Sari Dewi", "Keuangan");
    let mut laptop = Asset::blank(DateTime::UNIX_EPOCH);
    laptop.meta.id = "laptop".into();
    (laptop.tag, laptop.name, laptop.assigned_to) = ("IT-007".into(), "ThinkPad".into(), "sari dewi".into());
    let mut phone = Asset::blank(DateTime::UNIX_EPOCH);
    phone.meta.id = "phone".into();
    (phone.tag, phone.name) = ("HP-02".into(), "Ponsel kantor".into());
    let mut projector = Asset::blank(DateTime::UNIX_EPOCH);
    projector.meta.id = "proj".into();
    (projector.tag, projector.name) = ("AV-01".into(), "Proyektor".into());
    let mut retired = laptop.clone();
    retired.meta.id = "old".into();
    retired.status = AssetStatus::Disposed;
    let out = |asset: &str, date: &str| {
        let mut l = AssetLog::blank(DateTime::UNIX_EPOCH);
        (l.asset_id, l.who, l.date) = (asset.into(), "Sari Dewi".into(), crate::domain::dates::parse_date(date));
        l
    };
    let mut back = out("proj", "2026-12-02");
    back.kind = crate::domain::assets::LogKind::Checkin;
    let log = [out("phone", "2026-11-01"), out("proj", "2026-12-01"), back];
    let assets = [laptop, phone, projector, retired];
    let held = held_by(&e, &assets, &log);
    assert_eq!(held.iter().map(|a| a.meta.id.as_str()).collect::<Vec<_>>(), ["laptop", "phone"]);
    let steps = [step(Moment::Leaving, "Handover", "", -7)];
    let items = make(&steps, &e, Moment::Leaving, anchor(&e, Moment::Leaving, d("2026-12-01")), &held, Lang::Id, DateTime::UNIX_EPOCH);
    let got: Vec<(&str, &str, &str)> =
        items.iter().map(|i| (i.title.as_str(), crate::domain::dates::text_of(i.due), i.asset_id.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Handover", "2027-03-24", ""),
            ("Kembalikan IT-007 — ThinkPad", "2027-03-31", "laptop"),
            ("Kembalikan HP-02 — Ponsel kantor", "2027-03-31", "phone")
        ]
    );
}

#[test]
fn today_lists_open_items_due_by_the_day_late_ones_first() {
    let e = person("Budi", "");
    let steps = [step(Moment::Joining, "A", "", -1), step(Moment::Joining, "B", "", 0), step(Moment::Joining, "C", "", 10)];
    let mut items = make(&steps, &e, Moment::Joining, d("2026-12-07"), &[], Lang::En, DateTime::UNIX_EPOCH);
    items[1].done = true;
    let due: Vec<&str> = due_by(&items, d("2026-12-08")).iter().map(|i| i.title.as_str()).collect();
    assert_eq!(due, ["A"]);
}

#[test]
fn the_standard_steps_are_in_the_language_asked_and_valid() {
    for lang in [Lang::Id, Lang::En] {
        let steps = standard_steps(lang, DateTime::UNIX_EPOCH);
        assert!(steps.iter().any(|s| s.moment == Moment::Joining) && steps.iter().any(|s| s.moment == Moment::Leaving));
        assert!(steps.iter().all(|s| s.validate().is_empty()));
    }
    assert_eq!(standard_steps(Lang::En, DateTime::UNIX_EPOCH)[0].title, "Employment contract signed");
}
