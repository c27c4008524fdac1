//! Assets and equipment: the register, a log per asset (check-out and check-in, repairs,
//! maintenance), scheduled maintenance coming due, and straight-line depreciation.
//! Who holds an asset and when it was last serviced are read from the log, never typed.
use crate::sort::sort_by;
use chrono::{Datelike, Months, NaiveDate};

use super::dates::day_text;
use super::inventory::int;
use super::record::{validate_by_schema, Entity, FieldError, FormRules, RecordRules};

crate::choice! {
    /// What kind of thing an asset is.
    pub enum AssetCategory {
        It = "it" => "asset.cat.it",
        Furniture = "furniture" => "asset.cat.furniture",
        Vehicle = "vehicle" => "asset.cat.vehicle",
        Machine = "machine" => "asset.cat.machine",
        Other = "other" => "asset.cat.other",
    }
}
crate::choice! {
    /// Where an asset is in its life.
    pub enum AssetStatus {
        InUse = "in_use" => "asset.status.in_use",
        InStorage = "in_storage" => "asset.status.in_storage",
        InRepair = "in_repair" => "asset.status.in_repair",
        Retired = "retired" => "asset.status.retired",
        Disposed = "disposed" => "asset.status.disposed",
    }
}
crate::choice! {
    /// The unit of an asset's maintenance interval.
    pub enum EveryUnit {
        Months = "months" => "asset.every.months",
        Days = "days" => "asset.every.days",
    }
}

crate::record! {
    pub struct Asset in "assets" {
        tag: String => Text, "asset.tag" .required().listed().aliases(&["tag number", "nomor inventaris", "no aset"]),
        name: String => Text, "asset.name" .required().listed().aliases(&["nama", "nama aset"]),
        category: AssetCategory = AssetCategory::It => Select(AssetCategory::OPTIONS), "asset.category" .required().listed().aliases(&["kategori"]),
        status: AssetStatus = AssetStatus::InUse => Select(AssetStatus::OPTIONS), "asset.status" .required().listed(),
        /// The employee it is assigned to for good (a temporary loan is a check-out in the log).
        assigned_to: String => Suggest("people"), "asset.assigned_to" .listed().aliases(&["pemegang", "assigned"]),
        location: String => Suggest("locations"), "asset.location" .listed().aliases(&["lokasi"]),
        serial: String => Text, "asset.serial" .aliases(&["serial number", "nomor seri"]),
        model: String => Text, "asset.model" .aliases(&["tipe"]),
        supplier_id: String => ContactRef, "asset.supplier",
        purchase_date: Option<chrono::NaiveDate> => Date, "asset.purchase_date" .aliases(&["tanggal beli"]),
        /// Minor units.
        cost: Option<i64> => Money, "asset.cost" .aliases(&["harga beli", "harga"]),
        warranty_end: Option<chrono::NaiveDate> => Date, "asset.warranty_end" .aliases(&["garansi"]),
        /// Useful life in months, for depreciation.
        life_months: Option<i64> => Integer, "asset.life_months" .aliases(&["umur ekonomis"]),
        /// Value at the end of its life, minor units.
        salvage: Option<i64> => Money, "asset.salvage" .aliases(&["nilai sisa"]),
        /// Scheduled maintenance every N days or months; empty when none.
        every: Option<i64> => Integer, "asset.every" .aliases(&["perawatan setiap"]),
        every_unit: EveryUnit = EveryUnit::Months => Select(EveryUnit::OPTIONS), "asset.every_unit",
        notes: String => LongText, "asset.notes" .aliases(&["catatan"]),
    }
}

const RULES: FormRules = FormRules { shown_when: &[("every_unit", "every", &[])], span: None, hidden: &[] };

impl RecordRules for Asset {
    fn form_rules() -> &'static FormRules {
        &RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        let bad = |errs: &Vec<FieldError>, k: &str| errs.iter().any(|(f, _)| *f == k);
        for k in ["cost", "salvage", "life_months", "every"] {
            if !bad(&errs, k) && int(&self.get(k)) < 0 {
                errs.push((k, "err.negative"));
            }
        }
        if !bad(&errs, "salvage") && self.salvage.unwrap_or(0) > self.cost.unwrap_or(0) && self.cost.is_some() {
            errs.push(("salvage", "err.salvage"));
        }
        if self.every.is_some() && self.every.unwrap_or(0) == 0 && !bad(&errs, "every") {
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
    let (cost, salvage, life) = (a.cost.unwrap_or(0), a.salvage.unwrap_or(0), a.life_months.unwrap_or(0));
    let Some(bought) = a.purchase_date else { return (0, cost) };
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

crate::choice! {
    /// What happened to an asset.
    pub enum LogKind {
        Checkout = "checkout" => "alog.kind.checkout",
        Checkin = "checkin" => "alog.kind.checkin",
        Repair = "repair" => "alog.kind.repair",
        Maintenance = "maintenance" => "alog.kind.maintenance",
    }
}

crate::record! {
    /// One entry in an asset's history.
    pub struct AssetLog in "asset_log" {
        asset_id: String => Ref(crate::domain::assets::Asset), "alog.asset" .required().listed().aliases(&["aset", "asset"]),
        kind: LogKind = LogKind::Checkout => Select(LogKind::OPTIONS), "alog.kind" .required().listed().aliases(&["jenis"]),
        date: Option<chrono::NaiveDate> => Date, "alog.date" .required().listed().aliases(&["tanggal"]),
        /// Check-out: who takes it.
        who: String => Suggest("people"), "alog.who" .listed().aliases(&["peminjam", "who"]),
        /// Check-out: when it should come back.
        due: Option<chrono::NaiveDate> => Date, "alog.due" .aliases(&["kembali"]),
        problem: String => Text, "alog.problem" .aliases(&["masalah"]),
        action: String => Text, "alog.action" .aliases(&["tindakan"]),
        vendor: String => Text, "alog.vendor" .aliases(&["bengkel", "vendor"]),
        /// Minor units.
        cost: Option<i64> => Money, "alog.cost" .aliases(&["biaya"]),
        /// Days out of use.
        downtime: Option<i64> => Integer, "alog.downtime" .aliases(&["hari tidak terpakai"]),
        notes: String => Text, "alog.notes" .aliases(&["catatan"]),
    }
}

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

impl RecordRules for AssetLog {
    fn form_rules() -> &'static FormRules {
        &LOG_RULES
    }
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        match self.kind {
            LogKind::Checkout if self.who.trim().is_empty() => errs.push(("who", "err.required")),
            LogKind::Repair | LogKind::Maintenance if self.problem.trim().is_empty() && self.action.trim().is_empty() => {
                errs.push(("action", "err.required"))
            }
            _ => {}
        }
        if let (Some(d), Some(due)) = (self.date, self.due) {
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
        match self.kind {
            LogKind::Checkout => format!("→ {} {}", self.who, day_text(self.date)),
            LogKind::Checkin => format!("← {}", day_text(self.date)),
            _ => format!("{} {}", day_text(self.date), if self.action.is_empty() { &self.problem } else { &self.action }),
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
        match l.kind {
            LogKind::Checkout => out = Some(l),
            LogKind::Checkin => out = None,
            _ => {}
        }
    }
    out
}

/// When scheduled maintenance is next due: the interval after the last maintenance (or
/// after purchase, if never serviced). `None` when the asset has no schedule or is retired.
pub fn next_maintenance(a: &Asset, log: &[AssetLog]) -> Option<NaiveDate> {
    let n = a.every.unwrap_or(0);
    if n <= 0 || matches!(a.status, AssetStatus::Retired | AssetStatus::Disposed) || a.meta.deleted_at.is_some() {
        return None;
    }
    let last = history(log, &a.meta.id).into_iter().filter(|l| l.kind == LogKind::Maintenance).filter_map(|l| l.date).max();
    let from = last.or(a.purchase_date)?;
    match a.every_unit {
        EveryUnit::Days => from.checked_add_days(chrono::Days::new(n as u64)),
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
