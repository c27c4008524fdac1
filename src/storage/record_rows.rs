//! Records read out of [`Columns`] field by field, in the order each type declares them.
//!
//! serde's derived readers did this before: one visitor per record type, matching every
//! key by name and buffering the flattened `Meta` part, which came to 86 KB of the wasm
//! (19 KB brotli) for eleven types. Here the per-type part is only a struct literal whose
//! fields each take the next cell; turning a cell into a value is still serde's, compiled
//! once per field type (`String`, `Vec<String>`, an order's lines …) instead of per record
//! type. The struct literal names every field, so a field added to a record and not here
//! does not compile; tests compare this reader with serde's for every record type.
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;

use super::columns::{Cell, Columns};
use crate::domain::record::{some_stamp, stamp, Meta};

/// A record type readable from columns: its field names besides `Meta`'s, in the order of
/// `from_row`'s struct literal.
pub trait FromRow: Sized {
    const FIELDS: &'static [&'static str];
    /// The values of absent fields (serde's defaults for the type).
    fn blank_row() -> Self;
    fn from_row(r: &mut Row<'_>, blank: &Self) -> Result<Self, String>;
}

const META_FIELDS: [&str; 4] = ["id", "created_at", "updated_at", "deleted_at"];

/// One row of a chunk being read: hands out its cells in field order.
pub struct Row<'a> {
    cols: &'a mut [Vec<Cell>],
    /// Column of each of `META_FIELDS`, then of each of the type's fields, if present.
    at: Vec<Option<usize>>,
    i: usize,
    next: usize,
}

impl Row<'_> {
    fn take(&mut self, field: usize) -> Option<Cell> {
        let k = self.at.get(field).copied().flatten()?;
        match std::mem::take(&mut self.cols[k][self.i]) {
            Cell::Null => None,
            c => Some(c),
        }
    }

    fn missing(name: &str) -> String {
        format!("missing field `{name}`")
    }

    /// The row's `Meta`: id and the two times are required, as serde required them.
    pub fn meta(&mut self) -> Result<Meta, String> {
        let id = self.take(0).ok_or_else(|| Self::missing("id"))?;
        let created = self.take(1).ok_or_else(|| Self::missing("created_at"))?;
        let updated = self.take(2).ok_or_else(|| Self::missing("updated_at"))?;
        let deleted = self.take(3);
        Ok(Meta {
            id: cell_into(id)?,
            created_at: stamp_of(created)?,
            updated_at: stamp_of(updated)?,
            deleted_at: match deleted {
                Some(c) => some_stamp(c).map_err(|e| e.to_string())?,
                None => None,
            },
        })
    }

    /// The next field's value, or the blank record's when the row has none.
    pub fn field<F: DeserializeOwned + Clone>(&mut self, blank: &F) -> Result<F, String> {
        self.next_with(blank, cell_into)
    }

    /// The next field's value through a reader of its own (dates kept as text lists).
    pub fn next_with<F: Clone>(&mut self, blank: &F, read: fn(Cell) -> Result<F, String>) -> Result<F, String> {
        self.next += 1;
        match self.take(META_FIELDS.len() + self.next - 1) {
            Some(c) => read(c),
            None => Ok(blank.clone()),
        }
    }
}

fn cell_into<F: DeserializeOwned>(c: Cell) -> Result<F, String> {
    F::deserialize(c).map_err(|e| e.to_string())
}

fn stamp_of(c: Cell) -> Result<DateTime<Utc>, String> {
    stamp(c).map_err(|e| e.to_string())
}

/// Where each field's column is, found once per chunk.
fn locate(keys: &[String], fields: &[&str]) -> Vec<Option<usize>> {
    META_FIELDS.iter().chain(fields).map(|f| keys.iter().position(|k| k == f)).collect()
}

impl Columns {
    /// Every row read into `T`; the first that does not fit is named by its index.
    pub fn rows_of<T: FromRow>(mut self) -> Result<Vec<T>, (usize, String)> {
        let blank = T::blank_row();
        let n = self.len();
        let (keys, cols) = self.parts_mut();
        let mut row = Row { at: locate(keys, T::FIELDS), cols, i: 0, next: 0 };
        (0..n)
            .map(|i| {
                row.i = i;
                row.next = 0;
                T::from_row(&mut row, &blank).map_err(|e| (i, e))
            })
            .collect()
    }
}

/// `FromRow` for a record with `meta` and the listed fields; `with` names a reader of type
/// `fn(Cell) -> Result<F, String>` for a field serde reads with a helper of its own.
macro_rules! from_row {
    ($t:path, $blank:expr, { $($f:ident $(with $w:expr)?),* $(,)? }) => {
        impl FromRow for $t {
            const FIELDS: &'static [&'static str] = &[$(stringify!($f)),*];
            fn blank_row() -> Self {
                $blank
            }
            fn from_row(r: &mut Row<'_>, blank: &Self) -> Result<Self, String> {
                Ok(Self { meta: r.meta()?, $($f: from_row!(@field r, blank.$f $(, $w)?),)* })
            }
        }
    };
    (@field $r:ident, $blank:expr) => { $r.field(&$blank)? };
    (@field $r:ident, $blank:expr, $w:expr) => { $r.next_with(&$blank, $w)? };
}

fn dates(c: Cell) -> Result<Vec<chrono::NaiveDate>, String> {
    crate::domain::dates::serde_dates::deserialize(c).map_err(|e| e.to_string())
}

fn some_date(c: Cell) -> Result<Option<chrono::NaiveDate>, String> {
    crate::domain::dates::serde_dates::option::deserialize(c).map_err(|e| e.to_string())
}

from_row!(crate::domain::contact::Contact, <crate::domain::contact::Contact as crate::domain::record::Entity>::blank(DateTime::UNIX_EPOCH), { party, kind, name, organisation, role, emails, phones, address, tags, notes });
from_row!(crate::domain::frontdesk::Call, Default::default(), { at, caller, number, contact_id, for_whom, message, urgency, status, follow_up });
from_row!(crate::domain::frontdesk::Visitor, Default::default(), { name, company, host, purpose, check_in, check_out });
from_row!(crate::domain::calendar::Event, Default::default(), {
    title, kind, start, end, all_day, location, attendees, notes, repeat, interval, weekdays, until, count,
    except with dates, series_id, occurrence with some_date, uid
});
from_row!(crate::domain::meeting::Minutes, Default::default(), { event_id, date, title, chair, present, agenda, decisions, actions });
from_row!(crate::domain::inventory::Item, Default::default(), { code, name, category, unit, location, reorder_point, reorder_qty, supplier_id, unit_cost, notes, active });
from_row!(crate::domain::inventory::StockMove, Default::default(), { at, item_id, kind, qty, location, to_location, to_whom, reason, unit_cost, order_id, order_line });
from_row!(crate::domain::purchasing::PurchaseOrder, Default::default(), { number, supplier_id, date, expected, status, tax, notes, lines });
from_row!(crate::domain::stocktake::Stocktake, Default::default(), { location, category, started, notes, posted, counts });
from_row!(crate::domain::assets::Asset, Default::default(), {
    tag, name, category, serial, model, supplier_id, purchase_date, cost, warranty_end, location, assigned_to, status,
    life_months, salvage, every, every_unit, notes
});
from_row!(crate::domain::assets::AssetLog, Default::default(), { asset_id, kind, date, who, due, problem, action, vendor, cost, downtime, notes });

#[cfg(test)]
#[path = "record_rows_tests.rs"]
mod tests;
