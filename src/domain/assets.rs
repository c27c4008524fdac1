//! Assets and equipment: the register, a log per asset (check-out and check-in, repairs,
//! maintenance), scheduled maintenance coming due, and straight-line depreciation.
//! Who holds an asset and when it was last serviced are read from the log, never typed.
use crate::domain::sort::sort_by;
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::inventory::int;
use super::record::{parse_date, validate_by_schema, Entity, FieldDef, FieldError, FieldKind, FormRules, Meta};

pub const CATEGORIES: &[(&str, &str)] = &[
    ("it", "asset.cat.it"),
    ("furniture", "asset.cat.furniture"),
    ("vehicle", "asset.cat.vehicle"),
    ("machine", "asset.cat.machine"),
    ("other", "asset.cat.other"),
];
pub const STATUS: &[(&str, &str)] = &[
    ("in_use", "asset.status.in_use"),
    ("in_storage", "asset.status.in_storage"),
    ("in_repair", "asset.status.in_repair"),
    ("retired", "asset.status.retired"),
    ("disposed", "asset.status.disposed"),
];
pub const EVERY_UNITS: &[(&str, &str)] = &[("months", "asset.every.months"), ("days", "asset.every.days")];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Asset {
    #[serde(flatten)]
    pub meta: Meta,
    pub tag: String,
    pub name: String,
    pub category: String,
    pub serial: String,
    pub model: String,
    pub supplier_id: String,
    pub purchase_date: String,
    /// Minor units.
    pub cost: String,
    pub warranty_end: String,
    pub location: String,
    /// The employee it is assigned to for good (a temporary loan is a check-out in the log).
    pub assigned_to: String,
    pub status: String,
    /// Useful life in months, for depreciation.
    pub life_months: String,
    /// Value at the end of its life, minor units.
    pub salvage: String,
    /// Scheduled maintenance every N days or months; empty when none.
    pub every: String,
    pub every_unit: String,
    pub notes: String,
}
crate::text_fields!(Asset { tag, name, category, serial, model, supplier_id, purchase_date, cost, warranty_end, location, assigned_to, status, life_months, salvage, every, every_unit, notes } long { notes });

impl Default for Asset {
    fn default() -> Self {
        Asset::blank(DateTime::UNIX_EPOCH)
    }
}

const FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "tag",
        label: "asset.tag",
        kind: FieldKind::Text,
        required: true,
        in_list: true,
        aliases: &["tag number", "nomor inventaris", "no aset"],
    },
    FieldDef { key: "name", label: "asset.name", kind: FieldKind::Text, required: true, in_list: true, aliases: &["nama", "nama aset"] },
    FieldDef {
        key: "category",
        label: "asset.category",
        kind: FieldKind::Select(CATEGORIES),
        required: true,
        in_list: true,
        aliases: &["kategori"],
    },
    FieldDef { key: "status", label: "asset.status", kind: FieldKind::Select(STATUS), required: true, in_list: true, aliases: &[] },
    FieldDef {
        key: "assigned_to",
        label: "asset.assigned_to",
        kind: FieldKind::Suggest("people"),
        required: false,
        in_list: true,
        aliases: &["pemegang", "assigned"],
    },
    FieldDef {
        key: "location",
        label: "asset.location",
        kind: FieldKind::Suggest("locations"),
        required: false,
        in_list: true,
        aliases: &["lokasi"],
    },
    FieldDef {
        key: "serial",
        label: "asset.serial",
        kind: FieldKind::Text,
        required: false,
        in_list: false,
        aliases: &["serial number", "nomor seri"],
    },
    FieldDef { key: "model", label: "asset.model", kind: FieldKind::Text, required: false, in_list: false, aliases: &["tipe"] },
    FieldDef { key: "supplier_id", label: "asset.supplier", kind: FieldKind::ContactRef, required: false, in_list: false, aliases: &[] },
    FieldDef {
        key: "purchase_date",
        label: "asset.purchase_date",
        kind: FieldKind::Date,
        required: false,
        in_list: false,
        aliases: &["tanggal beli"],
    },
    FieldDef {
        key: "cost",
        label: "asset.cost",
        kind: FieldKind::Money,
        required: false,
        in_list: false,
        aliases: &["harga beli", "harga"],
    },
    FieldDef {
        key: "warranty_end",
        label: "asset.warranty_end",
        kind: FieldKind::Date,
        required: false,
        in_list: false,
        aliases: &["garansi"],
    },
    FieldDef {
        key: "life_months",
        label: "asset.life_months",
        kind: FieldKind::Integer,
        required: false,
        in_list: false,
        aliases: &["umur ekonomis"],
    },
    FieldDef { key: "salvage", label: "asset.salvage", kind: FieldKind::Money, required: false, in_list: false, aliases: &["nilai sisa"] },
    FieldDef {
        key: "every",
        label: "asset.every",
        kind: FieldKind::Integer,
        required: false,
        in_list: false,
        aliases: &["perawatan setiap"],
    },
    FieldDef {
        key: "every_unit",
        label: "asset.every_unit",
        kind: FieldKind::Select(EVERY_UNITS),
        required: false,
        in_list: false,
        aliases: &[],
    },
    FieldDef { key: "notes", label: "asset.notes", kind: FieldKind::LongText, required: false, in_list: false, aliases: &["catatan"] },
];

const RULES: FormRules = FormRules { shown_when: &[("every_unit", "every", &[])], span: None, hidden: &[] };

impl Entity for Asset {
    const COLLECTION: &'static str = "assets";
    fn fields() -> &'static [FieldDef] {
        FIELDS
    }
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn blank(now: DateTime<Utc>) -> Self {
        Asset {
            meta: Meta::new(now),
            tag: String::new(),
            name: String::new(),
            category: "it".into(),
            serial: String::new(),
            model: String::new(),
            supplier_id: String::new(),
            purchase_date: String::new(),
            cost: String::new(),
            warranty_end: String::new(),
            location: String::new(),
            assigned_to: String::new(),
            status: "in_use".into(),
            life_months: String::new(),
            salvage: String::new(),
            every: String::new(),
            every_unit: "months".into(),
            notes: String::new(),
        }
    }
    crate::text_entity!();
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let bad = |errs: &Vec<FieldError>, k: &str| errs.iter().any(|(f, _)| *f == k);
        for k in ["cost", "salvage", "life_months", "every"] {
            if !bad(&errs, k) && int(&self.get(k)) < 0 {
                errs.push((k, "err.negative"));
            }
        }
        if !bad(&errs, "salvage") && int(&self.salvage) > int(&self.cost) && !self.cost.is_empty() {
            errs.push(("salvage", "err.salvage"));
        }
        if !self.every.is_empty() && int(&self.every) == 0 && !bad(&errs, "every") {
            errs.push(("every", "err.positive"));
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} {}", self.tag, self.name)
    }
}

/// Straight-line depreciation on `day`: (accumulated, book value), whole months since
/// purchase, never below salvage. Without a cost, life or purchase date there is nothing
/// to depreciate and the book value is the cost.
pub fn book_value(a: &Asset, day: NaiveDate) -> (i64, i64) {
    let (cost, salvage, life) = (int(&a.cost), int(&a.salvage), int(&a.life_months));
    let Some(bought) = parse_date(&a.purchase_date) else { return (0, cost) };
    if life <= 0 || cost <= 0 || day < bought {
        return (0, cost);
    }
    let mut months = (day.year() - bought.year()) as i64 * 12 + day.month() as i64 - bought.month() as i64;
    if day.day() < bought.day() && !is_month_end(day) {
        months -= 1;
    }
    let used = months.clamp(0, life);
    let accumulated = (cost - salvage) * used / life;
    (accumulated, cost - accumulated)
}

fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.month() != d.month())
}

pub const LOG_KINDS: &[(&str, &str)] = &[
    ("checkout", "alog.kind.checkout"),
    ("checkin", "alog.kind.checkin"),
    ("repair", "alog.kind.repair"),
    ("maintenance", "alog.kind.maintenance"),
];

/// One entry in an asset's history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AssetLog {
    #[serde(flatten)]
    pub meta: Meta,
    pub asset_id: String,
    pub kind: String,
    pub date: String,
    /// Check-out: who takes it.
    pub who: String,
    /// Check-out: when it should come back.
    pub due: String,
    pub problem: String,
    pub action: String,
    pub vendor: String,
    /// Minor units.
    pub cost: String,
    /// Days out of use.
    pub downtime: String,
    pub notes: String,
}
crate::text_fields!(AssetLog { asset_id, kind, date, who, due, problem, action, vendor, cost, downtime, notes });

impl Default for AssetLog {
    fn default() -> Self {
        AssetLog::blank(DateTime::UNIX_EPOCH)
    }
}

const LOG_FIELDS: &[FieldDef] = &[
    FieldDef {
        key: "asset_id",
        label: "alog.asset",
        kind: FieldKind::Ref("assets"),
        required: true,
        in_list: true,
        aliases: &["aset", "asset"],
    },
    FieldDef { key: "kind", label: "alog.kind", kind: FieldKind::Select(LOG_KINDS), required: true, in_list: true, aliases: &["jenis"] },
    FieldDef { key: "date", label: "alog.date", kind: FieldKind::Date, required: true, in_list: true, aliases: &["tanggal"] },
    FieldDef {
        key: "who",
        label: "alog.who",
        kind: FieldKind::Suggest("people"),
        required: false,
        in_list: true,
        aliases: &["peminjam", "who"],
    },
    FieldDef { key: "due", label: "alog.due", kind: FieldKind::Date, required: false, in_list: false, aliases: &["kembali"] },
    FieldDef { key: "problem", label: "alog.problem", kind: FieldKind::Text, required: false, in_list: false, aliases: &["masalah"] },
    FieldDef { key: "action", label: "alog.action", kind: FieldKind::Text, required: false, in_list: false, aliases: &["tindakan"] },
    FieldDef {
        key: "vendor",
        label: "alog.vendor",
        kind: FieldKind::Text,
        required: false,
        in_list: false,
        aliases: &["bengkel", "vendor"],
    },
    FieldDef { key: "cost", label: "alog.cost", kind: FieldKind::Money, required: false, in_list: false, aliases: &["biaya"] },
    FieldDef {
        key: "downtime",
        label: "alog.downtime",
        kind: FieldKind::Integer,
        required: false,
        in_list: false,
        aliases: &["hari tidak terpakai"],
    },
    FieldDef { key: "notes", label: "alog.notes", kind: FieldKind::Text, required: false, in_list: false, aliases: &["catatan"] },
];

const LOG_RULES: FormRules = FormRules {
    shown_when: &[
        ("who", "kind", &["checkout"]),
        ("due", "kind", &["checkout"]),
        ("problem", "kind", &["repair", "maintenance"]),
        ("action", "kind", &["repair", "maintenance"]),
        ("vendor", "kind", &["repair", "maintenance"]),
        ("cost", "kind", &["repair", "maintenance"]),
        ("downtime", "kind", &["repair", "maintenance"]),
    ],
    span: None,
    hidden: &[],
};

impl Entity for AssetLog {
    const COLLECTION: &'static str = "asset_log";
    fn fields() -> &'static [FieldDef] {
        LOG_FIELDS
    }
    fn form_rules() -> &'static FormRules {
        &LOG_RULES
    }
    fn blank(now: DateTime<Utc>) -> Self {
        AssetLog {
            meta: Meta::new(now),
            asset_id: String::new(),
            kind: "checkout".into(),
            date: String::new(),
            who: String::new(),
            due: String::new(),
            problem: String::new(),
            action: String::new(),
            vendor: String::new(),
            cost: String::new(),
            downtime: String::new(),
            notes: String::new(),
        }
    }
    crate::text_entity!();
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        match self.kind.as_str() {
            "checkout" if self.who.trim().is_empty() => errs.push(("who", "err.required")),
            "repair" | "maintenance" if self.problem.trim().is_empty() && self.action.trim().is_empty() => {
                errs.push(("action", "err.required"))
            }
            _ => {}
        }
        if let (Some(d), Some(due)) = (parse_date(&self.date), parse_date(&self.due)) {
            if due < d {
                errs.push(("due", "err.before_start"));
            }
        }
        for k in ["cost", "downtime"] {
            if int(&self.get(k)) < 0 && !errs.iter().any(|(f, _)| *f == k) {
                errs.push((k, "err.negative"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        match self.kind.as_str() {
            "checkout" => format!("→ {} {}", self.who, self.date),
            "checkin" => format!("← {}", self.date),
            _ => format!("{} {}", self.date, if self.action.is_empty() { &self.problem } else { &self.action }),
        }
    }
}

/// An asset's log, oldest first (by date, then as entered).
pub fn history<'a>(log: &'a [AssetLog], asset_id: &str) -> Vec<&'a AssetLog> {
    let mut v: Vec<&AssetLog> = log.iter().filter(|l| l.asset_id == asset_id && l.meta.deleted_at.is_none()).collect();
    sort_by(&mut v, |a, b| a.date.cmp(&b.date).then(a.meta.created_at.cmp(&b.meta.created_at)));
    v
}

/// The open check-out, if the asset is out: the last check-out not followed by a check-in.
pub fn holder<'a>(log: &'a [AssetLog], asset_id: &str) -> Option<&'a AssetLog> {
    let mut out = None;
    for l in history(log, asset_id) {
        match l.kind.as_str() {
            "checkout" => out = Some(l),
            "checkin" => out = None,
            _ => {}
        }
    }
    out
}

/// When scheduled maintenance is next due: the interval after the last maintenance (or
/// after purchase, if never serviced). `None` when the asset has no schedule or is retired.
pub fn next_maintenance(a: &Asset, log: &[AssetLog]) -> Option<NaiveDate> {
    let n = int(&a.every);
    if n <= 0 || matches!(a.status.as_str(), "retired" | "disposed") || a.meta.deleted_at.is_some() {
        return None;
    }
    let last = history(log, &a.meta.id).into_iter().filter(|l| l.kind == "maintenance").filter_map(|l| parse_date(&l.date)).max();
    let from = last.or_else(|| parse_date(&a.purchase_date))?;
    match a.every_unit.as_str() {
        "days" => from.checked_add_days(chrono::Days::new(n as u64)),
        _ => from.checked_add_months(Months::new(n as u32)),
    }
}

/// Assets whose maintenance is overdue or due within `soon_days`, most overdue first.
pub fn maintenance_due<'a>(assets: &'a [Asset], log: &[AssetLog], today: NaiveDate, soon_days: u64) -> Vec<(&'a Asset, NaiveDate)> {
    let horizon = today.checked_add_days(chrono::Days::new(soon_days)).unwrap_or(today);
    let mut v: Vec<(&Asset, NaiveDate)> =
        assets.iter().filter_map(|a| next_maintenance(a, log).filter(|d| *d <= horizon).map(|d| (a, d))).collect();
    sort_by(&mut v, |a, b| a.1.cmp(&b.1).then(a.0.tag.cmp(&b.0.tag)));
    v
}

#[cfg(test)]
#[path = "assets_tests.rs"]
mod tests;
