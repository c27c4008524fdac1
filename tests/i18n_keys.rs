//! Every translation key the source uses exists in both languages.
use std::fs;
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<String>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out)
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(fs::read_to_string(&p).unwrap())
        }
    }
}

#[test]
fn every_used_key_is_translated() {
    let mut files = vec![];
    walk(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let prefixes = [
        "action.",
        "app.",
        "cev.",
        "etask.",
        "cand.",
        "career.",
        "vac.",
        "backup.",
        "banner.",
        "call.",
        "desk.",
        "visitor.",
        "collection.",
        "contact.",
        "data.",
        "err.",
        "form.",
        "import.",
        "list.",
        "nav.",
        "notfound.",
        "quota.",
        "record.",
        "settings.",
        "toast.",
        "trash.",
        "vcard.",
        "event.",
        "cal.",
        "ics.",
        "minutes.",
        "action.",
        "item.",
        "move.",
        "po.",
        "count.",
        "low.",
        "report.",
        "asset.",
        "alog.",
        "emp.",
        "chg.",
        "leave.",
        "hol.",
        "att.",
        "sp.",
        "trn.",
        "pay.",
        "rates.",
        "adj.",
        "run.",
        "slip.",
        "year.",
        "journal.",
        "acc.",
        "entry.",
        "books.",
        "period.",
        "bank.",
        "inv.",
        "aging.",
        "budget.",
        "rec.",
    ];
    let mut missing = vec![];
    let mut seen = 0;
    for src in &files {
        for piece in src.split('"').skip(1).step_by(2) {
            let is_key = prefixes.iter().any(|p| piece.starts_with(p))
                && piece.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                && !piece.ends_with('.');
            if is_key {
                seen += 1;
                if !backoffice::i18n::has(piece) {
                    missing.push(piece.to_string());
                }
            }
        }
    }
    assert!(seen > 100, "the scan found only {seen} keys");
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "untranslated keys: {missing:?}");
}

/// Every list of the registry has a name in both languages (the Data screen, the backup
/// preview and the unreadable-part notice show it).
#[test]
fn every_collection_is_named() {
    macro_rules! names {
        ($($name:ident: $t:ty,)*) => { [$(stringify!($name),)*] };
    }
    for name in backoffice::with_record_lists!(names) {
        for lang in [backoffice::domain::format::Lang::Id, backoffice::domain::format::Lang::En] {
            let key = format!("collection.{name}");
            assert_ne!(backoffice::i18n::t(lang, &key), key, "{key}");
        }
    }
}
