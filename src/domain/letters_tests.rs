use chrono::{DateTime, NaiveDate};

use super::*;
use crate::domain::record::Entity;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn series(restart: Restart) -> LetterSeries {
    let mut s = LetterSeries::blank(DateTime::UNIX_EPOCH);
    s.meta.id = "sk".into();
    s.code = "SK".into();
    s.name = "Surat Keputusan".into();
    s.unit = "HRD".into();
    s.restart = restart;
    s
}

/// A letter of `s` on `date`, numbered as the form would number it, then kept.
fn numbered(s: &mut LetterSeries, letters: &mut Vec<OutgoingLetter>, date: NaiveDate) -> String {
    let mut l = OutgoingLetter::blank(DateTime::UNIX_EPOCH);
    l.meta.id = format!("l{}", letters.len());
    l.series_id = s.meta.id.clone();
    l.date = Some(date);
    number_on_save(&mut l, None, Some(s), letters);
    let number = l.number.clone();
    if let Some(raised) = raised(s, &l) {
        *s = raised;
    }
    letters.push(l);
    number
}

#[test]
fn the_default_pattern_reads_as_offices_write_it() {
    let s = series(Restart::Yearly);
    assert_eq!(format_number(&s, 7, day(2026, 12, 3)), "007/SK/HRD/XII/2026");
    assert_eq!(format_number(&s, 1234, day(2026, 4, 1)), "1234/SK/HRD/IV/2026");
}

#[test]
fn every_part_of_a_pattern() {
    let mut s = series(Restart::Yearly);
    s.pattern = "{code}-{seq}/{dept}/{month}/{month:02}/{year:2}/{seq:05}".into();
    assert_eq!(format_number(&s, 42, day(2009, 3, 1)), "SK-42/HRD/3/03/09/00042");
}

#[test]
fn roman_months_and_years() {
    let months: Vec<String> = (1..=12).map(roman).collect();
    assert_eq!(months, ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);
    assert_eq!(roman(2026), "MMXXVI");
    assert_eq!(roman(1994), "MCMXCIV");
}

#[test]
fn a_pattern_needs_known_parts_and_the_sequence() {
    assert_eq!(check_pattern(DEFAULT_PATTERN), Ok(()));
    assert_eq!(check_pattern("{code}/{year}"), Err("err.pattern_seq"));
    assert_eq!(check_pattern("{seq}/{kode}"), Err("err.pattern_part"));
    assert_eq!(check_pattern("{seq:00}"), Err("err.pattern_part"));
    assert_eq!(check_pattern("{seq/{year}"), Err("err.pattern_part"));
    assert_eq!(check_pattern("{seq}/{year"), Err("err.pattern_unclosed"));
    assert_eq!(check_pattern("{seq}}"), Err("err.pattern_unclosed"));
    let mut s = series(Restart::Yearly);
    s.pattern = "{code}".into();
    assert!(s.validate().contains(&("pattern", "err.pattern_seq")));
    // A count that starts again must show where: this year's 001 is not last year's.
    s.pattern = "{seq:03}/{code}".into();
    assert!(s.validate().contains(&("pattern", "err.pattern_year")));
    s.restart = Restart::Monthly;
    s.pattern = "{seq:03}/{code}/{year}".into();
    assert!(s.validate().contains(&("pattern", "err.pattern_month")));
    s.pattern = "{seq}/{month:02}/{year:2}".into();
    assert_eq!(s.validate(), vec![]);
    s.restart = Restart::Never;
    s.pattern = "{seq}".into();
    assert_eq!(s.validate(), vec![]);
}

#[test]
fn numbers_count_up_and_start_again_each_year() {
    let mut s = series(Restart::Yearly);
    let mut letters = vec![];
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 11, 30)), "001/SK/HRD/XI/2026");
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 31)), "002/SK/HRD/XII/2026");
    assert_eq!(numbered(&mut s, &mut letters, day(2027, 1, 2)), "001/SK/HRD/I/2027");
    // A letter dated back into the old year goes on from that year's count.
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 31)), "003/SK/HRD/XII/2026");
    let counts: Vec<(&str, i64)> = s.given.iter().map(|g| (g.period.as_str(), g.seq)).collect();
    assert_eq!(counts, [("2026", 3), ("2027", 1)]);
}

#[test]
fn monthly_and_never_restarting_series() {
    let mut s = series(Restart::Monthly);
    let mut letters = vec![];
    numbered(&mut s, &mut letters, day(2026, 11, 30));
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 11, 30)), "002/SK/HRD/XI/2026");
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 1)), "001/SK/HRD/XII/2026");
    let mut s = series(Restart::Never);
    let mut letters = vec![];
    numbered(&mut s, &mut letters, day(2026, 12, 31));
    assert_eq!(numbered(&mut s, &mut letters, day(2027, 1, 1)), "002/SK/HRD/I/2027");
}

#[test]
fn a_deleted_letter_never_gives_its_number_again() {
    let mut s = series(Restart::Yearly);
    let mut letters = vec![];
    for _ in 0..3 {
        numbered(&mut s, &mut letters, day(2026, 12, 1));
    }
    // The third goes to the trash: the next is 004, and 003 is a gap found in the trash.
    letters[2].meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 2)), "004/SK/HRD/XII/2026");
    assert_eq!(gaps(&s, &letters), vec![Gap { number: "003/SK/HRD/XII/2026".into(), in_trash: true }]);
    // Purged from the trash as well (and the newest with it): the series' own count still
    // knows 004 was given.
    letters.remove(3);
    letters.remove(2);
    assert_eq!(
        gaps(&s, &letters),
        vec![Gap { number: "003/SK/HRD/XII/2026".into(), in_trash: false }, Gap { number: "004/SK/HRD/XII/2026".into(), in_trash: false }]
    );
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 3)), "005/SK/HRD/XII/2026");
}

#[test]
fn a_paper_register_carried_over_goes_on_from_its_last_number() {
    let mut s = series(Restart::Yearly);
    s.last_seq = Some(41);
    s.last_period = "2026".into();
    let mut letters = vec![];
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 1)), "042/SK/HRD/XII/2026");
    assert_eq!(gaps(&s, &letters), vec![], "numbers 1 to 41 are the paper register's, not gaps");
    assert_eq!(numbered(&mut s, &mut letters, day(2027, 1, 4)), "001/SK/HRD/I/2027");
}

#[test]
fn a_number_already_taken_is_passed_over() {
    let mut s = series(Restart::Yearly);
    let mut letters = vec![];
    // Imported from a file with its number, without the series' count.
    let mut imported = OutgoingLetter::blank(DateTime::UNIX_EPOCH);
    imported.meta.id = "old".into();
    imported.number = "001/SK/HRD/XII/2026".into();
    letters.push(imported);
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 1)), "002/SK/HRD/XII/2026");
    assert!(number_taken(&letters, " 002/SK/HRD/XII/2026 ", "new"));
    assert!(!number_taken(&letters, "002/SK/HRD/XII/2026", &letters[1].meta.id.clone()), "its own number is not taken");
    assert!(!number_taken(&letters, "", "new"));
}

#[test]
fn a_letter_without_a_date_is_not_numbered() {
    let s = series(Restart::Yearly);
    let mut l = OutgoingLetter::blank(DateTime::UNIX_EPOCH);
    assert_eq!(assign(&mut l, &s, &[]), None);
    assert_eq!(l.number, "");
}

fn received(id: &str, on: NaiveDate, agenda: Option<i64>) -> IncomingLetter {
    let mut l = IncomingLetter::blank(DateTime::UNIX_EPOCH);
    l.meta.id = id.into();
    l.received = Some(on);
    l.agenda = agenda;
    l.subject = id.into();
    l
}

#[test]
fn agenda_numbers_count_each_year_and_are_not_given_twice() {
    let mut a = received("a", day(2026, 12, 30), Some(14));
    let b = received("b", day(2026, 1, 5), Some(3));
    let c = received("c", day(2025, 12, 31), Some(200));
    assert_eq!(next_agenda(&[a.clone(), b.clone(), c.clone()], day(2026, 12, 31)), 15);
    assert_eq!(next_agenda(&[a.clone(), b.clone(), c.clone()], day(2027, 1, 1)), 1);
    a.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    assert_eq!(next_agenda(&[a.clone(), b.clone()], day(2026, 12, 31)), 15, "a deleted letter's number stays given");
    let mut d = received("d", day(2026, 6, 1), Some(3));
    assert!(agenda_taken(&[b.clone(), c.clone()], &d));
    d.received = Some(day(2025, 6, 1));
    assert!(!agenda_taken(&[b.clone(), c], &d), "another year's 3");
    d.received = Some(day(2026, 6, 1));
    d.agenda = Some(14);
    assert!(agenda_taken(&[a, b], &d), "a letter in the trash keeps its number: restored, it would be doubled");
}

#[test]
fn dispositions_due_within_three_days_or_late() {
    let today = day(2026, 12, 3);
    let with = |id: &str, due: Option<NaiveDate>, status: InStatus| {
        let mut l = received(id, day(2026, 12, 1), None);
        l.disposition_to = "Budi".into();
        l.due = due;
        l.status = status;
        l
    };
    let mut gone = with("trashed", Some(today), InStatus::Disposed);
    gone.meta.deleted_at = Some(DateTime::UNIX_EPOCH);
    let letters = vec![
        with("in three days", Some(day(2026, 12, 6)), InStatus::Disposed),
        with("in four days", Some(day(2026, 12, 7)), InStatus::Disposed),
        with("late", Some(day(2026, 11, 20)), InStatus::Received),
        with("done", Some(day(2026, 12, 1)), InStatus::Done),
        with("no date", None, InStatus::Disposed),
        gone,
    ];
    let due: Vec<&str> = dispositions_due(&letters, today).iter().map(|l| l.subject.as_str()).collect();
    assert_eq!(due, ["late", "in three days"]);
}

#[test]
fn a_disposition_due_date_needs_someone_to_act() {
    let mut l = received("x", day(2026, 12, 1), None);
    l.sender = "Kelurahan".into();
    l.due = Some(day(2026, 12, 5));
    assert!(l.validate().contains(&("disposition_to", "err.disposition_who")));
    l.mark_passed_on();
    assert_eq!(l.status, InStatus::Received, "nobody named yet");
    l.disposition_to = "Budi".into();
    l.mark_passed_on();
    assert_eq!(l.status, InStatus::Disposed);
    l.status = InStatus::Done;
    l.mark_passed_on();
    assert_eq!(l.status, InStatus::Done, "done stays done");
    l.letter_date = Some(day(2026, 12, 2));
    assert_eq!(l.validate(), vec![("letter_date", "err.letter_after_received")]);
}

fn plain(t: &str) -> Span {
    Span { text: t.into(), bold: false }
}

#[test]
fn a_letters_text_in_paragraphs_lists_and_bold() {
    let text = "Dengan hormat,\n\nKami mengundang **Bapak/Ibu** hadir\npada rapat:\n- hari: Senin\n* tempat: **R. 2**\n\n\nHormat kami,";
    assert_eq!(
        blocks(text),
        vec![
            Block::Para(vec![vec![plain("Dengan hormat,")]]),
            Block::Para(vec![
                vec![plain("Kami mengundang "), Span { text: "Bapak/Ibu".into(), bold: true }, plain(" hadir")],
                vec![plain("pada rapat:")]
            ]),
            Block::List(vec![vec![plain("hari: Senin")], vec![plain("tempat: "), Span { text: "R. 2".into(), bold: true }]]),
            Block::Para(vec![vec![plain("Hormat kami,")]]),
        ]
    );
    assert_eq!(blocks("a ** b"), vec![Block::Para(vec![vec![plain("a ** b")]])], "an unclosed mark is kept");
    assert_eq!(blocks("a****b"), vec![Block::Para(vec![vec![plain("a"), plain("****"), plain("b")]])], "an empty mark is kept");
    assert_eq!(blocks(" \n\n"), vec![]);
}

#[cfg(not(target_arch = "wasm32"))]
mod laws {
    use super::*;
    use proptest::prelude::*;

    fn text_of(bs: &[Block]) -> String {
        bs.iter()
            .flat_map(|b| match b {
                Block::Para(lines) | Block::List(lines) => lines.clone(),
            })
            .flatten()
            .map(|s| s.text)
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// Any text reads into blocks without panicking, and every letter typed (apart from
        /// the marks and the spaces around lines) is still there.
        #[test]
        fn blocks_keep_every_letter(text in "[a-z *\\-\n]{0,80}") {
            let kept: String = text_of(&blocks(&text)).chars().filter(|c| c.is_ascii_alphabetic()).collect();
            let typed: String = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            prop_assert_eq!(kept, typed);
        }

        /// Any pattern is judged without panicking; one that passes numbers distinct
        /// sequence numbers differently within a period.
        #[test]
        fn patterns_never_panic(pattern in "[{}a-z0-9:/ -]{0,30}", a in 1i64..5000, b in 1i64..5000) {
            let mut s = series(Restart::Yearly);
            s.pattern = pattern;
            let (x, y) = (format_number(&s, a, day(2026, 12, 3)), format_number(&s, b, day(2026, 12, 3)));
            if check_pattern(&s.pattern).is_ok() && a != b {
                prop_assert_ne!(x, y);
            }
        }
    }
}

#[test]
fn a_number_purged_from_an_earlier_period_is_not_given_to_a_letter_dated_back() {
    let mut s = series(Restart::Monthly);
    let mut letters = vec![];
    for _ in 0..3 {
        numbered(&mut s, &mut letters, day(2026, 12, 10));
    }
    numbered(&mut s, &mut letters, day(2027, 1, 4));
    // December's third purged for good, then a letter dated back into December.
    letters.remove(2);
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 31)), "004/SK/HRD/XII/2026");
    assert_eq!(gaps(&s, &letters), vec![Gap { number: "003/SK/HRD/XII/2026".into(), in_trash: false }]);
}

#[test]
fn a_series_imported_with_its_last_number_counts_from_it_until_pinned() {
    // From a file: the last number without the period it was typed in.
    let mut s = series(Restart::Yearly);
    s.last_seq = Some(41);
    let mut letters = vec![];
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 1)), "042/SK/HRD/XII/2026");
    assert_eq!(s.last_period, "2026", "pinned to the first letter's year");
    assert_eq!(numbered(&mut s, &mut letters, day(2027, 1, 4)), "001/SK/HRD/I/2027");
}

fn saved_again(s: &LetterSeries, letters: &mut [OutgoingLetter], i: usize, change: impl Fn(&mut OutgoingLetter)) -> String {
    let before = letters[i].clone();
    let mut l = before.clone();
    change(&mut l);
    let series = (l.series_id == s.meta.id).then_some(s);
    number_on_save(&mut l, Some(&before), series, letters);
    letters[i] = l;
    letters[i].number.clone()
}

#[test]
fn a_letter_moved_or_renumbered_by_hand() {
    let mut s = series(Restart::Yearly);
    let mut letters = vec![];
    numbered(&mut s, &mut letters, day(2026, 11, 30));
    numbered(&mut s, &mut letters, day(2026, 12, 1));
    // Within its year: its place kept, the month follows the date.
    assert_eq!(saved_again(&s, &mut letters, 1, |l| l.date = Some(day(2026, 10, 5))), "002/SK/HRD/X/2026");
    assert_eq!(letters[1].seq, Some(2));
    // Into the next year: numbered again there; its old number is a gap.
    assert_eq!(saved_again(&s, &mut letters, 1, |l| l.date = Some(day(2027, 1, 2))), "001/SK/HRD/I/2027");
    assert_eq!(gaps(&s, &letters), vec![Gap { number: "002/SK/HRD/XI/2026".into(), in_trash: false }]);
    // Typed by hand: the letter's own, out of the count.
    assert_eq!(saved_again(&s, &mut letters, 0, |l| l.number = "A-1".into()), "A-1");
    assert_eq!((letters[0].seq, letters[0].period.as_str()), (None, ""));
    // Cleared: given the next.
    assert_eq!(saved_again(&s, &mut letters, 0, |l| l.number.clear()), "003/SK/HRD/XI/2026");
    // Unchanged: kept.
    assert_eq!(saved_again(&s, &mut letters, 0, |l| l.subject = "Ralat".into()), "003/SK/HRD/XI/2026");
}

#[test]
fn a_number_held_by_a_letter_typed_by_hand_is_not_a_gap() {
    let mut s = series(Restart::Yearly);
    let mut letters = vec![];
    numbered(&mut s, &mut letters, day(2026, 12, 1));
    let mut typed = OutgoingLetter::blank(DateTime::UNIX_EPOCH);
    typed.meta.id = "typed".into();
    typed.series_id = "sk".into();
    typed.number = "002/SK/HRD/XII/2026".into();
    letters.push(typed);
    assert_eq!(numbered(&mut s, &mut letters, day(2026, 12, 2)), "003/SK/HRD/XII/2026");
    assert_eq!(gaps(&s, &letters), vec![]);
}

#[test]
fn a_mistyped_count_lists_a_bounded_number_of_gaps() {
    let mut s = series(Restart::Never);
    s.pattern = "{seq}".into();
    let mut letters = vec![];
    numbered(&mut s, &mut letters, day(2026, 12, 1));
    s.given[0].seq = MOST_SEQ;
    assert_eq!(gaps(&s, &letters).len(), MOST_GAPS);
}
