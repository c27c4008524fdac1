//! Search across every list (Ctrl+K): one entry per record with its title and the words a
//! person would look it up by, and a search that narrows the last answer while the query
//! grows, so each keystroke at 100,000 records looks only at what still matched.
use super::record::{Entity, FieldKind};

/// A record as the search sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// The list it is in (its collection name, as in its URL).
    pub list: &'static str,
    pub id: String,
    pub title: String,
    /// Title and text fields, lower-cased, one space between them.
    text: String,
    /// Where the title ends in `text`: a word found there ranks first.
    title_len: usize,
}

/// Fields whose words a person would search by: not dates, amounts, choices or links.
fn searched(kind: FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Text
            | FieldKind::LongText
            | FieldKind::Emails
            | FieldKind::Phones
            | FieldKind::Tags
            | FieldKind::Lines
            | FieldKind::People
            | FieldKind::Suggest(_)
    )
}

impl Doc {
    /// `None` for a record in the trash. `title` is how the app names it.
    pub fn of<E: Entity>(r: &E, title: String) -> Option<Doc> {
        if r.meta().deleted_at.is_some() {
            return None;
        }
        let mut text = crate::text::lower(&title);
        let title_len = text.len();
        for f in E::fields().iter().filter(|f| searched(f.kind)) {
            let v = r.get(f.key);
            if !v.trim().is_empty() {
                text.push(' ');
                text.push_str(&crate::text::lower_owned(v));
            }
        }
        Some(Doc { list: E::COLLECTION, id: r.meta().id.clone(), title, text, title_len })
    }

    fn matches(&self, words: &[String]) -> bool {
        words.iter().all(|w| self.text.contains(w.as_str()))
    }

    /// 0: the title starts with the first word; 1: the title has every word; 2: elsewhere.
    fn rank(&self, words: &[String]) -> u8 {
        let title = &self.text[..self.title_len];
        if words.first().is_some_and(|w| title.starts_with(w.as_str())) {
            0
        } else if words.iter().all(|w| title.contains(w.as_str())) {
            1
        } else {
            2
        }
    }
}

/// The search over a fixed set of records, remembering its last answer.
#[derive(Default)]
pub struct Index {
    docs: Vec<Doc>,
    last: Option<(Vec<String>, Vec<u32>)>,
}

impl Index {
    pub fn new(docs: Vec<Doc>) -> Index {
        Index { docs, last: None }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Records having every word of `query` (any case), best first: a title starting
    /// with the first word, then titles having every word, then the rest, each by title;
    /// at most `limit`, with how many matched in all.
    pub fn search(&mut self, query: &str, limit: usize) -> (Vec<&Doc>, usize) {
        let words: Vec<String> = crate::text::lower(query).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            self.last = None;
            return (vec![], 0);
        }
        // A query that only grew (a letter typed, a word added) matches a subset of the
        // last answer: every last word is still there, as itself or extended.
        let narrower = self
            .last
            .as_ref()
            .is_some_and(|(was, _)| was.len() <= words.len() && was.iter().zip(&words).all(|(a, b)| b.contains(a.as_str())));
        let found: Vec<u32> = match (&self.last, narrower) {
            (Some((_, last)), true) => last.iter().copied().filter(|&i| self.docs[i as usize].matches(&words)).collect(),
            _ => (0..self.docs.len() as u32).filter(|&i| self.docs[i as usize].matches(&words)).collect(),
        };
        let total = found.len();
        let mut best: Vec<(u8, &Doc)> = found.iter().map(|&i| &self.docs[i as usize]).map(|d| (d.rank(&words), d)).collect();
        // Only the shown ones need their order: the rest stay unsorted.
        if best.len() > limit {
            best.select_nth_unstable_by(limit, |a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
            best.truncate(limit);
        }
        best.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.title.cmp(&b.1.title)));
        let shown = best.into_iter().map(|(_, d)| d).collect();
        self.last = Some((words, found));
        (shown, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::Contact;
    use crate::domain::inventory::Item;
    use crate::domain::record::RecordRules;

    fn contact(name: &str, org: &str, notes: &str) -> Contact {
        let mut c = Contact::blank(chrono::DateTime::UNIX_EPOCH);
        c.set("name", name);
        c.set("organisation", org);
        c.set("notes", notes);
        c.meta.id = name.to_string();
        c
    }

    fn index() -> Index {
        let mut gone = contact("Budi Lama", "", "");
        gone.meta.deleted_at = Some(chrono::Utc::now());
        let mut paper = Item::blank(chrono::DateTime::UNIX_EPOCH);
        paper.set("code", "ATK-001");
        paper.set("name", "Kertas A4 untuk Budi");
        let docs = [
            contact("Budi Santoso", "PT Maju Jaya", ""),
            contact("Ani Wijaya", "PT Budi Makmur", ""),
            contact("Citra", "", "Rapat dengan budi santoso minggu depan"),
            gone,
        ]
        .iter()
        .filter_map(|c| Doc::of(c, c.title()))
        .chain(Doc::of(&paper, paper.title()))
        .collect();
        Index::new(docs)
    }

    fn titles(found: &[&Doc]) -> Vec<String> {
        found.iter().map(|d| d.title.clone()).collect()
    }

    #[test]
    fn every_word_anywhere_with_titles_first_and_the_trash_left_out() {
        let mut ix = index();
        assert_eq!(ix.len(), 4, "the trashed contact is not searched");
        let (found, total) = ix.search("budi", 10);
        assert_eq!(total, 4);
        // Starts with "budi", then has it in the title, then only in other fields by title.
        assert_eq!(titles(&found), ["Budi Santoso", "ATK-001 Kertas A4 untuk Budi", "Ani Wijaya", "Citra"]);
        assert_eq!(found[1].list, "items");
        let (found, total) = ix.search("  BUDI   santoso ", 10);
        assert_eq!((titles(&found), total), (vec!["Budi Santoso".to_string(), "Citra".to_string()], 2));
        assert_eq!(ix.search("budi", 1).1, 4, "the count is of every match, not those shown");
        assert_eq!(titles(&ix.search("budi", 1).0), ["Budi Santoso"]);
        assert!(ix.search("   ", 10).0.is_empty());
    }

    #[test]
    fn a_growing_query_narrows_and_a_changed_one_starts_again() {
        let mut ix = index();
        assert_eq!(ix.search("b", 10).1, 4);
        assert_eq!(ix.search("bu", 10).1, 4);
        assert_eq!(ix.search("bud maju", 10).1, 1);
        // Not a narrowing of "bud maju": every record is looked at again.
        assert_eq!(ix.search("bud", 10).1, 4);
        assert_eq!(ix.search("wijaya", 10).1, 1);
        assert_eq!(ix.search("kertas", 10).1, 1);
    }
}
