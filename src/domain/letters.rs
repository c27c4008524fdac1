//! The correspondence register (agenda surat): letters received, with who must act on them
//! by when (the disposition), and letters sent, numbered from their series' pattern
//! (`007/SK/HRD/XII/2026`). A number once given is never given again: the series keeps the
//! highest number it gave, and a number whose letter was deleted shows as a gap.
use chrono::{Datelike, NaiveDate};

use super::record::{validate_by_schema, FieldError, RecordRules, Referable};

crate::choice! {
    /// When a series starts counting from 1 again.
    pub enum Restart {
        Yearly = "yearly" => "lser.restart.yearly",
        Monthly = "monthly" => "lser.restart.monthly",
        Never = "never" => "lser.restart.never",
    }
}

crate::choice! {
    /// Where a letter received stands.
    pub enum InStatus {
        Received = "received" => "lin.status.received",
        Disposed = "disposed" => "lin.status.disposed",
        Done = "done" => "lin.status.done",
    }
}

crate::choice! {
    /// Where a letter sent stands.
    pub enum OutStatus {
        Draft = "draft" => "lout.status.draft",
        Signed = "signed" => "lout.status.signed",
        Sent = "sent" => "lout.status.sent",
        Cancelled = "cancelled" => "lout.status.cancelled",
    }
}

/// The pattern a new series starts with: `007/SK/HRD/XII/2026`.
pub const DEFAULT_PATTERN: &str = "{seq:03}/{code}/{unit}/{month:roman}/{year}";

crate::record! {
    /// A kind of letter the office sends, with its own numbers (Surat Keputusan, Undangan).
    pub struct LetterSeries in "letter_series" {
        code: String => Text, "lser.code" .required().listed().aliases(&["kode", "code"]),
        name: String => Text, "lser.name" .required().listed().aliases(&["nama", "jenis surat"]),
        /// The department or unit a number names (`{unit}`).
        unit: String => Suggest("departments"), "lser.unit" .listed().aliases(&["unit", "bagian", "departemen"]),
        pattern: String = DEFAULT_PATTERN.into() => Text, "lser.pattern" .required().listed().aliases(&["pola", "format nomor"]),
        restart: Restart = Restart::Yearly => Select(Restart::OPTIONS), "lser.restart" .required().aliases(&["mulai ulang"]),
        /// The highest number given in `last_period`: typed once when the office moves its
        /// paper register here, then kept by the app as it numbers letters.
        last_seq: Option<i64> => Integer, "lser.last_seq" .aliases(&["nomor terakhir"]),
        note: String => LongText, "lser.note" .aliases(&["catatan"]),
    }
    stored {
        /// The period `last_seq` counts in (`2026`, `2026-12`, or empty for a series that never restarts).
        last_period: String,
    }
}

impl RecordRules for LetterSeries {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let Err(key) = check_pattern(&self.pattern) {
            errs.push(("pattern", key));
        }
        if self.last_seq.is_some_and(|n| !(0..=MOST_SEQ).contains(&n)) {
            errs.push(("last_seq", "err.last_seq"));
        }
        errs
    }
    fn title(&self) -> String {
        format!("{} — {}", self.code, self.name)
    }
}

impl Referable for LetterSeries {
    fn ref_label(&self) -> String {
        self.title()
    }
    fn named_by(&self, lower_cell: &str) -> bool {
        crate::text::lower(&self.code) == lower_cell
    }
}

/// The highest sequence number a series counts to.
pub const MOST_SEQ: i64 = 999_999;

crate::record! {
    /// A letter the office sends, numbered when first saved.
    pub struct OutgoingLetter in "letters_out" {
        /// Left empty, it is given the series' next number when saved.
        number: String => Text, "lout.number" .listed().aliases(&["nomor", "no. surat"]),
        series_id: String => Ref(LetterSeries), "lout.series" .required().listed().aliases(&["jenis", "seri"]),
        date: Option<NaiveDate> => Date, "lout.date" .required().listed().aliases(&["tanggal"]),
        to: String => Text, "lout.to" .required().listed().aliases(&["kepada", "tujuan", "addressee"]),
        address: String => LongText, "lout.address" .aliases(&["alamat"]),
        subject: String => Text, "lout.subject" .required().listed().aliases(&["perihal", "hal", "subject"]),
        signer: String => Suggest("people"), "lout.signer" .listed().aliases(&["penanda tangan", "ttd"]),
        status: OutStatus = OutStatus::Draft => Select(OutStatus::OPTIONS), "lout.status" .required().listed(),
        /// Paragraphs apart by an empty line, `- ` starts a list item, `**bold**`.
        body: String => LongText, "lout.body" .aliases(&["isi"]),
        note: String => Text, "lout.note" .aliases(&["catatan"]),
    }
    stored {
        /// Its place in the series' count, and the period counted in (see [`period_of`]).
        seq: Option<i64>,
        period: String,
    }
}

impl RecordRules for OutgoingLetter {
    fn title(&self) -> String {
        if self.number.is_empty() {
            self.subject.clone()
        } else {
            format!("{} · {}", self.number, self.subject)
        }
    }
}

crate::record! {
    /// A letter the office received, with its disposition.
    pub struct IncomingLetter in "letters_in" {
        /// The register's own number, counted each year from 1; given when first saved.
        agenda: Option<i64> => Integer, "lin.agenda" .listed().aliases(&["no. agenda", "agenda"]),
        received: Option<NaiveDate> => Date, "lin.received" .required().listed().aliases(&["diterima", "tanggal terima"]),
        sender: String => Text, "lin.sender" .required().listed().aliases(&["pengirim", "dari", "from"]),
        their_number: String => Text, "lin.their_number" .listed().aliases(&["nomor surat", "no. surat"]),
        letter_date: Option<NaiveDate> => Date, "lin.letter_date" .aliases(&["tanggal surat"]),
        subject: String => Text, "lin.subject" .required().listed().aliases(&["perihal", "hal", "subject"]),
        addressed_to: String => Suggest("people"), "lin.addressed_to" .aliases(&["ditujukan kepada", "kepada"]),
        /// Who must act on it.
        disposition_to: String => Suggest("people"), "lin.disposition_to" .listed().aliases(&["disposisi", "diteruskan kepada"]),
        instruction: String => Text, "lin.instruction" .aliases(&["instruksi", "isi disposisi"]),
        due: Option<NaiveDate> => Date, "lin.due" .listed().aliases(&["batas waktu", "tenggat"]),
        status: InStatus = InStatus::Received => Select(InStatus::OPTIONS), "lin.status" .required().listed(),
        note: String => LongText, "lin.note" .aliases(&["catatan"]),
    }
}

impl RecordRules for IncomingLetter {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if self.agenda.is_some_and(|n| !(1..=MOST_SEQ).contains(&n)) {
            errs.push(("agenda", "err.agenda"));
        }
        if self.due.is_some() && self.disposition_to.trim().is_empty() {
            errs.push(("disposition_to", "err.disposition_who"));
        }
        if let (Some(received), Some(written)) = (self.received, self.letter_date) {
            if written > received {
                errs.push(("letter_date", "err.letter_after_received"));
            }
        }
        errs
    }
    fn title(&self) -> String {
        self.subject.clone()
    }
}

/// The period a series counts in on `date`: the year, the month, or one count forever.
pub fn period_of(restart: Restart, date: NaiveDate) -> String {
    match restart {
        Restart::Yearly => date.year().to_string(),
        Restart::Monthly => format!("{}-{:02}", date.year(), date.month()),
        Restart::Never => String::new(),
    }
}

/// `n` in Roman numerals (months: I–XII); `n` from 1 to 3999.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            s.push_str(digits);
            n -= value;
        }
    }
    s
}

/// One `{…}` part of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The sequence number, padded with zeros to this many digits.
    Seq(usize),
    Code,
    Unit,
    Month,
    Month2,
    MonthRoman,
    Year,
    Year2,
}

fn part(token: &str) -> Option<Part> {
    Some(match token {
        "seq" => Part::Seq(0),
        "code" => Part::Code,
        "unit" | "dept" => Part::Unit,
        "month" => Part::Month,
        "month:02" => Part::Month2,
        "month:roman" => Part::MonthRoman,
        "year" => Part::Year,
        "year:2" => Part::Year2,
        _ => {
            let width = token.strip_prefix("seq:0")?;
            match width.parse::<usize>() {
                Ok(w @ 1..=9) => Part::Seq(w),
                _ => return None,
            }
        }
    })
}

/// A pattern as literal text and parts; `Err` with the message's i18n key.
fn parse_pattern(pattern: &str) -> Result<Vec<Result<&str, Part>>, &'static str> {
    let mut out = vec![];
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Ok(&rest[..open]));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("err.pattern_unclosed")?;
        out.push(Err(part(after[..close].trim()).ok_or("err.pattern_part")?));
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err("err.pattern_unclosed");
    }
    if !rest.is_empty() {
        out.push(Ok(rest));
    }
    Ok(out)
}

/// Whether a pattern can number letters: its parts known, and the sequence number in it
/// (without it every letter would get the same number).
pub fn check_pattern(pattern: &str) -> Result<(), &'static str> {
    let parts = parse_pattern(pattern)?;
    if parts.iter().any(|p| matches!(p, Err(Part::Seq(_)))) {
        Ok(())
    } else {
        Err("err.pattern_seq")
    }
}

/// The number `seq` of `series` on `date`; a pattern that does not parse gives the bare
/// sequence number (validation keeps such a pattern from being saved).
pub fn format_number(series: &LetterSeries, seq: i64, date: NaiveDate) -> String {
    let Ok(parts) = parse_pattern(&series.pattern) else { return seq.to_string() };
    let mut s = String::new();
    for p in parts {
        match p {
            Ok(text) => s.push_str(text),
            Err(Part::Seq(w)) => s.push_str(&format!("{seq:0w$}")),
            Err(Part::Code) => s.push_str(&series.code),
            Err(Part::Unit) => s.push_str(&series.unit),
            Err(Part::Month) => s.push_str(&date.month().to_string()),
            Err(Part::Month2) => s.push_str(&format!("{:02}", date.month())),
            Err(Part::MonthRoman) => s.push_str(&roman(date.month())),
            Err(Part::Year) => s.push_str(&date.year().to_string()),
            Err(Part::Year2) => s.push_str(&format!("{:02}", date.year().rem_euclid(100))),
        }
    }
    s
}

/// The highest sequence number given in `period` of `series`: by its letters, deleted ones
/// included, and by the count the series keeps (which outlives a letter purged from the trash).
pub fn highest(series: &LetterSeries, letters: &[OutgoingLetter], period: &str) -> i64 {
    let kept = if series.last_period == period { series.last_seq.unwrap_or(0) } else { 0 };
    letters.iter().filter(|l| l.series_id == series.meta.id && l.period == period).filter_map(|l| l.seq).fold(kept, i64::max)
}

/// Gives `letter` its series' next number for its date: one more than the highest given in
/// the period, past any number already taken (a letter imported with its number).
/// `None` when it has no date or the series has run out of numbers.
pub fn assign(letter: &mut OutgoingLetter, series: &LetterSeries, letters: &[OutgoingLetter]) -> Option<String> {
    let date = letter.date?;
    let period = period_of(series.restart, date);
    let mut seq = highest(series, letters, &period) + 1;
    loop {
        if seq > MOST_SEQ {
            return None;
        }
        let number = format_number(series, seq, date);
        if !number_taken(letters, &number, &letter.meta.id) {
            letter.seq = Some(seq);
            letter.period = period;
            letter.number = number.clone();
            return Some(number);
        }
        seq += 1;
    }
}

/// Whether another letter (in the trash too: its number stays given) has `number`.
pub fn number_taken(letters: &[OutgoingLetter], number: &str, own_id: &str) -> bool {
    let number = number.trim();
    !number.is_empty() && letters.iter().any(|l| l.meta.id != own_id && l.number.trim() == number)
}

/// The series' count after `letter` was numbered: raised to its number, never lowered.
/// `None` when the count already covers it.
pub fn raised(series: &LetterSeries, letter: &OutgoingLetter) -> Option<LetterSeries> {
    let seq = letter.seq?;
    // A later period takes over the count; an earlier one (a letter dated back) is counted
    // by its own letters.
    let raise = if series.last_period == letter.period { seq > series.last_seq.unwrap_or(0) } else { letter.period > series.last_period };
    if raise {
        let mut s = series.clone();
        s.last_period = letter.period.clone();
        s.last_seq = Some(seq);
        Some(s)
    } else {
        None
    }
}

/// A number given and no longer on a letter in the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub number: String,
    /// The letter that had it is in the trash (otherwise it was purged, or skipped).
    pub in_trash: bool,
}

/// The numbers of a series missing from its letters, period by period: from the first
/// number the app gave in the period up to the highest given. Numbers below the first are
/// the paper register's.
pub fn gaps(series: &LetterSeries, letters: &[OutgoingLetter]) -> Vec<Gap> {
    let mine: Vec<&OutgoingLetter> = letters.iter().filter(|l| l.series_id == series.meta.id && l.seq.is_some()).collect();
    let mut periods: Vec<&str> = mine.iter().map(|l| l.period.as_str()).collect();
    periods.sort_unstable();
    periods.dedup();
    let mut out = vec![];
    for period in periods {
        let of: Vec<&&OutgoingLetter> = mine.iter().filter(|l| l.period == period).collect();
        let first = of.iter().filter_map(|l| l.seq).min().unwrap_or(1);
        let top = highest(series, letters, period);
        // The date a missing number would have carried: any letter's of the period.
        let Some(date) = of.iter().filter_map(|l| l.date).min() else { continue };
        for seq in first..=top {
            let holders: Vec<&&&OutgoingLetter> = of.iter().filter(|l| l.seq == Some(seq)).collect();
            if holders.iter().any(|l| l.meta.deleted_at.is_none()) {
                continue;
            }
            let number = holders.first().map(|l| l.number.clone()).unwrap_or_else(|| format_number(series, seq, date));
            out.push(Gap { number, in_trash: !holders.is_empty() });
        }
    }
    out
}

/// The agenda number a letter received on `received` gets: one more than the highest of
/// its year (deleted letters' numbers included, so none is given twice).
pub fn next_agenda(letters: &[IncomingLetter], received: NaiveDate) -> i64 {
    letters.iter().filter(|l| l.received.is_some_and(|d| d.year() == received.year())).filter_map(|l| l.agenda).max().unwrap_or(0) + 1
}

/// Whether another letter of the same year has `letter`'s agenda number.
pub fn agenda_taken(letters: &[IncomingLetter], letter: &IncomingLetter) -> bool {
    let (Some(n), Some(day)) = (letter.agenda, letter.received) else { return false };
    letters.iter().any(|l| {
        l.meta.id != letter.meta.id
            && l.meta.deleted_at.is_none()
            && l.agenda == Some(n)
            && l.received.is_some_and(|d| d.year() == day.year())
    })
}

/// Days ahead a disposition shows on the Today view.
pub const DISPOSITION_LEAD: i64 = 3;

/// Letters received whose disposition is still open and due within [`DISPOSITION_LEAD`]
/// days (or overdue), soonest first.
pub fn dispositions_due(letters: &[IncomingLetter], today: NaiveDate) -> Vec<&IncomingLetter> {
    let mut due: Vec<&IncomingLetter> = letters
        .iter()
        .filter(|l| l.meta.deleted_at.is_none() && l.status != InStatus::Done)
        .filter(|l| l.due.is_some_and(|d| (d - today).num_days() <= DISPOSITION_LEAD))
        .collect();
    due.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.subject.cmp(&b.subject)));
    due
}

/// A piece of a line of a letter's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

/// A block of a letter's text as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph; its lines keep their breaks.
    Para(Vec<Vec<Span>>),
    /// A list, an item a line.
    List(Vec<Vec<Span>>),
}

/// A letter's text in blocks: paragraphs apart by an empty line, lines starting `- ` or
/// `* ` a list, `**…**` bold. Nothing is dropped: an unclosed `**` is kept as typed.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = vec![];
    let mut open: Option<Block> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(open.take());
            continue;
        }
        let item = trimmed.strip_prefix("- ").or_else(|| trimmed.strip_prefix("* "));
        match (item, &mut open) {
            (Some(item), Some(Block::List(items))) => items.push(spans(item)),
            (Some(item), _) => {
                out.extend(open.take());
                open = Some(Block::List(vec![spans(item)]));
            }
            (None, Some(Block::Para(lines))) => lines.push(spans(line.trim_end())),
            (None, _) => {
                out.extend(open.take());
                open = Some(Block::Para(vec![spans(line.trim_end())]));
            }
        }
    }
    out.extend(open);
    out
}

fn spans(line: &str) -> Vec<Span> {
    let mut out = vec![];
    let mut rest = line;
    while let Some(start) = rest.find("**") {
        let Some(len) = rest[start + 2..].find("**") else { break };
        if start > 0 {
            out.push(Span { text: rest[..start].to_string(), bold: false });
        }
        let inner = &rest[start + 2..start + 2 + len];
        if !inner.is_empty() {
            out.push(Span { text: inner.to_string(), bold: true });
        }
        rest = &rest[start + 4 + len..];
    }
    if !rest.is_empty() {
        out.push(Span { text: rest.to_string(), bold: false });
    }
    out
}

#[cfg(test)]
#[path = "letters_tests.rs"]
mod tests;
