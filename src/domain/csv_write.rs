//! CSV writing as the csv crate writes it by default: a field is quoted only when it holds
//! the delimiter, a quote, CR or LF; quotes are doubled; rows end with LF.
//! Written here because the csv crate's writer also supports numeric-only quoting, which
//! drags the float parser and its 10 KB table into the wasm though we never quote that way.
//! Reading stays with the csv crate; a test checks both writers agree.

/// A CSV text being written, started with a byte-order mark so Excel reads it as UTF-8.
pub struct CsvText {
    out: String,
    delimiter: char,
}

impl CsvText {
    pub fn new(delimiter: u8) -> Self {
        CsvText { out: String::from(super::csv_io::BOM), delimiter: delimiter as char }
    }

    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        let (mut n, mut written) = (0, false);
        for f in fields {
            let f = f.as_ref();
            self.field(f, n == 0);
            n += 1;
            written |= !f.is_empty();
        }
        self.end_row(n <= 1 && !written);
    }

    fn field(&mut self, f: &str, first: bool) {
        if !first {
            self.out.push(self.delimiter);
        }
        if f.contains([self.delimiter, '"', '\r', '\n']) {
            self.out.push('"');
            self.out.push_str(&f.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(f);
        }
    }

    /// A row of one empty field is written as "" so it is not read back as no row at all.
    fn end_row(&mut self, blank: bool) {
        if blank {
            self.out.push_str("\"\"");
        }
        self.out.push('\n');
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_crate(rows: &[Vec<&str>], delimiter: u8) -> String {
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(vec![]);
        for r in rows {
            w.write_record(r).unwrap();
        }
        format!("{}{}", super::super::csv_io::BOM, String::from_utf8(w.into_inner().unwrap()).unwrap())
    }

    #[test]
    fn writes_what_the_csv_crate_writes() {
        let rows = vec![
            vec!["name", "phone", "notes"],
            vec!["Budi, S.E.", "0812;345", "said \"hi\""],
            vec!["", "line\nbreak", "cr\rhere"],
            vec!["12.50", "-3", "#tag"],
            vec!["Ölçü ñ 日本", " spaced ", "'=SUM(A1)"],
            vec![""],
            vec!["", ""],
        ];
        for d in [b',', b';'] {
            let mut ours = CsvText::new(d);
            for r in &rows {
                ours.row(r.iter());
            }
            assert_eq!(ours.finish(), by_crate(&rows, d), "delimiter {}", d as char);
        }
    }

    #[test]
    fn quotes_only_the_delimiter_in_use() {
        let mut semi = CsvText::new(b';');
        semi.row([""]);
        semi.row(["a,b", "c;d"]);
        assert_eq!(semi.finish(), "\u{feff}\"\"\na,b;\"c;d\"\n");
    }
}
