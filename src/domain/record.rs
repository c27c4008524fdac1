//! The generic record layer: every module's record is an [`Entity`] described by a
//! static schema of fields, so the shared list/form/trash screens serve them all.
use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::table::stamps;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub id: String,
    #[serde(deserialize_with = "stamps::stamp", serialize_with = "stamps::write_stamp")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "stamps::stamp", serialize_with = "stamps::write_stamp")]
    pub updated_at: DateTime<Utc>,
    /// Set when the record is in the trash; purged records are removed outright.
    #[serde(
        default,
        deserialize_with = "stamps::some_stamp",
        serialize_with = "stamps::write_some_stamp",
        skip_serializing_if = "Option::is_none"
    )]
    pub deleted_at: Option<DateTime<Utc>>,
}

impl Meta {
    pub fn new(now: DateTime<Utc>) -> Self {
        Meta { id: super::ids::new_id_at(now.timestamp_millis()), created_at: now, updated_at: now, deleted_at: None }
    }

    /// The first cells of a stored row (`table::META_FIELDS`): id and the two times are
    /// required, as serde required them.
    pub fn from_row(r: &mut crate::table::Row<'_>) -> Result<Meta, String> {
        let missing = |name: &str| format!("missing field `{name}`");
        let id = r.next_cell().ok_or_else(|| missing("id"))?;
        let created = r.next_cell().ok_or_else(|| missing("created_at"))?;
        let updated = r.next_cell().ok_or_else(|| missing("updated_at"))?;
        let deleted = r.next_cell();
        fn text(e: serde_json::Error) -> String {
            e.to_string()
        }
        Ok(Meta {
            id: serde::Deserialize::deserialize(id).map_err(text)?,
            created_at: stamps::stamp(created).map_err(text)?,
            updated_at: stamps::stamp(updated).map_err(text)?,
            deleted_at: match deleted {
                Some(c) => stamps::some_stamp(c).map_err(text)?,
                None => None,
            },
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FieldKind {
    Text,
    LongText,
    /// One value per line; every line must look like an e-mail address.
    Emails,
    /// One value per line.
    Phones,
    /// Comma-separated labels.
    Tags,
    /// Fixed choices: (stored value, i18n key of the label).
    Select(&'static [(&'static str, &'static str)]),
    /// Local date and time, `YYYY-MM-DDTHH:MM` (office time, as a clerk writes it down).
    DateTime,
    /// Like `DateTime`, filled with the current time on a new record.
    DateTimeNow,
    /// `YYYY-MM-DD`.
    Date,
    /// The id of a contact, or empty.
    ContactRef,
    /// Yes or no, stored as "1" or "".
    Check,
    /// One value per line, free text.
    Lines,
    /// People, one per line: contacts' names, colleagues or departments, picked or typed.
    People,
    /// A whole number of at least 1, or empty.
    Number,
    /// Days of the week as two-letter iCalendar codes, "MO,WE".
    Weekdays,
    /// A whole number, negative allowed (an adjustment), or empty.
    Integer,
    /// A time of day, `HH:MM`.
    Time,
    /// Money in integer minor units of the office currency; the form shows and reads it in
    /// major units with the UI language's separators.
    Money,
    /// Free text with suggestions from a named source ("locations", "categories", "people").
    Suggest(&'static str),
    /// The id of a record of another type, chosen from a list; holds that type's collection.
    /// Declared as `Ref(Type)` or `Ref(Type, "scope")`: labels, pickers and imports reach
    /// the type through [`Entity::visit_ref`], never through this name.
    Ref(&'static str),
}

pub use super::dates::{parse_date, parse_datetime};

#[derive(Clone, Copy, Debug)]
pub struct FieldDef {
    pub key: &'static str,
    /// i18n key of the label.
    pub label: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    /// Shown as a column in the list.
    pub in_list: bool,
    /// Other column headers that mean this field in imported CSV files (lower case).
    pub aliases: &'static [&'static str],
}

impl FieldDef {
    /// An optional field, not a list column, with no other CSV headers.
    pub const fn new(key: &'static str, label: &'static str, kind: FieldKind) -> Self {
        FieldDef { key, label, kind, required: false, in_list: false, aliases: &[] }
    }
    pub const fn required(self) -> Self {
        FieldDef { required: true, ..self }
    }
    /// Shown as a column in the list.
    pub const fn listed(self) -> Self {
        FieldDef { in_list: true, ..self }
    }
    /// Other column headers that mean this field in imported CSV files (lower case).
    pub const fn aliases(self, aliases: &'static [&'static str]) -> Self {
        FieldDef { aliases, ..self }
    }
}

/// How a form behaves beyond its fields: what shows when, and which fields move together.
pub struct FormRules {
    /// (field, controlling field, values of the controlling field that show it; empty means
    /// any non-empty value). A hidden field keeps its value; `validate` still judges it.
    pub shown_when: &'static [(&'static str, &'static str, &'static [&'static str])],
    /// (start, end): moving the start moves the end by the same amount, keeping the length.
    pub span: Option<(&'static str, &'static str)>,
    /// Fields the form never shows: set by the app as things happen (an order's status).
    pub hidden: &'static [&'static str],
}

impl FormRules {
    pub const NONE: FormRules = FormRules { shown_when: &[], span: None, hidden: &[] };

    /// Whether `field` shows, reading the other fields' current text through `value`.
    pub fn shown(&self, field: &str, value: impl Fn(&str) -> String) -> bool {
        !self.hidden.contains(&field) && self.applies(field, value)
    }

    /// Whether `field` means anything for this record (a transfer has no category): the
    /// form's conditions without its hidden fields, which a detail page still shows.
    pub fn applies(&self, field: &str, value: impl Fn(&str) -> String) -> bool {
        self.shown_when.iter().filter(|(f, _, _)| *f == field).all(|(_, by, vals)| {
            let v = value(by);
            if vals.is_empty() {
                !v.trim().is_empty()
            } else {
                vals.contains(&v.as_str())
            }
        })
    }
}

/// The end after its start moved from `old_start` to `new_start`, keeping the length between
/// them; `None` when any of the three is not a date or date-time (a half-typed value).
pub fn shifted_end(old_start: &str, new_start: &str, end: &str) -> Option<String> {
    if let (Some(a), Some(b), Some(e)) = (parse_datetime(old_start), parse_datetime(new_start), parse_datetime(end)) {
        return Some(super::dates::datetime_text(e + (b - a)));
    }
    let (a, b, e) = (parse_date(old_start)?, parse_date(new_start)?, parse_date(end)?);
    Some(super::dates::date_text(e + (b - a)))
}

/// A validation problem on one field: (field key, i18n key of the message).
pub type FieldError = (&'static str, &'static str);

/// A record type, written by [`crate::record!`] from its one declaration; its own rules
/// come from [`RecordRules`]. `FromRow` reads stored lists and backups; `DeserializeOwned`
/// stays for JSON documents and tests.
pub trait Entity: RecordRules + Clone + PartialEq + Serialize + DeserializeOwned + crate::table::FromRow + 'static {
    /// Storage collection name; also the key in backups and the record's URL.
    const COLLECTION: &'static str;
    fn fields() -> &'static [FieldDef];
    fn blank(now: DateTime<Utc>) -> Self;
    fn meta(&self) -> &Meta;
    fn meta_mut(&mut self) -> &mut Meta;
    /// The field as the text a user edits or reads.
    fn get(&self, key: &str) -> String;
    /// Sets a field from the text a user typed; parsing is lenient, `validate` judges.
    fn set(&mut self, key: &str, value: &str);
    /// Shows `visitor` the type a reference field points at (with the field's scope);
    /// false when `key` is not a reference.
    fn visit_ref<V: RefVisitor>(key: &str, visitor: &mut V) -> bool;
}

/// A record other records point at (an employee, an item, an account): how a pointer to it
/// reads, which records a picker offers, and what an imported cell may call it.
pub trait Referable: Entity + Send + Sync {
    /// How a pointer to it reads in lists, pickers and exported files.
    fn ref_label(&self) -> String;
    /// Still there to be pointed at; `scope` narrows it for a field (`"money"`: only cash
    /// and bank accounts).
    fn live(&self, _scope: &str) -> bool {
        self.meta().deleted_at.is_none()
    }
    /// Offered in a picker (a retired item is live, and no longer offered).
    fn offered(&self, scope: &str) -> bool {
        self.live(scope)
    }
    /// Whether an imported cell names it; `lower` is the cell trimmed and in lower case.
    /// Its id and its label always do.
    fn named_by(&self, _lower: &str) -> bool {
        false
    }
    /// The order pickers offer them in: A→Z by label unless the type says otherwise.
    fn picker_key(&self, label: &str) -> String {
        crate::text::lower_owned(label.to_string())
    }
}

/// Reached with the type a reference field points at, so the caller works with that type
/// and no list is looked up by name.
pub trait RefVisitor {
    fn visit<T: Referable>(&mut self, scope: &'static str);
}

pub use super::declare::RecordRules;

/// Splits a multi-value text field (lines, or commas for tags) into trimmed, non-empty parts.
pub fn split_list(value: &str, sep: &[char]) -> Vec<String> {
    value.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

pub fn looks_like_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c == ',' || c == ';' || c == '<' || c == '>')
        && !domain.contains('@')
}

pub fn looks_like_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    digits >= 3 && s.chars().all(|c| c.is_ascii_digit() || " +-().#*/xXext;=:".contains(c))
}

/// Years a date typed or imported may fall in. Four digits hold any year, so a slip
/// (`0226` for `2026`) is a valid date to the parser: this range catches it at the field.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The message for a date (or date-time, with `datetime`) that cannot be taken, if any.
pub fn date_problem(v: &str, datetime: bool) -> Option<&'static str> {
    use chrono::Datelike;
    let year = if datetime { parse_datetime(v).map(|t| t.year()) } else { parse_date(v).map(|d| d.year()) };
    match year {
        None => Some(if datetime { "err.datetime" } else { "err.date" }),
        Some(y) if !YEARS.contains(&y) => Some("err.year_range"),
        Some(_) => None,
    }
}

/// Upper bound on any single text field, so a pasted novel cannot eat the quota unnoticed.
pub const MAX_FIELD_CHARS: usize = 10_000;

/// Sets a field from text a person typed or a file held (a form, a CSV row) and names the
/// problem when a typed field could not take it: a number field keeps no text, so "12x"
/// would otherwise vanish unseen instead of being pointed at.
pub fn fill<E: Entity>(record: &mut E, key: &'static str, text: &str) -> Option<FieldError> {
    record.set(key, text);
    let def = E::fields().iter().find(|f| f.key == key)?;
    let kind = def.kind;
    let refused = !text.trim().is_empty() && record.get(key).is_empty();
    match kind {
        // A choice keeps only its own codes: anything else leaves it as it was.
        FieldKind::Select(_) if record.get(key) != text.trim() => {
            Some((key, if text.trim().is_empty() && def.required { "err.required" } else { "err.choice" }))
        }
        FieldKind::Money if refused => Some((key, "err.money")),
        FieldKind::Integer if refused => Some((key, "err.integer")),
        FieldKind::Number if refused => Some((key, "err.number")),
        FieldKind::Date if refused => Some((key, "err.date")),
        FieldKind::DateTime | FieldKind::DateTimeNow if refused => Some((key, "err.datetime")),
        FieldKind::Time if refused => Some((key, "err.time")),
        _ => None,
    }
}

/// The problems of a record filled by [`fill`]: what its fields refused, then its own
/// checks (one message per field, the first found).
pub fn problems_after_fill<E: Entity>(record: &E, refused: Vec<FieldError>) -> Vec<FieldError> {
    let mut errs = refused;
    for e in record.validate() {
        if !errs.iter().any(|(k, _)| *k == e.0) {
            errs.push(e);
        }
    }
    errs
}

/// Checks that apply to every field of every entity, from its schema alone.
pub fn validate_by_schema<E: Entity>(record: &E) -> Vec<FieldError> {
    let mut errs = Vec::new();
    for f in E::fields() {
        let v = record.get(f.key);
        if f.required && v.trim().is_empty() {
            errs.push((f.key, "err.required"));
            continue;
        }
        if v.chars().count() > MAX_FIELD_CHARS {
            errs.push((f.key, "err.too_long"));
            continue;
        }
        match f.kind {
            FieldKind::Emails if !split_list(&v, &['\n']).iter().all(|e| looks_like_email(e)) => errs.push((f.key, "err.email")),
            FieldKind::Phones if !split_list(&v, &['\n']).iter().all(|p| looks_like_phone(p)) => errs.push((f.key, "err.phone")),
            FieldKind::Select(opts) if !opts.iter().any(|(o, _)| *o == v) => errs.push((f.key, "err.choice")),
            FieldKind::DateTime | FieldKind::DateTimeNow | FieldKind::Date if !v.is_empty() => {
                if let Some(e) = date_problem(&v, f.kind != FieldKind::Date) {
                    errs.push((f.key, e))
                }
            }
            FieldKind::Time if !v.is_empty() && super::dates::parse_time(&v).is_none() => errs.push((f.key, "err.time")),
            FieldKind::Integer | FieldKind::Money if !v.is_empty() && v.trim().parse::<i64>().is_err() => {
                errs.push((f.key, if f.kind == FieldKind::Money { "err.money" } else { "err.integer" }))
            }
            FieldKind::Number if !v.is_empty() && !v.trim().parse::<u32>().is_ok_and(|n| n >= 1) => errs.push((f.key, "err.number")),
            _ => {}
        }
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_the_start_keeps_the_length() {
        assert_eq!(shifted_end("2026-12-02T09:00", "2026-12-02T10:30", "2026-12-02T10:00").as_deref(), Some("2026-12-02T11:30"));
        // Across a month end and a leap day.
        assert_eq!(shifted_end("2028-02-28T23:00", "2028-02-29T23:00", "2028-02-29T01:00").as_deref(), Some("2028-03-01T01:00"));
        assert_eq!(shifted_end("2026-12-02", "2026-12-30", "2026-12-03").as_deref(), Some("2026-12-31"));
        // A half-typed start moves nothing.
        assert_eq!(shifted_end("2026-12-02T09:00", "2026-12-0", "2026-12-02T10:00"), None);
    }

    #[test]
    fn fields_show_by_rule() {
        const R: FormRules =
            FormRules { shown_when: &[("weekdays", "repeat", &["weekly"]), ("count", "repeat", &[])], span: None, hidden: &["status"] };
        let with = |repeat: &'static str| move |k: &str| if k == "repeat" { repeat.to_string() } else { String::new() };
        assert!(R.shown("weekdays", with("weekly")) && !R.shown("weekdays", with("monthly")));
        assert!(R.shown("count", with("daily")) && !R.shown("count", with("")));
        assert!(R.shown("title", with("")), "a field without a rule always shows");
        assert!(!R.shown("status", with("")));
    }

    #[test]
    fn dates_outside_the_years_an_office_uses_are_refused() {
        assert_eq!(date_problem("0226-12-01T09:00", true), Some("err.year_range"));
        assert_eq!(date_problem("2026-12-01T09:00", true), None);
        assert_eq!(date_problem("1899-12-31", false), Some("err.year_range"));
        assert_eq!(date_problem("1900-01-01", false), None);
        assert_eq!(date_problem("2200-12-31", false), None);
        assert_eq!(date_problem("2201-01-01", false), Some("err.year_range"));
        assert_eq!(date_problem("2026-02-30", false), Some("err.date"));
        assert_eq!(date_problem("2026-12-01T25:00", true), Some("err.datetime"));
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("budi@contoh.co.id"));
        assert!(!looks_like_email("budi@contoh"));
        assert!(!looks_like_email("budi contoh@x.id"));
        assert!(!looks_like_email("@x.id"));
        assert!(!looks_like_email("a@b@c.id"));
    }

    #[test]
    fn phone_shapes() {
        assert!(looks_like_phone("+62 21 555-1234"));
        assert!(looks_like_phone("(905) 555-1234"));
        assert!(!looks_like_phone("call me"));
        assert!(!looks_like_phone("12"));
    }

    #[test]
    fn split_list_trims_and_drops_empty() {
        assert_eq!(split_list(" a, ,b ,", &[',']), vec!["a", "b"]);
    }
}
