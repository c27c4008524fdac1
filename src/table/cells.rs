//! Records written straight into columns of cells, the inverse of `RowDe`: saving a chunk
//! or exporting a backup no longer builds a JSON tree per record (a map with its own copy
//! of every field name), so a save re-encodes its chunk in about half the time.
//!
//! A record is a struct (or a map, which is how serde writes a struct with a flattened
//! part); each field becomes a cell of its column. Plain values become cells directly;
//! anything nested (an order's lines) goes through serde_json's value writer, as before.
use serde::ser::{self, Serialize, SerializeMap, SerializeStruct};
use serde_json::{value::Serializer as ValueSer, Value};

use super::columns::{cell_of, Cell, Columns};
use super::stamps::STAMP_MS;

type Error = serde_json::Error;

fn not_a_record() -> Error {
    ser::Error::custom("a record must be a struct")
}

impl Columns {
    /// Columns with no rows, to [`push`](Self::push) records into.
    pub fn new() -> Columns {
        Columns::default()
    }

    /// Appends one record as a row; a field seen for the first time gets a column that is
    /// empty for the rows before, and a field this record lacks is empty in its row.
    pub fn push<T: Serialize + ?Sized>(&mut self, record: &T) -> Result<(), Error> {
        let row = self.len();
        record.serialize(RowSer { c: &mut *self, next: 0, key: None })?;
        self.end_row(row);
        Ok(())
    }
}

/// One record's fields going into `c`; `next` is the column the next field most likely
/// has (records of one type name their fields in the same order).
struct RowSer<'a> {
    c: &'a mut Columns,
    next: usize,
    /// A map entry's column, between its key and its value.
    key: Option<usize>,
}

impl RowSer<'_> {
    fn set(&mut self, k: usize, cell: Cell) {
        self.next = k + 1;
        self.c.set_cell(k, cell);
    }
}

macro_rules! refuse {
    ($($f:ident($($t:ty),*)),* $(,)?) => {
        $(fn $f(self, $(_: $t),*) -> Result<Self::Ok, Error> { Err(not_a_record()) })*
    };
}

impl<'a> ser::Serializer for RowSer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    refuse!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str)
    );

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<(), Error> {
        Err(not_a_record())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_record())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_record())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_record())
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_record())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_record())
    }
}

impl SerializeStruct for RowSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        let k = self.c.column(key, self.next);
        let cell = v.serialize(CellSer)?;
        self.set(k, cell);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

impl SerializeMap for RowSer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySer { c: &mut *self.c, next: self.next })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let k = self.key.take().ok_or_else(|| ser::Error::custom("a value without a field name"))?;
        let cell = v.serialize(CellSer)?;
        self.set(k, cell);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// A map key (a flattened part's field name) → its column, without a copy of the name.
struct KeySer<'a> {
    c: &'a mut Columns,
    next: usize,
}

fn not_a_name() -> Error {
    ser::Error::custom("a field name must be text")
}

macro_rules! refuse_name {
    ($($f:ident($($t:ty),*)),* $(,)?) => {
        $(fn $f(self, $(_: $t),*) -> Result<usize, Error> { Err(not_a_name()) })*
    };
}

impl ser::Serializer for KeySer<'_> {
    type Ok = usize;
    type Error = Error;
    type SerializeSeq = ser::Impossible<usize, Error>;
    type SerializeTuple = ser::Impossible<usize, Error>;
    type SerializeTupleStruct = ser::Impossible<usize, Error>;
    type SerializeTupleVariant = ser::Impossible<usize, Error>;
    type SerializeMap = ser::Impossible<usize, Error>;
    type SerializeStruct = ser::Impossible<usize, Error>;
    type SerializeStructVariant = ser::Impossible<usize, Error>;

    fn serialize_str(self, key: &str) -> Result<usize, Error> {
        Ok(self.c.column(key, self.next))
    }
    refuse_name!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str)
    );
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<usize, Error> {
        Err(not_a_name())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<usize, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> Result<usize, Error> {
        Err(not_a_name())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_name())
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_name())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_name())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_name())
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_name())
    }
}

/// One field's value as a cell: text, a list of texts, nothing, or JSON for the rest.
struct CellSer;

fn json(v: Value) -> Cell {
    cell_of(v)
}

impl ser::Serializer for CellSer {
    type Ok = Cell;
    type Error = Error;
    type SerializeSeq = SeqCells;
    type SerializeTuple = SeqCells;
    type SerializeTupleStruct = Nested<<ValueSer as ser::Serializer>::SerializeTupleStruct>;
    type SerializeTupleVariant = Nested<<ValueSer as ser::Serializer>::SerializeTupleVariant>;
    type SerializeMap = Nested<<ValueSer as ser::Serializer>::SerializeMap>;
    type SerializeStruct = Nested<<ValueSer as ser::Serializer>::SerializeStruct>;
    type SerializeStructVariant = Nested<<ValueSer as ser::Serializer>::SerializeStructVariant>;

    fn serialize_str(self, v: &str) -> Result<Cell, Error> {
        Ok(Cell::Str(v.to_owned()))
    }
    fn serialize_none(self) -> Result<Cell, Error> {
        Ok(Cell::Null)
    }
    fn serialize_unit(self) -> Result<Cell, Error> {
        Ok(Cell::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Cell, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, v: &T) -> Result<Cell, Error> {
        match v.serialize(self)? {
            Cell::Json(Value::Number(n)) if name == STAMP_MS => {
                n.as_i64().map(Cell::Stamp).ok_or_else(|| ser::Error::custom("a time out of range"))
            }
            cell => Ok(cell),
        }
    }
    /// Not human-readable: a record's time comes as milliseconds ([`STAMP_MS`]).
    fn is_human_readable(&self) -> bool {
        false
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<Cell, Error> {
        Ok(Cell::Str(variant.to_owned()))
    }
    fn serialize_bool(self, v: bool) -> Result<Cell, Error> {
        Ok(Cell::Json(Value::Bool(v)))
    }
    fn serialize_i8(self, v: i8) -> Result<Cell, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Cell, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Cell, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Cell, Error> {
        Ok(Cell::Json(v.into()))
    }
    fn serialize_u8(self, v: u8) -> Result<Cell, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Cell, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Cell, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Cell, Error> {
        Ok(Cell::Json(v.into()))
    }
    fn serialize_f32(self, v: f32) -> Result<Cell, Error> {
        ValueSer.serialize_f32(v).map(json)
    }
    fn serialize_f64(self, v: f64) -> Result<Cell, Error> {
        ValueSer.serialize_f64(v).map(json)
    }
    fn serialize_char(self, v: char) -> Result<Cell, Error> {
        Ok(Cell::Str(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Cell, Error> {
        ValueSer.serialize_bytes(v).map(json)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Cell, Error> {
        Ok(Cell::Null)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Cell, Error> {
        ValueSer.serialize_newtype_variant(name, i, variant, v).map(json)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqCells, Error> {
        Ok(SeqCells::Texts(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqCells, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct, Error> {
        ValueSer.serialize_tuple_struct(name, len).map(Nested)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        ValueSer.serialize_tuple_variant(name, i, variant, len).map(Nested)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        ValueSer.serialize_map(len).map(Nested)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, Error> {
        ValueSer.serialize_struct(name, len).map(Nested)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        ValueSer.serialize_struct_variant(name, i, variant, len).map(Nested)
    }
}

/// A list: of texts (the usual case: emails, phones, tags), kept as texts while every
/// element is one, or of anything, as JSON.
enum SeqCells {
    Texts(Vec<String>),
    Any(Vec<Cell>),
}

impl SeqCells {
    fn push(&mut self, cell: Cell) {
        // Inside a list a time is its text, as serde_json would write it.
        let cell = match cell {
            Cell::Stamp(ms) => Cell::Str(super::stamps::ts_text(ms).unwrap_or_default()),
            c => c,
        };
        match (&mut *self, cell) {
            (SeqCells::Texts(t), Cell::Str(s)) => t.push(s),
            (SeqCells::Texts(t), cell) => {
                let mut any: Vec<Cell> = std::mem::take(t).into_iter().map(Cell::Str).collect();
                any.push(cell);
                *self = SeqCells::Any(any);
            }
            (SeqCells::Any(a), cell) => a.push(cell),
        }
    }

    fn done(self) -> Cell {
        match self {
            SeqCells::Texts(t) => Cell::List(t),
            SeqCells::Any(a) => Cell::Json(Value::Array(a.into_iter().map(Value::from).collect())),
        }
    }
}

impl ser::SerializeSeq for SeqCells {
    type Ok = Cell;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.push(v.serialize(CellSer)?);
        Ok(())
    }
    fn end(self) -> Result<Cell, Error> {
        Ok(self.done())
    }
}

impl ser::SerializeTuple for SeqCells {
    type Ok = Cell;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<Cell, Error> {
        Ok(self.done())
    }
}

/// Something nested inside a field, written by serde_json's value writer.
struct Nested<S>(S);

impl<S: ser::SerializeTupleStruct<Ok = Value, Error = Error>> ser::SerializeTupleStruct for Nested<S> {
    type Ok = Cell;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.serialize_field(v)
    }
    fn end(self) -> Result<Cell, Error> {
        self.0.end().map(json)
    }
}

impl<S: ser::SerializeTupleVariant<Ok = Value, Error = Error>> ser::SerializeTupleVariant for Nested<S> {
    type Ok = Cell;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.serialize_field(v)
    }
    fn end(self) -> Result<Cell, Error> {
        self.0.end().map(json)
    }
}

impl<S: ser::SerializeMap<Ok = Value, Error = Error>> ser::SerializeMap for Nested<S> {
    type Ok = Cell;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.0.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.0.serialize_value(v)
    }
    fn end(self) -> Result<Cell, Error> {
        self.0.end().map(json)
    }
}

impl<S: ser::SerializeStruct<Ok = Value, Error = Error>> ser::SerializeStruct for Nested<S> {
    type Ok = Cell;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.0.serialize_field(key, v)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
        self.0.skip_field(key)
    }
    fn end(self) -> Result<Cell, Error> {
        self.0.end().map(json)
    }
}

impl<S: ser::SerializeStructVariant<Ok = Value, Error = Error>> ser::SerializeStructVariant for Nested<S> {
    type Ok = Cell;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<(), Error> {
        self.0.serialize_field(key, v)
    }
    fn end(self) -> Result<Cell, Error> {
        self.0.end().map(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_structs_are_records() {
        let mut c = Columns::new();
        assert!(c.push(&"text").is_err());
        assert!(c.push(&vec![1, 2]).is_err());
        assert!(c.push(&json!({"a": 1})).is_ok());
        assert_eq!(c.len(), 1);
    }
}
