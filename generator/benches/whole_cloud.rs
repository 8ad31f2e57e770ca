//! Whole-cloud speed: every reference of `tests/corpus/` and the default job (docbind.toml),
//! OpenAPI + Rust crate each, in one process — first one job after the other, then across
//! references on every core (`pipeline::run_all`, the only parallelism docbind has).
//!
//! `cargo bench -p docbind --bench whole_cloud` prints, per reference, its pages (source
//! files), input size, time and pages per second, then the sequential and parallel totals
//! (best of three runs each). Nothing is written to disk. It is a long check of its own, not
//! part of `cargo test`.

use docbind::emit::rust::RustOptions;
use docbind::pipeline::{self, Job};
use mimalloc::MiMalloc;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The corpus references and the repository root, as the tests list them.
#[path = "../tests/common/mod.rs"]
#[allow(unused_imports)]
mod common;

#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

const RUNS: usize = 3;

/// A reference as an ad-hoc `docbind generate DIR --openapi … --yaml … --rust … --crate-name …` job.
fn reference_job(dir: &Path) -> Job {
    let name = dir
        .file_name()
        .expect("named")
        .to_string_lossy()
        .to_string();
    Job {
        title: name.clone(),
        openapi_json: Some(PathBuf::from(format!("{name}.openapi.json"))),
        openapi_yaml: Some(PathBuf::from(format!("{name}.openapi.yaml"))),
        rust: Some(RustOptions::ad_hoc(&name)),
        rust_dir: Some(PathBuf::from(name)),
        ..Job::ad_hoc(pipeline::expand_inputs(&[dir.to_path_buf()]).expect("listable"))
    }
}

fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("at least one run")
}

fn run_all(jobs: &[Job], workers: usize) {
    for (job, result) in jobs.iter().zip(pipeline::run_all(jobs, workers)) {
        if let Err(e) = result {
            panic!("{}: {e}", job.title);
        }
    }
}

fn main() {
    let root = common::repo_root();
    std::env::set_current_dir(&root).expect("repository root");
    let mut names: Vec<String> = common::corpus_references();
    let mut jobs: Vec<Job> = names.iter().map(|r| reference_job(&root.join(r))).collect();
    jobs.push(docbind::cli::job_from_config(Path::new("docbind.toml")).expect("docbind.toml"));
    names.push("default job (docbind.toml)".into());
    let pages: Vec<usize> = jobs.iter().map(|j| j.sources.len()).collect();
    let bytes: Vec<u64> = jobs
        .iter()
        .map(|j| {
            j.sources
                .iter()
                .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
                .sum()
        })
        .collect();

    println!(
        "{:<32} {:>6} {:>8} {:>9} {:>8}",
        "reference", "pages", "MB", "ms", "pages/s"
    );
    let mut sequential_sum = Duration::ZERO;
    for (i, job) in jobs.iter().enumerate() {
        let t = best_of(RUNS, || run_all(std::slice::from_ref(job), 1));
        sequential_sum += t;
        println!(
            "{:<32} {:>6} {:>8.2} {:>9.0} {:>8.0}",
            names[i],
            pages[i],
            bytes[i] as f64 / 1e6,
            t.as_secs_f64() * 1e3,
            pages[i] as f64 / t.as_secs_f64()
        );
    }
    let total_pages: usize = pages.iter().sum();
    let total_mb = bytes.iter().sum::<u64>() as f64 / 1e6;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let sequential = best_of(RUNS, || run_all(&jobs, 1));
    let parallel = best_of(RUNS, || run_all(&jobs, workers));
    println!(
        "all {} jobs: {total_pages} pages, {total_mb:.1} MB (sum of the per-reference bests {:.2} s)",
        jobs.len(),
        sequential_sum.as_secs_f64()
    );
    println!(
        "sequential: {:.2} s ({:.0} pages/s); across references on {workers} threads: {:.2} s ({:.0} pages/s)",
        sequential.as_secs_f64(),
        total_pages as f64 / sequential.as_secs_f64(),
        parallel.as_secs_f64(),
        total_pages as f64 / parallel.as_secs_f64()
    );
}
