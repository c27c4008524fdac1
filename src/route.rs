//! Screens and records as hash paths (`#/contacts/<id>/edit`). Pure, so tested natively.

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// Records of a module: `#/contacts`.
    List(String),
    New(String),
    Import(String),
    /// Rows imported into one record they belong to: `#/event_guests/import/<event id>`.
    ImportInto(String, String),
    View(String, String),
    Edit(String, String),
    /// A new record with its time filled in: `#/events/new/2026-11-23T09:00`.
    NewAt(String, String),
    /// One date of a repeating calendar item: `#/events/<id>/on/2026-11-24`.
    Occurrence(String, String),
    /// The calendar: view ("month", "week" or "agenda") and the date it shows.
    Calendar(String, String),
    /// Open action items of every meeting.
    Actions,
    /// A stock movement of one item: `#/items/<id>/issue` (receive, issue, transfer, adjust).
    ItemMove(String, String),
    /// Receiving goods against a purchase order: `#/orders/<id>/receive`.
    Receive(String),
    LowStock,
    StockReport,
    /// A log entry for an asset: `#/assets/<id>/checkout` (checkout, repair, maintenance).
    AssetEntry(String, String),
    MaintenanceDue,
    AssetRegister,
    /// Current employees by department, and who reports to whom: `#/directory`.
    Directory,
    /// Every client event on a board by stage.
    EventBoard,
    /// The door of an event: its guests found by name and checked in, `#/check-in/<event id>`.
    CheckIn(String),
    /// An event's run sheet to print or follow on the day: `#/run-sheet/<event id>`.
    RunSheet(String),
    /// The client's quotation for an event, to print: `#/quotation/<event id>`.
    Quotation(String),
    /// Events held, with their figures and lessons: `#/portfolio`.
    Portfolio,
    /// Client events on a month: `#/event-calendar/2027-02` (empty: this month).
    EventCalendar(String),
    /// Every work plan's tasks on a board by status: `#/plan-board`.
    PlanBoard,
    /// Attendance machine punches imported: `#/attendance-import`.
    AttendanceImport,
    /// Holidays taken from a calendar file (.ics): `#/holiday-file`.
    HolidayFile,
    /// Everyone's attendance in a month, `#/attendance-month/2026-11` (empty: this month).
    AttendanceMonth(String),
    /// One employee's month typed a row per day: `#/attendance-grid/<employee id>/2026-11`
    /// (no month: this month).
    AttendanceGrid(String, String),
    /// Each employee's year from posted payslips (the 1721-A1 figures): `#/payroll-year/2026`.
    PayrollYear(String),
    /// A report of the books over a period: `#/books/pl/2026-11` (pl, balance, cash, costs;
    /// the period a year, `2026-Q4` or a month; empty: this month).
    Books(String, String),
    /// A bank account's statement lines matched to entries: `#/reconcile/<account id>`.
    Reconcile(String),
    /// The front desk's Today view; also the start page.
    Desk,
    Messages,
    Trash,
    Data,
    Settings,
    /// Every list searched at once (Ctrl+K): `#/search`.
    Search,
    /// The office at a glance: `#/dashboard`.
    Dashboard,
    /// The coordinator's review of a month (`2026-11`) or a quarter (`2026-Q4`); empty: this quarter.
    Review(String),
    NotFound(String),
}

/// Every record list has its pages: `#/<list>`, `#/<list>/new`, `#/<list>/<id>` …
pub const MODULES: &[&str] = crate::registry::LISTS;
pub const ASSET_ENTRIES: &[&str] = &["checkout", "repair", "maintenance"];
pub const MOVE_KINDS: &[&str] = &["receive", "issue", "transfer", "adjust"];
pub const REPORTS: &[&str] = &["pl", "balance", "cash", "costs", "budget", "tax", "contacts", "ar", "ap"];
pub const CALENDAR_VIEWS: &[&str] = &["month", "week", "agenda"];

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split('?').next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["desk"] => Route::Desk,
            ["messages"] => Route::Messages,
            ["trash"] => Route::Trash,
            ["search"] => Route::Search,
            ["dashboard"] => Route::Dashboard,
            ["review"] => Route::Review(String::new()),
            ["review", p] => Route::Review(p.to_string()),
            ["data"] => Route::Data,
            ["settings"] => Route::Settings,
            ["actions"] => Route::Actions,
            ["calendar"] => Route::Calendar("month".into(), String::new()),
            ["calendar", v] if CALENDAR_VIEWS.contains(v) => Route::Calendar(v.to_string(), String::new()),
            ["calendar", v, date] if CALENDAR_VIEWS.contains(v) => Route::Calendar(v.to_string(), date.to_string()),
            [m, "new", at] if MODULES.contains(m) => Route::NewAt(m.to_string(), at.to_string()),
            ["events", id, "on", date] => Route::Occurrence(id.to_string(), date.to_string()),
            ["items", id, kind] if MOVE_KINDS.contains(kind) => Route::ItemMove(id.to_string(), kind.to_string()),
            ["orders", id, "receive"] => Route::Receive(id.to_string()),
            ["low-stock"] => Route::LowStock,
            ["assets", id, kind] if ASSET_ENTRIES.contains(kind) => Route::AssetEntry(id.to_string(), kind.to_string()),
            ["maintenance-due"] => Route::MaintenanceDue,
            ["attendance-import"] => Route::AttendanceImport,
            ["holiday-file"] => Route::HolidayFile,
            ["directory"] => Route::Directory,
            ["event-board"] => Route::EventBoard,
            ["plan-board"] => Route::PlanBoard,
            ["check-in", id] => Route::CheckIn(id.to_string()),
            ["run-sheet", id] => Route::RunSheet(id.to_string()),
            ["quotation", id] => Route::Quotation(id.to_string()),
            ["portfolio"] => Route::Portfolio,
            ["event-calendar"] => Route::EventCalendar(String::new()),
            ["event-calendar", ym] => Route::EventCalendar(ym.to_string()),
            ["attendance-month"] => Route::AttendanceMonth(String::new()),
            ["attendance-month", ym] => Route::AttendanceMonth(ym.to_string()),
            ["attendance-grid", id] => Route::AttendanceGrid(id.to_string(), String::new()),
            ["attendance-grid", id, ym] => Route::AttendanceGrid(id.to_string(), ym.to_string()),
            ["asset-register"] => Route::AssetRegister,
            ["stock-report"] => Route::StockReport,
            ["payroll-year"] => Route::PayrollYear(String::new()),
            ["payroll-year", y] => Route::PayrollYear(y.to_string()),
            ["reconcile", id] => Route::Reconcile(id.to_string()),
            ["books"] => Route::Books("pl".into(), String::new()),
            ["books", r] if REPORTS.contains(r) => Route::Books(r.to_string(), String::new()),
            ["books", r, p] if REPORTS.contains(r) => Route::Books(r.to_string(), p.to_string()),
            [m] if MODULES.contains(m) => Route::List(m.to_string()),
            [m, "new"] if MODULES.contains(m) => Route::New(m.to_string()),
            [m, "import"] if MODULES.contains(m) => Route::Import(m.to_string()),
            [m, "import", parent] if MODULES.contains(m) => Route::ImportInto(m.to_string(), parent.to_string()),
            [m, id] if MODULES.contains(m) => Route::View(m.to_string(), id.to_string()),
            [m, id, "edit"] if MODULES.contains(m) => Route::Edit(m.to_string(), id.to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The record list of a record page (list, new, import, detail, edit).
    pub fn list(&self) -> Option<&str> {
        match self {
            Route::List(m)
            | Route::New(m)
            | Route::Import(m)
            | Route::ImportInto(m, _)
            | Route::View(m, _)
            | Route::Edit(m, _)
            | Route::NewAt(m, _) => Some(m),
            _ => None,
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::List(m) => format!("#/{m}"),
            Route::New(m) => format!("#/{m}/new"),
            Route::Import(m) => format!("#/{m}/import"),
            Route::ImportInto(m, parent) => format!("#/{m}/import/{parent}"),
            Route::View(m, id) => format!("#/{m}/{id}"),
            Route::Edit(m, id) => format!("#/{m}/{id}/edit"),
            Route::NewAt(m, at) => format!("#/{m}/new/{at}"),
            Route::Occurrence(id, date) => format!("#/events/{id}/on/{date}"),
            Route::Calendar(v, date) if date.is_empty() => format!("#/calendar/{v}"),
            Route::Calendar(v, date) => format!("#/calendar/{v}/{date}"),
            Route::Actions => "#/actions".into(),
            Route::ItemMove(id, kind) => format!("#/items/{id}/{kind}"),
            Route::Receive(id) => format!("#/orders/{id}/receive"),
            Route::LowStock => "#/low-stock".into(),
            Route::AssetEntry(id, kind) => format!("#/assets/{id}/{kind}"),
            Route::MaintenanceDue => "#/maintenance-due".into(),
            Route::AttendanceImport => "#/attendance-import".into(),
            Route::HolidayFile => "#/holiday-file".into(),
            Route::Directory => "#/directory".into(),
            Route::EventBoard => "#/event-board".into(),
            Route::PlanBoard => "#/plan-board".into(),
            Route::CheckIn(id) => format!("#/check-in/{id}"),
            Route::RunSheet(id) => format!("#/run-sheet/{id}"),
            Route::Quotation(id) => format!("#/quotation/{id}"),
            Route::Portfolio => "#/portfolio".into(),
            Route::EventCalendar(ym) if ym.is_empty() => "#/event-calendar".into(),
            Route::EventCalendar(ym) => format!("#/event-calendar/{ym}"),
            Route::AttendanceMonth(ym) if ym.is_empty() => "#/attendance-month".into(),
            Route::AttendanceMonth(ym) => format!("#/attendance-month/{ym}"),
            Route::AttendanceGrid(id, ym) if ym.is_empty() => format!("#/attendance-grid/{id}"),
            Route::AttendanceGrid(id, ym) => format!("#/attendance-grid/{id}/{ym}"),
            Route::PayrollYear(y) if y.is_empty() => "#/payroll-year".into(),
            Route::PayrollYear(y) => format!("#/payroll-year/{y}"),
            Route::Reconcile(id) => format!("#/reconcile/{id}"),
            Route::Books(r, p) if p.is_empty() => format!("#/books/{r}"),
            Route::Books(r, p) => format!("#/books/{r}/{p}"),
            Route::AssetRegister => "#/asset-register".into(),
            Route::StockReport => "#/stock-report".into(),
            Route::Desk => "#/desk".into(),
            Route::Messages => "#/messages".into(),
            Route::Trash => "#/trash".into(),
            Route::Search => "#/search".into(),
            Route::Dashboard => "#/dashboard".into(),
            Route::Review(p) if p.is_empty() => "#/review".into(),
            Route::Review(p) => format!("#/review/{p}"),
            Route::Data => "#/data".into(),
            Route::Settings => "#/settings".into(),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_screen_of_an_area_has_its_own_address() {
        assert_eq!(Route::parse("#/contacts/abc"), Route::View("contacts".into(), "abc".into()));
        for r in [
            Route::ItemMove("i1".into(), "issue".into()),
            Route::Receive("p1".into()),
            Route::LowStock,
            Route::StockReport,
            Route::View("stocktakes".into(), "s1".into()),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        for r in [Route::AssetEntry("a1".into(), "repair".into()), Route::MaintenanceDue, Route::AssetRegister] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse("#/items/i1/steal"), Route::NotFound("items/i1/steal".into()));
        assert_eq!(Route::parse("#/calls/new"), Route::New("calls".into()));
    }

    #[test]
    fn parse_and_href_agree() {
        for r in [
            Route::List("contacts".into()),
            Route::New("contacts".into()),
            Route::Import("contacts".into()),
            Route::ImportInto("event_guests".into(), "ev-1".into()),
            Route::CheckIn("ev-1".into()),
            Route::RunSheet("ev-1".into()),
            Route::Quotation("ev-1".into()),
            Route::Portfolio,
            Route::EventCalendar(String::new()),
            Route::EventCalendar("2027-02".into()),
            Route::View("contacts".into(), "abc-1".into()),
            Route::Edit("contacts".into(), "abc-1".into()),
            Route::View("calls".into(), "c1".into()),
            Route::New("visitors".into()),
            Route::NewAt("events".into(), "2026-11-23T09:00".into()),
            Route::Occurrence("e1".into(), "2026-11-24".into()),
            Route::Calendar("week".into(), "2026-11-23".into()),
            Route::Calendar("agenda".into(), String::new()),
            Route::Desk,
            Route::Actions,
            Route::HolidayFile,
            Route::Messages,
            Route::Trash,
            Route::Search,
            Route::Dashboard,
            Route::Review(String::new()),
            Route::Review("2026-Q4".into()),
            Route::Data,
            Route::Settings,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Desk);
        assert_eq!(Route::parse("#/calendar"), Route::Calendar("month".into(), String::new()));
        assert_eq!(Route::parse("#/nope/x/y/z"), Route::NotFound("nope/x/y/z".into()));
    }
}
