//! The ZIP container an .xlsx file is (APPNOTE 6.3): the parts a workbook needs, deflated,
//! written with fixed dates so the same sheet gives the same bytes; read back through the
//! central directory, each part inflated with a size limit and its CRC checked, so a
//! damaged or hostile file is refused rather than trusted. ZIP64 and encryption are refused:
//! spreadsheet programs use neither for a workbook of this size.
use super::XlsxError;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// No part of a workbook an office imports is larger; a bigger one is a zip bomb.
const MOST_PER_PART: usize = 64 << 20;
/// 1 January 1980, the earliest DOS date: written for every part.
const DOS_DATE: u16 = 0x0021;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// An OLE compound file: an old .xls workbook, or an .xlsx encrypted with a password (kept
/// in such a file, with its encryption described in a stream of that name).
const OLE: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

fn encrypted_ooxml(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(name.len()).any(|w| w == name.as_slice())
}

/// The archive of `parts` (name, content), each deflated.
pub fn write(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in parts {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let header = |sig: u32, buf: &mut Vec<u8>, central_entry: bool| {
            buf.extend(sig.to_le_bytes());
            if central_entry {
                buf.extend(20u16.to_le_bytes()); // made by: version 2.0
            }
            buf.extend(20u16.to_le_bytes()); // needed to extract: 2.0 (deflate)
            buf.extend(0u16.to_le_bytes()); // flags
            buf.extend(8u16.to_le_bytes()); // deflate
            buf.extend(0u16.to_le_bytes()); // time
            buf.extend(DOS_DATE.to_le_bytes());
            buf.extend(crc.to_le_bytes());
            buf.extend((packed.len() as u32).to_le_bytes());
            buf.extend((data.len() as u32).to_le_bytes());
            buf.extend((name.len() as u16).to_le_bytes());
            buf.extend(0u16.to_le_bytes()); // extra field
            if central_entry {
                buf.extend(0u16.to_le_bytes()); // comment
                buf.extend(0u16.to_le_bytes()); // disk
                buf.extend(0u16.to_le_bytes()); // internal attributes
                buf.extend(0u32.to_le_bytes()); // external attributes
                buf.extend(offset.to_le_bytes());
            }
            buf.extend(name.as_bytes());
        };
        header(LOCAL, &mut out, false);
        out.extend(&packed);
        header(CENTRAL, &mut central, true);
    }
    let at = out.len() as u32;
    out.extend(&central);
    out.extend(END.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Where each part is, from the central directory.
struct Part {
    name: String,
    method: u16,
    crc: u32,
    packed: usize,
    size: usize,
    local: usize,
}

pub struct Archive<'a> {
    bytes: &'a [u8],
    parts: Vec<Part>,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, XlsxError> {
        if bytes.starts_with(&OLE) {
            return Err(if encrypted_ooxml(bytes) { XlsxError::Unsupported } else { XlsxError::NotXlsx });
        }
        if !bytes.starts_with(&LOCAL.to_le_bytes()) {
            return Err(XlsxError::NotXlsx);
        }
        // The end record is the last thing in the file, before a comment of up to 64 KB.
        let earliest = bytes.len().saturating_sub(22 + 0xffff);
        let end = (earliest..=bytes.len().saturating_sub(22)).rev().find(|&i| u32_at(bytes, i) == Some(END)).ok_or(XlsxError::Damaged)?;
        let count = u16_at(bytes, end + 10).ok_or(XlsxError::Damaged)? as usize;
        let start = u32_at(bytes, end + 16).ok_or(XlsxError::Damaged)?;
        if count == 0xffff || start == u32::MAX {
            return Err(XlsxError::Unsupported);
        }
        let mut at = start as usize;
        let mut parts = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            if u32_at(bytes, at) != Some(CENTRAL) {
                return Err(XlsxError::Damaged);
            }
            let field = |off: usize| u32_at(bytes, at.saturating_add(off)).ok_or(XlsxError::Damaged);
            let short = |off: usize| u16_at(bytes, at.saturating_add(off)).map(usize::from).ok_or(XlsxError::Damaged);
            let flags = short(8)?;
            let (packed, size, local) = (field(20)?, field(24)?, field(42)?);
            if flags & 1 == 1 {
                return Err(XlsxError::Unsupported);
            }
            if [packed, size, local].contains(&u32::MAX) {
                return Err(XlsxError::Unsupported);
            }
            let (name_len, extra, comment) = (short(28)?, short(30)?, short(32)?);
            let name = bytes.get(at.saturating_add(46)..at.saturating_add(46 + name_len)).ok_or(XlsxError::Damaged)?;
            parts.push(Part {
                name: String::from_utf8_lossy(name).into_owned(),
                method: short(10)? as u16,
                crc: field(16)?,
                packed: packed as usize,
                size: size as usize,
                local: local as usize,
            });
            at = at.saturating_add(46 + name_len + extra + comment);
        }
        Ok(Archive { bytes, parts })
    }

    /// A part's content by its name (`xl/workbook.xml`, a leading `/` allowed; letter case
    /// ignored, as the packaging rules ask), or `None` when the archive has no such part.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, XlsxError> {
        let name = name.trim_start_matches('/');
        let Some(p) = self.parts.iter().find(|p| p.name.trim_start_matches('/').eq_ignore_ascii_case(name)) else {
            return Ok(None);
        };
        let b = self.bytes;
        if u32_at(b, p.local) != Some(LOCAL) {
            return Err(XlsxError::Damaged);
        }
        let name_len = u16_at(b, p.local.saturating_add(26)).ok_or(XlsxError::Damaged)? as usize;
        let extra = u16_at(b, p.local.saturating_add(28)).ok_or(XlsxError::Damaged)? as usize;
        let from = p.local.checked_add(30 + name_len + extra).ok_or(XlsxError::Damaged)?;
        let packed = b.get(from..from.checked_add(p.packed).ok_or(XlsxError::Damaged)?).ok_or(XlsxError::Damaged)?;
        if p.size > MOST_PER_PART {
            return Err(XlsxError::TooLarge);
        }
        let data = match p.method {
            0 => packed.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MOST_PER_PART).map_err(|_| XlsxError::Damaged)?,
            _ => return Err(XlsxError::Unsupported),
        };
        if data.len() != p.size || crc32fast::hash(&data) != p.crc {
            return Err(XlsxError::Damaged);
        }
        Ok(Some(data))
    }
}
