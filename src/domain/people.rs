//! People: the employee register and the history of each employee's position, department,
//! grade, contract and status, kept change by change and never overwritten.
use chrono::{Datelike, NaiveDate};

use super::record::{looks_like_email, looks_like_phone, validate_by_schema, FieldError, FormRules, RecordRules};
use crate::sort::sort_by;

crate::choice! {
    /// Whether someone still works here.
    pub enum EmployeeStatus {
        Active = "active" => "emp.status.active",
        OnLeave = "on_leave" => "emp.status.on_leave",
        Left = "left" => "emp.status.left",
    }
}
crate::choice! {
    /// PKWT: a fixed-term contract with an end date; PKWTT: permanent.
    pub enum Contract {
        Pkwtt = "pkwtt" => "emp.contract.pkwtt",
        Pkwt = "pkwt" => "emp.contract.pkwt",
    }
}
crate::choice! {
    /// Tax status for PPh 21: single (TK) or married (K), with 0–3 dependants.
    pub enum Ptkp {
        TK0 = "TK/0" => "emp.ptkp.tk0",
        TK1 = "TK/1" => "emp.ptkp.tk1",
        TK2 = "TK/2" => "emp.ptkp.tk2",
        TK3 = "TK/3" => "emp.ptkp.tk3",
        K0 = "K/0" => "emp.ptkp.k0",
        K1 = "K/1" => "emp.ptkp.k1",
        K2 = "K/2" => "emp.ptkp.k2",
        K3 = "K/3" => "emp.ptkp.k3",
    }
}

crate::record! {
    /// Someone who works for the office: what HR and payroll keep about them.
    pub struct Employee in "employees" {
        name: String => Text, "emp.name" .required().listed().aliases(&["nama", "nama karyawan", "employee", "nama lengkap"]),
        /// The office's own number for the employee (also what attendance machines print).
        number: String => Text, "emp.number" .listed().aliases(&["no karyawan", "nomor karyawan", "nip", "employee id", "id karyawan"]),
        position: String => Text, "emp.position" .listed().aliases(&["jabatan", "posisi", "job title"]),
        department: String => Suggest("departments"), "emp.department" .listed().aliases(&["departemen", "bagian", "divisi"]),
        /// Who they report to: another employee's id.
        manager_id: String => Ref(crate::domain::people::Employee), "emp.manager" .listed().aliases(&["atasan", "manager", "atasan langsung"]),
        grade: String => Text, "emp.grade" .aliases(&["golongan", "grade"]),
        location: String => Suggest("locations"), "emp.location" .aliases(&["lokasi kerja", "penempatan"]),
        status: EmployeeStatus = EmployeeStatus::Active => Select(EmployeeStatus::OPTIONS), "emp.status" .required().listed(),
        joined: Option<chrono::NaiveDate> => Date, "emp.joined" .required().listed().aliases(&["tanggal masuk", "join date", "mulai bekerja"]),
        contract: Contract = Contract::Pkwtt => Select(Contract::OPTIONS), "emp.contract" .required().aliases(&["jenis kontrak", "status kerja"]),
        contract_start: Option<chrono::NaiveDate> => Date, "emp.contract_start" .aliases(&["awal kontrak", "mulai kontrak"]),
        contract_end: Option<chrono::NaiveDate> => Date, "emp.contract_end" .aliases(&["akhir kontrak", "selesai kontrak"]),
        /// The 16-digit national identity number (KTP).
        nik: String => Text, "emp.nik" .aliases(&["nik", "no ktp", "nomor ktp"]),
        npwp: String => Text, "emp.npwp" .aliases(&["npwp", "no npwp"]),
        ptkp: Ptkp = Ptkp::TK0 => Select(Ptkp::OPTIONS), "emp.ptkp" .required().aliases(&["status ptkp", "ptkp"]),
        bpjs_health: String => Text, "emp.bpjs_health" .aliases(&["bpjs kesehatan", "no bpjs kesehatan"]),
        bpjs_work: String => Text, "emp.bpjs_work" .aliases(&["bpjs ketenagakerjaan", "bpjs tk", "no bpjs ketenagakerjaan"]),
        birth_date: Option<chrono::NaiveDate> => Date, "emp.birth_date" .aliases(&["tanggal lahir", "birth date"]),
        phone: String => Text, "emp.phone" .aliases(&["telepon", "hp", "no. hp", "phone"]),
        email: String => Text, "emp.email" .aliases(&["email", "e-mail", "surel"]),
        address: String => LongText, "emp.address" .aliases(&["alamat"]),
        /// Who to call in an emergency, with their number.
        emergency: String => Text, "emp.emergency" .aliases(&["kontak darurat"]),
        bank: String => Text, "emp.bank" .aliases(&["bank", "nama bank"]),
        account: String => Text, "emp.account" .aliases(&["no rekening", "nomor rekening", "rekening"]),
        left_on: Option<chrono::NaiveDate> => Date, "emp.left_on" .aliases(&["tanggal keluar", "last day"]),
        left_reason: String => Text, "emp.left_reason" .aliases(&["alasan keluar"]),
        notes: String => LongText, "emp.notes" .aliases(&["catatan"]),
    }
}

const RULES: FormRules = FormRules {
    shown_when: &[
        ("contract_start", "contract", &["pkwt"]),
        ("contract_end", "contract", &["pkwt"]),
        ("left_on", "status", &["left"]),
        ("left_reason", "status", &["left"]),
    ],
    span: None,
    hidden: &[],
};

/// The digits of an identity number typed with spaces, dots or dashes (`09.254.294.3-407.000`).
pub fn id_digits(typed: &str) -> Option<String> {
    let t = typed.trim();
    t.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-')).then(|| t.chars().filter(char::is_ascii_digit).collect())
}

impl RecordRules for Employee {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let mut add = |field: &'static str, e: &'static str| {
            if !errs.iter().any(|(k, _)| *k == field) {
                errs.push((field, e))
            }
        };
        if !self.nik.trim().is_empty() && id_digits(&self.nik).is_none_or(|d| d.len() != 16) {
            add("nik", "err.nik");
        }
        if !self.npwp.trim().is_empty() && id_digits(&self.npwp).is_none_or(|d| d.len() != 15 && d.len() != 16) {
            add("npwp", "err.npwp");
        }
        if !self.email.is_empty() && !looks_like_email(&self.email) {
            add("email", "err.email");
        }
        if !self.phone.is_empty() && !looks_like_phone(&self.phone) {
            add("phone", "err.phone");
        }
        if self.contract == Contract::Pkwt {
            for f in ["contract_start", "contract_end"] {
                if super::record::Entity::get(self, f).is_empty() {
                    add(f, "err.required");
                }
            }
            if let (Some(s), Some(e)) = (self.contract_start, self.contract_end) {
                if e < s {
                    add("contract_end", "err.end_before_start");
                }
            }
        }
        if self.status == EmployeeStatus::Left {
            match (self.joined, self.left_on) {
                (_, None) if self.left_on.is_none() => add("left_on", "err.required"),
                (Some(j), Some(l)) if l < j => add("left_on", "err.left_before_joined"),
                _ => {}
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.name.clone()
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
}

impl Employee {
    pub fn is_current(&self) -> bool {
        self.meta.deleted_at.is_none() && self.status != EmployeeStatus::Left
    }

    /// The end of a fixed-term contract, if this is one.
    pub fn contract_end(&self) -> Option<NaiveDate> {
        (self.contract == Contract::Pkwt).then_some(self.contract_end).flatten()
    }
}

/// Fixed-term contracts of current employees ending from `today` to `days` days later,
/// soonest first: the Today view's reminder to renew or end them.
pub fn contracts_ending(all: &[Employee], today: NaiveDate, days: u64) -> Vec<(Employee, NaiveDate)> {
    let last = today + chrono::Days::new(days);
    let mut v: Vec<(Employee, NaiveDate)> = all
        .iter()
        .filter(|e| e.is_current())
        .filter_map(|e| Some((e.clone(), e.contract_end()?)))
        .filter(|(_, d)| *d >= today && *d <= last)
        .collect();
    sort_by(&mut v, |a, b| a.1.cmp(&b.1));
    v
}

/// Whole months from `start` through `end`, the contract's last day (1 January to 31
/// December is 12): what PKWT compensation counts, as months ÷ 12 of one month's wage.
pub fn months_worked(start: NaiveDate, end: NaiveDate) -> u32 {
    let Some(stop) = end.succ_opt().filter(|s| *s > start) else { return 0 };
    let months = (stop.year() - start.year()) * 12 + stop.month() as i32 - start.month() as i32;
    (months - i32::from(stop.day() < start.day())).max(0) as u32
}

/// Current employees by department (A→Z, "" last), each group by name: the directory.
pub fn by_department(all: &[Employee]) -> Vec<(String, Vec<Employee>)> {
    let mut groups: std::collections::BTreeMap<(bool, String), Vec<Employee>> = Default::default();
    for e in all.iter().filter(|e| e.is_current()) {
        let dept = e.department.trim().to_string();
        groups.entry((dept.is_empty(), crate::text::lower(&dept))).or_default().push(e.clone());
    }
    groups
        .into_values()
        .map(|mut v| {
            sort_by(&mut v, |a, b| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)));
            (v[0].department.trim().to_string(), v)
        })
        .collect()
}

/// Who reports to whom: each current employee with their depth under the top (those with
/// no current manager), in order down the tree. A loop of managers is cut where it closes.
pub fn org_chart(all: &[Employee]) -> Vec<(usize, Employee)> {
    let current: Vec<&Employee> = all.iter().filter(|e| e.is_current()).collect();
    let has_manager = |e: &Employee| current.iter().any(|m| m.meta.id == e.manager_id && m.meta.id != e.meta.id);
    let mut tops: Vec<&Employee> = current.iter().copied().filter(|e| !has_manager(e)).collect();
    sort_by(&mut tops, |a, b| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)));
    let mut out = vec![];
    let mut seen = std::collections::HashSet::new();
    fn walk<'a>(
        e: &'a Employee,
        depth: usize,
        current: &[&'a Employee],
        seen: &mut std::collections::HashSet<String>,
        out: &mut Vec<(usize, Employee)>,
    ) {
        if !seen.insert(e.meta.id.clone()) {
            return;
        }
        out.push((depth, e.clone()));
        let mut reports: Vec<&Employee> = current.iter().copied().filter(|r| r.manager_id == e.meta.id && r.meta.id != e.meta.id).collect();
        sort_by(&mut reports, |a, b| crate::text::lower(&a.name).cmp(&crate::text::lower(&b.name)));
        for r in reports {
            walk(r, depth + 1, current, seen, out);
        }
    }
    for t in tops {
        walk(t, 0, &current, &mut seen, &mut out);
    }
    // Everyone in a loop of managers (A reports to B, B to A) still shows, at the top.
    for e in &current {
        walk(e, 0, &current, &mut seen, &mut out);
    }
    out
}

crate::choice! {
    /// What an employee's history records: changes of these, each with the day it took effect.
    pub enum Tracked {
        Position = "position" => "emp.position",
        Department = "department" => "emp.department",
        Grade = "grade" => "emp.grade",
        Contract = "contract" => "emp.contract",
        Status = "status" => "emp.status",
        /// Payroll reads the status on 1 January for the year's TER category and PTKP.
        Ptkp = "ptkp" => "emp.ptkp",
    }
}

crate::record! {
    /// One change to an employee's position, department, grade, contract or status, with
    /// the day it took effect. Kept beside the employee, never overwritten.
    pub struct EmployeeChange in "employee_changes" {
        employee_id: String => Ref(crate::domain::people::Employee), "chg.employee" .required().listed().aliases(&["karyawan", "employee"]),
        date: Option<chrono::NaiveDate> => Date, "chg.date" .required().listed().aliases(&["tanggal", "berlaku", "effective"]),
        what: Tracked = Tracked::Position => Select(Tracked::OPTIONS), "chg.what" .required().listed().aliases(&["perubahan"]),
        from: String => Text, "chg.from" .listed().aliases(&["dari", "sebelumnya"]),
        to: String => Text, "chg.to" .listed().aliases(&["menjadi", "ke"]),
        note: String => Text, "chg.note" .aliases(&["catatan", "keterangan"]),
    }
}

impl RecordRules for EmployeeChange {
    /// A PTKP change holds PTKP statuses: payroll reads them back for 1 January.
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.what == Tracked::Ptkp {
            for (k, v) in [("from", &self.from), ("to", &self.to)] {
                if !v.trim().is_empty() && Ptkp::from_code(v.trim()).is_none() {
                    errs.push((k, "err.choice"));
                }
            }
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} · {}", super::dates::day_text(self.date), self.to)
    }
}

/// The history entries an edit makes: one per tracked field whose value changed, dated
/// `date`. A new employee (nothing before) makes none: joining is their first entry.
pub fn changes(before: &Employee, after: &Employee, date: NaiveDate, now: chrono::DateTime<chrono::Utc>) -> Vec<EmployeeChange> {
    use super::record::Entity;
    Tracked::ALL
        .iter()
        .filter(|what| before.get(what.code()) != after.get(what.code()))
        .map(|&what| {
            let mut c = EmployeeChange::blank(now);
            c.employee_id = after.meta.id.clone();
            c.date = Some(date);
            c.what = what;
            c.from = before.get(what.code());
            c.to = after.get(what.code());
            c
        })
        .collect()
}

/// The employee's PTKP status on `day`, read back through the recorded changes: the status
/// a change after that day replaced, or the current one. `None` when that change holds no
/// PTKP status (typed in by hand): payroll then refuses rather than guess.
pub fn ptkp_on(e: &Employee, changes: &[EmployeeChange], day: NaiveDate) -> Option<Ptkp> {
    changes
        .iter()
        .filter(|c| c.meta.deleted_at.is_none() && c.employee_id == e.meta.id && c.what == Tracked::Ptkp)
        .filter_map(|c| Some((c.date?, c)))
        .filter(|(d, _)| *d > day)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.meta.created_at.cmp(&b.1.meta.created_at)))
        .map_or(Some(e.ptkp), |(_, c)| Ptkp::from_code(c.from.trim()))
}

/// An employee's history, oldest first (same day: in the order it was recorded).
pub fn history(all: &[EmployeeChange], employee_id: &str) -> Vec<EmployeeChange> {
    let mut v: Vec<EmployeeChange> = all.iter().filter(|c| c.employee_id == employee_id && c.meta.deleted_at.is_none()).cloned().collect();
    sort_by(&mut v, |a, b| a.date.cmp(&b.date).then(a.meta.created_at.cmp(&b.meta.created_at)));
    v
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
