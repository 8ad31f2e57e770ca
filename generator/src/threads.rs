//! The two ways the pipeline uses a second core: two different jobs side by side ([`join`]), or
//! one job over many items shared out by weight ([`map_balanced`]). Scoped threads, so jobs may
//! borrow; a panic on the helper is re-raised on the caller, as if it had happened there.
//! Results never depend on which thread did what.

/// Run `here` on this thread and `there` on a helper, at the same time; both results.
pub fn join<A, B: Send>(here: impl FnOnce() -> A, there: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let helper = scope.spawn(there);
        let a = here();
        let b = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

/// `f` of every item, in `items` order, computed on this thread and a helper: items are shared
/// out heaviest first, each to the side with less weight so far.
pub fn map_balanced<T: Sync, R: Send>(
    items: &[T],
    weight: impl Fn(&T) -> u64,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let (mine, helpers) = shares(&items.iter().map(weight).collect::<Vec<_>>());
    let run = |indices: Vec<usize>| -> Vec<(usize, R)> {
        indices.into_iter().map(|i| (i, f(&items[i]))).collect()
    };
    let mut done = if helpers.is_empty() {
        run(mine)
    } else {
        let (mut here, there) = join(|| run(mine), || run(helpers));
        here.extend(there);
        here
    };
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Indices for this thread and for a helper, given the items' weights: heaviest first (the
/// heaviest stays here), each to the side with less weight so far; ties in input order.
fn shares(weights: &[u64]) -> (Vec<usize>, Vec<usize>) {
    let mut by_weight: Vec<usize> = (0..weights.len()).collect();
    by_weight.sort_by(|&a, &b| weights[b].cmp(&weights[a]).then(a.cmp(&b)));
    let (mut mine, mut helpers) = (Vec::new(), Vec::new());
    let (mut mine_weight, mut helper_weight) = (0u64, 0u64);
    for i in by_weight {
        if mine_weight <= helper_weight {
            mine.push(i);
            mine_weight += weights[i];
        } else {
            helpers.push(i);
            helper_weight += weights[i];
        }
    }
    (mine, helpers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_stays_here_and_the_rest_balance() {
        // One large source and four small ones, like a PDF reference beside markdown pages.
        let (mine, helpers) = shares(&[40, 30, 3000, 20, 10]);
        assert_eq!(mine, vec![2]);
        assert_eq!(helpers, vec![0, 1, 3, 4]);
        let (mine, helpers) = shares(&[5, 5, 5, 5]);
        assert_eq!((mine, helpers), (vec![0, 2], vec![1, 3]));
        assert_eq!(shares(&[]), (vec![], vec![]));
    }

    #[test]
    fn results_come_back_in_item_order() {
        let items: Vec<u64> = (1..=50).rev().collect();
        let out = map_balanced(&items, |w| *w, |w| w * 2);
        assert_eq!(out, items.iter().map(|w| w * 2).collect::<Vec<_>>());
        assert_eq!(map_balanced(&[7u64], |w| *w, |w| w + 1), vec![8]);
    }

    #[test]
    fn a_helper_panic_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| join(|| 1, || -> u8 { panic!("helper") }));
        assert!(caught.is_err());
    }
}
