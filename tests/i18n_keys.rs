//! Every translation key the source uses exists in both languages.
use std::fs;
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<String>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out)
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(fs::read_to_string(&p).unwrap())
        }
    }
}

#[test]
fn every_used_key_is_translated() {
    let mut files = vec![];
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let prefixes = [
        "action.",
        "app.",
        "cev.",
        "etask.",
        "guest.",
        "rundown.",
        "vendor.",
        "folio.",
        "venue.",
        "cand.",
        "career.",
        "vac.",
        "backup.",
        "banner.",
        "call.",
        "desk.",
        "visitor.",
        "collection.",
        "contact.",
        "data.",
        "err.",
        "form.",
        "import.",
        "list.",
        "nav.",
        "notfound.",
        "quota.",
        "record.",
        "settings.",
        "toast.",
        "trash.",
        "vcard.",
        "event.",
        "cal.",
        "ics.",
        "minutes.",
        "action.",
        "item.",
        "move.",
        "po.",
        "count.",
        "low.",
        "report.",
        "asset.",
        "alog.",
        "emp.",
        "chg.",
        "leave.",
        "hol.",
        "att.",
        "sp.",
        "trn.",
        "pay.",
        "rates.",
        "blay.",
        "obl.",
        "obld.",
        "plan.",
        "ptask.",
        "prev.",
        "adj.",
        "run.",
        "slip.",
        "year.",
        "journal.",
        "acc.",
        "entry.",
        "books.",
        "period.",
        "bank.",
        "inv.",
        "aging.",
        "budget.",
        "rec.",
        "review.",
        "dash.",
        "lin.",
        "lout.",
        "lser.",
        "ltpl.",
        "lock.",
        "crypt.",
    ];
    let mut missing = vec![];
    let mut seen = 0;
    for src in &files {
        for piece in src.split('"').skip(1).step_by(2) {
            let is_key = prefixes.iter().any(|p| piece.starts_with(p))
                && piece.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
                && !piece.ends_with('.');
            if is_key {
                seen += 1;
                if !backoffice::i18n::has(piece) {
                    missing.push(piece.to_string());
                }
            }
        }
    }
    assert!(seen > 100, "the scan found only {seen} keys");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "untranslated keys: {missing:?}");
}

/// Every list of the registry has a name in both languages (the Data screen, the backup
/// preview and the unreadable-part notice show it).
#[test]
fn every_collection_is_named() {
    macro_rules! names {
        ($($name:ident: $t:ty,)*) => { [$(stringify!($name),)*] };
    }
    for name in backoffice::with_record_lists!(names) {
        for lang in [backoffice::domain::format::Lang::Id, backoffice::domain::format::Lang::En] {
            let key = format!("collection.{name}");
            assert_ne!(backoffice::i18n::t(lang, &key), key, "{key}");
        }
    }
}

/// The area whose part of the wasm holds a source file's code (src/ui/areas.rs), by its
/// path under src/; `None` for the shell's files and those every area shares. A file not
/// named here counts as the shell's, so its strings must be in the shell's table.
fn area_of(path: &str) -> Option<&'static str> {
    let by_file = [
        ("contacts", &["ui/contacts.rs", "domain/contact.rs", "domain/vcard.rs"][..]),
        (
            "calendar",
            &["ui/calendar.rs", "ui/calendar_files.rs", "ui/occurrence.rs", "domain/calendar.rs", "domain/ics.rs", "domain/ics_tests.rs"],
        ),
        ("meetings", &["ui/minutes.rs", "domain/meeting.rs"]),
        (
            "supplies",
            &[
                "ui/inventory.rs",
                "ui/orders.rs",
                "ui/stocktake.rs",
                "domain/inventory.rs",
                "domain/inventory_tests.rs",
                "domain/purchasing.rs",
                "domain/purchasing_tests.rs",
                "domain/stocktake.rs",
                "domain/po_csv.rs",
            ],
        ),
        ("assets", &["ui/assets.rs", "domain/assets.rs", "domain/assets_tests.rs"]),
        (
            "people",
            &[
                "ui/people.rs",
                "ui/career.rs",
                "ui/checklists.rs",
                "ui/discipline.rs",
                "ui/recruitment.rs",
                "domain/people.rs",
                "domain/people_tests.rs",
                "domain/career.rs",
                "domain/checklists.rs",
                "domain/checklists_tests.rs",
                "domain/discipline.rs",
                "domain/recruitment.rs",
                "domain/recruitment_tests.rs",
                "domain/training.rs",
            ],
        ),
        (
            "attendance",
            &[
                "ui/attendance.rs",
                "ui/attendance_grid.rs",
                "ui/leave.rs",
                "ui/holiday_file.rs",
                "domain/attendance.rs",
                "domain/attendance_grid.rs",
                "domain/attendance_grid_tests.rs",
                "domain/attendance_tests.rs",
                "domain/leave.rs",
                "domain/leave_tests.rs",
            ],
        ),
        ("payroll", &["ui/payroll.rs", "ui/payroll_run.rs"]),
        ("finance", &["ui/finance.rs", "ui/finance_reports.rs"]),
        (
            "billing",
            &[
                "ui/bank.rs",
                "ui/invoices.rs",
                "domain/finance/invoices.rs",
                "domain/finance/reconcile.rs",
                "domain/finance/statement.rs",
                "domain/finance/statement_tests.rs",
            ],
        ),
        (
            "events",
            &[
                "ui/client_events.rs",
                "domain/client_events.rs",
                "ui/event_guests.rs",
                "domain/event_guests.rs",
                "ui/run_sheet.rs",
                "domain/run_sheet.rs",
                "ui/event_vendors.rs",
                "domain/event_vendors.rs",
                "ui/portfolio.rs",
                "domain/portfolio.rs",
                "ui/venues.rs",
                "domain/venues.rs",
            ],
        ),
        (
            "coordination",
            &[
                "ui/compliance.rs",
                "ui/plans.rs",
                "ui/kpis.rs",
                "ui/dashboard.rs",
                "ui/review.rs",
                "domain/review.rs",
                "domain/review_tests.rs",
                "domain/compliance.rs",
                "domain/kpis.rs",
                "domain/compliance_tests.rs",
                "domain/plans.rs",
                "domain/plans_tests.rs",
            ],
        ),
        (
            "letters",
            &[
                "ui/letters.rs",
                "ui/letter_templates.rs",
                "domain/letters.rs",
                "domain/letters_tests.rs",
                "domain/letter_templates.rs",
                "domain/letter_templates_tests.rs",
            ],
        ),
        (
            "office",
            &[
                "ui/data.rs",
                "ui/search.rs",
                "ui/settings.rs",
                "ui/encryption.rs",
                "ui/trash.rs",
                "domain/settings.rs",
                "ui/audit_view.rs",
                "ui/autosave_folder.rs",
                "domain/audit.rs",
                "domain/audit_tests.rs",
            ],
        ),
        ("xlsx", &["ui/xlsx.rs", "domain/xlsx/mod.rs", "domain/xlsx/tests.rs"]),
        // Parts that add a table of their own (src/ui/areas.rs, page_parts.rs, lock.rs).
        ("reminders", &["ui/reminders.rs"]),
        ("lock", &["ui/lock.rs"]),
        ("unreadable", &["ui/unreadable.rs"]),
        ("import", &["ui/csv_import.rs"]),
        (
            "attachments",
            &["ui/attachments.rs", "ui/attachments_part.rs", "ui/backup_zip.rs", "domain/attachments.rs", "domain/backup_zip.rs"],
        ),
    ];
    if let Some((area, _)) = by_file.iter().find(|(_, files)| files.contains(&path)) {
        return Some(area);
    }
    if path.starts_with("domain/payroll/") {
        Some("payroll")
    } else if path.starts_with("domain/finance/") {
        Some("finance")
    } else {
        None
    }
}

/// A string is in the table of the code that shows it: a key a file uses is in the shell's
/// table or in one its area adds (src/ui/areas.rs) — an area's screen never shows a raw key
/// because its strings were left in another area's part.
#[test]
fn every_key_is_where_its_code_is() {
    use backoffice::i18n;
    let tables = |area: Option<&str>| -> Vec<&'static str> {
        let own: &[&str] = match area {
            None => &[],
            Some("contacts") => i18n::CONTACTS,
            Some("calendar") => i18n::CALENDAR,
            Some("meetings") => i18n::MEETINGS,
            Some("supplies") => i18n::SUPPLIES,
            Some("assets") => i18n::ASSETS,
            Some("people") => i18n::PEOPLE,
            Some("attendance") => i18n::ATTENDANCE,
            Some("payroll") => i18n::PAYROLL,
            Some("finance") => i18n::FINANCE,
            Some("billing") => i18n::BILLING,
            Some("events") => i18n::EVENTS,
            Some("coordination") => i18n::COORDINATION,
            Some("letters") => i18n::LETTERS,
            Some("office") => i18n::OFFICE,
            Some("xlsx") => i18n::XLSX,
            Some("attachments") => i18n::ATTACHMENTS,
            Some("reminders") => i18n::REMINDERS,
            Some("lock") => i18n::LOCK,
            Some("unreadable") => i18n::UNREADABLE,
            Some("import") => i18n::IMPORT,
            Some(other) => panic!("no tables for {other}"),
        };
        std::iter::once(i18n::SHELL).chain(own.iter().copied()).collect()
    };
    let in_table = |table: &str, key: &str| table.split('\u{1e}').any(|e| e.split('\u{1f}').next() == Some(key));
    let in_any = |key: &str| i18n::ALL.iter().any(|t| in_table(t, key));
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut paths = vec![];
    collect(root, &mut paths);
    let (mut wrong, mut seen) = (vec![], 0);
    for path in paths {
        let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("i18n/") {
            continue;
        }
        let visible = tables(area_of(&rel));
        let src = fs::read_to_string(&path).unwrap();
        for piece in src.split('"').skip(1).step_by(2) {
            let key = if in_any(piece) {
                piece.to_string()
            } else if in_any(&format!("{piece}.one")) {
                format!("{piece}.one")
            } else {
                continue;
            };
            seen += 1;
            if !visible.iter().any(|t| in_table(t, &key)) {
                wrong.push(format!("{rel}: {key}"));
            }
        }
    }
    assert!(seen > 1000, "the scan found only {seen} keys");
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "keys in a table their file's area does not add: {wrong:#?}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out)
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p)
        }
    }
}
