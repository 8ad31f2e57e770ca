//! A document's operations assembled on two threads, with exactly the result of assembling
//! them in order on one.
//!
//! Assembling is independent per operation except for schema naming: [`Registry::intern`]
//! names a schema after what earlier operations registered (collisions, de-duplication). So the
//! later half is assembled against a [`Registry::deferring`] registry that only records its
//! `intern` calls, while this thread assembles the first half against the shared registry; the
//! recorded calls are then replayed into it in their original order and the placeholder names
//! in the later half's operations and diagnostics replaced. The replayed calls see the same
//! registry state, in the same order, as a sequential run would have made them.

use super::operation::{assemble, Assembled, OperationInput};
use super::registry::Registry;
use crate::diag::Diagnostics;

/// Below this many operations a second thread is not worth starting.
const MIN_PARALLEL: usize = 8;

/// Assemble `work` in order; on two threads when `parallel` and there is enough of it.
pub fn assemble_all(
    work: Vec<OperationInput<'_>>,
    registry: &mut Registry,
    diags: &mut Diagnostics,
    parallel: bool,
) -> Vec<Assembled> {
    if !parallel || work.len() < MIN_PARALLEL {
        return work
            .into_iter()
            .map(|input| assemble(input, registry, diags))
            .collect();
    }
    let mut first = work;
    let later = first.split_off(balance_point(&first));
    std::thread::scope(|scope| {
        let helper = scope.spawn(move || {
            let mut deferring = Registry::deferring();
            let mut later_diags = Diagnostics::new();
            let assembled: Vec<Assembled> = later
                .into_iter()
                .map(|input| assemble(input, &mut deferring, &mut later_diags))
                .collect();
            (assembled, deferring, later_diags)
        });
        let mut out: Vec<Assembled> = first
            .into_iter()
            .map(|input| assemble(input, registry, diags))
            .collect();
        let (mut later, deferring, mut later_diags) = helper
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let renames = registry.replay(deferring, diags);
        for a in &mut later {
            renames.operation(&mut a.operation);
        }
        for d in &mut later_diags.0 {
            renames.in_place(&mut d.message);
        }
        diags.extend(later_diags);
        out.extend(later);
        out
    })
}

/// Where to split so the halves hold about the same number of blocks (the work of assembling
/// an operation grows with its tables). The first half is a little smaller: its thread then
/// replays the second half's names (about a tenth of assembling it, measured on ModelArts).
fn balance_point(work: &[OperationInput<'_>]) -> usize {
    let weight = |w: &OperationInput<'_>| w.blocks.len().max(1);
    let total: usize = work.iter().map(weight).sum();
    let mut acc = 0;
    for (i, w) in work.iter().enumerate() {
        acc += weight(w);
        if acc * 100 >= total * 47 {
            return (i + 1).clamp(1, work.len() - 1);
        }
    }
    work.len() / 2
}
