//! The default generation (docbind.toml: all five seeds → OpenAPI JSON/YAML + Rust crate),
//! end to end and per stage: read, extract, emit OpenAPI, emit Rust.
//!
//! `cargo bench -p docbind --bench pipeline` measures; `cargo test` runs every benchmark once
//! (criterion's test mode), so the bench cannot rot. Peak heap of one end-to-end run is
//! measured with a counting global allocator and printed, and checked against the budget.

use criterion::{criterion_group, Criterion};
use docbind::emit::{self, openapi::OpenApiVersion};
use docbind::pipeline::{self, Job};
use mimalloc::MiMalloc;
use std::alloc::{GlobalAlloc, Layout};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes and their high-water mark, over the allocator the `docbind` binary
/// uses (so the figures are the binary's).
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MiMalloc.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let grown = new_size - layout.size();
                let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Heap budget of one end-to-end run (the target is ≤ 200 MB peak RSS for the whole process).
const PEAK_HEAP_BUDGET: usize = 200 * 1024 * 1024;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn default_job() -> Job {
    // Sources in docbind.toml are relative to the repository root.
    std::env::set_current_dir(repo_root()).expect("repository root");
    docbind::cli::job_from_config(Path::new("docbind.toml")).expect("docbind.toml loads")
}

/// One end-to-end run outside criterion: wall time and peak heap, printed for the record.
fn report_peak(job: &Job) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let outputs = pipeline::run(job).expect("default job runs");
    let wall = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(outputs);
    println!(
        "pipeline: one end-to-end run took {:.1} ms, peak heap {:.1} MB",
        wall.as_secs_f64() * 1e3,
        peak as f64 / (1024.0 * 1024.0)
    );
    assert!(
        peak <= PEAK_HEAP_BUDGET,
        "peak heap {peak} bytes exceeds the budget"
    );
}

fn stages(c: &mut Criterion) {
    let job = default_job();
    report_peak(&job);
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    g.bench_function("end_to_end", |b| {
        b.iter(|| black_box(pipeline::run(&job).expect("default job runs")))
    });
    g.bench_function("read", |b| {
        b.iter(|| black_box(pipeline::read_sources(&job.sources).expect("sources read")))
    });
    let (docs, reader_diags) = pipeline::read_sources(&job.sources).expect("sources read");
    g.bench_function("extract", |b| {
        b.iter(|| {
            black_box(pipeline::build_api(
                &docs,
                reader_diags.clone(),
                &job.title,
                &job.version,
            ))
        })
    });
    let (api, _) = pipeline::build_api(&docs, reader_diags, &job.title, &job.version);
    g.bench_function("emit_openapi", |b| {
        b.iter(|| {
            let doc = emit::openapi::to_openapi(&api, OpenApiVersion::V3_0_3);
            black_box((
                emit::openapi::json_text(&doc),
                emit::openapi::yaml_text(&doc),
            ))
        })
    });
    let rust = job.rust.clone().expect("docbind.toml has a [rust] section");
    g.bench_function("emit_rust", |b| {
        b.iter(|| black_box(emit::rust::generate_crate(&api, &rust).expect("crate generates")))
    });
    g.finish();
}

criterion_group!(benches, stages);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
