//! How each record that others point at is named: in lists and pickers, and in the cells
//! of an imported file. A reference field declared `Ref(Type)` reaches these through
//! [`super::record::Entity::visit_ref`], so a type pointed at without them does not compile.
use super::assets::Asset;
use super::client_events::ClientEvent;
use super::contact::Contact;
use super::finance::Account;
use super::inventory::Item;
use super::payroll::PayrollRun;
use super::people::Employee;
use super::record::{RecordRules, Referable};
use super::recruitment::{Candidate, Stage, Vacancy, VacancyStatus};
use crate::text::lower;

/// "first — second", or the second alone when the first is empty.
fn pair(first: &str, second: &str) -> String {
    if first.is_empty() {
        second.to_string()
    } else {
        format!("{first} — {second}")
    }
}

impl Referable for Item {
    fn ref_label(&self) -> String {
        pair(&self.code, &self.name)
    }
    fn offered(&self, _: &str) -> bool {
        self.is_active()
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.code) == lower_cell
    }
}

impl Referable for Asset {
    fn ref_label(&self) -> String {
        pair(&self.tag, &self.name)
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.tag) == lower_cell
    }
}

impl Referable for Employee {
    fn ref_label(&self) -> String {
        pair(&self.number, &self.name)
    }
    /// Someone who has left keeps their records and is no longer offered.
    fn offered(&self, _: &str) -> bool {
        self.is_current()
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.name) == lower_cell || !self.number.is_empty() && lower(&self.number) == lower_cell
    }
}

impl Referable for Account {
    fn ref_label(&self) -> String {
        self.label()
    }
    /// Scope `"money"`: the cash and bank accounts money moves through.
    fn live(&self, scope: &str) -> bool {
        self.is_live() && (scope != "money" || self.money)
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.code) == lower_cell || lower(&self.name) == lower_cell
    }
    /// The chart's own order.
    fn picker_key(&self, _: &str) -> String {
        self.code.clone()
    }
}

impl Referable for ClientEvent {
    fn ref_label(&self) -> String {
        match self.date {
            None => self.name.clone(),
            Some(d) => format!("{} — {}", self.name, crate::domain::dates::date_text(d)),
        }
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.name) == lower_cell
    }
}

impl Referable for PayrollRun {
    fn ref_label(&self) -> String {
        self.title()
    }
}

/// A vacancy reads as its position and department; only open ones are offered.
impl Referable for Vacancy {
    fn ref_label(&self) -> String {
        self.title()
    }
    fn offered(&self, _: &str) -> bool {
        self.meta.deleted_at.is_none() && self.status == VacancyStatus::Open
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.position) == lower_cell
    }
}

/// A candidate reads as their name; those still in the running are offered.
impl Referable for Candidate {
    fn ref_label(&self) -> String {
        self.name.clone()
    }
    fn offered(&self, _: &str) -> bool {
        self.meta.deleted_at.is_none() && !matches!(self.stage, Stage::Rejected | Stage::Started)
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.name) == lower_cell
    }
}

/// Contacts are picked with their own search box; imports still name them.
impl Referable for Contact {
    fn ref_label(&self) -> String {
        self.name.clone()
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        lower(&self.name) == lower_cell || lower(&self.organisation) == lower_cell
    }
}

/// The id an imported cell names among `all`: an id as is, the label as exported, or what
/// the type accepts besides (an item's code, an employee's number), letter case aside.
pub fn resolve<T: Referable>(all: &[T], scope: &str, cell: &str) -> Option<String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return None;
    }
    let lower_cell = lower(cell);
    all.iter()
        .filter(|r| r.live(scope))
        .find(|r| r.meta().id == cell || lower(&r.ref_label()) == lower_cell || r.named_by(&lower_cell))
        .map(|r| r.meta().id.clone())
}

/// (id, label) of the records a picker offers, in the type's order.
pub fn options<T: Referable>(all: &[T], scope: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String, String)> = all
        .iter()
        .filter(|r| r.offered(scope))
        .map(|r| {
            let label = r.ref_label();
            (r.picker_key(&label), r.meta().id.clone(), label)
        })
        .collect();
    crate::sort::sort_by(&mut v, |a, b| a.0.cmp(&b.0));
    v.into_iter().map(|(_, id, label)| (id, label)).collect()
}

/// How a pointer to `id` reads; empty when nothing has that id.
pub fn label<T: Referable>(all: &[T], id: &str) -> String {
    all.iter().find(|r| r.meta().id == id).map(Referable::ref_label).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{Entity, FieldKind, RefVisitor};

    fn employee(id: &str, number: &str, name: &str, status: &str) -> Employee {
        let mut e = Employee::default();
        e.meta.id = id.into();
        e.number = number.into();
        e.name = name.into();
        e.status = crate::domain::people::EmployeeStatus::from_code(status).unwrap();
        e
    }

    #[test]
    fn a_cell_names_an_employee_by_id_number_name_or_label() {
        let all = [employee("e1", "K-007", "Budi Santoso", "active"), employee("e2", "", "Sari Dewi", "left")];
        for cell in ["e1", "k-007", " Budi santoso ", "K-007 — Budi Santoso"] {
            assert_eq!(resolve(&all, "", cell).as_deref(), Some("e1"), "{cell}");
        }
        // Someone who left is still named (old attendance files), never offered.
        assert_eq!(resolve(&all, "", "sari dewi").as_deref(), Some("e2"));
        assert_eq!(options(&all, ""), vec![("e1".to_string(), "K-007 — Budi Santoso".to_string())]);
        assert_eq!(resolve(&all, "", "Andi"), None);
        assert_eq!(resolve(&all, "", "  "), None);
    }

    #[test]
    fn the_money_scope_offers_only_cash_and_bank_in_chart_order() {
        let account = |id: &str, code: &str, name: &str, money: bool| {
            let mut a = Account::default();
            a.meta.id = id.into();
            a.code = code.into();
            a.name = name.into();
            a.money = money;
            a
        };
        let all = [account("a2", "1102", "Bank BCA", true), account("a1", "1101", "Kas", true), account("a3", "6101", "Sewa", false)];
        let ids = |v: Vec<(String, String)>| v.into_iter().map(|(id, _)| id).collect::<Vec<_>>();
        assert_eq!(ids(options(&all, "money")), ["a1", "a2"]);
        assert_eq!(ids(options(&all, "")), ["a1", "a2", "a3"]);
        assert_eq!(resolve(&all, "money", "sewa"), None, "an expense account is not a money account");
        assert_eq!(resolve(&all, "", "6101").as_deref(), Some("a3"));
        assert_eq!(label(&all, "a2"), "1102 — Bank BCA");
    }

    /// Records which type and scope a field points at.
    struct Seen(Option<(&'static str, &'static str)>);
    impl RefVisitor for Seen {
        fn visit<T: Referable>(&mut self, scope: &'static str) {
            self.0 = Some((T::COLLECTION, scope));
        }
    }

    #[test]
    fn a_reference_field_leads_to_its_type_and_scope() {
        use crate::domain::finance::Entry;
        let seen = |key| {
            let mut s = Seen(None);
            let is_ref = Entry::visit_ref(key, &mut s);
            (is_ref, s.0)
        };
        assert_eq!(seen("account_id"), (true, Some(("accounts", "money"))));
        assert_eq!(seen("category_id"), (true, Some(("accounts", ""))));
        assert_eq!(seen("description"), (false, None));
        // The schema names the same collection the visitor reaches.
        for f in Entry::fields() {
            if let FieldKind::Ref(c) = f.kind {
                assert_eq!(seen(f.key).1.map(|s| s.0), Some(c));
            }
        }
    }
}
