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
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// Counts live heap bytes and their high-water mark, over the allocator the `docbind` binary
/// uses (so the figures are the binary's). Counting is on only for the one run whose peak is
/// reported, so the timed runs do not pay for it.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus bytes freed while counting (signed: memory from before counting may
/// be freed during it), and the high-water mark.
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { MiMalloc.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = layout.size() as isize;
            let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { MiMalloc.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { MiMalloc.realloc(ptr, layout, new_size) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let grown = new_size as isize - layout.size() as isize;
            let live = LIVE.fetch_add(grown, Ordering::Relaxed) + grown;
            PEAK.fetch_max(live, Ordering::Relaxed);
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

/// One end-to-end run outside criterion with allocations counted: its peak heap is printed
/// for the record and checked against the budget. (Its time is not reported: counting slows
/// it down; criterion times the runs below with counting off.)
fn report_peak(job: &Job) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::SeqCst);
    let outputs = pipeline::run(job).expect("default job runs");
    COUNTING.store(false, Ordering::SeqCst);
    let peak = usize::try_from(PEAK.load(Ordering::Relaxed)).unwrap_or(0);
    drop(outputs);
    println!(
        "pipeline: peak heap of one end-to-end run {:.1} MB",
        peak as f64 / (1024.0 * 1024.0)
    );
    assert!(
        peak <= PEAK_HEAP_BUDGET,
        "peak heap {peak} bytes exceeds the budget"
    );
    // A run that allocates nothing means the counting is broken, not that memory is free.
    assert!(
        peak > 1024 * 1024,
        "peak heap {peak} bytes: counting is off"
    );
}

fn stages(c: &mut Criterion) {
    let job = default_job();
    report_peak(&job);
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10);
    // Outputs are dropped outside the timing, as the binary drops them off its critical path.
    g.bench_function("end_to_end", |b| {
        b.iter_with_large_drop(|| pipeline::run(&job).expect("default job runs"))
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
