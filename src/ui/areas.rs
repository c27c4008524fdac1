//! The screens in areas, each a part of the wasm loaded the first time one of its screens
//! opens (`wasm_split`, see scripts/build-wasm.sh). The shell keeps what every visit
//! needs: the store, the lists' readers, the navigation, the Today view and messages.
//! Each area first adds its strings (`i18n::add`): they come with its part.
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use crate::domain::assets::{Asset, AssetLog};
use crate::domain::attendance::Attendance;
use crate::domain::calendar::Event;
use crate::domain::career::CareerNote;
use crate::domain::checklists::{ChecklistItem, ChecklistStep};
use crate::domain::client_events::{ClientEvent, EventTask};
use crate::domain::compliance::{Obligation, ObligationDone};
use crate::domain::contact::Contact;
use crate::domain::discipline::WarningLetter;
use crate::domain::event_guests::EventGuest;
use crate::domain::event_vendors::EventVendor;
use crate::domain::finance::budgets::Budget;
use crate::domain::finance::invoices::Invoice;
use crate::domain::finance::reconcile::BankLine;
use crate::domain::finance::recurring::Recurring;
use crate::domain::finance::{Account, Entry};
use crate::domain::frontdesk::{Call, Visitor};
use crate::domain::inventory::{Item, StockMove};
use crate::domain::kpis::{Kpi, KpiActual};
use crate::domain::leave::{Holiday, LeaveRequest};
use crate::domain::letter_templates::LetterTemplate;
use crate::domain::letters::{IncomingLetter, LetterSeries, OutgoingLetter};
use crate::domain::meeting::Minutes;
use crate::domain::payroll::{BankLayout, PayAdjustment, PayRates, PayStructure, PayrollRun, Payslip};
use crate::domain::people::{Employee, EmployeeChange};
use crate::domain::plans::{PlanReview, PlanTask, WorkPlan};
use crate::domain::purchasing::PurchaseOrder;
use crate::domain::recruitment::{Candidate, Interview, Vacancy};
use crate::domain::run_sheet::RunItem;
use crate::domain::stocktake::Stocktake;
use crate::domain::training::Training;
use crate::domain::venues::VenueOption;
use crate::route::Route;

use super::state::AppState;

use super::pages::record_page;
use super::{
    assets, attendance, attendance_grid, bank, calendar, client_events, dashboard, data, event_guests, event_vendors, finance_reports,
    holiday_file, inventory, minutes, occurrence, orders, payroll, people, plans, portfolio, records, review, run_sheet, search, settings,
    trash,
};

/// Functions whose code is a part (`in <part>`), fetched the first time one of them is
/// called; each body gives the result, `Err(NotLoaded)` when the part cannot be fetched.
/// Only the app's build is split: in every other one (the storage tests' wasm, native
/// tests) they are plain async functions, since a wasm importing a part that no splitter
/// made cannot even start. Callers import `NotLoaded`.
macro_rules! part_fns {
    ($(in $part:ident $(#[$doc:meta])* fn $name:ident($($arg:ident: $t:ty),* $(,)?) -> $ret:ty $body:block)*) => {$(
        $(#[$doc])*
        #[cfg(feature = "app")]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $t),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(not(feature = "app"))]
        async fn $name($($arg: $t),*) -> Result<$ret, NotLoaded> {
            Ok($body)
        }
    )*};
}
pub(crate) use part_fns;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Contacts,
    FrontDesk,
    Calendar,
    /// Meeting minutes and open action items (a part of its own: the calendar with them was
    /// over 120 KB).
    Meetings,
    Supplies,
    Assets,
    /// Employees, their history and checklists, warning letters, training, the directory.
    People,
    /// Vacancies, candidates and their interviews (a part of its own: with them People was
    /// over 120 KB).
    Recruitment,
    /// Leave, holidays and attendance (a part of its own: People alone was over 120 KB).
    Attendance,
    /// Pay structures, rate sets, runs, payslips.
    Payroll,
    /// The chart of accounts, entries, budgets, schedules, the ledger and the reports.
    Finance,
    /// Invoices and bills, bank statements and their reconciliation.
    Billing,
    /// Events run for clients: their board and timelines.
    Events,
    /// The compliance register and work plans (and, to come, KPIs and the review report).
    Coordination,
    /// The correspondence register: letters received and sent, and the series that number them.
    Letters,
    /// Trash, settings, search everywhere.
    Office,
    /// The Data screen: backup written and read back (every record type's reader, preview
    /// and merge), the audit trail, the autosave folder. A part of its own: with the trash
    /// and settings it was over 120 KB.
    Data,
}

/// The area a screen belongs to; `None` for the shell's own screens.
pub fn area_of(r: &Route) -> Option<Area> {
    match r {
        Route::List(_)
        | Route::New(_)
        | Route::Import(_)
        | Route::ImportInto(..)
        | Route::View(..)
        | Route::Edit(..)
        | Route::NewAt(..) => match r.list()? {
            "contacts" => Some(Area::Contacts),
            "calls" | "visitors" => Some(Area::FrontDesk),
            "events" => Some(Area::Calendar),
            "minutes" => Some(Area::Meetings),
            "items" | "stock" | "orders" | "stocktakes" => Some(Area::Supplies),
            "assets" | "asset_log" => Some(Area::Assets),
            "employees" | "employee_changes" | "checklist_steps" | "checklist_items" | "warnings" | "trainings" | "career_notes" => {
                Some(Area::People)
            }
            "vacancies" | "candidates" | "interviews" => Some(Area::Recruitment),
            "leave" | "holidays" | "attendance" => Some(Area::Attendance),
            "pay_rates" | "pay" | "pay_adjustments" | "payroll_runs" | "payslips" | "bank_layouts" => Some(Area::Payroll),
            "accounts" | "entries" | "budgets" | "recurring" => Some(Area::Finance),
            "bank_lines" | "invoices" => Some(Area::Billing),
            "client_events" | "event_tasks" | "event_guests" | "run_items" | "event_vendors" | "venue_options" => Some(Area::Events),
            "obligations" | "obligations_done" | "work_plans" | "plan_tasks" | "plan_reviews" | "kpis" | "kpi_actuals" => {
                Some(Area::Coordination)
            }
            "letters_in" | "letters_out" | "letter_series" | "letter_templates" => Some(Area::Letters),
            _ => None,
        },
        Route::Occurrence(..) | Route::Calendar(..) => Some(Area::Calendar),
        Route::Actions => Some(Area::Meetings),
        Route::ItemMove(..) | Route::Receive(_) | Route::LowStock | Route::StockReport => Some(Area::Supplies),
        Route::AssetEntry(..) | Route::MaintenanceDue | Route::AssetRegister => Some(Area::Assets),
        Route::Directory => Some(Area::People),
        Route::AttendanceImport | Route::AttendanceMonth(_) | Route::AttendanceGrid(..) | Route::HolidayFile => Some(Area::Attendance),
        Route::PayrollYear(_) => Some(Area::Payroll),
        Route::Books(..) => Some(Area::Finance),
        Route::Reconcile(_) => Some(Area::Billing),
        Route::EventBoard | Route::CheckIn(_) | Route::RunSheet(_) | Route::Quotation(_) | Route::Portfolio | Route::EventCalendar(_) => {
            Some(Area::Events)
        }
        Route::PlanBoard | Route::Dashboard | Route::Review(_) => Some(Area::Coordination),
        // Search reads every list, as the trash does: it lives with it.
        Route::Trash | Route::Settings | Route::Search => Some(Area::Office),
        Route::Data => Some(Area::Data),
        Route::Desk | Route::Messages | Route::NotFound(_) => None,
    }
}

/// An area's code could not be fetched (offline before it was cached, a deploy changed
/// under the page); asking again fetches it again.
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What stands where a part could not be fetched: the reason, and Retry (which bumps
/// `attempt`, the signal the part's loader follows).
pub fn not_loaded(app: AppState, attempt: RwSignal<u32>) -> AnyView {
    view! {
        <div class="bo-banner bo-banner-error" role="alert">
            <p>{app.text("area.failed")}</p>
            <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| attempt.update(|n| *n += 1)>
                {app.text("area.retry")}
            </button>
        </div>
    }
    .into_any()
}

/// A view drawn by a part of the wasm, shown when the part comes (meanwhile an empty box
/// marked busy stands in for it, so assistive technology and tests know more is coming);
/// a part that cannot be fetched says so, with Retry, which asks `load` again.
pub fn from_part<F, Fut>(app: AppState, load: F) -> impl IntoView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, NotLoaded>> + Send + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        let load = load.clone();
        view! {
            <Suspense fallback=|| view! { <div class="bo-part-pending" aria-busy="true"></div> }>
                {Suspend::new(async move {
                    match load().await {
                        Ok(v) => v,
                        Err(NotLoaded) => not_loaded(app, attempt),
                    }
                })}
            </Suspense>
        }
    }
}

/// The screen for `r` in `area`, its code fetched first if this is the area's first screen.
pub async fn open(area: Area, r: Route) -> Result<AnyView, NotLoaded> {
    match area {
        Area::Contacts => contacts_area(r).await,
        Area::FrontDesk => front_desk_area(r).await,
        Area::Calendar => calendar_area(r).await,
        Area::Meetings => meetings_area(r).await,
        Area::Supplies => supplies_area(r).await,
        Area::Assets => assets_area(r).await,
        Area::People => people_area(r).await,
        Area::Recruitment => recruitment_area(r).await,
        Area::Attendance => attendance_area(r).await,
        Area::Payroll => payroll_area(r).await,
        Area::Finance => finance_area(r).await,
        Area::Billing => billing_area(r).await,
        Area::Events => events_area(r).await,
        Area::Coordination => coordination_area(r).await,
        Area::Letters => letters_area(r).await,
        Area::Office => office_area(r).await,
        Area::Data => data_area(r).await,
    }
}

/// Asks the browser for an area's code without waiting for it. The first poll of the
/// part's loader starts the download; the loader keeps it going, and the screen that opens
/// the area later is handed the same download (a part is fetched once).
pub fn preload(area: Area) {
    use std::future::Future;
    let mut load: std::pin::Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>> = match area {
        Area::Contacts => Box::pin(__wasm_split_preload_contacts_area()),
        Area::FrontDesk => Box::pin(__wasm_split_preload_front_desk_area()),
        Area::Calendar => Box::pin(__wasm_split_preload_calendar_area()),
        Area::Meetings => Box::pin(__wasm_split_preload_meetings_area()),
        Area::Supplies => Box::pin(__wasm_split_preload_supplies_area()),
        Area::Assets => Box::pin(__wasm_split_preload_assets_area()),
        Area::People => Box::pin(__wasm_split_preload_people_area()),
        Area::Recruitment => Box::pin(__wasm_split_preload_recruitment_area()),
        Area::Attendance => Box::pin(__wasm_split_preload_attendance_area()),
        Area::Payroll => Box::pin(__wasm_split_preload_payroll_area()),
        Area::Finance => Box::pin(__wasm_split_preload_finance_area()),
        Area::Billing => Box::pin(__wasm_split_preload_billing_area()),
        Area::Events => Box::pin(__wasm_split_preload_events_area()),
        Area::Coordination => Box::pin(__wasm_split_preload_coordination_area()),
        Area::Letters => Box::pin(__wasm_split_preload_letters_area()),
        Area::Office => Box::pin(__wasm_split_preload_office_area()),
        Area::Data => Box::pin(__wasm_split_preload_data_area()),
    };
    let _ = load.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop()));
}

#[wasm_split(contacts, wasm_split_path = ::leptos::wasm_split, fallible)]
fn contacts_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::CONTACTS);
    Ok(record_page::<Contact>(r))
}

#[wasm_split(front_desk, wasm_split_path = ::leptos::wasm_split, fallible)]
fn front_desk_area(r: Route) -> Result<AnyView, NotLoaded> {
    Ok(match r.list() {
        Some("calls") => record_page::<Call>(r),
        Some("visitors") => record_page::<Visitor>(r),
        _ => records::not_found(),
    })
}

#[wasm_split(calendar, wasm_split_path = ::leptos::wasm_split, fallible)]
fn calendar_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::CALENDAR);
    Ok(match r {
        Route::Occurrence(id, date) => occurrence::occurrence_page(id, date),
        Route::Calendar(v, date) => calendar::calendar_page(v, date),
        _ => match r.list() {
            Some("events") => record_page::<Event>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(meetings, wasm_split_path = ::leptos::wasm_split, fallible)]
fn meetings_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::MEETINGS);
    Ok(match r {
        Route::Actions => minutes::actions_page(),
        _ => match r.list() {
            Some("minutes") => record_page::<Minutes>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(supplies, wasm_split_path = ::leptos::wasm_split, fallible)]
fn supplies_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::SUPPLIES);
    Ok(match r {
        Route::ItemMove(id, kind) => inventory::move_page(id, kind),
        Route::LowStock => inventory::low_stock_page(),
        Route::StockReport => inventory::report_page(),
        Route::Receive(id) => orders::receive_page(id),
        _ => match r.list() {
            Some("items") => record_page::<Item>(r),
            Some("stock") => record_page::<StockMove>(r),
            Some("stocktakes") => record_page::<Stocktake>(r),
            Some("orders") => record_page::<PurchaseOrder>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(assets, wasm_split_path = ::leptos::wasm_split, fallible)]
fn assets_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::ASSETS);
    Ok(match r {
        Route::AssetEntry(id, kind) => assets::entry_page(id, kind),
        Route::MaintenanceDue => assets::due_page(),
        Route::AssetRegister => assets::register_page(),
        _ => match r.list() {
            Some("assets") => record_page::<Asset>(r),
            Some("asset_log") => record_page::<AssetLog>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(people, wasm_split_path = ::leptos::wasm_split, fallible)]
fn people_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::PEOPLE);
    Ok(match r {
        Route::Directory => people::directory_page(),
        _ => people_records(r),
    })
}

fn people_records(r: Route) -> AnyView {
    match r.list() {
        Some("employees") => record_page::<Employee>(r),
        Some("employee_changes") => record_page::<EmployeeChange>(r),
        Some("checklist_steps") => record_page::<ChecklistStep>(r),
        Some("checklist_items") => record_page::<ChecklistItem>(r),
        Some("warnings") => record_page::<WarningLetter>(r),
        Some("trainings") => record_page::<Training>(r),
        Some("career_notes") => record_page::<CareerNote>(r),
        _ => records::not_found(),
    }
}

#[wasm_split(recruitment, wasm_split_path = ::leptos::wasm_split, fallible)]
fn recruitment_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::PEOPLE);
    Ok(match r.list() {
        Some("vacancies") => record_page::<Vacancy>(r),
        Some("candidates") => record_page::<Candidate>(r),
        Some("interviews") => record_page::<Interview>(r),
        _ => records::not_found(),
    })
}

#[wasm_split(attendance, wasm_split_path = ::leptos::wasm_split, fallible)]
fn attendance_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::ATTENDANCE);
    Ok(match r {
        Route::AttendanceImport => attendance::import_page(),
        Route::HolidayFile => holiday_file::import_page(),
        Route::AttendanceMonth(ym) => attendance::month_page(ym),
        Route::AttendanceGrid(id, ym) => attendance_grid::grid_page(id, ym),
        _ => attendance_records(r),
    })
}

fn attendance_records(r: Route) -> AnyView {
    match r.list() {
        Some("leave") => record_page::<LeaveRequest>(r),
        Some("holidays") => record_page::<Holiday>(r),
        Some("attendance") => record_page::<Attendance>(r),
        _ => records::not_found(),
    }
}

#[wasm_split(payroll, wasm_split_path = ::leptos::wasm_split, fallible)]
fn payroll_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::PAYROLL);
    Ok(match r {
        Route::PayrollYear(y) => payroll::year_page(y),
        _ => match r.list() {
            Some("pay_rates") => record_page::<PayRates>(r),
            Some("bank_layouts") => record_page::<BankLayout>(r),
            Some("pay") => record_page::<PayStructure>(r),
            Some("pay_adjustments") => record_page::<PayAdjustment>(r),
            Some("payroll_runs") => record_page::<PayrollRun>(r),
            Some("payslips") => record_page::<Payslip>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(finance, wasm_split_path = ::leptos::wasm_split, fallible)]
fn finance_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::FINANCE);
    Ok(match r {
        Route::Books(report, period) => finance_reports::books_page(report, period),
        _ => match r.list() {
            Some("accounts") => record_page::<Account>(r),
            Some("entries") => record_page::<Entry>(r),
            Some("budgets") => record_page::<Budget>(r),
            Some("recurring") => record_page::<Recurring>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(billing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn billing_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::BILLING);
    Ok(match r {
        Route::Reconcile(account) => bank::reconcile_page(account),
        _ => match r.list() {
            Some("bank_lines") => record_page::<BankLine>(r),
            Some("invoices") => record_page::<Invoice>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(events, wasm_split_path = ::leptos::wasm_split, fallible)]
fn events_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::EVENTS);
    Ok(match r {
        Route::EventBoard => client_events::board_page(),
        Route::CheckIn(id) => event_guests::check_in_page(id),
        Route::RunSheet(id) => run_sheet::run_sheet_page(id),
        Route::Quotation(id) => event_vendors::quotation_page(id),
        Route::Portfolio => portfolio::portfolio_page(),
        Route::EventCalendar(ym) => client_events::calendar_page(ym),
        _ => match r.list() {
            Some("client_events") => record_page::<ClientEvent>(r),
            Some("event_tasks") => record_page::<EventTask>(r),
            Some("event_guests") => record_page::<EventGuest>(r),
            Some("run_items") => record_page::<RunItem>(r),
            Some("event_vendors") => record_page::<EventVendor>(r),
            Some("venue_options") => record_page::<VenueOption>(r),
            _ => records::not_found(),
        },
    })
}

#[wasm_split(letters, wasm_split_path = ::leptos::wasm_split, fallible)]
fn letters_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::LETTERS);
    Ok(match r.list() {
        Some("letters_in") => record_page::<IncomingLetter>(r),
        Some("letters_out") => record_page::<OutgoingLetter>(r),
        Some("letter_series") => record_page::<LetterSeries>(r),
        Some("letter_templates") => record_page::<LetterTemplate>(r),
        _ => records::not_found(),
    })
}

#[wasm_split(office, wasm_split_path = ::leptos::wasm_split, fallible)]
fn office_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::OFFICE);
    Ok(match r {
        Route::Trash => trash::trash_page(),
        Route::Search => search::search_page(),
        Route::Settings => settings::settings_page(),
        _ => records::not_found(),
    })
}

#[wasm_split(data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn data_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::OFFICE);
    Ok(match r {
        Route::Data => data::data_page(),
        _ => records::not_found(),
    })
}

/// The Today view's reminders (ui/reminders.rs): they read most of the office's lists, so
/// their code is a part of its own, fetched while the rest of the Today view is drawn and
/// shown when it comes. Nothing stands in for them meanwhile; a part that cannot be
/// fetched says so, with Retry.
pub fn reminders(app: AppState) -> impl IntoView {
    from_part(app, move || reminders_part(app))
}

#[wasm_split(reminders, wasm_split_path = ::leptos::wasm_split, fallible)]
fn reminders_part(app: AppState) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::REMINDERS);
    let view = super::reminders::reminders_view(app);
    super::perf::mark("bo:reminders");
    Ok(view)
}

/// Data an older version wrote, upgraded by code fetched only for a store that needs it:
/// what rewrites stored lists (and every write) is not in the shell.
pub async fn upgrade_store(
    db: crate::storage::Db,
    pending: crate::storage::PendingMigration,
    report: crate::storage::OpenReport,
) -> Result<(crate::storage::Db, crate::storage::OpenReport), NotLoaded> {
    upgrade_part(db, pending, report).await
}

part_fns! {
    in upgrade fn upgrade_part(
        db: crate::storage::Db,
        pending: crate::storage::PendingMigration,
        report: crate::storage::OpenReport,
    ) -> (crate::storage::Db, crate::storage::OpenReport) {
        let (mut db, mut report) = (db, report);
        db.migrate_pending(pending, &mut report);
        (db, report)
    }
}

/// A record saved from the Today view's quick actions.
pub enum DeskSave {
    Call(Call),
    Visitor(Visitor),
}

/// Saves a call handled or a visitor signed out from the Today view, then says `done`.
/// The code that writes to the store is fetched with the first save, as an area's first
/// screen fetches it: someone who only reads the Today view never downloads it.
pub fn desk_save(app: AppState, record: DeskSave, done: String) {
    leptos::task::spawn_local(async move {
        match desk_save_part(app, record).await {
            Ok(true) => app.info(done),
            // Refused: the save has said why.
            Ok(false) => {}
            Err(NotLoaded) => app.error(app.t("area.failed").into()),
        }
    });
}

part_fns! {
    in desk_save fn desk_save_part(app: AppState, record: DeskSave) -> bool {
        match record {
            DeskSave::Call(c) => super::collection::save_record(&app, c).is_ok(),
            DeskSave::Visitor(v) => super::collection::save_record(&app, v).is_ok(),
        }
    }
}

/// A backup asked for from the shell's banners and dialogs. Its writer (every record type's)
/// lives with the Data screen in its area, fetched first if need be.
pub fn export_backup(app: AppState) {
    leptos::task::spawn_local(async move {
        if backup_from_data(app).await.is_err() {
            app.error(app.t("area.failed").into());
        }
    });
}

#[wasm_split(data, wasm_split_path = ::leptos::wasm_split, fallible)]
fn backup_from_data(app: AppState) -> Result<(), NotLoaded> {
    crate::i18n::add(crate::i18n::OFFICE);
    data::export_backup(&app);
    Ok(())
}

/// Autosave's folder work, done where the backup writer lives (the Data screen's area).
pub fn autosave(app: AppState, job: super::autosave::Job) {
    leptos::task::spawn_local(async move {
        if autosave_in_data(app, job).await.is_err() {
            let why = app.t("area.failed").to_string();
            app.autosave.update(|s| {
                if let super::autosave::Status::On { folder, .. } | super::autosave::Status::Paused { folder } = s {
                    *s = super::autosave::Status::Failed { folder: std::mem::take(folder), why };
                } else if *s == super::autosave::Status::Starting {
                    *s = super::autosave::Status::Failed { folder: String::new(), why };
                }
            });
        }
    });
}

part_fns! {
    in data fn autosave_in_data(app: AppState, job: super::autosave::Job) -> () {
        crate::i18n::add(crate::i18n::OFFICE);
        super::autosave_folder::run(app, job);
    }
}

#[wasm_split(coordination, wasm_split_path = ::leptos::wasm_split, fallible)]
fn coordination_area(r: Route) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::COORDINATION);
    Ok(match r {
        Route::PlanBoard => plans::board_page(),
        Route::Dashboard => dashboard::dashboard_page(),
        Route::Review(p) => review::review_page(p),
        _ => match r.list() {
            Some("obligations") => record_page::<Obligation>(r),
            Some("obligations_done") => record_page::<ObligationDone>(r),
            Some("work_plans") => record_page::<WorkPlan>(r),
            Some("plan_tasks") => record_page::<PlanTask>(r),
            Some("plan_reviews") => record_page::<PlanReview>(r),
            Some("kpis") => record_page::<Kpi>(r),
            Some("kpi_actuals") => record_page::<KpiActual>(r),
            _ => records::not_found(),
        },
    })
}
