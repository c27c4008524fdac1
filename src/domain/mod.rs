//! Pure domain logic: record types, validation, formats. No browser APIs here,
//! so everything below is tested natively with `cargo test`.

pub mod assets;
pub mod attendance;
pub mod backup;
pub mod booking;
pub mod calendar;
pub mod checklists;
pub mod client_events;
pub mod contact;
pub mod csv_io;
pub mod csv_write;
pub mod dates;
pub mod declare;
pub mod discipline;
pub mod finance;
pub mod format;
pub mod frontdesk;
pub mod ics;
pub mod ics_read;
pub mod ics_write;
pub mod inventory;
pub mod leave;
pub mod meeting;
pub mod payroll;
pub mod people;
pub mod po_csv;
pub mod purchasing;
pub mod record;
pub mod recruitment;
pub mod recurrence;
pub mod refs;
pub mod schema;
pub mod settings;
pub mod stocktake;
pub mod training;
pub mod vcard;
