//! Which chunks a change to a list touches. A list is stored as chunks of consecutive
//! records; a chunk's place in the list is the sum of the sizes before it, so removing a
//! record shrinks one chunk without renaming or rewriting the ones after it.

/// Records a new chunk takes before the next one starts: small enough that re-encoding
/// one chunk keeps a save within a few milliseconds, large enough to compress well
/// (`examples/encoding.rs` prints both figures per size: on the benchmark's 100,000
/// records with their long text, 150 per chunk left 25.6 % of the quota free and encoded
/// a chunk in 1.4 ms natively, 250 left 29.5 % in 2.6 ms; chunks stored larger by older
/// builds stay so).
pub const CHUNK: usize = 150;

#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    pub id: u32,
    /// Records in the chunk, as the list's head records it.
    pub n: usize,
    /// Unreadable: kept as it is, never written, and holds no records of the list in memory.
    pub bad: bool,
}

impl Slot {
    pub fn live(&self) -> usize {
        if self.bad {
            0
        } else {
            self.n
        }
    }
}

/// A change to a list, in positions of the list in memory.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edit {
    /// Rewrite every chunk (imports, migrations, a layout that does not add up).
    pub all: bool,
    /// Positions (in the list after the change) whose record changed.
    pub replaced: Vec<usize>,
    /// Records added at the end.
    pub appended: usize,
    /// Positions (in the list before the change) of records taken out.
    pub removed: Vec<usize>,
}

impl Edit {
    pub fn all() -> Self {
        Edit { all: true, ..Default::default() }
    }
    pub fn replaced(at: usize) -> Self {
        Edit { replaced: vec![at], ..Default::default() }
    }
    pub fn appended(n: usize) -> Self {
        Edit { appended: n, ..Default::default() }
    }
    pub fn removed(mut at: Vec<usize>) -> Self {
        // The shared sort: `sort_unstable` here was 3 KB of wasm of its own.
        crate::sort::sort_by(&mut at, |a, b| a.cmp(b));
        at.dedup();
        Edit { removed: at, ..Default::default() }
    }
}

#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    pub slots: Vec<Slot>,
    /// Chunks to (re)write, with the list positions they hold.
    pub write: Vec<(u32, std::ops::Range<usize>)>,
    /// Chunks whose keys go.
    pub delete: Vec<u32>,
    pub next: u32,
}

/// The chunks after `edit`, given the chunks before it and the list's length after it.
/// `per` is how many records a new chunk takes (usually [`CHUNK`]); the chunks `fold` names
/// are rewritten whatever the change (they take back what the list's patch held).
pub fn plan(old: &[Slot], next: u32, len_after: usize, edit: &Edit, per: usize, fold: &[u32]) -> Plan {
    let mut next = next;
    let mut slots: Vec<Slot> = old.to_vec();
    let mut dirty: Vec<u32> = vec![];
    let mut delete: Vec<u32> = vec![];
    let len_before: usize = old.iter().map(Slot::live).sum();
    let consistent = len_before + edit.appended == len_after + edit.removed.len()
        && edit.removed.iter().all(|&p| p < len_before)
        && edit.replaced.iter().all(|&p| p < len_after);
    if edit.all || !consistent {
        // The list's own keys are taken again first, each overwritten in place: a list
        // rewritten whole (a restore) then needs room for what grows, not for two copies.
        let mut reuse: Vec<u32> = slots.iter().filter(|s| !s.bad).map(|s| s.id).collect();
        reuse.reverse();
        slots.retain(|s| s.bad);
        let mut n = len_after;
        while n > 0 {
            let k = n.min(per);
            let id = reuse.pop().unwrap_or_else(|| {
                next += 1;
                next - 1
            });
            slots.push(Slot { id, n: k, bad: false });
            dirty.push(id);
            n -= k;
        }
        reuse.reverse();
        delete.extend(reuse);
    } else {
        for &p in edit.removed.iter().rev() {
            let i = slot_at(&slots, p);
            slots[i].n -= 1;
            dirty.push(slots[i].id);
        }
        append(&mut slots, &mut next, &mut dirty, edit.appended, per);
        for &p in &edit.replaced {
            dirty.push(slots[slot_at(&slots, p)].id);
        }
        dirty.extend(fold);
    }
    let mut write = vec![];
    let mut at = 0;
    slots.retain(|s| {
        if !s.bad && s.n == 0 {
            if !delete.contains(&s.id) {
                delete.push(s.id);
            }
            return false;
        }
        // An unreadable chunk is never written, even when a patch named it.
        if dirty.contains(&s.id) && !s.bad {
            write.push((s.id, at..at + s.live()));
        }
        at += s.live();
        true
    });
    // A chunk emptied and recreated under the same id is written, not deleted.
    delete.retain(|id| !write.iter().any(|(w, _)| w == id));
    Plan { slots, write, delete, next }
}

/// Records a list keeps in its patch at most (see [`repatch`]).
pub const PATCH: usize = 16;

/// Records saved since their chunks were written, each named by its chunk and its place
/// in it. They are stored together in a small chunk of their own, the list's patch, and
/// read over their chunks' stored records: saving one record then re-encodes the few
/// records of the patch instead of its whole chunk.
pub type Patched = Vec<(u32, usize)>;

/// The list position of the record at `at` (chunk id, place in it), if that chunk is
/// readable and holds it.
pub fn position(slots: &[Slot], at: (u32, usize)) -> Option<usize> {
    let mut pos = 0;
    for s in slots {
        if s.id == at.0 {
            return (!s.bad && at.1 < s.n).then_some(pos + at.1);
        }
        pos += s.live();
    }
    None
}

/// The patch once the records at `replaced` changed (and nothing else did): where each of
/// its records belongs and its position in the list, and the chunks to rewrite to keep it
/// within `max` records, the one holding most of it first, so that no save rewrites more
/// than a chunk and the patch. `None` when `old` names a record no readable chunk holds:
/// then the list is written without a patch.
pub fn repatch(slots: &[Slot], old: &[(u32, usize)], replaced: &[usize], max: usize) -> Option<(Patched, Vec<usize>, Vec<u32>)> {
    let len: usize = slots.iter().map(Slot::live).sum();
    let mut at: Vec<((u32, usize), usize)> = old.iter().map(|&a| Some((a, position(slots, a)?))).collect::<Option<_>>()?;
    for &p in replaced {
        if p >= len {
            return None;
        }
        let i = slot_at(slots, p);
        let start: usize = slots[..i].iter().map(Slot::live).sum();
        let entry = ((slots[i].id, p - start), p);
        if !at.contains(&entry) {
            at.push(entry);
        }
    }
    let mut fold = vec![];
    while at.len() > max {
        let held = |id: u32| at.iter().filter(|((c, _), _)| *c == id).count();
        let fullest = at.iter().map(|((c, _), _)| *c).max_by_key(|c| held(*c)).unwrap_or_default();
        at.retain(|((c, _), _)| *c != fullest);
        fold.push(fullest);
    }
    let (at, positions) = at.into_iter().unzip();
    Some((at, positions, fold))
}

fn slot_at(slots: &[Slot], pos: usize) -> usize {
    let mut at = 0;
    for (i, s) in slots.iter().enumerate() {
        if pos < at + s.live() {
            return i;
        }
        at += s.live();
    }
    unreachable!("positions were checked against the layout")
}

fn append(slots: &mut Vec<Slot>, next: &mut u32, dirty: &mut Vec<u32>, mut n: usize, per: usize) {
    if n > 0 {
        if let Some(last) = slots.iter_mut().rev().find(|s| !s.bad).filter(|s| s.n < per) {
            let k = n.min(per - last.n);
            last.n += k;
            n -= k;
            dirty.push(last.id);
        }
    }
    while n > 0 {
        let k = n.min(per);
        slots.push(Slot { id: *next, n: k, bad: false });
        dirty.push(*next);
        *next += 1;
        n -= k;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(ns: &[usize]) -> Vec<Slot> {
        ns.iter().enumerate().map(|(i, &n)| Slot { id: i as u32, n, bad: false }).collect()
    }

    #[test]
    fn a_new_list_is_cut_into_chunks() {
        let p = plan(&[], 0, CHUNK * 2 + 1, &Edit::all(), CHUNK, &[]);
        assert_eq!(p.write, vec![(0, 0..CHUNK), (1, CHUNK..2 * CHUNK), (2, 2 * CHUNK..2 * CHUNK + 1)]);
        assert_eq!(p.next, 3);
    }

    #[test]
    fn replacing_one_record_rewrites_its_chunk_only() {
        let p = plan(&slots(&[CHUNK, CHUNK, 10]), 3, 2 * CHUNK + 10, &Edit::replaced(CHUNK + 5), CHUNK, &[]);
        assert_eq!(p.write, vec![(1, CHUNK..2 * CHUNK)]);
        assert!(p.delete.is_empty());
    }

    #[test]
    fn appending_fills_the_last_chunk_then_opens_one() {
        let p = plan(&slots(&[CHUNK, CHUNK - 1]), 2, 2 * CHUNK + 1, &Edit::appended(2), CHUNK, &[]);
        assert_eq!(p.write, vec![(1, CHUNK..2 * CHUNK), (2, 2 * CHUNK..2 * CHUNK + 1)]);
    }

    #[test]
    fn removing_shrinks_one_chunk_and_leaves_later_ones_alone() {
        let p = plan(&slots(&[3, 3, 3]), 3, 8, &Edit::removed(vec![4]), CHUNK, &[]);
        assert_eq!(p.slots.iter().map(|s| s.n).collect::<Vec<_>>(), vec![3, 2, 3]);
        assert_eq!(p.write, vec![(1, 3..5)]);
    }

    #[test]
    fn an_emptied_chunk_is_deleted() {
        let p = plan(&slots(&[3, 1, 3]), 3, 6, &Edit::removed(vec![3]), CHUNK, &[]);
        assert_eq!(p.delete, vec![1]);
        assert!(p.write.is_empty());
        assert_eq!(p.slots.len(), 2);
    }

    #[test]
    fn unreadable_chunks_are_kept_and_hold_no_positions() {
        let mut old = slots(&[3, 3, 3]);
        old[1].bad = true;
        let p = plan(&old, 3, 6, &Edit::replaced(3), CHUNK, &[]);
        assert_eq!(p.write, vec![(2, 3..6)]);
        let p = plan(&old, 3, 2, &Edit::all(), CHUNK, &[]);
        assert_eq!(p.slots.iter().filter(|s| s.bad).count(), 1);
        assert_eq!(p.write, vec![(0, 0..2)]);
        assert_eq!(p.delete, vec![2]);
    }

    #[test]
    fn a_list_rewritten_whole_takes_its_own_keys_again() {
        let p = plan(&slots(&[CHUNK, CHUNK, 7]), 3, 2 * CHUNK + 9, &Edit::all(), CHUNK, &[]);
        assert_eq!(p.write, vec![(0, 0..CHUNK), (1, CHUNK..2 * CHUNK), (2, 2 * CHUNK..2 * CHUNK + 9)]);
        assert!(p.delete.is_empty());
        assert_eq!(p.next, 3);
        let shorter = plan(&slots(&[CHUNK, CHUNK, 7]), 3, 5, &Edit::all(), CHUNK, &[]);
        assert_eq!((shorter.write, shorter.delete, shorter.next), (vec![(0, 0..5)], vec![1, 2], 3));
        let longer = plan(&slots(&[2]), 1, CHUNK + 1, &Edit::all(), CHUNK, &[]);
        assert_eq!((longer.write, longer.next), (vec![(0, 0..CHUNK), (1, CHUNK..CHUNK + 1)], 2));
    }

    #[test]
    fn a_change_that_does_not_add_up_rewrites_everything() {
        let p = plan(&slots(&[3]), 1, 7, &Edit::appended(1), CHUNK, &[]);
        assert_eq!(p.write, vec![(0, 0..7)]);
        assert!(p.delete.is_empty());
    }

    #[test]
    fn chunks_an_older_build_made_larger_keep_working() {
        // Two chunks of 250 (the size before 150): an edit rewrites only its own chunk, an
        // append starts a new one instead of growing them, a removal shrinks its chunk.
        let old = slots(&[250, 250]);
        let p = plan(&old, 2, 501, &Edit::appended(1), CHUNK, &[]);
        assert_eq!(p.write, vec![(2, 500..501)]);
        assert_eq!(p.slots.iter().map(|s| s.n).collect::<Vec<_>>(), vec![250, 250, 1]);
        let p = plan(&old, 2, 500, &Edit::replaced(260), CHUNK, &[]);
        assert_eq!(p.write, vec![(1, 250..500)]);
        let p = plan(&old, 2, 499, &Edit::removed(vec![10]), CHUNK, &[]);
        assert_eq!(p.write, vec![(0, 0..249)]);
        assert!(p.delete.is_empty());
    }

    #[test]
    fn a_list_with_small_chunks_fills_them_to_its_own_size() {
        let p = plan(&slots(&[20, 19]), 2, 40, &Edit::appended(1), 20, &[]);
        assert_eq!(p.write, vec![(1, 20..40)], "the last chunk takes one more");
        let p = plan(&p.slots, p.next, 41, &Edit::appended(1), 20, &[]);
        assert_eq!(
            (p.write, p.slots.iter().map(|s| s.n).collect::<Vec<_>>()),
            (vec![(2, 40..41)], vec![20, 20, 1]),
            "then a new one starts"
        );
        let p = plan(&[], 0, 45, &Edit::all(), 20, &[]);
        assert_eq!(p.slots.iter().map(|s| s.n).collect::<Vec<_>>(), [20, 20, 5]);
    }
}
