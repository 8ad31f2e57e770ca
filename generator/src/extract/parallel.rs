//! A document's operation sections split and assembled on two threads, with exactly the result
//! of doing it in order on one.
//!
//! Assembling is independent per operation except for schema naming: [`Registry::intern`]
//! names a schema after what earlier operations registered (collisions, de-duplication). So the
//! later half is assembled against a [`Registry::deferring`] registry that only records its
//! `intern` calls, while this thread assembles the first half against the shared registry; the
//! recorded calls are then replayed into it in their original order and the placeholder names
//! in the later half's operations and diagnostics replaced. The replayed calls see the same
//! registry state, in the same order, as a sequential run would have made them.

use super::operation::Assembled;
use super::registry::Registry;
use crate::diag::Diagnostics;

/// Below this many work items a second thread is not worth starting.
const MIN_PARALLEL: usize = 8;

/// Run `assemble` on each of `work` (a unit yielding one or more operations), results in
/// order; on two threads when `parallel` and there is enough work. `weight` estimates an
/// item's cost (to split it evenly); `assemble` may run on either thread and must reach shared
/// state only through the registry and diagnostics it is given.
pub fn assemble_all<W: Send>(
    work: Vec<W>,
    weight: impl Fn(&W) -> usize,
    registry: &mut Registry,
    diags: &mut Diagnostics,
    parallel: bool,
    assemble: impl Fn(W, &mut Registry, &mut Diagnostics) -> Vec<Assembled> + Sync,
) -> Vec<Assembled> {
    if !parallel || work.len() < MIN_PARALLEL {
        return work
            .into_iter()
            .flat_map(|w| assemble(w, registry, diags))
            .collect();
    }
    let mut first = work;
    let later = first.split_off(balance_point(&first, weight));
    let assemble = &assemble;
    let later_half = move || {
        let mut deferring = Registry::deferring();
        let mut later_diags = Diagnostics::new();
        let assembled: Vec<Assembled> = later
            .into_iter()
            .flat_map(|w| assemble(w, &mut deferring, &mut later_diags))
            .collect();
        (assembled, deferring, later_diags)
    };
    let first_half = || -> Vec<Assembled> {
        first
            .into_iter()
            .flat_map(|w| assemble(w, registry, diags))
            .collect()
    };
    let (mut out, (mut later, deferring, mut later_diags)) =
        crate::threads::join(first_half, later_half);
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
}

/// Where to split so the halves weigh about the same. The first half is a little lighter: its
/// thread then replays the second half's names (about a tenth of assembling it, measured on
/// ModelArts).
fn balance_point<W>(work: &[W], weight: impl Fn(&W) -> usize) -> usize {
    let weight = |w: &W| weight(w).max(1);
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
