//! Records read out of [`Columns`] field by field, in the order each type declares them.
//!
//! serde's derived readers did this before: one visitor per record type, matching every
//! key by name and buffering the flattened meta part, which came to 86 KB of the wasm
//! (19 KB brotli) for eleven types. Here the per-type part is only a struct literal whose
//! fields each take the next cell (written by [`crate::record!`]); turning a cell into a
//! value is still serde's, compiled once per field type instead of per record type.
use serde::de::DeserializeOwned;

use super::columns::{Cell, Columns};

/// A record type readable from columns.
pub trait FromRow: Sized {
    /// Its stored field names after [`META_FIELDS`], in the order `from_row` takes them.
    const FIELDS: &'static [&'static str];
    /// The values of absent fields.
    fn blank_row() -> Self;
    fn from_row(r: &mut Row<'_>, blank: &Self) -> Result<Self, String>;
}

/// The fields every record has, first in every row.
pub const META_FIELDS: [&str; 4] = ["id", "created_at", "updated_at", "deleted_at"];

/// One row of a chunk being read: hands out its cells in field order.
pub struct Row<'a> {
    cols: &'a mut [Vec<Cell>],
    /// Column of each of `META_FIELDS`, then of each of the type's fields, if present.
    at: Vec<Option<usize>>,
    i: usize,
    next: usize,
}

impl Row<'_> {
    /// The next field's cell; `None` when the row has no value for it.
    pub fn next_cell(&mut self) -> Option<Cell> {
        self.next += 1;
        let k = self.at.get(self.next - 1).copied().flatten()?;
        match std::mem::take(&mut self.cols[k][self.i]) {
            Cell::Null => None,
            c => Some(c),
        }
    }

    /// The next field's value, or `blank` when the row has none or its cell does not fit;
    /// the first misfit is kept in `err`. No early return: a reader built of these has no
    /// clean-up path per field (with `?`, each field read dropped every field before it).
    pub fn field_or<F: DeserializeOwned + Clone>(&mut self, blank: &F, err: &mut Option<String>) -> F {
        self.next_with_or(blank, |c| F::deserialize(c).map_err(|e| e.to_string()), err)
    }

    /// [`Row::field_or`] through a reader of its own (dates kept as text lists).
    pub fn next_with_or<F: Clone>(&mut self, blank: &F, read: fn(Cell) -> Result<F, String>, err: &mut Option<String>) -> F {
        match self.next_cell().map(read) {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                err.get_or_insert(e);
                blank.clone()
            }
            None => blank.clone(),
        }
    }
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
