//! Every record list the app keeps, named once, and the one place where the record types
//! meet the store: the app state, the backup, the trash, the Data screen's counts and the
//! list of URLs all come from [`with_record_lists!`], so a list added here is added there.

/// Calls `$m!` with every record list as `name: Type` (settings is a document, not a list).
/// To add a record type: declare it with [`crate::record!`] and add its line here.
#[macro_export]
macro_rules! with_record_lists {
    ($m:ident) => {
        $m! {
            contacts: $crate::domain::contact::Contact,
            calls: $crate::domain::frontdesk::Call,
            visitors: $crate::domain::frontdesk::Visitor,
            events: $crate::domain::calendar::Event,
            minutes: $crate::domain::meeting::Minutes,
            items: $crate::domain::inventory::Item,
            stock: $crate::domain::inventory::StockMove,
            orders: $crate::domain::purchasing::PurchaseOrder,
            stocktakes: $crate::domain::stocktake::Stocktake,
            assets: $crate::domain::assets::Asset,
            asset_log: $crate::domain::assets::AssetLog,
            employees: $crate::domain::people::Employee,
            employee_changes: $crate::domain::people::EmployeeChange,
            checklist_steps: $crate::domain::checklists::ChecklistStep,
            checklist_items: $crate::domain::checklists::ChecklistItem,
            vacancies: $crate::domain::recruitment::Vacancy,
            candidates: $crate::domain::recruitment::Candidate,
            interviews: $crate::domain::recruitment::Interview,
            leave: $crate::domain::leave::LeaveRequest,
            holidays: $crate::domain::leave::Holiday,
            warnings: $crate::domain::discipline::WarningLetter,
            attendance: $crate::domain::attendance::Attendance,
            trainings: $crate::domain::training::Training,
            career_notes: $crate::domain::career::CareerNote,
            pay_rates: $crate::domain::payroll::PayRates,
            pay: $crate::domain::payroll::PayStructure,
            pay_adjustments: $crate::domain::payroll::PayAdjustment,
            payroll_runs: $crate::domain::payroll::PayrollRun,
            payslips: $crate::domain::payroll::Payslip,
            bank_layouts: $crate::domain::payroll::BankLayout,
            accounts: $crate::domain::finance::Account,
            entries: $crate::domain::finance::Entry,
            bank_lines: $crate::domain::finance::reconcile::BankLine,
            invoices: $crate::domain::finance::invoices::Invoice,
            budgets: $crate::domain::finance::budgets::Budget,
            recurring: $crate::domain::finance::recurring::Recurring,
            client_events: $crate::domain::client_events::ClientEvent,
            event_tasks: $crate::domain::client_events::EventTask,
            event_guests: $crate::domain::event_guests::EventGuest,
            run_items: $crate::domain::run_sheet::RunItem,
            event_vendors: $crate::domain::event_vendors::EventVendor,
            venue_options: $crate::domain::venues::VenueOption,
            obligations: $crate::domain::compliance::Obligation,
            obligations_done: $crate::domain::compliance::ObligationDone,
            work_plans: $crate::domain::plans::WorkPlan,
            plan_tasks: $crate::domain::plans::PlanTask,
            plan_reviews: $crate::domain::plans::PlanReview,
            kpis: $crate::domain::kpis::Kpi,
            kpi_actuals: $crate::domain::kpis::KpiActual,
            letters_in: $crate::domain::letters::IncomingLetter,
            letters_out: $crate::domain::letters::OutgoingLetter,
            letter_series: $crate::domain::letters::LetterSeries,
            letter_templates: $crate::domain::letter_templates::LetterTemplate,
        }
    };
}

macro_rules! names {
    ($($name:ident: $t:ty,)*) => {
        /// Every record list by its collection name, in the registry's order.
        pub const LISTS: &[&str] = &[$(<$t as $crate::domain::record::Entity>::COLLECTION),*];
        /// Every stored collection: the lists, then the settings document. Anything else in
        /// a backup is reported and left out.
        pub const COLLECTIONS: &[&str] = &[$(<$t as $crate::domain::record::Entity>::COLLECTION,)* "settings"];
    };
}
with_record_lists!(names);

/// The stored format's version and how older stores and backups are brought up to it.
pub const STORE: crate::storage::Schema = crate::storage::Schema {
    current: crate::domain::schema::CURRENT,
    records_changed_at: crate::domain::schema::RECORDS_CHANGED_AT,
    migrate: crate::domain::schema::migrate,
    // The audit trail gets an entry with almost every save: 150 entries took 1.2 ms to
    // encode natively, 20 take 0.25 ms (for 37 characters an entry instead of 31).
    small_chunks: &[("audit", 20)],
};

#[cfg(test)]
#[test]
fn each_list_is_named_as_its_type_names_its_collection() {
    macro_rules! check {
        ($($name:ident: $t:ty,)*) => {
            $(assert_eq!(<$t as crate::domain::record::Entity>::COLLECTION, stringify!($name));)*
        };
    }
    with_record_lists!(check);
    let mut unique = LISTS.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), LISTS.len());
}

#[cfg(test)]
#[test]
fn every_reference_field_reaches_the_type_its_schema_names() {
    use crate::domain::record::{Entity, FieldKind, RefVisitor, Referable};
    struct Reached(Option<&'static str>);
    impl RefVisitor for Reached {
        fn visit<T: Referable>(&mut self, _: &'static str) {
            self.0 = Some(T::COLLECTION);
        }
    }
    fn check<E: Entity>() -> usize {
        let mut refs = 0;
        for f in E::fields() {
            let mut reached = Reached(None);
            let is_ref = E::visit_ref(f.key, &mut reached);
            match f.kind {
                FieldKind::Ref(c) => {
                    assert!(is_ref && reached.0 == Some(c), "{}.{}", E::COLLECTION, f.key);
                    refs += 1;
                }
                _ => assert!(!is_ref, "{}.{} is not a reference", E::COLLECTION, f.key),
            }
        }
        refs
    }
    macro_rules! all {
        ($($name:ident: $t:ty,)*) => { 0 $(+ check::<$t>())* };
    }
    assert_eq!(with_record_lists!(all), 35, "every reference field of every list was checked");
}
