//! A record type declared once: [`record!`] writes its struct, its field schema (list,
//! form, CSV), its blank record, its text access and its columnar reader from one list of
//! fields, so they cannot disagree. What only that type knows (its checks across fields,
//! its one-line title, which fields show when) goes in its [`RecordRules`].
use super::record::{split_list, FieldKind};

/// How a stored value reads as the text a person edits, and takes back what was typed.
/// Parsing is lenient; `validate` judges what was taken.
pub trait FieldText {
    fn text(&self, kind: FieldKind) -> String;
    fn set_text(&mut self, kind: FieldKind, typed: &str);
}

/// A yes typed in either language, or ticked.
pub fn is_yes(typed: &str) -> bool {
    matches!(crate::text::lower(typed.trim()).as_str(), "1" | "true" | "ya" | "yes" | "y" | "x" | "aktif" | "active")
}

impl FieldText for String {
    fn text(&self, _: FieldKind) -> String {
        self.clone()
    }
    fn set_text(&mut self, kind: FieldKind, typed: &str) {
        *self = match kind {
            // Indented notes and messages keep their leading spaces.
            FieldKind::LongText => typed.trim_end().to_string(),
            FieldKind::Lines | FieldKind::People => split_list(typed, &['\n']).join("\n"),
            FieldKind::Weekdays => {
                use super::calendar::{parse_weekdays, weekday_code};
                parse_weekdays(typed).iter().map(|d| weekday_code(*d)).collect::<Vec<_>>().join(",")
            }
            FieldKind::Check => if is_yes(typed) { "1" } else { "" }.to_string(),
            _ => typed.trim().to_string(),
        }
    }
}

impl FieldText for bool {
    fn text(&self, _: FieldKind) -> String {
        if *self { "1" } else { "" }.to_string()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = is_yes(typed)
    }
}

/// A whole number (money in minor units, a count), or nothing. Text that is not a number
/// leaves nothing: [`super::record::fill`] reports it.
impl FieldText for Option<i64> {
    fn text(&self, _: FieldKind) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = typed.trim().parse().ok()
    }
}

/// A count of at least one (every N weeks, N times), or nothing.
impl FieldText for Option<u32> {
    fn text(&self, _: FieldKind) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = typed.trim().parse().ok()
    }
}

/// A day, edited and stored as `YYYY-MM-DD`, or nothing. Text that is not a day leaves
/// nothing: [`super::record::fill`] reports it.
impl FieldText for Option<chrono::NaiveDate> {
    fn text(&self, _: FieldKind) -> String {
        self.map(super::dates::date_text).unwrap_or_default()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = super::dates::parse_date(typed)
    }
}

/// A local date and time to the minute, `YYYY-MM-DDTHH:MM`, or nothing.
impl FieldText for Option<chrono::NaiveDateTime> {
    fn text(&self, _: FieldKind) -> String {
        self.map(super::dates::datetime_text).unwrap_or_default()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = super::dates::parse_datetime(typed).map(super::dates::datetime_to_minute)
    }
}

/// A time of day, `HH:MM`, or nothing.
impl FieldText for Option<chrono::NaiveTime> {
    fn text(&self, _: FieldKind) -> String {
        self.map(super::dates::time_text).unwrap_or_default()
    }
    fn set_text(&mut self, _: FieldKind, typed: &str) {
        *self = super::dates::parse_time(typed).map(super::dates::to_minute)
    }
}

/// Lists edited one per line (tags: comma-separated, each once).
impl FieldText for Vec<String> {
    fn text(&self, kind: FieldKind) -> String {
        self.join(if kind == FieldKind::Tags { ", " } else { "\n" })
    }
    fn set_text(&mut self, kind: FieldKind, typed: &str) {
        *self = match kind {
            FieldKind::Tags => {
                let mut tags: Vec<String> = vec![];
                for t in split_list(typed, &[',']) {
                    if !tags.contains(&t) {
                        tags.push(t)
                    }
                }
                tags
            }
            // Commas and semicolons also separate, as people paste "a@x.id, b@y.id".
            FieldKind::Emails => split_list(typed, &['\n', ',', ';']),
            _ => split_list(typed, &['\n']),
        }
    }
}

/// How a form field's value is written to storage and backups and read back. Most types
/// keep serde's own form; a day is `YYYY-MM-DD` or empty text (as when every field was
/// text), read by the app's date reader: chrono's would bring its format parser into the
/// wasm and refuse the empty text older stores and backups hold.
pub trait FieldValue: Sized {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

macro_rules! serde_as_is {
    ($($t:ty),*) => {$(
        impl FieldValue for $t {
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
            fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$t as serde::Deserialize>::deserialize(d)
            }
        }
    )*};
}
serde_as_is!(String, bool, Option<i64>, Option<u32>, Vec<String>);

impl FieldValue for Option<chrono::NaiveDate> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::dates::day_text(*self))
    }
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read_text(d, super::dates::parse_date, "a date YYYY-MM-DD")
    }
}

/// Empty text or nothing is no value; other text must read as one, or the list it is in
/// stays unread (never rewritten emptied).
fn read_text<'de, D: serde::Deserializer<'de>, T>(d: D, parse: fn(&str) -> Option<T>, what: &'static str) -> Result<Option<T>, D::Error> {
    use serde::de::{Error, Unexpected};
    match <Option<String> as serde::Deserialize>::deserialize(d)? {
        Some(t) if !t.trim().is_empty() => parse(&t).map(Some).ok_or_else(|| D::Error::invalid_value(Unexpected::Str(&t), &what)),
        _ => Ok(None),
    }
}

impl FieldValue for Option<chrono::NaiveDateTime> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.map(super::dates::datetime_text).unwrap_or_default())
    }
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(read_text(d, super::dates::parse_datetime, "a date and time YYYY-MM-DDTHH:MM")?.map(super::dates::datetime_to_minute))
    }
}

impl FieldValue for Option<chrono::NaiveTime> {
    fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.map(super::dates::time_text).unwrap_or_default())
    }
    fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(read_text(d, super::dates::parse_time, "a time HH:MM")?.map(super::dates::to_minute))
    }
}

/// serde's `serialize_with` for every declared field.
pub fn write_field<T: FieldValue, S: serde::Serializer>(v: &T, s: S) -> Result<S::Ok, S::Error> {
    v.write(s)
}

/// serde's `deserialize_with` for every declared field.
pub fn read_field<'de, T: FieldValue, D: serde::Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    T::read(d)
}

/// What a record type knows beyond its fields: its checks, its title, its form's rules.
pub trait RecordRules: Sized {
    /// Problems to show next to the fields; the schema's own checks by default.
    fn validate(&self) -> Vec<super::record::FieldError>
    where
        Self: super::record::Entity,
    {
        super::record::validate_by_schema(self)
    }
    /// A one-line name for toasts, the trash and the detail heading.
    fn title(&self) -> String;
    fn form_rules() -> &'static super::record::FormRules {
        &super::record::FormRules::NONE
    }
    /// Fields the app keeps for itself (a line's import key, what made an entry): its
    /// detail page leaves them out, a page of its own links what they point at.
    fn internal() -> &'static [&'static str] {
        &[]
    }
}

/// Declares a record type: its fields once, in form order, each with its type, its blank
/// value (the type's default when left out), its kind and label, and the schema's flags
/// (`.required()`, `.listed()`, `.aliases(&[…])`); then, under `stored`, the fields the
/// app keeps without a form field (a series' exceptions, an order's lines), with serde
/// attributes and `read with` a reader of their own where they need them.
///
/// ```ignore
/// crate::record! {
///     /// A visitor signed in at the front desk.
///     pub struct Visitor in "visitors" {
///         name: String => Text, "visitor.name" .required().listed(),
///         check_out: Option<chrono::NaiveDateTime> => DateTime, "visitor.check_out",
///     }
/// }
/// impl RecordRules for Visitor { fn title(&self) -> String { self.name.clone() } }
/// ```
#[macro_export]
macro_rules! record {
    (
        $(#[$doc:meta])*
        pub struct $name:ident in $collection:literal {
            $(
                $(#[$fdoc:meta])*
                $f:ident : $t:ty $(= $blank:expr)? => $kind:ident $(($($karg:tt)*))?, $label:literal $(.$flag:ident($($farg:expr),*))*
            ),* $(,)?
        }
        $(stored {
            $(
                $(#[$sattr:meta])*
                $s:ident : $st:ty $(= $sblank:expr)? $(; read with $sread:expr)?
            ),* $(,)?
        })?
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            #[serde(flatten)]
            pub meta: $crate::domain::record::Meta,
            $(
                $(#[$fdoc])*
                #[serde(serialize_with = "crate::domain::declare::write_field", deserialize_with = "crate::domain::declare::read_field")]
                pub $f: $t,
            )*
            $($($(#[$sattr])* pub $s: $st,)*)?
        }

        impl Default for $name {
            fn default() -> Self {
                <$name as $crate::domain::record::Entity>::blank(chrono::DateTime::UNIX_EPOCH)
            }
        }

        impl $name {
            const SCHEMA: &'static [$crate::domain::record::FieldDef] = &[$(
                $crate::domain::record::FieldDef::new(
                    stringify!($f),
                    $label,
                    $crate::record!(@kind $kind $(($($karg)*))?),
                ) $(.$flag($($farg),*))*
            ),*];
        }

        impl $crate::domain::record::Entity for $name {
            const COLLECTION: &'static str = $collection;
            fn fields() -> &'static [$crate::domain::record::FieldDef] {
                Self::SCHEMA
            }
            fn blank(now: chrono::DateTime<chrono::Utc>) -> Self {
                $name {
                    meta: $crate::domain::record::Meta::new(now),
                    $($f: $crate::record!(@blank $($blank)?),)*
                    $($($s: $crate::record!(@blank $($sblank)?),)*)?
                }
            }
            fn meta(&self) -> &$crate::domain::record::Meta {
                &self.meta
            }
            fn meta_mut(&mut self) -> &mut $crate::domain::record::Meta {
                &mut self.meta
            }
            fn get(&self, key: &str) -> String {
                use $crate::domain::declare::FieldText;
                match key {
                    $(stringify!($f) => self.$f.text($crate::record!(@kind $kind $(($($karg)*))?)),)*
                    _ => String::new(),
                }
            }
            fn set(&mut self, key: &str, value: &str) {
                use $crate::domain::declare::FieldText;
                match key {
                    $(stringify!($f) => self.$f.set_text($crate::record!(@kind $kind $(($($karg)*))?), value),)*
                    _ => {}
                }
            }
            fn visit_ref<V: $crate::domain::record::RefVisitor>(key: &str, visitor: &mut V) -> bool {
                $($crate::record!(@visit key, visitor, $f, $kind $(($($karg)*))?);)*
                let _ = (key, visitor);
                false
            }
        }

        impl $crate::table::FromRow for $name {
            const FIELDS: &'static [&'static str] = &[$(stringify!($f),)* $($(stringify!($s),)*)?];
            fn blank_row() -> Self {
                Self::default()
            }
            fn from_row(r: &mut $crate::table::Row<'_>, blank: &Self) -> Result<Self, String> {
                let meta = $crate::domain::record::Meta::from_row(r)?;
                let mut err = None;
                let record = $name {
                    meta,
                    $($f: r.next_with_or(&blank.$f, |c| <$t as $crate::domain::declare::FieldValue>::read(c).map_err(|e| e.to_string()), &mut err),)*
                    $($($s: $crate::record!(@read r, blank.$s, err $(, $sread)?),)*)?
                };
                match err {
                    None => Ok(record),
                    Some(e) => Err(e),
                }
            }
        }
    };
    (@kind Ref ($target:ty $(, $scope:literal)?)) => {
        $crate::domain::record::FieldKind::Ref(<$target as $crate::domain::record::Entity>::COLLECTION)
    };
    (@kind $kind:ident) => { $crate::domain::record::FieldKind::$kind };
    (@kind $kind:ident ($($arg:tt)*)) => { $crate::domain::record::FieldKind::$kind($($arg)*) };
    (@visit $key:ident, $visitor:ident, $f:ident, Ref ($target:ty)) => {
        if $key == stringify!($f) {
            $visitor.visit::<$target>("");
            return true;
        }
    };
    (@visit $key:ident, $visitor:ident, $f:ident, Ref ($target:ty, $scope:literal)) => {
        if $key == stringify!($f) {
            $visitor.visit::<$target>($scope);
            return true;
        }
    };
    (@visit $key:ident, $visitor:ident, $f:ident, $($other:tt)*) => {};
    (@blank) => { Default::default() };
    (@blank $e:expr) => { $e };
    (@read $r:ident, $blank:expr, $err:ident) => { $r.field_or(&$blank, &mut $err) };
    (@read $r:ident, $blank:expr, $err:ident, $read:expr) => { $r.next_with_or(&$blank, $read, &mut $err) };
}

/// Declares a fixed choice: an enum whose variants each have the code stored and exported
/// and the i18n key of their label. It writes the options a form's select offers
/// ([`FieldKind::Select`](super::record::FieldKind::Select)), the text a form edits, and a
/// serde form that is the code itself, so stored lists and backups keep their text.
/// The first variant is the default.
///
/// ```ignore
/// crate::choice! {
///     /// How urgent a call is.
///     pub enum Urgency { Normal = "normal" => "call.urgency.normal", High = "high" => "call.urgency.high" }
/// }
/// ```
#[macro_export]
macro_rules! choice {
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $($(#[$vdoc:meta])* $v:ident = $code:literal => $label:literal),+ $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $v),+
        }

        impl $name {
            /// Every choice, in the order a form offers them.
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            /// (stored code, i18n key of the label) of every choice, for a form's select.
            pub const OPTIONS: &'static [(&'static str, &'static str)] = &[$(($code, $label)),+];

            /// What is stored and exported.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$v => $code),+
                }
            }
            /// The i18n key of its label.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$v => $label),+
                }
            }
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $($code => Some($name::$v),)+
                    _ => None,
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::ALL[0]
            }
        }

        impl $crate::domain::declare::FieldText for $name {
            fn text(&self, _: $crate::domain::record::FieldKind) -> String {
                self.code().to_string()
            }
            /// A code not among the choices changes nothing: `fill` names it.
            fn set_text(&mut self, _: $crate::domain::record::FieldKind, typed: &str) {
                if let Some(c) = $name::from_code(typed.trim()) {
                    *self = c;
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        /// A code this build does not know is an error: the list it is in is kept unread
        /// and reported, never rewritten with a guess.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = String::deserialize(d)?;
                $name::from_code(&code)
                    .ok_or_else(|| <D::Error as serde::de::Error>::custom(format!("unknown {} {code:?}", stringify!($name))))
            }
        }

        impl $crate::domain::declare::FieldValue for $name {
            fn write<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serde::Serialize::serialize(self, s)
            }
            fn read<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$name as serde::Deserialize>::deserialize(d)
            }
        }
    };
}

#[cfg(test)]
#[path = "declare_tests.rs"]
mod tests;
