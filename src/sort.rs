//! Stable sorting with one copy of the sort code in the wasm. The standard `sort_by` is
//! generic over the element and the comparison, so every call site adds its own ~2.5 KB;
//! here positions are sorted by one instance (comparing through a `dyn` closure) and the
//! items are then moved into that order. For the short lists of screens and reports; the
//! big list sort keeps its own tuned code.
use std::cmp::Ordering;

pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().map(|i| old[i as usize].take().expect("each position once")));
}

#[inline(never)]
fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut p: Vec<u32> = (0..n as u32).collect();
    p.sort_by(|a, b| cmp(*a as usize, *b as usize));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut one = vec![String::from("x")];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, vec!["x"]);
        let mut many: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1000).collect();
        sort_by(&mut many, |a, b| b.cmp(a));
        assert!(many.windows(2).all(|w| w[0] >= w[1]) && many.len() == 1000);
    }
}
