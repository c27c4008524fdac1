//! Damaged files, as they really arrive: a flipped byte, a cut-off download, a value of the
//! wrong type, an odd header, huge or deeply nested values, a record twice. Whatever the
//! importer is given, it answers (a preview or a refusal) without a panic and quickly, and
//! what it accepts is stored and read back exactly as the app reads its store at start-up.
//! The mutations come from a fixed seed, so a failure is reproducible; each failure found
//! this way is kept below as its own regression test.
#![cfg(not(target_arch = "wasm32"))]
use backoffice::domain::backup::{self, Imported};
use backoffice::domain::record::Entity;
use backoffice::storage::{Db, Edit, MemoryBackend, Write};
use backoffice::table::records_as_columns;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift): the same damage on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Records of every type with every field filled from plausible texts.
fn records<E: Entity>(n: usize, texts: &[&str]) -> Vec<E> {
    (0..n)
        .map(|i| {
            let mut r = E::blank(at("2026-03-04T05:06:07Z"));
            for (j, f) in E::fields().iter().enumerate() {
                r.set(f.key, texts[(i + j) % texts.len()]);
            }
            r
        })
        .collect()
}

const TEXTS: &[&str] =
    &["Ani Wijaya", "2026-11-30", "1500000", "PT Maju Jaya", "", "12", "2026-12-01T09:30", "yes", "Jl. Sudirman 1, Jakarta"];

type Rows<'a> = Box<dyn Fn(std::ops::Range<usize>) -> backoffice::table::Columns + 'a>;

macro_rules! sample_backup {
    ($($name:ident: $t:ty,)*) => {
        /// A backup of every list, three records each, as the app exports it.
        fn sample_backup() -> String {
            $(let $name: Vec<$t> = records(3, TEXTS);)*
            let rows: Vec<(&str, usize, Rows)> = vec![$((stringify!($name), $name.len(), Box::new(|r| records_as_columns(&$name[r]))),)*];
            let lists: Vec<backup::ExportList> = rows.iter().map(|(name, len, rows)| backup::ExportList { name, len: *len, rows: rows.as_ref() }).collect();
            backup::export(&lists, Some(&json!({"company_name": "PT Maju", "lang": "id"})), &[], None, at("2026-12-01T10:00:00Z"))
        }

        /// Stores what was imported the way the Data screen does (every list whole, all or
        /// nothing), opens the store again as a fresh start would, and reads every list.
        fn stored_and_read_back(got: &Imported) -> Result<(), String> {
            let backend = MemoryBackend::new(50_000_000);
            let mut db = Db::open(Box::new(backend.clone()), &backoffice::registry::STORE).map_err(|e| format!("{e:?}"))?.0;
            let all = Edit::all();
            $(let $name = got.$name.clone().unwrap_or_default();)*
            let rows: Vec<(&str, usize, Rows)> = vec![$((stringify!($name), $name.len(), Box::new(|r| records_as_columns(&$name[r]))),)*];
            let writes = rows.iter().map(|(name, len, rows)| (*name, Write::List { len: *len, rows: rows.as_ref(), edit: &all })).collect();
            db.write(writes).map_err(|e| format!("write: {e:?}"))?;
            let mut again = Db::open(Box::new(backend), &backoffice::registry::STORE).map_err(|e| format!("reopen: {e:?}"))?.0;
            if !again.unreadable().is_empty() {
                return Err(format!("unreadable after a reload: {:?}", again.unreadable().keys().collect::<Vec<_>>()));
            }
            $({
                let back: Vec<$t> = again.load_list(stringify!($name)).map_err(|e| format!("{}: {e:?}", stringify!($name)))?.unwrap_or_default();
                if back != $name {
                    return Err(format!("{} reads back different", stringify!($name)));
                }
                one_per_id(stringify!($name), &back)?;
            })*
            Ok(())
        }
    };
}
backoffice::with_record_lists!(sample_backup);

/// Two records with one id would show as one row that cannot be told apart.
fn one_per_id<E: Entity>(name: &str, recs: &[E]) -> Result<(), String> {
    let mut ids: Vec<&str> = recs.iter().map(|r| r.meta().id.as_str()).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) {
        return Err(format!("{name} holds one id twice"));
    }
    Ok(())
}

/// What a user sees for one file: a preview that stores and reads back, or a refusal.
fn import(file: &[u8]) -> Result<(), String> {
    answered(
        "the backup reader",
        || backup::parse(file),
        |read| match read {
            Err(_) => Ok(()),
            Ok(got) => {
                stored_and_read_back(&got)?;
                if got.counts().iter().any(|(_, n)| *n > 0) {
                    ACCEPTED.with(|a| a.set(a.get() + 1));
                }
                Ok(())
            }
        },
    )
}

/// Every value in the tree, as a path of keys and positions.
fn paths(v: &Value, here: Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| paths(c, [here.clone(), vec![json!(k)]].concat(), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| paths(c, [here.clone(), vec![json!(i)]].concat(), out)),
        _ => {}
    }
}

fn at_path<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

fn deep(levels: usize) -> Value {
    (0..levels).fold(json!(1), |inner, _| json!([inner]))
}

/// A value of a kind a file should not hold there.
fn odd_value(rng: &mut Rng) -> Value {
    match rng.below(14) {
        0 => json!(null),
        1 => json!(true),
        2 => json!(-1),
        3 => json!(1e300),
        4 => json!(4294967296u64),
        5 => json!(""),
        6 => json!("x".repeat(200_000)),
        7 => json!([]),
        8 => json!({}),
        9 => deep(100),
        10 => json!("0226-13-45T99:99"),
        11 => json!("\u{0}\u{feff}=cmd|' /C calc'!A0"),
        12 => json!(-9223372036854775808i64),
        _ => json!([[["a"]], {"b": 1}]),
    }
}

fn mutate(clean: &str, tree: &Value, all_paths: &[Vec<Value>], rng: &mut Rng) -> (String, Vec<u8>) {
    let bytes = clean.as_bytes();
    match rng.below(6) {
        0 => {
            let mut b = bytes.to_vec();
            let i = rng.below(b.len());
            b[i] ^= (1 + rng.below(255)) as u8;
            (format!("byte {i} flipped"), b)
        }
        1 => {
            let n = rng.below(bytes.len());
            (format!("cut at {n}"), bytes[..n].to_vec())
        }
        2 | 3 => {
            let mut t = tree.clone();
            let p = &all_paths[rng.below(all_paths.len())];
            let v = odd_value(rng);
            let what = format!("{p:?} = {}", v.to_string().chars().take(60).collect::<String>());
            *at_path(&mut t, p) = v;
            (what, serde_json::to_vec(&t).unwrap())
        }
        4 => {
            // A row or a column value copied onto the next: one record twice, or columns
            // of different lengths.
            let mut t = tree.clone();
            let arrays: Vec<&Vec<Value>> =
                all_paths.iter().filter(|p| matches!(tree.pointer(&pointer(p)), Some(Value::Array(a)) if !a.is_empty())).collect();
            let p = arrays[rng.below(arrays.len())].clone();
            let Value::Array(a) = at_path(&mut t, &p) else { unreachable!() };
            let first = a[0].clone();
            a.push(first);
            (format!("{p:?} grew by its first element"), serde_json::to_vec(&t).unwrap())
        }
        _ => {
            let mut t = tree.clone();
            let (k, v) = match rng.below(4) {
                0 => ("format", odd_value(rng)),
                1 => ("exported_at", odd_value(rng)),
                2 => ("schema_version", odd_value(rng)),
                _ => ("collections", odd_value(rng)),
            };
            let what = format!("{k} = {}", v.to_string().chars().take(60).collect::<String>());
            t[k] = v;
            (what, serde_json::to_vec(&t).unwrap())
        }
    }
}

fn pointer(path: &[Value]) -> String {
    path.iter()
        .map(|s| match s {
            Value::String(k) => format!("/{}", k.replace('~', "~0").replace('/', "~1")),
            other => format!("/{other}"),
        })
        .collect()
}

#[test]
fn the_sample_backup_itself_imports_and_reads_back() {
    assert_eq!(import(sample_backup().as_bytes()), Ok(()));
}

#[test]
fn damaged_backups_are_previewed_or_refused_never_a_crash_or_an_unreadable_store() {
    let clean = sample_backup();
    let tree: Value = serde_json::from_str(&clean).unwrap();
    let mut all_paths = vec![];
    paths(&tree, vec![], &mut all_paths);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut failures = vec![];
    ACCEPTED.with(|a| a.set(0));
    for case in 0..400 {
        let (what, file) = mutate(&clean, &tree, &all_paths, &mut rng);
        if let Err(e) = import(&file) {
            failures.push(format!("case {case} ({what}): {e}"));
        }
    }
    let accepted = ACCEPTED.with(|a| a.get());
    // Choices take only their own codes and dates and times only what reads as one, so a
    // mutated choice or day is refused: a little over a fifth of the damaged files still
    // reach the store (89 of these 400).
    assert!(accepted >= 80, "only {accepted} of 400 damaged backups were accepted: the storing step is hardly tested");
    assert!(failures.is_empty(), "{} of 400 damaged backups:\n{}", failures.len(), failures.join("\n"));
}

/// Text files damaged the ways they are: bytes flipped, cut off, lines doubled, dropped or
/// swapped, a line made huge, a block opened a thousand times, odd values put after a
/// property's colon.
fn mutate_text(clean: &[u8], rng: &mut Rng) -> (String, Vec<u8>) {
    let text = String::from_utf8_lossy(clean).into_owned();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    match rng.below(8) {
        0 => {
            let mut b = clean.to_vec();
            let i = rng.below(b.len());
            b[i] ^= (1 + rng.below(255)) as u8;
            (format!("byte {i} flipped"), b)
        }
        1 => {
            let cut = rng.below(clean.len());
            (format!("cut at {cut}"), clean[..cut].to_vec())
        }
        2 => {
            let i = rng.below(n);
            let copies = 1 + rng.below(3);
            for _ in 0..copies {
                lines.insert(i, lines[i].clone());
            }
            (format!("line {i} doubled"), lines.join("\n").into_bytes())
        }
        3 => {
            let i = rng.below(n);
            lines.remove(i);
            (format!("line {i} dropped"), lines.join("\n").into_bytes())
        }
        4 => {
            let (i, j) = (rng.below(n), rng.below(n));
            lines.swap(i, j);
            (format!("lines {i} and {j} swapped"), lines.join("\n").into_bytes())
        }
        5 => {
            let i = rng.below(n);
            let long = format!("{}{}", lines[i], "=E2=82".repeat(50_000));
            lines[i] = long;
            (format!("line {i} made huge"), lines.join("\n").into_bytes())
        }
        6 => {
            let i = rng.below(n);
            let opened = ["BEGIN:VEVENT", "BEGIN:VCARD", "BEGIN:VALARM", "BEGIN:VTIMEZONE", " ", "\"", ";"][rng.below(7)];
            for _ in 0..2_000 {
                lines.insert(i, opened.to_string());
            }
            (format!("{opened:?} 2000 times at line {i}"), lines.join("\n").into_bytes())
        }
        _ => {
            let i = rng.below(n);
            let odd = [
                "FREQ=SECONDLY;INTERVAL=0",
                "FREQ=DAILY;COUNT=4294967295",
                "FREQ=YEARLY;INTERVAL=1000000;BYMONTHDAY=31;BYMONTH=2",
                "FREQ=WEEKLY;UNTIL=99991231T000000Z;BYDAY=MO,TU,WE,TH,FR,SA,SU",
                "02260101T120000",
                "99999999T999999Z",
                "00000101",
                "-P9999999W",
                "=C3=28=A0=A1",
                "",
                "1.500.000,00",
                "=HYPERLINK(\"x\")",
                "\u{0}\u{7f}\u{feff}",
            ][rng.below(13)];
            let head = lines[i].split_once(':').map_or(lines[i].clone(), |(h, _)| h.to_string());
            lines[i] = format!("{head}:{odd}");
            (format!("line {i} = {head}:{odd}"), lines.join("\n").into_bytes())
        }
    }
}

thread_local! {
    /// Damaged files that still brought records in: the fuzzers must reach the storing step.
    static ACCEPTED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn now() -> DateTime<Utc> {
    at("2026-12-01T10:00:00Z")
}

/// Stores records of one list, opens the store again and reads them: what was accepted is
/// what comes back.
fn stored_list<E: Entity>(name: &str, recs: &[E]) -> Result<(), String> {
    let backend = MemoryBackend::new(50_000_000);
    let mut db = Db::open(Box::new(backend.clone()), &backoffice::registry::STORE).map_err(|e| format!("{e:?}"))?.0;
    let rows = |r: std::ops::Range<usize>| records_as_columns(&recs[r]);
    db.write(vec![(name, Write::List { len: recs.len(), rows: &rows, edit: &Edit::all() })]).map_err(|e| format!("write: {e:?}"))?;
    let mut again = Db::open(Box::new(backend), &backoffice::registry::STORE).map_err(|e| format!("reopen: {e:?}"))?.0;
    let back: Vec<E> = again.load_list(name).map_err(|e| format!("read back: {e:?}"))?.unwrap_or_default();
    if back != recs {
        return Err(format!("{name} reads back different"));
    }
    one_per_id(name, &back)?;
    if !recs.is_empty() {
        ACCEPTED.with(|a| a.set(a.get() + 1));
    }
    Ok(())
}

/// Runs one import the way its screen does: reading the file (what the user waits for
/// before the preview) must answer within a second; then what it accepts is stored.
fn answered<T>(what: &str, read: impl FnOnce() -> T, store: impl FnOnce(T) -> Result<(), String>) -> Result<(), String> {
    let started = Instant::now();
    let got = catch_unwind(AssertUnwindSafe(read)).map_err(|_| format!("{what} panicked"))?;
    if started.elapsed() > Duration::from_secs(1) {
        return Err(format!("{what} took {:?}", started.elapsed()));
    }
    catch_unwind(AssertUnwindSafe(|| store(got))).map_err(|_| format!("storing what {what} read panicked"))?
}

fn ics_import(file: &[u8]) -> Result<(), String> {
    let read = || {
        let text = String::from_utf8_lossy(file);
        let to_office = |t: chrono::NaiveDateTime| t + chrono::Duration::hours(7);
        let zone = |_: &str, _: chrono::NaiveDateTime| Some(7 * 3600);
        let clock = backoffice::domain::ics::Clock { to_office: &to_office, zone: &zone };
        let got = backoffice::domain::ics::parse(&text, &clock, now());
        // The calendar then shows the year around the events: their repeats are expanded.
        if let Ok(got) = &got {
            let from = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
            let _ = backoffice::domain::calendar::occurrences(&got.events, from, to);
        }
        got
    };
    answered("the calendar import", read, |got| match got {
        Err(_) => Ok(()),
        Ok(got) => stored_list("events", &got.events),
    })
}

fn vcard_import(file: &[u8]) -> Result<(), String> {
    answered("the vCard import", || backoffice::domain::vcard::import(file, now()), |got| stored_list("contacts", &got.contacts))
}

/// A CSV file read as a list of `E` with its columns matched by name, money in rupiah with
/// cents, references resolved to nothing (as in an empty office).
fn csv_as<E: Entity + PartialEq + std::fmt::Debug>(name: &str, file: &[u8]) -> Result<(), String> {
    use backoffice::domain::csv_io;
    match csv_io::parse_table(file) {
        Err(_) => Ok(()),
        Ok(table) => {
            let mapping = csv_io::guess_mapping::<E>(&table.headers, |k| vec![k.to_string(), k.replace('_', " ")]);
            let rules = csv_io::Rules { decimals: 2, resolve: &|_, _| None, fixed: &[], ..csv_io::Rules::PLAIN };
            let kept: Vec<E> = csv_io::build_records(&table, &mapping, now(), &rules)
                .into_iter()
                .filter(|o| o.errors.is_empty())
                .map(|o| o.record)
                .collect();
            stored_list(name, &kept)
        }
    }
}

fn csv_import(file: &[u8]) -> Result<(), String> {
    use backoffice::domain::{contact::Contact, csv_io, frontdesk::Call, inventory::Item};
    answered(
        "the CSV reader",
        || csv_io::parse_table(file),
        |_| {
            csv_as::<Contact>("contacts", file)?;
            csv_as::<Call>("calls", file)?;
            csv_as::<Item>("items", file)
        },
    )
}

fn fixtures(kind: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures").join(kind);
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
        .collect();
    out.sort();
    out
}

fn fuzz(seeds: &[(String, Vec<u8>)], cases: usize, import: fn(&[u8]) -> Result<(), String>) -> Vec<String> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut failures = vec![];
    ACCEPTED.with(|a| a.set(0));
    for (name, clean) in seeds {
        if let Err(e) = import(clean) {
            failures.push(format!("{name} as it is: {e}"));
        }
    }
    for case in 0..cases {
        let (name, clean) = &seeds[case % seeds.len()];
        let (what, file) = mutate_text(clean, &mut rng);
        if let Err(e) = import(&file) {
            failures.push(format!("case {case}, {name} ({what}): {e}"));
        }
    }
    let accepted = ACCEPTED.with(|a| a.get());
    if accepted < cases / 4 {
        failures.push(format!("only {accepted} of {cases} damaged files brought records in: the damage is too heavy to test storing"));
    }
    failures
}

#[test]
fn damaged_calendar_files_are_imported_or_refused_and_read_back() {
    let f = fuzz(&fixtures("ics"), 300, ics_import);
    assert!(f.is_empty(), "{} damaged .ics files:\n{}", f.len(), f.join("\n"));
}

#[test]
fn damaged_vcards_are_imported_or_refused_and_read_back() {
    let f = fuzz(&fixtures("vcard"), 300, vcard_import);
    assert!(f.is_empty(), "{} damaged .vcf files:\n{}", f.len(), f.join("\n"));
}

#[test]
fn damaged_csv_files_are_imported_or_refused_and_read_back() {
    let seeds = vec![
        ("excel-id.csv".to_string(), b"\xef\xbb\xbfNama;Telepon;Email;Perusahaan;Catatan\r\nAni Wijaya;0812-3456-7890;ani@example.id;PT Maju;\"Jl. Sudirman; Jakarta\"\r\nBudi;+62 21 555 1234;;CV Sinar;1.500.000,00\r\n".to_vec()),
        ("plain.csv".to_string(), b"name,phone,email,company,notes\nAni,0812,ani@example.id,PT Maju,\"two\nlines\"\nBudi,,,,\n".to_vec()),
        ("calls.csv".to_string(), b"at;caller;phone;topic;handled;notes\r\n2026-11-30T09:15;Ani;0812;Invoice;yes;\r\n30/11/2026 10.00;Budi;;Delivery;no;\"said \"\"call back\"\"\"\r\n".to_vec()),
        ("items.csv".to_string(), b"code;name;unit;unit_cost;reorder_level;notes\r\nATK-01;Kertas A4;rim;55.000,00;10;\r\nATK-02;Pulpen;pcs;2.500;50;biru\r\n".to_vec()),
    ];
    let f = fuzz(&seeds, 300, csv_import);
    assert!(f.is_empty(), "{} damaged .csv files:\n{}", f.len(), f.join("\n"));
}
