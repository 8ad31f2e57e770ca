//! Assembling a document's operations on two threads (`extract::parallel`) gives exactly the
//! IR of assembling them in order on one: the same schema names (collisions included), the same
//! diagnostics, byte for byte, for the five seeds together and for each corpus.

mod common;
use common::*;
use docbind::extract::{extract_with_priority, ExtractOptions};

fn ir_json(docs: &[docbind::doc::Document], parallel: bool) -> String {
    let priority: Vec<usize> = (0..docs.len()).collect();
    let opts = ExtractOptions {
        parallel,
        ..ExtractOptions::default()
    };
    let (api, coverage) = extract_with_priority(docs, &priority, &opts);
    format!(
        "{}\n{coverage:?}",
        serde_json::to_string_pretty(&api).expect("IR serialises")
    )
}

fn read_dir(rel: &str) -> Vec<docbind::doc::Document> {
    let files = docbind::pipeline::expand_inputs(&[repo_root().join(rel)]).expect("listable");
    let (docs, _) = docbind::pipeline::read_sources(&files).expect("readable");
    docs
}

#[test]
fn parallel_assembly_equals_sequential() {
    for dir in [
        "spec/docs",
        "tests/corpus/huawei-md",
        "tests/corpus/otc-rst",
    ] {
        let docs = read_dir(dir);
        let sequential = ir_json(&docs, false);
        let parallel = ir_json(&docs, true);
        // No placeholder of a deferred schema name may survive the replay.
        assert!(
            !parallel.contains('\u{E010}'),
            "{dir}: a deferred schema name leaked into the IR"
        );
        assert!(
            sequential == parallel,
            "{dir}: parallel extraction differs from sequential"
        );
    }
}

/// The seeds do take the two-thread path (seed 004 has hundreds of operations, so its later
/// half is assembled on the helper thread) and name colliding schemas in that half, so the
/// comparison above covers replayed collisions.
#[test]
fn the_seeds_exercise_replayed_collisions() {
    let docs = read_dir("spec/docs");
    let largest = docs
        .iter()
        .max_by_key(|d| d.blocks.len())
        .expect("seeds are read");
    let last_line = largest.blocks.last().map_or(0, |b| b.span.end);
    let priority: Vec<usize> = (0..docs.len()).collect();
    let (api, _) = extract_with_priority(&docs, &priority, &ExtractOptions::default());
    let in_later_half = api
        .diagnostics
        .iter()
        .filter(|d| d.code == "schema.name-collision")
        .filter(|d| d.span.file == largest.file && d.span.start > last_line / 2)
        .count();
    assert!(
        in_later_half > 5,
        "{in_later_half} collisions in the later half"
    );
}
