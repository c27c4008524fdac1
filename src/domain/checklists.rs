//! Joining and leaving: the office's checklist steps (for everyone or one department) and
//! the checklist they make for one person when they join or leave, each item with its owner
//! and due day. A leaving checklist also asks back every company asset the person holds.
use chrono::{Days, NaiveDate};

use super::assets::{holder, Asset, AssetLog, AssetStatus};
use super::format::Lang;
use super::people::Employee;
use super::record::{validate_by_schema, Entity, FieldError, RecordRules};
use crate::sort::sort_by;
use crate::text::lower;

crate::choice! {
    /// When a checklist is worked through.
    pub enum Moment {
        Joining = "joining" => "hrc.moment.joining",
        Leaving = "leaving" => "hrc.moment.leaving",
    }
}

crate::record! {
    /// One step of the office's joining or leaving checklist.
    pub struct ChecklistStep in "checklist_steps" {
        moment: Moment = Moment::Joining => Select(Moment::OPTIONS), "hrc.moment" .required().listed().aliases(&["saat", "when"]),
        title: String => Text, "hrc.title" .required().listed().aliases(&["langkah", "step", "tugas"]),
        /// Only for people of this department; empty: for everyone.
        department: String => Suggest("departments"), "hrc.department" .listed().aliases(&["departemen", "bagian", "department"]),
        owner: String => Suggest("people"), "hrc.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        /// Days after the first day (negative: before it), or after the last day.
        days: Option<i64> => Integer, "hrc.days" .listed().aliases(&["hari", "days"]),
    }
}

impl RecordRules for ChecklistStep {
    fn title(&self) -> String {
        self.title.clone()
    }
}

crate::record! {
    /// An item of one person's joining or leaving checklist.
    pub struct ChecklistItem in "checklist_items" {
        employee_id: String => Ref(crate::domain::people::Employee), "hri.employee" .required().listed().aliases(&["karyawan", "employee", "nama"]),
        moment: Moment = Moment::Joining => Select(Moment::OPTIONS), "hrc.moment" .required().listed().aliases(&["saat", "when"]),
        title: String => Text, "hrc.title" .required().listed().aliases(&["langkah", "step", "tugas"]),
        owner: String => Suggest("people"), "hrc.owner" .listed().aliases(&["penanggung jawab", "pic", "owner"]),
        due: Option<chrono::NaiveDate> => Date, "hri.due" .listed().aliases(&["tenggat", "due"]),
        done: bool => Check, "hri.done" .listed().aliases(&["selesai", "done"]),
        /// A company asset handed over on joining, or to be given back on leaving.
        asset_id: String => Ref(crate::domain::assets::Asset), "hri.asset" .aliases(&["aset", "asset"]),
        note: String => LongText, "hri.note" .aliases(&["catatan", "note"]),
    }
}

impl RecordRules for ChecklistItem {
    fn validate(&self) -> Vec<FieldError> {
        validate_by_schema(self)
    }
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl ChecklistItem {
    pub fn is_open(&self) -> bool {
        self.meta.deleted_at.is_none() && !self.done
    }
}

/// The day a person's checklist counts from: their first day, or their last.
pub fn anchor(e: &Employee, moment: Moment, today: NaiveDate) -> NaiveDate {
    let day = match moment {
        Moment::Joining => e.joined,
        Moment::Leaving => e.left_on,
    };
    day.unwrap_or(today)
}

/// Assets in `e`'s hands: assigned to them for good, or checked out to them and not back.
pub fn held_by<'a>(e: &Employee, assets: &'a [Asset], log: &[AssetLog]) -> Vec<&'a Asset> {
    let name = lower(e.name.trim());
    let theirs = |who: &str| !name.is_empty() && lower(who.trim()) == name;
    assets
        .iter()
        .filter(|a| a.meta.deleted_at.is_none() && !matches!(a.status, AssetStatus::Retired | AssetStatus::Disposed))
        .filter(|a| theirs(&a.assigned_to) || holder(log, &a.meta.id).is_some_and(|l| theirs(&l.who)))
        .collect()
}

/// The checklist `steps` make for `e` at `moment`, counted from `day`: the steps for
/// everyone and for their department, soonest first; leaving adds one item per asset they
/// hold (`held`), due on the last day.
pub fn make(
    steps: &[ChecklistStep],
    e: &Employee,
    moment: Moment,
    day: NaiveDate,
    held: &[&Asset],
    lang: Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<ChecklistItem> {
    let dept = lower(e.department.trim());
    let item = |title: String, owner: &str, due: NaiveDate, asset_id: &str| {
        let mut i = ChecklistItem::blank(now);
        i.employee_id = e.meta.id.clone();
        i.moment = moment;
        i.title = title;
        i.owner = owner.to_string();
        i.due = Some(due);
        i.asset_id = asset_id.to_string();
        i
    };
    let mut out: Vec<ChecklistItem> = steps
        .iter()
        .filter(|s| s.meta.deleted_at.is_none() && s.moment == moment)
        .filter(|s| s.department.trim().is_empty() || lower(s.department.trim()) == dept)
        .map(|s| item(s.title.clone(), &s.owner, shift(day, s.days.unwrap_or(0)), ""))
        .collect();
    if moment == Moment::Leaving {
        for a in held {
            let title = crate::i18n::tf(lang, "hri.give_back", &[("asset", super::record::Referable::ref_label(*a))]);
            out.push(item(title, "", day, &a.meta.id));
        }
    }
    sort_by(&mut out, |a, b| a.due.cmp(&b.due));
    out
}

fn shift(day: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    if days < 0 { day.checked_sub_days(n) } else { day.checked_add_days(n) }.unwrap_or(day)
}

/// Open items due by `until` (late ones included), soonest first, for the Today view.
pub fn due_by(items: &[ChecklistItem], until: NaiveDate) -> Vec<&ChecklistItem> {
    let mut v: Vec<&ChecklistItem> = items.iter().filter(|i| i.is_open() && i.due.is_some_and(|d| d <= until)).collect();
    sort_by(&mut v, |a, b| a.due.cmp(&b.due));
    v
}

/// The steps an office starts from, in the language of the person who sets them up:
/// what Indonesian offices commonly do when someone joins or leaves.
pub fn standard_steps(lang: Lang, now: chrono::DateTime<chrono::Utc>) -> Vec<ChecklistStep> {
    const STEPS: &[(Moment, &str, &str, &str, i64)] = &[
        (Moment::Joining, "Kontrak kerja ditandatangani", "Employment contract signed", "HR", -3),
        (Moment::Joining, "Akun e-mail dan sistem dibuat", "E-mail and system accounts made", "IT", -1),
        (Moment::Joining, "Laptop dan perlengkapan diserahkan", "Laptop and equipment handed over", "IT", 0),
        (Moment::Joining, "Perkenalan tim dan tata tertib kantor", "Team introduction and office rules", "HR", 0),
        (Moment::Joining, "Data NPWP, KTP dan rekening bank dikumpulkan", "Tax ID, ID card and bank account collected", "HR", 3),
        (Moment::Joining, "Didaftarkan BPJS Kesehatan dan Ketenagakerjaan", "Registered with BPJS Kesehatan and Ketenagakerjaan", "HR", 14),
        (Moment::Leaving, "Serah terima pekerjaan", "Work handed over", "", -7),
        (Moment::Leaving, "Wawancara keluar", "Exit interview", "HR", -2),
        (Moment::Leaving, "Akun e-mail dan sistem dinonaktifkan", "E-mail and system accounts closed", "IT", 0),
        (Moment::Leaving, "Gaji terakhir, THR dan kompensasi dihitung", "Final pay, THR and compensation worked out", "Finance", 0),
        (Moment::Leaving, "Surat keterangan kerja (paklaring) diberikan", "Certificate of employment (paklaring) given", "HR", 7),
        (Moment::Leaving, "BPJS Ketenagakerjaan dilaporkan nonaktif", "BPJS Ketenagakerjaan reported as ended", "HR", 7),
    ];
    STEPS
        .iter()
        .map(|&(moment, id, en, owner, days)| {
            let mut s = ChecklistStep::blank(now);
            s.moment = moment;
            s.title = (if lang == Lang::Id { id } else { en }).into();
            s.owner = owner.into();
            s.days = Some(days);
            s
        })
        .collect()
}

#[cfg(test)]
#[path = "checklists_tests.rs"]
mod tests;
