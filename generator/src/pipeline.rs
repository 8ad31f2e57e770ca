//! The whole job as a library call (for the CLI and for build scripts): read sources, extract,
//! emit, and write outputs atomically — or compare them with what is on disk (`check`).

use crate::diag::{Diagnostics, Severity};
use crate::doc::Document;
use crate::emit;
use crate::extract::{self, Coverage, ExtractOptions};
use crate::ir::Api;
use crate::read::{self, InputError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Which OpenAPI version to write.
pub use crate::emit::openapi::OpenApiVersion;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Job {
    pub title: String,
    pub version: String,
    /// Input files, highest priority first.
    pub sources: Vec<PathBuf>,
    pub openapi_json: Option<PathBuf>,
    pub openapi_yaml: Option<PathBuf>,
    pub openapi_version: OpenApiVersion,
    /// The endpoint template to use instead of the one the documentation states.
    pub endpoint_template: Option<String>,
    /// The default region, first among the endpoint's regions.
    pub region: Option<String>,
    pub rust: Option<emit::rust::RustOptions>,
    pub rust_dir: Option<PathBuf>,
    /// Documented examples known to be wrong (report and generated tests say so).
    pub example_allowlist: crate::allowlist::ExampleAllowlist,
    /// OpenAPI Overlay 1.0 files applied in order after extraction (see `overlay`).
    pub overlays: Vec<PathBuf>,
}

impl Job {
    /// An ad-hoc job (`docbind generate INPUTS …` without docbind.toml) over `sources`, with no
    /// outputs yet: the caller names the files and the crate directory it wants.
    pub fn ad_hoc(sources: Vec<PathBuf>) -> Self {
        Job {
            title: "API".into(),
            version: "0.0.0".into(),
            sources,
            openapi_json: None,
            openapi_yaml: None,
            openapi_version: OpenApiVersion::default(),
            endpoint_template: None,
            region: None,
            rust: None,
            rust_dir: None,
            example_allowlist: Default::default(),
            overlays: Vec::new(),
        }
    }
}

/// Everything a run produces, in memory.
pub struct Outputs {
    pub api: Api,
    pub coverage: Coverage,
    /// Single output files (OpenAPI documents).
    pub files: BTreeMap<PathBuf, String>,
    /// A generated crate: its directory and files relative to it. The directory is owned by
    /// docbind: files not generated are stale.
    pub crate_dir: Option<(PathBuf, BTreeMap<PathBuf, String>)>,
}

#[derive(Debug)]
pub enum PipelineError {
    Input(InputError),
    Emit(emit::rust::EmitError),
    Io(String),
}

impl std::fmt::Display for PipelineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PipelineError::Input(e) => write!(f, "{e}"),
            PipelineError::Emit(e) => write!(f, "generation failed: {e}"),
            PipelineError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for PipelineError {}

impl From<emit::rust::EmitError> for PipelineError {
    fn from(e: emit::rust::EmitError) -> Self {
        PipelineError::Emit(e)
    }
}

/// Expand directories into the files below them (sorted), keeping the given order otherwise.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            collect_dir(input, &mut found).map_err(|e| InputError {
                file: input.display().to_string(),
                reason: format!("cannot list directory: {e}"),
            })?;
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn collect_dir(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_dir(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "md" | "rst" | "txt" | "markdown"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Read every source, in `sources` order (an unreadable one is an error naming the file).
pub fn read_sources(sources: &[PathBuf]) -> Result<(Vec<Document>, Diagnostics), InputError> {
    let mut docs = Vec::with_capacity(sources.len());
    let mut diags = Diagnostics::new();
    for path in sources {
        let (doc, d) = read_source(path)?;
        docs.push(doc);
        diags.extend(d);
    }
    Ok((docs, diags))
}

fn read_source(path: &Path) -> Result<(Document, Diagnostics), InputError> {
    let text = read::load_file(path)?;
    let format = read::detect_format(&text);
    let base = std::env::current_dir().unwrap_or_default();
    let name = read::provenance_name(path, &base);
    Ok(read::read_text(&name, &text, format))
}

/// Documents → IR. Processing order is the sorted file order (so names never depend on how
/// inputs were listed); `docs` order is the merge priority.
pub fn build_api(
    docs: &[Document],
    reader_diags: Diagnostics,
    title: &str,
    version: &str,
) -> (Api, Coverage) {
    let mut ordered: Vec<&Document> = docs.iter().collect();
    ordered.sort_by(|a, b| a.file.cmp(&b.file));
    let priority: Vec<usize> = ordered
        .iter()
        .map(|d| docs.iter().position(|x| std::ptr::eq(x, *d)).unwrap_or(0))
        .collect();
    let (mut api, coverage) = extract::extract_with_priority(
        &ordered,
        &priority,
        &ExtractOptions {
            title: title.into(),
            version: version.into(),
        },
    );
    api.diagnostics.extend(reader_diags);
    api.normalize();
    (api, coverage)
}

/// Run the job in memory.
pub fn run(job: &Job) -> Result<Outputs, PipelineError> {
    let (docs, reader_diags) = read_sources(&job.sources).map_err(PipelineError::Input)?;
    let (mut api, coverage) = build_api(&docs, reader_diags, &job.title, &job.version);
    drop(docs);
    if let Some(template) = &job.endpoint_template {
        override_endpoint(&mut api, template);
    }
    if let (Some(region), Some(endpoint)) = (&job.region, api.endpoint.as_mut()) {
        endpoint.regions.retain(|r| r != region);
        endpoint.regions.insert(0, region.clone());
    }
    crate::overlay::apply_files(&mut api, &job.overlays, job.openapi_version)
        .map_err(PipelineError::Input)?;
    let mut files = BTreeMap::new();
    // One document, serialised as JSON and as YAML.
    if job.openapi_json.is_some() || job.openapi_yaml.is_some() {
        let document = emit::openapi::to_openapi(&api, job.openapi_version);
        if let Some(p) = &job.openapi_json {
            files.insert(p.clone(), emit::openapi::json_text(&document));
        }
        if let Some(p) = &job.openapi_yaml {
            files.insert(p.clone(), emit::openapi::yaml_text(&document));
        }
    }
    let crate_dir = match (&job.rust, &job.rust_dir) {
        (Some(opts), Some(dir)) => Some((dir.clone(), emit::rust::generate_crate(&api, opts)?)),
        _ => None,
    };
    Ok(Outputs {
        api,
        coverage,
        files,
        crate_dir,
    })
}

/// The configured endpoint template replaces the documented one; the documented regions stay
/// when the two templates agree.
pub fn override_endpoint(api: &mut Api, template: &str) {
    let documented = api.endpoint.take();
    let span = documented
        .as_ref()
        .map(|e| e.span.clone())
        .unwrap_or_else(|| crate::diag::Span::new(&std::sync::Arc::from("docbind.toml"), 1, 1));
    let regions = documented
        .filter(|e| e.template == template)
        .map(|e| e.regions)
        .unwrap_or_default();
    api.endpoint = Some(crate::ir::Endpoint {
        template: template.to_string(),
        regions,
        span,
    });
}

/// Run independent jobs (several references) on up to `workers` threads: the only
/// parallelism in docbind. Each job runs single-threaded exactly as [`run`] does, so results
/// are the same whatever `workers` is; they come back in the order of `jobs`. Workers take
/// the next job as they finish one, largest input first: references differ in size by 20×,
/// and a large one taken last would leave the other workers idle while it runs.
pub fn run_all(jobs: &[Job], workers: usize) -> Vec<Result<Outputs, PipelineError>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let order = largest_first(jobs);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Outputs, PipelineError>>>> =
        Mutex::new(jobs.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..workers.clamp(1, jobs.len().max(1)) {
            scope.spawn(|| {
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = run(&jobs[i]);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every job ran"))
        .collect()
}

/// Job indices by the size of their inputs on disk, largest first (ties and unreadable files
/// keep the given order); the size only orders the work, it never changes a result.
fn largest_first(jobs: &[Job]) -> Vec<usize> {
    let size = |job: &Job| -> u64 {
        job.sources
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum()
    };
    let sizes: Vec<u64> = jobs.iter().map(size).collect();
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    order
}

impl Outputs {
    /// Files whose content on disk differs from this run (missing, different, or stale extras
    /// in a generated crate directory).
    pub fn stale(&self) -> Vec<PathBuf> {
        let (mut out, crate_files) = self.differing();
        out.extend(crate_files);
        if let Some((dir, files)) = &self.crate_dir {
            out.extend(extras_in_crate_dir(dir, files));
        }
        out.sort();
        out
    }

    /// The output files, and the crate directory's files, whose content on disk differs from
    /// this run's (missing or different).
    /// The output files (crate files included) whose content differs from what is on disk.
    pub fn changed_files(&self) -> Vec<PathBuf> {
        let (mut files, crate_files) = self.differing();
        files.extend(crate_files);
        files
    }

    fn differing(&self) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let files = self
            .files
            .iter()
            .filter(|(p, c)| !unchanged(p, c))
            .map(|(p, _)| p.clone())
            .collect();
        let crate_files = self
            .crate_dir
            .iter()
            .flat_map(|(dir, files)| files.iter().map(move |(rel, c)| (dir.join(rel), c)))
            .filter(|(p, c)| !unchanged(p, c))
            .map(|(p, _)| p)
            .collect();
        (files, crate_files)
    }

    /// Write all outputs. Everything is generated before anything is written; each file is
    /// replaced atomically (temp file + rename) and a crate directory is swapped as a whole, so
    /// a failed run leaves the previous outputs.
    pub fn write(&self) -> Result<(), PipelineError> {
        let io = |p: &Path, e: std::io::Error| PipelineError::Io(format!("{}: {e}", p.display()));
        // Outputs that did not change are left alone: rewriting them would bump their mtimes
        // and make cargo rebuild a generated crate whose code is the same.
        let (changed, crate_changed) = self.differing();
        for path in &changed {
            write_atomic(path, &self.files[path]).map_err(|e| io(path, e))?;
        }
        if let Some((dir, files)) = &self.crate_dir {
            if dir.exists()
                && crate_changed.is_empty()
                && extras_in_crate_dir(dir, files).is_empty()
            {
                return Ok(());
            }
            let name = dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_else(|| "crate".into());
            let parent = dir.parent().unwrap_or(Path::new("."));
            let staging = parent.join(format!(".{name}.docbind-new"));
            let backup = parent.join(format!(".{name}.docbind-old"));
            let _ = std::fs::remove_dir_all(&staging);
            let _ = std::fs::remove_dir_all(&backup);
            for (rel, content) in files {
                let p = staging.join(rel);
                if let Some(d) = p.parent() {
                    std::fs::create_dir_all(d).map_err(|e| io(d, e))?;
                }
                std::fs::write(&p, content).map_err(|e| io(&p, e))?;
            }
            if dir.exists() {
                std::fs::rename(dir, &backup).map_err(|e| io(dir, e))?;
            }
            if let Err(e) = std::fs::rename(&staging, dir) {
                let _ = std::fs::rename(&backup, dir);
                return Err(io(dir, e));
            }
            let _ = std::fs::remove_dir_all(&backup);
        }
        Ok(())
    }
}

fn list_files(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        // Build products inside a crate dir (if someone built there) are not outputs.
        if rel.starts_with("target") {
            continue;
        }
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

/// Whether `path` already holds exactly `content`.
fn unchanged(path: &Path, content: &str) -> bool {
    std::fs::read_to_string(path).ok().as_deref() == Some(content)
}

/// Files in a generated crate directory that this run does not generate (left from an
/// earlier run).
fn extras_in_crate_dir(dir: &Path, files: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    let mut existing = Vec::new();
    let _ = list_files(dir, dir, &mut existing);
    existing
        .into_iter()
        .filter(|rel| !files.contains_key(rel))
        .map(|rel| dir.join(rel))
        .collect()
}

fn write_atomic(path: &Path, content: &str) -> std::io::Result<()> {
    if let Some(d) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d)?;
    }
    let tmp = path.with_extension(format!(
        "{}.docbind-tmp",
        path.extension().and_then(|e| e.to_str()).unwrap_or("")
    ));
    std::fs::write(&tmp, content)?;
    std::fs::rename(&tmp, path)
}

/// Warnings and errors among diagnostics (what `--deny-warnings` fails on).
pub fn warnings(diags: &Diagnostics) -> usize {
    diags.count(Severity::Warning) + diags.count(Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/docs");
        expand_inputs(&[dir]).expect("seeds are listable")
    }

    /// Parallel workers start with the largest job; equal sizes keep the given order.
    #[test]
    fn jobs_are_taken_largest_first() {
        let mut sources = seeds();
        sources.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
        let (small, large) = (sources[0].clone(), sources[sources.len() - 1].clone());
        let jobs = [
            Job::ad_hoc(vec![small.clone()]),
            Job::ad_hoc(vec![large]),
            Job::ad_hoc(Vec::new()),
            Job::ad_hoc(vec![small.clone(), small]),
            Job::ad_hoc(vec![PathBuf::from("no/such/file.md")]),
        ];
        assert_eq!(largest_first(&jobs), vec![1, 3, 0, 2, 4]);
    }

    /// Documents come back in the order given, whatever it is.
    #[test]
    fn documents_come_back_in_source_order() {
        let mut sources = seeds();
        sources.reverse();
        sources.swap(0, 2);
        let (docs, _) = read_sources(&sources).expect("seeds are readable");
        let files: Vec<String> = docs.iter().map(|d| d.file.to_string()).collect();
        let cwd = std::env::current_dir().unwrap();
        let given: Vec<String> = sources
            .iter()
            .map(|p| read::provenance_name(p, &cwd))
            .collect();
        assert_eq!(files, given);
    }

    /// With several unreadable sources the error names the first in source order.
    #[test]
    fn the_first_unreadable_source_is_reported() {
        let mut sources = seeds();
        sources.insert(1, PathBuf::from("missing-b.txt"));
        sources.push(PathBuf::from("missing-a.txt"));
        let err = read_sources(&sources).expect_err("missing files are errors");
        assert!(err.file.contains("missing-b.txt"), "{err}");
    }
}
