//! The ZIP container (APPNOTE 6.3), for the two archives the app writes and reads: an
//! .xlsx workbook (its parts deflated, with fixed dates so the same sheet gives the same
//! bytes) and a backup with its attachments (files stored as they are, written one after
//! another so a browser never holds them all at once). Read back through the central
//! directory, each part inflated with a size limit and its CRC checked, so a damaged or
//! hostile file is refused rather than trusted. ZIP64 and encryption are refused: neither
//! archive is near 4 GB, and neither is ever encrypted by the programs that make them.

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
/// No part of a workbook an office imports is larger; a bigger one is a zip bomb.
pub const MOST_PER_PART: usize = 64 << 20;
/// 1 January 1980, the earliest DOS date: written for every part.
const DOS_DATE: u16 = 0x0021;
/// The largest central directory read.
const MOST_DIRECTORY: u32 = 16 << 20;
/// The end record's size without its comment; the comment is at most 64 KB.
pub const END_LEN: usize = 22;
/// How much of a file's end holds the end record, whatever its comment.
pub const TAIL_LEN: usize = END_LEN + 0xffff;
/// A local header's size before its name and extra field.
pub const LOCAL_LEN: usize = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// Not a ZIP archive at all.
    NotZip,
    /// Cut short or altered: a part is missing its bytes or fails its checksum.
    Damaged,
    /// Encrypted, ZIP64, or a compression method other than stored and deflate.
    Unsupported,
    /// A part or the whole archive larger than is taken or than ZIP without ZIP64 holds.
    TooLarge,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// How a part's bytes are kept: its checksum and sizes, packed (as in the archive) and not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Content {
    /// 0 stored, 8 deflated.
    pub method: u16,
    pub crc: u32,
    pub packed: u64,
    pub size: u64,
}

impl Content {
    /// A part kept as it is (a photo or a PDF, already compressed).
    pub fn stored(data: &[u8]) -> Content {
        Content { method: 0, crc: crc32fast::hash(data), packed: data.len() as u64, size: data.len() as u64 }
    }

    /// A part deflated, with its packed bytes.
    pub fn deflated(data: &[u8]) -> (Content, Vec<u8>) {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let c = Content { method: 8, crc: crc32fast::hash(data), packed: packed.len() as u64, size: data.len() as u64 };
        (c, packed)
    }
}

impl Content {
    /// Whether `packed` can be this part's packed size: a stored part is its size, and
    /// deflate never grows data by more than a few bytes per 16 KB block. Checked before
    /// a part is read, so a lying directory cannot make the reader take in a whole file.
    pub fn plausible(&self) -> bool {
        match self.method {
            0 => self.packed == self.size,
            _ => self.packed <= self.size + self.size / 1000 + 64 * 1024,
        }
    }
}

/// Writes an archive part by part: each part's header is asked for, then its packed bytes
/// are put after it by the caller (from wherever they are), and `finish` gives the directory.
#[derive(Default)]
pub struct Writer {
    at: u64,
    count: usize,
    central: Vec<u8>,
}

impl Writer {
    /// The local header to put before the `c.packed` bytes of the part `name`; `TooLarge`
    /// when the archive would pass what ZIP without ZIP64 holds (4 GB, 65,535 parts).
    pub fn part(&mut self, name: &str, c: Content) -> Result<Vec<u8>, ZipError> {
        self.part_dated(name, c, (0, DOS_DATE))
    }

    /// [`Writer::part`] with the part's time, as [`dos_time`] gives it: an unpacked file
    /// then shows when it was added, not 1980.
    pub fn part_dated(&mut self, name: &str, c: Content, (time, date): (u16, u16)) -> Result<Vec<u8>, ZipError> {
        let header_len = (LOCAL_LEN + name.len()) as u64;
        let end = self.at + header_len + c.packed;
        if end >= u32::MAX as u64 || c.size >= u32::MAX as u64 || self.count + 1 >= 0xffff || name.len() > 0xffff {
            return Err(ZipError::TooLarge);
        }
        let header = |sig: u32, buf: &mut Vec<u8>, central_entry: bool| {
            buf.extend(sig.to_le_bytes());
            if central_entry {
                buf.extend(20u16.to_le_bytes()); // made by: version 2.0
            }
            buf.extend(20u16.to_le_bytes()); // needed to extract: 2.0 (deflate)
                                             // Names are UTF-8 (bit 11), so an attachment's name reads right when unpacked.
            buf.extend(0x0800u16.to_le_bytes());
            buf.extend(c.method.to_le_bytes());
            buf.extend(time.to_le_bytes());
            buf.extend(date.to_le_bytes());
            buf.extend(c.crc.to_le_bytes());
            buf.extend((c.packed as u32).to_le_bytes());
            buf.extend((c.size as u32).to_le_bytes());
            buf.extend((name.len() as u16).to_le_bytes());
            buf.extend(0u16.to_le_bytes()); // extra field
            if central_entry {
                buf.extend(0u16.to_le_bytes()); // comment
                buf.extend(0u16.to_le_bytes()); // disk
                buf.extend(0u16.to_le_bytes()); // internal attributes
                buf.extend(0u32.to_le_bytes()); // external attributes
                buf.extend((self.at as u32).to_le_bytes());
            }
            buf.extend(name.as_bytes());
        };
        let mut local = Vec::with_capacity(header_len as usize);
        header(LOCAL, &mut local, false);
        header(CENTRAL, &mut self.central, true);
        self.at = end;
        self.count += 1;
        Ok(local)
    }

    /// The central directory and end record, to put after the last part.
    pub fn finish(self) -> Result<Vec<u8>, ZipError> {
        if self.at + self.central.len() as u64 >= u32::MAX as u64 {
            return Err(ZipError::TooLarge);
        }
        let mut out = self.central;
        let len = out.len() as u32;
        out.extend(END.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend((self.count as u16).to_le_bytes());
        out.extend((self.count as u16).to_le_bytes());
        out.extend(len.to_le_bytes());
        out.extend((self.at as u32).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        Ok(out)
    }
}

/// A local time as ZIP keeps it: (time, date) in DOS form, to two seconds; a time before
/// 1980 or after 2107 (which DOS dates cannot hold) as 1 January 1980.
pub fn dos_time(t: chrono::NaiveDateTime) -> (u16, u16) {
    use chrono::{Datelike, Timelike};
    if !(1980..=2107).contains(&t.year()) {
        return (0, DOS_DATE);
    }
    let date = ((t.year() - 1980) as u16) << 9 | (t.month() as u16) << 5 | t.day() as u16;
    let time = (t.hour() as u16) << 11 | (t.minute() as u16) << 5 | (t.second() as u16 / 2);
    (time, date)
}

/// The archive of `parts` (name, content), each deflated: a workbook's few small parts.
pub fn write(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = Writer::default();
    let mut out = Vec::new();
    for (name, data) in parts {
        let (c, packed) = Content::deflated(data);
        out.extend(w.part(name, c).expect("a workbook is far below 4 GB"));
        out.extend(packed);
    }
    out.extend(w.finish().expect("a workbook is far below 4 GB"));
    out
}

/// Where the central directory is, from the end record found in a file's `tail` (its last
/// [`TAIL_LEN`] bytes, or all of a smaller file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Directory {
    pub start: u64,
    pub len: u64,
    pub count: usize,
}

pub fn directory(tail: &[u8]) -> Result<Directory, ZipError> {
    let earliest = tail.len().saturating_sub(TAIL_LEN);
    let end = (earliest..=tail.len().saturating_sub(END_LEN)).rev().find(|&i| u32_at(tail, i) == Some(END)).ok_or(ZipError::Damaged)?;
    let count = u16_at(tail, end + 10).ok_or(ZipError::Damaged)? as usize;
    let len = u32_at(tail, end + 12).ok_or(ZipError::Damaged)?;
    let start = u32_at(tail, end + 16).ok_or(ZipError::Damaged)?;
    if count == 0xffff || start == u32::MAX || len == u32::MAX {
        return Err(ZipError::Unsupported);
    }
    // 65,534 parts with names of a few hundred bytes: a directory larger than this lies.
    if len > MOST_DIRECTORY {
        return Err(ZipError::TooLarge);
    }
    Ok(Directory { start: start.into(), len: len.into(), count })
}

/// A part as the central directory lists it; `local` is where its header starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub content: Content,
    pub local: u64,
}

/// The parts listed in a central directory's bytes.
pub fn entries(dir: &[u8], count: usize) -> Result<Vec<Entry>, ZipError> {
    let mut at = 0usize;
    let mut parts = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if u32_at(dir, at) != Some(CENTRAL) {
            return Err(ZipError::Damaged);
        }
        let field = |off: usize| u32_at(dir, at.saturating_add(off)).ok_or(ZipError::Damaged);
        let short = |off: usize| u16_at(dir, at.saturating_add(off)).map(usize::from).ok_or(ZipError::Damaged);
        let flags = short(8)?;
        let (packed, size, local) = (field(20)?, field(24)?, field(42)?);
        if flags & 1 == 1 {
            return Err(ZipError::Unsupported);
        }
        if [packed, size, local].contains(&u32::MAX) {
            return Err(ZipError::Unsupported);
        }
        let (name_len, extra, comment) = (short(28)?, short(30)?, short(32)?);
        let name = dir.get(at.saturating_add(46)..at.saturating_add(46 + name_len)).ok_or(ZipError::Damaged)?;
        let content = Content { method: short(10)? as u16, crc: field(16)?, packed: packed.into(), size: size.into() };
        if !content.plausible() {
            return Err(ZipError::Damaged);
        }
        parts.push(Entry { name: String::from_utf8_lossy(name).into_owned(), content, local: local.into() });
        at = at.saturating_add(46 + name_len + extra + comment);
    }
    Ok(parts)
}

/// How far past a part's local header (its first [`LOCAL_LEN`] bytes) its packed bytes start.
pub fn data_offset(header: &[u8]) -> Result<u64, ZipError> {
    if u32_at(header, 0) != Some(LOCAL) {
        return Err(ZipError::Damaged);
    }
    let name_len = u16_at(header, 26).ok_or(ZipError::Damaged)? as u64;
    let extra = u16_at(header, 28).ok_or(ZipError::Damaged)? as u64;
    Ok(LOCAL_LEN as u64 + name_len + extra)
}

/// A part's bytes from its `packed` bytes: inflated (at most `limit`) and checked.
pub fn unpack(c: &Content, packed: &[u8], limit: usize) -> Result<Vec<u8>, ZipError> {
    if c.size > limit as u64 {
        return Err(ZipError::TooLarge);
    }
    let data = match c.method {
        0 => packed.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(packed, limit).map_err(|_| ZipError::Damaged)?,
        _ => return Err(ZipError::Unsupported),
    };
    if data.len() as u64 != c.size || crc32fast::hash(&data) != c.crc {
        return Err(ZipError::Damaged);
    }
    Ok(data)
}

/// An archive held whole in memory (a workbook).
pub struct Archive<'a> {
    bytes: &'a [u8],
    parts: Vec<Entry>,
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, ZipError> {
        if !bytes.starts_with(&LOCAL.to_le_bytes()) {
            return Err(ZipError::NotZip);
        }
        let d = directory(bytes)?;
        let dir = usize::try_from(d.start).ok().and_then(|s| bytes.get(s..)).ok_or(ZipError::Damaged)?;
        Ok(Archive { bytes, parts: entries(dir, d.count)? })
    }

    /// A part's content by its name (`xl/workbook.xml`, a leading `/` allowed; letter case
    /// ignored, as the packaging rules ask), or `None` when the archive has no such part.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, ZipError> {
        let name = name.trim_start_matches('/');
        let Some(p) = self.parts.iter().find(|p| p.name.trim_start_matches('/').eq_ignore_ascii_case(name)) else {
            return Ok(None);
        };
        let local = usize::try_from(p.local).map_err(|_| ZipError::Damaged)?;
        let from = local.checked_add(data_offset(self.bytes.get(local..).ok_or(ZipError::Damaged)?)? as usize).ok_or(ZipError::Damaged)?;
        let to = from.checked_add(p.content.packed as usize).ok_or(ZipError::Damaged)?;
        let packed = self.bytes.get(from..to).ok_or(ZipError::Damaged)?;
        unpack(&p.content, packed, MOST_PER_PART).map(Some)
    }
}
