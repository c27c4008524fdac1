//! Record ids: UUIDs of version 8 (RFC 9562 §5.8) laid out as 48 bits of Unix
//! milliseconds, the version, a 12-bit counter for ids made in the same millisecond, the
//! variant, and 62 bits naming the browser that made them.
//!
//! Why not random (version 4) ids: a random id is 16 bytes no compressor shrinks, 16 % of
//! the storage quota at 100,000 records. Ids one browser makes one after another share
//! their last 8 bytes and differ by a small time in their first, which the store keeps as
//! a few bytes (`table::columns`). Two browsers share a node with odds of 2⁻⁶²; one tab
//! never makes the same id twice (the clock is read through a counter that only goes
//! forward). Two tabs of one browser would have to make an id in the same millisecond with
//! the same counter, and a list saved by two tabs at once is refused by its revision check.
use std::cell::Cell;

use crate::table::ids::{id_bytes, NODE_BITS};
use crate::table::stamps::uuid_text;

thread_local! {
    /// This browser's node (62 bits); a random one until [`set_node`] names the stored one.
    static NODE: Cell<Option<u64>> = const { Cell::new(None) };
    /// The millisecond and counter of the last id made.
    static LAST: Cell<(i64, u16)> = const { Cell::new((i64::MIN, 0)) };
}

/// A fresh random node, for a browser that has none stored yet.
pub fn random_node() -> u64 {
    u64::from_le_bytes(uuid::Uuid::new_v4().as_bytes()[..8].try_into().expect("8 bytes")) & NODE_BITS
}

/// Ids made from now on name `node` (the one this browser keeps in its store).
pub fn set_node(node: u64) {
    NODE.with(|n| n.set(Some(node & NODE_BITS)));
}

fn node() -> u64 {
    NODE.with(|n| match n.get() {
        Some(v) => v,
        None => {
            let v = random_node();
            n.set(Some(v));
            v
        }
    })
}

/// A new record id, made now.
pub fn new_id() -> String {
    new_id_at(chrono::Utc::now().timestamp_millis())
}

/// A new record id for the time `ms` (Unix milliseconds). Never the same as one made
/// before in this browser: a clock that goes back or more than 4,096 ids in one
/// millisecond borrow the next millisecond.
pub fn new_id_at(ms: i64) -> String {
    let (ms, counter) = LAST.with(|last| {
        let (last_ms, last_counter) = last.get();
        let next = if ms > last_ms {
            (ms, 0)
        } else if last_counter < 0x0FFF {
            (last_ms, last_counter + 1)
        } else {
            (last_ms + 1, 0)
        };
        last.set(next);
        next
    });
    uuid_text(&id_bytes(ms, counter, node()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::ids::id_parts;

    #[test]
    fn ids_are_version_8_uuids_that_name_their_time_and_node() {
        set_node(0x1234_5678_9abc_def0);
        let id = new_id_at(1_764_547_200_123);
        let u = uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!(u.get_version_num(), 8);
        assert_eq!(u.get_variant(), uuid::Variant::RFC4122);
        let (ms, _) = id_parts(u.as_bytes()).unwrap();
        assert_eq!(ms, 1_764_547_200_123);
        assert_eq!(u64::from_be_bytes(u.as_bytes()[8..].try_into().unwrap()) & NODE_BITS, 0x1234_5678_9abc_def0 & NODE_BITS);
    }

    #[test]
    fn ids_made_in_one_millisecond_or_with_the_clock_going_back_never_repeat() {
        set_node(7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            assert!(seen.insert(new_id_at(1_800_000_000_000)));
        }
        for _ in 0..100 {
            assert!(seen.insert(new_id_at(1_700_000_000_000)));
        }
    }

    #[test]
    fn a_random_uuid_is_not_read_as_one_of_ours() {
        let b = *uuid::Uuid::parse_str("0f8fad5b-d9cb-469f-a165-70867728950e").unwrap().as_bytes();
        assert_eq!(id_parts(&b), None);
        let ours = id_bytes(5, 0x0ABC, 99);
        assert_eq!(id_parts(&ours), Some((5, 0x0ABC)));
    }
}
