//! A chunk's records as binary columns: one column per field, each in the smallest exact
//! form its values allow. Binary rather than JSON so that reading a chunk is a walk over
//! bytes, with no text to parse and no JSON tree per record.
//!
//! Layout: `0xB1`, varint rows, varint columns, then per column: varint key length, key,
//! a kind byte, and the kind's payload (see [`Kind`]). "varint" is LEB128; "opt" below is a
//! varint that is 0 for an absent value and 1 + the value otherwise.
use serde_json::Value;

use super::ids::{id_from, id_parts, id_tail};
use super::stamps::{is_stamp_ms, is_uuid_text, minute_of, minute_text, ts_ms, ts_text, uuid_text};

const MAGIC: u8 = 0xB1;

#[derive(Clone, Copy, PartialEq, Debug)]
#[repr(u8)]
enum Kind {
    /// Per row: opt length, then that much JSON text. Anything goes.
    Json = 0,
    /// Per row: opt length, then UTF-8 text.
    Str = 1,
    /// Per row: 16 bytes (every row a lower-case hyphenated UUID).
    Uuid = 2,
    /// Per row: zig-zag millisecond delta from the row before (every row a UTC timestamp).
    Stamp = 3,
    /// Per row: 0 for "", else 1 + zig-zag minute delta from the last non-empty row.
    Minute = 4,
    /// Varint count and each distinct value as opt-length JSON, then per row a varint index.
    Dict = 5,
    /// Per row: opt count, then each string as varint length and UTF-8.
    StrList = 6,
    /// Every row a UUID, most of them ids this app made (`table::ids`). Per row a varint
    /// tag: 0, then the 16 bytes; else tag − 1 = (zig-zag millisecond delta from the last
    /// such id × 2 + 1 when a counter follows) × 8 + the index of its last 8 bytes among the
    /// first eight distinct ones of the column, then the counter as a varint if it is not 0.
    OurIds = 7,
}

/// One decoded cell, owned so a record can take it without copying.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Cell {
    #[default]
    Null,
    Str(String),
    List(Vec<String>),
    Json(Value),
    /// A UTC timestamp in milliseconds, kept as a number: a record's `DateTime` takes it
    /// without text being printed and parsed again; anything else reads it as its text.
    Stamp(i64),
}

impl From<Cell> for Value {
    fn from(c: Cell) -> Value {
        match c {
            Cell::Null => Value::Null,
            Cell::Str(s) => Value::String(s),
            Cell::List(l) => Value::Array(l.into_iter().map(Value::String).collect()),
            Cell::Json(v) => v,
            Cell::Stamp(ms) => Value::String(ts_text(ms).unwrap_or_default()),
        }
    }
}

pub(super) fn cell_of(v: Value) -> Cell {
    match v {
        Value::Null => Cell::Null,
        Value::String(s) => Cell::Str(s),
        Value::Array(a) if a.iter().all(Value::is_string) => {
            Cell::List(a.into_iter().map(|v| if let Value::String(s) = v { s } else { String::new() }).collect())
        }
        v => Cell::Json(v),
    }
}

fn put_varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let b = (n & 0x7F) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    ((n >> 1) as i64) ^ -((n & 1) as i64)
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

fn put_opt_bytes(out: &mut Vec<u8>, b: Option<&[u8]>) {
    match b {
        None => put_varint(out, 0),
        Some(b) => {
            put_varint(out, b.len() as u64 + 1);
            out.extend_from_slice(b);
        }
    }
}

/// Records (JSON objects) → column bytes. A field a record lacks is absent in its column.
pub fn write(rows: Vec<Value>) -> Vec<u8> {
    Columns::from_values(&rows).to_bytes()
}

impl Columns {
    /// Records given as JSON objects (anything else is an empty row).
    pub fn from_values(rows: &[Value]) -> Columns {
        let mut c = Columns::default();
        for r in rows {
            let row = c.n;
            if let Value::Object(m) = r {
                let mut next = 0;
                for (k, v) in m {
                    let col = c.column(k, next);
                    next = col + 1;
                    c.set_cell(col, cell_of(v.clone()));
                }
            }
            c.end_row(row);
        }
        c
    }

    /// The rows as JSON objects separated by commas (a backup's list), fields in column
    /// order, empty cells left out.
    pub fn write_json_rows(&self, out: &mut Vec<u8>) {
        for i in 0..self.n {
            if i > 0 {
                out.push(b',');
            }
            out.push(b'{');
            let mut first = true;
            for (k, col) in self.keys.iter().zip(&self.cols) {
                let c = &col[i];
                if *c == Cell::Null {
                    continue;
                }
                if !std::mem::take(&mut first) {
                    out.push(b',');
                }
                let _ = serde_json::to_writer(&mut *out, k.as_str());
                out.push(b':');
                let _ = match c {
                    Cell::Str(s) => serde_json::to_writer(&mut *out, s.as_str()),
                    Cell::List(l) => serde_json::to_writer(&mut *out, l),
                    Cell::Json(v) => serde_json::to_writer(&mut *out, v),
                    Cell::Stamp(ms) => serde_json::to_writer(&mut *out, &ts_text(*ms).unwrap_or_default()),
                    Cell::Null => Ok(()),
                };
            }
            out.push(b'}');
        }
    }

    /// The columns as bytes, each in the smallest exact form its values allow.
    pub fn to_bytes(self) -> Vec<u8> {
        let mut out = vec![MAGIC];
        put_varint(&mut out, self.n as u64);
        // Columns with no value at all are left out, as a field no record has.
        let used: Vec<(String, Vec<Cell>)> =
            self.keys.into_iter().zip(self.cols).filter(|(_, c)| c.iter().any(|c| !matches!(c, Cell::Null))).collect();
        put_varint(&mut out, used.len() as u64);
        for (k, mut col) in used {
            put_bytes(&mut out, k.as_bytes());
            // Times a save hands over as numbers (`stamps::STAMP_MS`) are stored as such;
            // a column that mixes them with anything else has them as text.
            if let Some(ms) = col.iter().map(|c| if let Cell::Stamp(ms) = c { Some(*ms) } else { None }).collect::<Option<Vec<i64>>>() {
                if ms.iter().all(|m| is_stamp_ms(*m)) {
                    write_stamps(&mut out, ms);
                    continue;
                }
            }
            for c in col.iter_mut() {
                if let Cell::Stamp(ms) = *c {
                    *c = Cell::Str(ts_text(ms).unwrap_or_default());
                }
            }
            write_column(&mut out, &col);
        }
        out
    }

    /// The column of field `key`, added (empty for the rows so far) if new; `next` is
    /// where it most likely is.
    pub(super) fn column(&mut self, key: &str, next: usize) -> usize {
        if self.keys.get(next).is_some_and(|k| k == key) {
            return next;
        }
        if let Some(k) = self.keys.iter().position(|k| k == key) {
            return k;
        }
        self.keys.push(key.to_string());
        self.cols.push(vec![Cell::Null; self.n]);
        self.keys.len() - 1
    }

    /// Sets column `k` of the row being added (the last value wins).
    pub(super) fn set_cell(&mut self, k: usize, cell: Cell) {
        let col = &mut self.cols[k];
        if col.len() > self.n {
            col[self.n] = cell;
        } else {
            col.push(cell);
        }
    }

    /// Row `i` becomes row `k` of `from` (whose cells are moved out); nothing when `i` is
    /// past the end.
    pub fn put_row(&mut self, i: usize, from: &mut Columns, k: usize) {
        if i >= self.n || k >= from.n {
            return;
        }
        for col in &mut self.cols {
            col[i] = Cell::Null;
        }
        for (key, col) in from.keys.iter().zip(&mut from.cols) {
            let at = self.column(key, 0);
            self.cols[at][i] = std::mem::take(&mut col[k]);
        }
    }

    /// The rows of `more` added after these.
    pub fn append(&mut self, mut more: Columns) {
        for k in 0..more.n {
            let row = self.n;
            self.cols.iter_mut().for_each(|c| c.push(Cell::Null));
            self.n += 1;
            self.put_row(row, &mut more, k);
        }
    }

    /// Closes the row being added: fields it did not set are empty.
    pub(super) fn end_row(&mut self, row: usize) {
        debug_assert_eq!(row, self.n);
        for col in &mut self.cols {
            if col.len() == self.n {
                col.push(Cell::Null);
            }
        }
        self.n += 1;
    }
}

fn as_text(c: &Cell) -> Option<&str> {
    match c {
        Cell::Str(s) => Some(s),
        _ => None,
    }
}

fn json_text(c: &Cell) -> String {
    Value::from(c.clone()).to_string()
}

fn write_column(out: &mut Vec<u8>, col: &[Cell]) {
    let strs: Option<Vec<&str>> = col.iter().map(as_text).collect();
    if let Some(strs) = strs.filter(|s| !s.is_empty()) {
        if strs.iter().all(|s| is_uuid_text(s)) {
            let ids: Vec<[u8; 16]> = strs.iter().map(|s| uuid_bytes(s)).collect();
            // Random (version 4) ids gain nothing from deltas and would pay a tag byte each.
            if ids.iter().filter(|b| id_parts(b).is_some()).count() * 2 >= ids.len() {
                out.push(Kind::OurIds as u8);
                write_our_ids(out, &ids);
            } else {
                out.push(Kind::Uuid as u8);
                ids.iter().for_each(|b| out.extend_from_slice(b));
            }
            return;
        }
        if let Some(ms) = strs.iter().map(|s| ts_ms(s)).collect::<Option<Vec<i64>>>() {
            return write_stamps(out, ms);
        }
        let mins: Option<Vec<Option<i64>>> = strs.iter().map(|s| if s.is_empty() { Some(None) } else { minute_of(s).map(Some) }).collect();
        if let Some(mins) = mins.filter(|m| m.iter().any(Option::is_some)) {
            out.push(Kind::Minute as u8);
            let mut prev = 0;
            for m in mins {
                match m {
                    None => put_varint(out, 0),
                    Some(m) => put_varint(out, zigzag(m - std::mem::replace(&mut prev, m)) + 1),
                }
            }
            return;
        }
    }
    if write_dict(out, col) {
        return;
    }
    if col.iter().all(|c| matches!(c, Cell::Null | Cell::Str(_))) {
        out.push(Kind::Str as u8);
        for c in col {
            put_opt_bytes(out, as_text(c).map(str::as_bytes));
        }
        return;
    }
    if col.iter().all(|c| matches!(c, Cell::Null | Cell::List(_))) {
        out.push(Kind::StrList as u8);
        for c in col {
            match c {
                Cell::List(a) => {
                    put_varint(out, a.len() as u64 + 1);
                    for s in a {
                        put_bytes(out, s.as_bytes());
                    }
                }
                _ => put_varint(out, 0),
            }
        }
        return;
    }
    out.push(Kind::Json as u8);
    for c in col {
        put_opt_bytes(out, (*c != Cell::Null).then(|| json_text(c)).as_deref().map(str::as_bytes));
    }
}

/// Every row a time in whole milliseconds: [`Kind::Stamp`].
fn write_stamps(out: &mut Vec<u8>, ms: Vec<i64>) {
    out.push(Kind::Stamp as u8);
    let mut prev = 0;
    for m in ms {
        put_varint(out, zigzag(m - std::mem::replace(&mut prev, m)));
    }
}

/// The 16 bytes of a UUID's text (checked by `is_uuid_text`): its hex digits in pairs,
/// hyphens skipped.
fn uuid_bytes(s: &str) -> [u8; 16] {
    let nibble = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
    let mut digits = s.bytes().filter(|b| *b != b'-').map(nibble);
    std::array::from_fn(|_| digits.next().unwrap_or(0) << 4 | digits.next().unwrap_or(0))
}

/// At most this many distinct nodes per column are named by index.
const OUR_TAILS: usize = 8;

fn write_our_ids(out: &mut Vec<u8>, ids: &[[u8; 16]]) {
    let mut tails: Vec<[u8; 8]> = vec![];
    let mut prev = 0i64;
    for b in ids {
        let known = id_parts(b).and_then(|p| Some((p, tails.iter().position(|t| *t == id_tail(b))?)));
        match known {
            Some(((ms, counter), at)) => {
                let step = zigzag(ms - std::mem::replace(&mut prev, ms)) << 1 | u64::from(counter != 0);
                put_varint(out, (step << 3 | at as u64) + 1);
                if counter != 0 {
                    put_varint(out, counter.into());
                }
            }
            None => {
                put_varint(out, 0);
                out.extend_from_slice(b);
                if let Some((ms, _)) = id_parts(b) {
                    prev = ms;
                    if tails.len() < OUR_TAILS {
                        tails.push(id_tail(b));
                    }
                }
            }
        }
    }
}

fn read_our_ids(r: &mut Reader, n: usize, col: &mut Vec<Cell>) -> Result<(), String> {
    let mut tails: Vec<[u8; 8]> = vec![];
    let mut prev = 0i64;
    for _ in 0..n {
        let b = match r.varint()? {
            0 => {
                let b: [u8; 16] = r.bytes(16)?.try_into().map_err(|_| "chunk ends early")?;
                if let Some((ms, _)) = id_parts(&b) {
                    prev = ms;
                    if tails.len() < OUR_TAILS {
                        tails.push(id_tail(&b));
                    }
                }
                b
            }
            tag => {
                let v = tag - 1;
                let tail = *tails.get((v & 7) as usize).ok_or("an id names a node not seen")?;
                let step = v >> 3;
                let counter = if step & 1 == 1 { r.varint()? } else { 0 };
                let ms = prev.checked_add(unzigzag(step >> 1)).filter(|ms| (0..1 << 48).contains(ms)).ok_or("id time out of range")?;
                let counter = u16::try_from(counter).ok().filter(|c| *c <= 0x0FFF).ok_or("id counter out of range")?;
                prev = ms;
                id_from(ms, counter, tail)
            }
        };
        col.push(Cell::Str(uuid_text(&b)));
    }
    Ok(())
}

/// Few distinct values (a status, a kind, a department): each stored once.
fn write_dict(out: &mut Vec<u8>, col: &[Cell]) -> bool {
    let mut distinct: Vec<&Cell> = vec![];
    let mut index = Vec::with_capacity(col.len());
    for v in col {
        let i = match distinct.iter().position(|d| same(d, v)) {
            Some(i) => i,
            None => {
                if distinct.len() * 4 >= col.len().max(8) {
                    return false;
                }
                distinct.push(v);
                distinct.len() - 1
            }
        };
        index.push(i);
    }
    out.push(Kind::Dict as u8);
    put_varint(out, distinct.len() as u64);
    for d in distinct {
        put_opt_bytes(out, (*d != Cell::Null).then(|| json_text(d)).as_deref().map(str::as_bytes));
    }
    for i in index {
        put_varint(out, i as u64);
    }
    true
}

/// `a == b`, with the cases a column is mostly made of compared in place: a dictionary is
/// tried on every column of every chunk saved, and most columns are text.
fn same(a: &Cell, b: &Cell) -> bool {
    match (a, b) {
        (Cell::Null, Cell::Null) => true,
        (Cell::Str(x), Cell::Str(y)) => x == y,
        (Cell::Stamp(x), Cell::Stamp(y)) => x == y,
        (Cell::List(_), Cell::List(_)) | (Cell::Json(_), Cell::Json(_)) => a == b,
        _ => false,
    }
}

/// Reads bytes front to back; every read is checked, so damaged input is an error.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self.b.get(self.at).ok_or("chunk ends early")?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err("varint too long".into())
    }
    fn bytes(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(len).filter(|e| *e <= self.b.len()).ok_or("chunk ends early")?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn text(&mut self, len: usize) -> Result<String, String> {
        String::from_utf8(self.bytes(len)?.to_vec()).map_err(|e| e.to_string())
    }
    fn opt_len(&mut self) -> Result<Option<usize>, String> {
        Ok(match self.varint()? {
            0 => None,
            n => Some(n as usize - 1),
        })
    }
    /// A count that must fit in what is left, so a damaged length cannot ask for gigabytes.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.varint()? as usize;
        if n > self.b.len() - self.at + 1 {
            Err("count beyond the chunk".into())
        } else {
            Ok(n)
        }
    }
}

/// A decoded chunk: field names and one full-length column of cells per field.
#[derive(Default)]
pub struct Columns {
    keys: Vec<String>,
    cols: Vec<Vec<Cell>>,
    n: usize,
}

pub fn read(bytes: &[u8]) -> Result<Columns, String> {
    let mut r = Reader { b: bytes, at: 0 };
    if r.byte()? != MAGIC {
        return Err("not a chunk".into());
    }
    let n = r.varint()? as usize;
    if n > bytes.len() * 8 {
        return Err("row count beyond the chunk".into());
    }
    let k = r.count()?;
    let (mut keys, mut cols) = (Vec::with_capacity(k), Vec::with_capacity(k));
    for _ in 0..k {
        let len = r.count()?;
        keys.push(r.text(len)?);
        cols.push(read_column(&mut r, n)?);
    }
    if r.at != bytes.len() {
        return Err("bytes after the last column".into());
    }
    Ok(Columns { keys, cols, n })
}

fn json(r: &mut Reader, len: Option<usize>) -> Result<Cell, String> {
    match len {
        None => Ok(Cell::Null),
        Some(len) => serde_json::from_slice(r.bytes(len)?).map(cell_of).map_err(|e| e.to_string()),
    }
}

fn read_column(r: &mut Reader, n: usize) -> Result<Vec<Cell>, String> {
    let kind = r.byte()?;
    let mut col = Vec::with_capacity(n);
    match kind {
        k if k == Kind::Json as u8 => {
            for _ in 0..n {
                let len = r.opt_len()?;
                col.push(json(r, len)?);
            }
        }
        k if k == Kind::Str as u8 => {
            for _ in 0..n {
                col.push(match r.opt_len()? {
                    None => Cell::Null,
                    Some(len) => Cell::Str(r.text(len)?),
                });
            }
        }
        k if k == Kind::Uuid as u8 => {
            for _ in 0..n {
                let b: &[u8; 16] = r.bytes(16)?.try_into().map_err(|_| "chunk ends early")?;
                col.push(Cell::Str(uuid_text(b)));
            }
        }
        k if k == Kind::OurIds as u8 => read_our_ids(r, n, &mut col)?,
        k if k == Kind::Stamp as u8 => {
            let mut at = 0i64;
            for _ in 0..n {
                at = at.wrapping_add(unzigzag(r.varint()?));
                chrono::DateTime::from_timestamp_millis(at).ok_or("timestamp out of range")?;
                col.push(Cell::Stamp(at));
            }
        }
        k if k == Kind::Minute as u8 => {
            let mut at = 0i64;
            for _ in 0..n {
                match r.varint()? {
                    0 => col.push(Cell::Str(String::new())),
                    d => {
                        at = at.wrapping_add(unzigzag(d - 1));
                        col.push(Cell::Str(minute_text(at).ok_or("minute out of range")?));
                    }
                }
            }
        }
        k if k == Kind::Dict as u8 => {
            let d = r.count()?;
            let mut distinct = Vec::with_capacity(d);
            for _ in 0..d {
                let len = r.opt_len()?;
                distinct.push(json(r, len)?);
            }
            for _ in 0..n {
                col.push(distinct.get(r.varint()? as usize).cloned().ok_or("dictionary index")?);
            }
        }
        k if k == Kind::StrList as u8 => {
            for _ in 0..n {
                match r.opt_len()? {
                    None => col.push(Cell::Null),
                    Some(count) => {
                        if count > r.b.len() - r.at {
                            return Err("list beyond the chunk".into());
                        }
                        let mut l = Vec::with_capacity(count);
                        for _ in 0..count {
                            let len = r.count()?;
                            l.push(r.text(len)?);
                        }
                        col.push(Cell::List(l));
                    }
                }
            }
        }
        other => return Err(format!("unknown column kind {other}")),
    }
    Ok(col)
}

impl Columns {
    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// How many rows have a value in the column `key`.
    pub fn count_present(&self, key: &str) -> usize {
        self.column_of(key).map_or(0, |col| col.iter().filter(|c| **c != Cell::Null).count())
    }

    /// The earliest time in the column `key` (milliseconds since 1970), if it holds times;
    /// 1970 itself is no time (what a record built without a clock carries).
    pub fn earliest(&self, key: &str) -> Option<i64> {
        self.column_of(key)?.iter().filter_map(|c| if let Cell::Stamp(ms) = c { Some(*ms) } else { None }).filter(|ms| *ms > 0).min()
    }

    fn column_of(&self, key: &str) -> Option<&[Cell]> {
        self.keys.iter().position(|k| k == key).map(|k| self.cols[k].as_slice())
    }

    /// The column names and the columns, for a reader that takes cells out.
    pub(super) fn parts_mut(&mut self) -> (&[String], &mut [Vec<Cell>]) {
        (&self.keys, &mut self.cols)
    }

    /// Row `i` as something serde can read a record from, without building a map. Its
    /// cells are moved out, not copied, so each string is allocated once.
    pub fn take_row(&mut self, i: usize) -> RowDe<'_> {
        RowDe { keys: &self.keys, cols: &mut self.cols, i, k: 0 }
    }

    /// Every row read into `T`; the first that does not fit is named by its index.
    pub fn typed<T: serde::de::DeserializeOwned>(mut self) -> Result<Vec<T>, (usize, String)> {
        (0..self.n).map(|i| T::deserialize(self.take_row(i)).map_err(|e| (i, e.to_string()))).collect()
    }

    pub fn into_rows(self) -> Vec<Value> {
        let mut rows: Vec<serde_json::Map<String, Value>> = (0..self.n).map(|_| serde_json::Map::new()).collect();
        for (k, col) in self.keys.iter().zip(self.cols) {
            for (row, c) in rows.iter_mut().zip(col) {
                if c != Cell::Null {
                    row.insert(k.clone(), c.into());
                }
            }
        }
        rows.into_iter().map(Value::Object).collect()
    }
}

/// A JSON list of records (a backup's) read straight into columns, so the records are
/// then read into their types by the same reader as stored chunks: one reader per record
/// type in the wasm, not one per source. Streams: no JSON tree of the whole list.
impl<'de> serde::Deserialize<'de> for Columns {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Rows;
        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = Columns;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of records")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Columns, A::Error> {
                let mut c = Columns { keys: vec![], cols: vec![], n: 0 };
                while seq.next_element_seed(RowSeed(&mut c))?.is_some() {}
                Ok(c)
            }
        }
        d.deserialize_seq(Rows)
    }
}

/// Appends one record to the columns; a field seen for the first time gets a column that
/// is empty for the rows before.
struct RowSeed<'a>(&'a mut Columns);

impl<'de> serde::de::DeserializeSeed<'de> for RowSeed<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for RowSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a record (a JSON object)")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let c = self.0;
        let row = c.n;
        let mut next = 0;
        while let Some(k) = map.next_key_seed(KeySeed { c: &mut *c, next })? {
            next = k + 1;
            let cell = cell_of(map.next_value()?);
            c.set_cell(k, cell);
        }
        c.end_row(row);
        Ok(())
    }
}

/// A field name → its column, read without allocating the name again.
struct KeySeed<'a> {
    c: &'a mut Columns,
    next: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for KeySeed<'_> {
    type Value = usize;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeySeed<'_> {
    type Value = usize;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<usize, E> {
        Ok(self.c.column(key, self.next))
    }
}

/// One row of [`Columns`] read as a map of its present cells.
pub struct RowDe<'a> {
    /// Lent to the record's reader, so a flattened part's field names are not copied.
    keys: &'a [String],
    cols: &'a mut [Vec<Cell>],
    i: usize,
    k: usize,
}

type Error = serde_json::Error;

impl<'de> serde::Deserializer<'de> for RowDe<'de> {
    type Error = Error;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_map(self)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de> serde::de::MapAccess<'de> for RowDe<'de> {
    type Error = Error;
    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        while self.k < self.keys.len() && self.cols[self.k][self.i] == Cell::Null {
            self.k += 1;
        }
        let Some(key) = self.keys.get(self.k) else { return Ok(None) };
        seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(key)).map(Some)
    }
    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let c = std::mem::take(&mut self.cols[self.k][self.i]);
        self.k += 1;
        seed.deserialize(c)
    }
}

impl<'de> serde::Deserializer<'de> for Cell {
    type Error = Error;
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Cell::Null => visitor.visit_unit(),
            Cell::Str(s) => visitor.visit_string(s),
            Cell::List(l) => visitor.visit_seq(serde::de::value::SeqDeserializer::new(l.into_iter())),
            Cell::Json(v) => v.deserialize_any(visitor),
            Cell::Stamp(ms) => visitor.visit_i64(ms),
        }
    }
    fn deserialize_str<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }
    fn deserialize_string<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Cell::Stamp(ms) => visitor.visit_string(ts_text(ms).unwrap_or_default()),
            c => c.deserialize_any(visitor),
        }
    }
    /// An empty text is no value: numbers stored as text before schema 4 were "" when unset.
    fn deserialize_option<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Cell::Null => visitor.visit_none(),
            Cell::Str(s) if s.trim().is_empty() => visitor.visit_none(),
            c => visitor.visit_some(c),
        }
    }
    /// Whole numbers also from their text, as schema 3 stored them ("150000").
    fn deserialize_i64<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Cell::Str(s) => visitor.visit_i64(s.trim().parse().map_err(|_| number_error(&s))?),
            c => c.deserialize_any(visitor),
        }
    }
    fn deserialize_u32<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Cell::Str(s) => visitor.visit_u32(s.trim().parse().map_err(|_| number_error(&s))?),
            c => c.deserialize_any(visitor),
        }
    }
    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        Value::from(self).deserialize_enum(name, variants, visitor)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i128 u8 u16 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

fn number_error(text: &str) -> Error {
    serde::de::Error::invalid_value(serde::de::Unexpected::Str(text), &"a whole number")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sample() -> Vec<Value> {
        (0..20)
            .map(|i| {
                json!({"id": format!("45666334-19ee-4b5a-aa37-2010c4242d{:02x}", i), "created_at": "2024-01-01T00:11:00.719Z",
                       "at": if i % 3 == 0 { String::new() } else { format!("2026-11-0{}T08:00", 1 + i % 9) },
                       "status": if i % 2 == 0 { "new" } else { "closed" }, "name": format!("Orang {i}"),
                       "tags": ["a", format!("t{i}")], "n": i, "extra": if i == 3 { json!({"x": 1}) } else { Value::Null },
                       "ref": super::uuid_text(&crate::table::ids::id_bytes(1_764_547_200_000 + i * 60_000, (i % 3) as u16, 42 + (i % 2) as u64))})
            })
            .collect()
    }

    #[test]
    fn every_kind_round_trips() {
        let rows = sample();
        let bytes = write(rows.clone());
        let kinds: Vec<u8> = {
            let mut r = Reader { b: &bytes, at: 1 };
            let n = r.varint().unwrap() as usize;
            (0..r.varint().unwrap())
                .map(|_| {
                    let len = r.varint().unwrap() as usize;
                    r.bytes(len).unwrap();
                    let k = r.b[r.at];
                    read_column(&mut r, n).unwrap();
                    k
                })
                .collect()
        };
        for k in [Kind::Uuid, Kind::OurIds, Kind::Stamp, Kind::Minute, Kind::Dict, Kind::Str, Kind::StrList, Kind::Json] {
            assert!(kinds.contains(&(k as u8)), "{k:?} not used: {kinds:?}");
        }
        let back: Vec<Value> = read(&bytes).unwrap().into_rows();
        let expected: Vec<Value> = rows
            .into_iter()
            .map(|mut r| {
                r.as_object_mut().unwrap().retain(|_, v| !v.is_null());
                r
            })
            .collect();
        assert_eq!(back, expected);
    }

    fn our_id(ms: i64, counter: u16, node: u64) -> String {
        uuid_text(&crate::table::ids::id_bytes(ms, counter, node))
    }

    #[test]
    fn our_ids_take_a_few_bytes_and_any_mix_of_them_reads_back_as_written() {
        let base = 1_764_547_200_000i64;
        // One browser's ids a few minutes apart, then twelve nodes (more than the column
        // names by index), a random id, counters, a clock going back and the 48-bit edges.
        let mut ids: Vec<String> = (0..150).map(|i| our_id(base + i * 185_000, 0, 7)).collect();
        ids.extend((0..12).map(|i| our_id(base + i, i as u16 * 300, 1000 + i as u64)));
        ids.push("0f8fad5b-d9cb-469f-a165-70867728950e".into());
        ids.extend([our_id(base - 86_400_000, 0x0FFF, 7), our_id(0, 0, 7), our_id((1 << 48) - 1, 1, 7), our_id(base, 5, 1003)]);
        let rows: Vec<Value> = ids.iter().map(|id| json!({ "id": id })).collect();
        let bytes = write(rows.clone());
        assert_eq!(read(&bytes).unwrap().into_rows(), rows);
        let own = write(ids[..150].iter().map(|id| json!({ "id": id })).collect());
        assert!(own.len() < 150 * 5, "{} bytes for 150 ids, against 2,400 as random ids", own.len());
    }

    #[test]
    fn a_damaged_id_column_is_refused_not_misread() {
        let rows: Vec<Value> = (0..10).map(|i| json!({ "id": our_id(1_764_547_200_000 + i, 0, 9) })).collect();
        let bytes = write(rows);
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err());
        }
        let mut other_node = bytes.clone();
        let at = other_node.len() - 1;
        other_node[at] = ((1 << 3) + 1) as u8;
        assert!(read(&other_node).is_err(), "an index with no node seen");
    }

    #[test]
    fn json_records_read_as_columns() {
        #[derive(serde::Deserialize, PartialEq, Debug, Default)]
        #[serde(default)]
        struct R {
            id: String,
            n: u32,
            tags: Vec<String>,
            note: Option<String>,
        }
        // Fields in another order, missing, repeated (the last wins) and unknown.
        let text = r#"[{"id":"a","n":1,"tags":["x"]},{"n":2,"id":"b","note":"hi","extra":{"y":1}},{"id":"c","id":"d"}]"#;
        let cols: Columns = serde_json::from_str(text).unwrap();
        assert_eq!(cols.len(), 3);
        let rows: Vec<R> = cols.typed().unwrap();
        assert_eq!(rows[0], R { id: "a".into(), n: 1, tags: vec!["x".into()], note: None });
        assert_eq!(rows[1], R { id: "b".into(), n: 2, tags: vec![], note: Some("hi".into()) });
        assert_eq!(rows[2].id, "d");
        let bad: Columns = serde_json::from_str(r#"[{"id":"a"},{"n":"two"}]"#).unwrap();
        assert_eq!(bad.typed::<R>().unwrap_err().0, 1);
        assert!(serde_json::from_str::<Columns>(r#"[{"id":"a"},3]"#).is_err());
        assert!(serde_json::from_str::<Columns>(r#"{"id":"a"}"#).is_err());
    }

    #[test]
    fn damaged_bytes_are_an_error_never_a_panic() {
        let bytes = write(sample());
        for cut in 0..bytes.len() {
            assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xFF] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = read(&b);
            }
        }
    }
}
