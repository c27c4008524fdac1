//! The byte layout of the record ids `domain::ids` makes (UUID version 8): bytes 0–5 the
//! Unix millisecond, then the version nibble and a 12-bit counter, then the variant and
//! the 62-bit node of the browser that made it. The column codec stores such ids as a
//! time delta and a node it has already seen.

/// The bits of an id that name the browser that made it.
pub const NODE_BITS: u64 = (1 << 62) - 1;

/// The 16 bytes of the id for `ms`, `counter` (12 bits) and `node` (62 bits).
pub fn id_bytes(ms: i64, counter: u16, node: u64) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&(ms as u64).to_be_bytes()[2..]);
    b[6] = 0x80 | ((counter >> 8) as u8 & 0x0F);
    b[7] = counter as u8;
    b[8..].copy_from_slice(&((node & NODE_BITS) | (0b10 << 62)).to_be_bytes());
    b
}

/// The millisecond and counter of an id laid out as here; `None` for any other UUID.
pub fn id_parts(b: &[u8; 16]) -> Option<(i64, u16)> {
    if b[6] >> 4 != 8 || b[8] >> 6 != 0b10 {
        return None;
    }
    let mut ms = [0u8; 8];
    ms[2..].copy_from_slice(&b[..6]);
    Some((u64::from_be_bytes(ms) as i64, (u16::from(b[6] & 0x0F) << 8) | u16::from(b[7])))
}

/// The last 8 bytes: variant and node.
pub fn id_tail(b: &[u8; 16]) -> [u8; 8] {
    b[8..].try_into().expect("8 bytes")
}

/// The id whose millisecond, counter and tail these are.
pub fn id_from(ms: i64, counter: u16, tail: [u8; 8]) -> [u8; 16] {
    let mut b = id_bytes(ms, counter, 0);
    b[8..].copy_from_slice(&tail);
    b
}
