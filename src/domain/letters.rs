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
        /// The last number the paper register gave, typed once when the office moves its
        /// register here: the app goes on from it.
        last_seq: Option<i64> => Integer, "lser.last_seq" .aliases(&["nomor terakhir"]),
        note: String => LongText, "lser.note" .aliases(&["catatan"]),
    }
    stored {
        /// The period `last_seq` counts in (`2026`, `2026-12`; empty for a series that never
        /// restarts, or one imported from a file: then it counts in every period until the
        /// first letter is numbered).
        last_period: String,
        /// The highest number the app gave in each period: it outlives a letter purged from
        /// the trash, so that number is never given again.
        given: Vec<Given>,
    }
}

/// The highest number a series gave in a period.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Given {
    pub period: String,
    pub seq: i64,
}

impl RecordRules for LetterSeries {
    fn validate(&self) -> Vec<FieldError> {
        let mut errs = validate_by_schema(self);
        if let Err(key) = check_pattern(&self.pattern).and_then(|()| check_restart(&self.pattern, self.restart)) {
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

impl IncomingLetter {
    /// A letter received that names who must act on it has been passed on.
    pub fn mark_passed_on(&mut self) {
        if self.status == InStatus::Received && !self.disposition_to.trim().is_empty() {
            self.status = InStatus::Disposed;
        }
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

/// A series that starts again each year (month) must name the year (and month) in its
/// numbers, or this year's 001 would be last year's 001.
fn check_restart(pattern: &str, restart: Restart) -> Result<(), &'static str> {
    let parts = parse_pattern(pattern)?;
    let has = |want: &[Part]| parts.iter().any(|p| matches!(p, Err(x) if want.contains(x)));
    let year = has(&[Part::Year, Part::Year2]);
    let month = has(&[Part::Month, Part::Month2, Part::MonthRoman]);
    match restart {
        Restart::Yearly if !year => Err("err.pattern_year"),
        Restart::Monthly if !(year && month) => Err("err.pattern_month"),
        _ => Ok(()),
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

/// The paper register's last number in `period`.
fn paper(series: &LetterSeries, period: &str) -> i64 {
    if series.last_period == period || series.last_period.is_empty() {
        series.last_seq.unwrap_or(0)
    } else {
        0
    }
}

/// The highest sequence number given in `period` of `series`: by the paper register, by
/// the count the series keeps, and by its letters (deleted ones included).
pub fn highest(series: &LetterSeries, letters: &[OutgoingLetter], period: &str) -> i64 {
    let kept = series.given.iter().filter(|g| g.period == period).map(|g| g.seq).fold(paper(series, period), i64::max);
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

/// What saving `letter` does to its number (`before`: the letter as stored, `series`: its
/// series). A number typed or changed by hand is the letter's own; a letter moved to
/// another series or period is numbered again there (its old number stays given: a gap);
/// a letter moved within its period keeps its place and its number follows the new date
/// (the month in `…/XII/2026`); a letter without a number takes the series' next.
pub fn number_on_save(
    letter: &mut OutgoingLetter,
    before: Option<&OutgoingLetter>,
    series: Option<&LetterSeries>,
    letters: &[OutgoingLetter],
) {
    if let Some(b) = before {
        if letter.number.trim() != b.number.trim() {
            letter.seq = None;
            letter.period.clear();
        } else if let (Some(seq), Some(s), Some(date)) = (b.seq, series, letter.date) {
            if b.series_id != letter.series_id || period_of(s.restart, date) != b.period {
                letter.number.clear();
                letter.seq = None;
                letter.period.clear();
            } else {
                let again = format_number(s, seq, date);
                if !number_taken(letters, &again, &letter.meta.id) {
                    letter.number = again;
                }
            }
        }
    }
    if letter.number.trim().is_empty() {
        if let Some(s) = series {
            assign(letter, s, letters);
        }
    }
}

/// Whether another letter (in the trash too: its number stays given) has `number`.
pub fn number_taken(letters: &[OutgoingLetter], number: &str, own_id: &str) -> bool {
    let number = number.trim();
    !number.is_empty() && letters.iter().any(|l| l.meta.id != own_id && l.number.trim() == number)
}

/// The series' count after `letter` was numbered: its period's highest raised to its
/// number, never lowered; a paper register's last number imported without its period is
/// pinned to this letter's. `None` when nothing changes.
pub fn raised(series: &LetterSeries, letter: &OutgoingLetter) -> Option<LetterSeries> {
    let seq = letter.seq?;
    let mut s = series.clone();
    if s.last_period.is_empty() && s.last_seq.is_some() {
        s.last_period = letter.period.clone();
    }
    match s.given.iter_mut().find(|g| g.period == letter.period) {
        Some(g) => g.seq = g.seq.max(seq),
        None => s.given.push(Given { period: letter.period.clone(), seq }),
    }
    (s != *series).then_some(s)
}

/// A number given and no longer on a letter in the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub number: String,
    /// The letter that had it is in the trash (otherwise it was purged, or skipped).
    pub in_trash: bool,
}

/// The most gaps listed for a series (a mistyped count would list a million).
pub const MOST_GAPS: usize = 200;

/// The numbers of a series no letter in the register has, period by period: from the one
/// after the paper register's last up to the highest given. A number is shown as the letter
/// that had it printed it, or as the nearest letter of its period would print it.
pub fn gaps(series: &LetterSeries, letters: &[OutgoingLetter]) -> Vec<Gap> {
    let mine: Vec<&OutgoingLetter> = letters.iter().filter(|l| l.series_id == series.meta.id && l.seq.is_some()).collect();
    let mut periods: Vec<&str> = mine.iter().map(|l| l.period.as_str()).chain(series.given.iter().map(|g| g.period.as_str())).collect();
    periods.sort_unstable();
    periods.dedup();
    let live_numbers: std::collections::HashSet<&str> =
        letters.iter().filter(|l| l.meta.deleted_at.is_none()).map(|l| l.number.trim()).collect();
    let mut out = vec![];
    for period in periods {
        // The period's letters by number (a number given twice is held by all its letters).
        let mut by_seq: std::collections::BTreeMap<i64, Vec<&OutgoingLetter>> = std::collections::BTreeMap::new();
        for l in mine.iter().filter(|l| l.period == period) {
            by_seq.entry(l.seq.unwrap_or(0)).or_default().push(l);
        }
        let date_of = |(_, ls): (&i64, &Vec<&OutgoingLetter>)| ls.iter().find_map(|l| l.date);
        let near = |seq: i64| by_seq.range(..seq).rev().find_map(date_of).or_else(|| by_seq.range(seq + 1..).find_map(date_of));
        for seq in paper(series, period) + 1..=highest(series, letters, period) {
            if out.len() >= MOST_GAPS {
                return out;
            }
            let holders = by_seq.get(&seq).map(Vec::as_slice).unwrap_or_default();
            if holders.iter().any(|l| l.meta.deleted_at.is_none()) {
                continue;
            }
            let number = match (holders.first(), near(seq)) {
                (Some(l), _) => l.number.clone(),
                (None, Some(date)) => format_number(series, seq, date),
                // Every letter of the period is gone: the period says which count it was.
                (None, None) => format!("{} {period} · {seq}", series.code),
            };
            // A letter typed or imported with that number holds it.
            if live_numbers.contains(number.trim()) {
                continue;
            }
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

/// Whether another letter of the same year (in the trash too: restored, it would have the
/// same number) has `letter`'s agenda number.
pub fn agenda_taken(letters: &[IncomingLetter], letter: &IncomingLetter) -> bool {
    let (Some(n), Some(day)) = (letter.agenda, letter.received) else { return false };
    letters.iter().any(|l| l.meta.id != letter.meta.id && l.agenda == Some(n) && l.received.is_some_and(|d| d.year() == day.year()))
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
    crate::sort::sort_by(&mut due, |a, b| a.due.cmp(&b.due).then_with(|| a.subject.cmp(&b.subject)));
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
        // `****` marks nothing: kept as typed.
        out.push(if inner.is_empty() { Span { text: "****".into(), bold: false } } else { Span { text: inner.to_string(), bold: true } });
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
