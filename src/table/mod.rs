//! Records as columns, and columns as text: the format stored chunks and backups share.
//!
//! Pure Rust that names no record type and touches no browser API: `storage` keeps its
//! chunks in this format, `domain` reads backups in it, and each record type declared with
//! [`crate::record!`] reads itself from a [`Row`].
pub mod cells;
pub mod codec;
pub mod columns;
pub mod ids;
mod rows;
pub mod stamps;

pub use columns::{Cell, Columns};
pub use rows::{FromRow, Row, META_FIELDS};

/// Records as columns, one per field, in the order they are given.
pub fn records_as_columns<E: serde::Serialize>(records: &[E]) -> Columns {
    let mut c = Columns::new();
    for r in records {
        c.push(r).expect("records serialise");
    }
    c
}
