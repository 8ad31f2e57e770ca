//! The `docbind` command line (clap). Exit codes: 0 ok, 1 warnings denied or outputs stale,
//! 2 bad usage or unreadable input.

use crate::config::Config;
use crate::diag::Diagnostics;
use crate::emit::rust::RustOptions;
use crate::pipeline::{self, Job, OpenApiVersion, Outputs};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_OK: i32 = 0;
pub const EXIT_DENIED: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "docbind",
    version,
    about = "Cloud API documentation tables → OpenAPI + typed Rust bindings"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Regenerate outputs. Without INPUTs: the job in docbind.toml.
    Generate {
        /// Input files or directories (format detected per file).
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Write the OpenAPI document as JSON here (ad-hoc runs).
        #[arg(long)]
        openapi: Option<PathBuf>,
        /// Write the OpenAPI document as YAML here (ad-hoc runs).
        #[arg(long)]
        yaml: Option<PathBuf>,
        /// Generate a Rust crate into this directory (ad-hoc runs).
        #[arg(long, requires = "crate_name")]
        rust: Option<PathBuf>,
        #[arg(long)]
        crate_name: Option<String>,
        /// The crate's runtime dependency as a Cargo.toml line (e.g. `docbind-runtime = { path =
        /// "../runtime" }`); without it the runtime is bundled in the crate (`runtime/`).
        #[arg(long, requires = "rust")]
        runtime_dependency: Option<String>,
        /// The endpoint template (`https://svc.{region}.example.com`) instead of the documented one.
        #[arg(long)]
        endpoint_template: Option<String>,
        /// Compare with this earlier version (an OpenAPI document docbind emitted, a docbind.toml
        /// or documentation) and give the crate the version its changes need: the configured
        /// crate version (the last release's) bumped as `docbind diff` says (Cargo's rules:
        /// a breaking change in 0.x bumps the minor number).
        #[arg(long, value_name = "OLD")]
        bump_from: Option<PathBuf>,
        /// OpenAPI version of ad-hoc output.
        #[arg(long, value_enum, default_value_t = Version::V3_0)]
        openapi_version: Version,
        /// Apply this OpenAPI Overlay 1.0 file (repeatable, in order; ad-hoc runs).
        #[arg(long)]
        overlay: Vec<PathBuf>,
    },
    /// Print the intermediate model as JSON. Without INPUTs: the sources in docbind.toml.
    Ir {
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Exit 1 and list stale files when committed outputs differ from a fresh generation.
    Check {
        #[command(flatten)]
        common: Common,
    },
    /// What changed between two versions of an API, each change labelled by a rule
    /// (docs/diff-rules.md). OLD and NEW: a documentation file or folder, a docbind.toml job,
    /// or an OpenAPI document docbind emitted.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit 1 if a finding (not ignored) is at least this level.
        #[arg(long, value_enum)]
        fail_on: Option<FailOn>,
        /// Fingerprints of reviewed findings to leave out (one per line, `#` comments).
        #[arg(long)]
        ignore: Option<PathBuf>,
        /// Print the diagnostics of reading both sides (warnings; with --notes, notes too).
        #[arg(long)]
        diagnostics: bool,
        #[arg(long)]
        notes: bool,
    },
    /// Coverage figures: operations, endpoints, tables, types, enums, examples checked against
    /// their schemas and the share of their fields the schemas declare, diagnostics by code.
    /// Without INPUTs: the job in docbind.toml.
    Report {
        /// Input files or directories (ad-hoc runs).
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Also write the full report as JSON to this file (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Exit 1 if any figure is worse than in this baseline report.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// The reviewed list of documented examples that are wrong (the format of
        /// `spec/examples-allowlist.toml`; ad-hoc runs — docbind.toml names the job's).
        #[arg(long)]
        allowlist: Option<PathBuf>,
    },
    /// Write a static HTML review site: every operation with its source lines next to what
    /// was extracted, the report's figures, diagnostics at their lines. Without INPUTs: the job
    /// in docbind.toml, into `[review] dir` (default `target/review`).
    Review {
        /// Input files or directories (ad-hoc runs).
        inputs: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// The site's directory (default: `[review] dir` of docbind.toml, or `target/review`).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Apply this OpenAPI Overlay 1.0 file (repeatable, in order; ad-hoc runs).
        #[arg(long)]
        overlay: Vec<PathBuf>,
    },
    /// Explain a diagnostic code (`docbind explain table.orphan`); without CODE, list them all.
    Explain { code: Option<String> },
}

#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// The configuration file.
    #[arg(long, default_value = "docbind.toml")]
    pub config: PathBuf,
    /// How to print diagnostics on stderr.
    #[arg(long, value_enum, default_value_t = DiagFormat::Text)]
    pub diagnostics: DiagFormat,
    /// Fail (exit 1) if there is any warning.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Also print notes (informational diagnostics).
    #[arg(long)]
    pub notes: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Breaking,
    Warning,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    #[value(name = "3.0")]
    V3_0,
    #[value(name = "3.1")]
    V3_1,
}

/// The job `docbind.toml` at `path` describes (what `generate` and `check` run without inputs).
pub fn job_from_config(path: &std::path::Path) -> Result<Job, String> {
    let c = Config::load(path)?;
    let openapi_version = match c.openapi.as_ref().map(|o| o.version.as_str()) {
        None | Some("3.0.3") | Some("3.0") => OpenApiVersion::V3_0_3,
        Some("3.1.0") | Some("3.1") => OpenApiVersion::V3_1_0,
        Some(other) => {
            return Err(format!(
                "{}: unsupported OpenAPI version {other:?} (3.0.3 or 3.1.0)",
                path.display()
            ))
        }
    };
    let example_allowlist = match c.examples.as_ref().and_then(|e| e.allowlist.as_ref()) {
        Some(p) => crate::allowlist::ExampleAllowlist::load(p)?,
        None => Default::default(),
    };
    Ok(Job {
        title: c.api.title.clone(),
        version: c.api.version.clone(),
        sources: c.sources.clone(),
        openapi_json: c.openapi.as_ref().and_then(|o| o.json.clone()),
        openapi_yaml: c.openapi.as_ref().and_then(|o| o.yaml.clone()),
        openapi_version,
        endpoint_template: c.api.endpoint_template.clone(),
        region: c.api.region.clone(),
        rust: c.rust.as_ref().map(|r| RustOptions {
            crate_name: r.crate_name.clone(),
            crate_version: r.crate_version.clone(),
            runtime_dependency: r.runtime_dependency.clone(),
            defaulted_path_params: r.defaulted_path_params.clone(),
            scope: r.scope,
            example_allowlist: example_allowlist.clone(),
        }),
        rust_dir: c.rust.as_ref().map(|r| r.dir.clone()),
        example_allowlist,
        overlays: c.overlays.clone(),
    })
}

fn print_diagnostics(diags: &Diagnostics, common: &Common) {
    let shown: Vec<_> = diags
        .iter()
        .filter(|d| common.notes || d.severity != crate::diag::Severity::Note)
        .collect();
    match common.diagnostics {
        DiagFormat::Json => eprintln!(
            "{}",
            serde_json::to_string_pretty(&shown).unwrap_or_default()
        ),
        DiagFormat::Text => {
            for d in shown {
                eprintln!("{d}");
            }
        }
    }
}

fn finish(outputs: &Outputs, common: &Common) -> i32 {
    print_diagnostics(&outputs.api.diagnostics, common);
    // The coverage summary is for people; JSON diagnostics stay a single JSON document.
    if common.diagnostics == DiagFormat::Text {
        eprintln!("docbind: {}", outputs.coverage);
    }
    let warnings = pipeline::warnings(&outputs.api.diagnostics);
    if common.deny_warnings && warnings > 0 {
        eprintln!("docbind: {warnings} warning(s) and --deny-warnings is set");
        return EXIT_DENIED;
    }
    EXIT_OK
}

/// `docbind explain [CODE]`: one code's explanation, or the catalogue's summaries.
fn explain(code: Option<&str>) -> i32 {
    use crate::diag::catalogue;
    use std::io::Write;
    // A closed pipe (`docbind explain | head`) is not an error worth reporting.
    let mut out = std::io::stdout().lock();
    let Some(id) = code else {
        for c in catalogue::ALL {
            let _ = writeln!(
                out,
                "{:<40} {:<8} {}",
                c.id,
                severity_word(c.severity),
                c.summary
            );
        }
        return EXIT_OK;
    };
    match catalogue::find(id) {
        Some(c) => {
            let _ = writeln!(
                out,
                "{} ({})\n\n{}",
                c.id,
                severity_word(c.severity),
                c.summary
            );
            if !c.explanation.is_empty() {
                let _ = writeln!(out, "\n{}", c.explanation);
            }
            EXIT_OK
        }
        None => {
            eprintln!("docbind: no diagnostic code `{id}` (`docbind explain` lists them)");
            EXIT_USAGE
        }
    }
}

fn severity_word(s: crate::diag::Severity) -> &'static str {
    match s {
        crate::diag::Severity::Note => "note",
        crate::diag::Severity::Warning => "warning",
        crate::diag::Severity::Error => "error",
    }
}

/// Give the generated crate the version the changes since `old` need (`--bump-from`): the
/// crate is emitted again with the bumped version.
fn bump_crate_version(
    job: &Job,
    outputs: &mut pipeline::Outputs,
    old: &std::path::Path,
) -> Result<(), String> {
    let (Some(opts), Some((_, files))) = (&job.rust, outputs.crate_dir.as_mut()) else {
        return Err("--bump-from needs a Rust crate to version (--rust DIR or [rust])".into());
    };
    let (old_api, _) = crate::diff::load(old)?;
    let report = crate::diff::diff(&old_api, &outputs.api, &Default::default());
    let version = crate::diff::bump_version(&opts.crate_version, report.semver)?;
    eprintln!(
        "docbind: {} change(s) since {}: {} bump, crate version {} → {version}",
        report.findings.len(),
        old.display(),
        report.semver,
        opts.crate_version
    );
    let opts = RustOptions {
        crate_version: version,
        ..opts.clone()
    };
    *files = crate::emit::rust::generate_crate(&outputs.api, &opts).map_err(|e| e.to_string())?;
    Ok(())
}

/// A job reading `inputs` (files or directories) with no outputs: the report of an ad-hoc run.
fn adhoc_job(inputs: &[PathBuf]) -> Result<Job, String> {
    Ok(Job::ad_hoc(
        pipeline::expand_inputs(inputs).map_err(|e| e.to_string())?,
    ))
}

/// Run the CLI; returns the process exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { EXIT_USAGE } else { EXIT_OK };
        }
    };
    match cli.command {
        Command::Generate {
            inputs,
            common,
            openapi,
            yaml,
            rust,
            crate_name,
            runtime_dependency,
            endpoint_template,
            bump_from,
            openapi_version,
            overlay,
        } => {
            let job = if inputs.is_empty() {
                if openapi.is_some()
                    || yaml.is_some()
                    || rust.is_some()
                    || endpoint_template.is_some()
                    || !overlay.is_empty()
                {
                    eprintln!("docbind: --openapi/--yaml/--rust/--overlay need INPUT files (without inputs, docbind.toml decides the outputs)");
                    return EXIT_USAGE;
                }
                match job_from_config(&common.config) {
                    Ok(j) => j,
                    Err(e) => {
                        eprintln!("docbind: {e}");
                        return EXIT_USAGE;
                    }
                }
            } else {
                let sources = match pipeline::expand_inputs(&inputs) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("docbind: {e}");
                        return EXIT_USAGE;
                    }
                };
                if openapi.is_none() && yaml.is_none() && rust.is_none() {
                    eprintln!("docbind: nothing to write: give --openapi FILE, --yaml FILE and/or --rust DIR --crate-name NAME");
                    return EXIT_USAGE;
                }
                let crate_name = crate_name.unwrap_or_else(|| "api".into());
                Job {
                    openapi_json: openapi,
                    openapi_yaml: yaml,
                    openapi_version: if openapi_version == Version::V3_1 {
                        OpenApiVersion::V3_1_0
                    } else {
                        OpenApiVersion::V3_0_3
                    },
                    rust: rust.as_ref().map(|_| RustOptions {
                        runtime_dependency,
                        ..RustOptions::ad_hoc(&crate_name)
                    }),
                    endpoint_template,
                    rust_dir: rust,
                    overlays: overlay,
                    ..Job::ad_hoc(sources)
                }
            };
            let mut outputs = match pipeline::run(&job) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("docbind: {e}");
                    return EXIT_USAGE;
                }
            };
            if let Some(old) = &bump_from {
                if let Err(e) = bump_crate_version(&job, &mut outputs, old) {
                    eprintln!("docbind: {e}");
                    return EXIT_USAGE;
                }
            }
            let code = finish(&outputs, &common);
            if code != EXIT_OK {
                return code;
            }
            if let Err(e) = outputs.write() {
                eprintln!("docbind: {e}");
                return EXIT_USAGE;
            }
            EXIT_OK
        }
        Command::Ir { inputs, common } => {
            let sources = if inputs.is_empty() {
                match Config::load(&common.config) {
                    Ok(c) => c.sources,
                    Err(e) => {
                        eprintln!("docbind: {e}");
                        return EXIT_USAGE;
                    }
                }
            } else {
                match pipeline::expand_inputs(&inputs) {
                    Ok(s) => s,
                    Err(e) => {
                        eprintln!("docbind: {e}");
                        return EXIT_USAGE;
                    }
                }
            };
            let (docs, diags) = match pipeline::read_sources(&sources) {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("docbind: {e}");
                    return EXIT_USAGE;
                }
            };
            let (api, _) = pipeline::build_api(&docs, diags, "API", "0.0.0");
            println!("{}", serde_json::to_string_pretty(&api).unwrap_or_default());
            print_diagnostics(&api.diagnostics, &common);
            if common.deny_warnings && pipeline::warnings(&api.diagnostics) > 0 {
                return EXIT_DENIED;
            }
            EXIT_OK
        }
        Command::Diff {
            old,
            new,
            format,
            fail_on,
            ignore,
            diagnostics,
            notes,
        } => diff(
            &old,
            &new,
            format,
            fail_on,
            ignore.as_deref(),
            (diagnostics, notes),
        ),
        Command::Report {
            inputs,
            common,
            json,
            baseline,
            allowlist,
        } => report(
            &inputs,
            &common,
            json.as_deref(),
            (baseline.as_deref(), allowlist.as_deref()),
        ),
        Command::Review {
            inputs,
            common,
            out,
            overlay,
        } => review(&inputs, &common, out, overlay),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Check { common } => {
            let job = match job_from_config(&common.config) {
                Ok(j) => j,
                Err(e) => {
                    eprintln!("docbind: {e}");
                    return EXIT_USAGE;
                }
            };
            let outputs = match pipeline::run(&job) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("docbind: {e}");
                    return EXIT_USAGE;
                }
            };
            let code = finish(&outputs, &common);
            let stale = outputs.stale();
            if !stale.is_empty() {
                eprintln!(
                    "docbind: {} output file(s) are stale; run `docbind generate`:",
                    stale.len()
                );
                for p in &stale {
                    eprintln!("  {}", p.display());
                }
                return EXIT_DENIED;
            }
            code
        }
    }
}

fn report(
    inputs: &[PathBuf],
    common: &Common,
    json: Option<&std::path::Path>,
    (baseline, allowlist): (Option<&std::path::Path>, Option<&std::path::Path>),
) -> i32 {
    let job = match (inputs.is_empty(), allowlist) {
        (true, Some(_)) => Err(
            "--allowlist needs INPUT files (without inputs, docbind.toml names the allow-list)"
                .to_string(),
        ),
        (true, None) => job_from_config(&common.config),
        (false, None) => adhoc_job(inputs),
        (false, Some(list)) => adhoc_job(inputs).and_then(|job| {
            Ok(Job {
                example_allowlist: crate::allowlist::ExampleAllowlist::load(list)?,
                ..job
            })
        }),
    };
    let job = match job {
        Ok(j) => j,
        Err(e) => {
            eprintln!("docbind: {e}");
            return EXIT_USAGE;
        }
    };
    let (docs, reader_diags) = match pipeline::read_sources(&job.sources) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("docbind: {e}");
            return EXIT_USAGE;
        }
    };
    let (mut api, coverage) = pipeline::build_api(&docs, reader_diags, &job.title, &job.version);
    // The report describes what is generated: with the overlays' corrections.
    if let Err(e) = crate::overlay::apply_files(&mut api, &job.overlays, job.openapi_version) {
        eprintln!("docbind: {e}");
        return EXIT_USAGE;
    }
    let report = crate::report::build(&api, &coverage, &job.example_allowlist);
    let text = serde_json::to_string_pretty(&report).unwrap_or_default() + "\n";
    match json {
        Some(p) if p.as_os_str() == "-" => print!("{text}"),
        Some(p) => {
            if let Err(e) = std::fs::write(p, &text) {
                eprintln!("docbind: {}: {e}", p.display());
                return EXIT_USAGE;
            }
            print!("{}", crate::report::render_text(&report));
        }
        None => print!("{}", crate::report::render_text(&report)),
    }
    if let Some(b) = baseline {
        let base: crate::report::Baseline = match std::fs::read_to_string(b)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(r) => r,
            Err(e) => {
                eprintln!("docbind: {}: {e}", b.display());
                return EXIT_USAGE;
            }
        };
        let worse = crate::report::regressions(&base, &report);
        for (name, was, now) in &worse {
            eprintln!("docbind: {name} got worse: {was} → {now}");
        }
        if !worse.is_empty() {
            return EXIT_DENIED;
        }
    }
    EXIT_OK
}

/// `docbind review`: write the site; exit 1 with `--deny-warnings` and warnings (the site is
/// written either way: it is how the warnings get reviewed).
fn review(inputs: &[PathBuf], common: &Common, out: Option<PathBuf>, overlay: Vec<PathBuf>) -> i32 {
    let (job, default_dir) = if inputs.is_empty() {
        if !overlay.is_empty() {
            eprintln!("docbind: --overlay needs INPUT files (without inputs, docbind.toml lists the overlays)");
            return EXIT_USAGE;
        }
        let dir = Config::load(&common.config).map(|c| c.review_dir(&common.config));
        match job_from_config(&common.config).and_then(|j| Ok((j, dir?))) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("docbind: {e}");
                return EXIT_USAGE;
            }
        }
    } else {
        match pipeline::expand_inputs(inputs) {
            Ok(sources) => (
                Job {
                    overlays: overlay,
                    ..Job::ad_hoc(sources)
                },
                PathBuf::from("target/review"),
            ),
            Err(e) => {
                eprintln!("docbind: {e}");
                return EXIT_USAGE;
            }
        }
    };
    let dir = out.unwrap_or(default_dir);
    let (inputs, site) = match crate::review::run(&job) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("docbind: {e}");
            return EXIT_USAGE;
        }
    };
    // Diagnostics on stderr as `generate` prints them (the site shows them at their lines).
    print_diagnostics(&inputs.api.diagnostics, common);
    if let Err(e) = crate::review::write(&site, &dir) {
        eprintln!("docbind: {}: {e}", dir.display());
        return EXIT_USAGE;
    }
    eprintln!(
        "docbind: review site of {} operation(s) written to {}",
        site.operations,
        dir.join("index.html").display()
    );
    let warnings = pipeline::warnings(&inputs.api.diagnostics);
    if common.deny_warnings && warnings > 0 {
        eprintln!("docbind: {warnings} warning(s) and --deny-warnings is set");
        return EXIT_DENIED;
    }
    EXIT_OK
}

/// `docbind diff`: print the report; exit 1 if `fail_on` is reached, 2 if a side cannot be read.
fn diff(
    old: &std::path::Path,
    new: &std::path::Path,
    format: DiffFormat,
    fail_on: Option<FailOn>,
    ignore: Option<&std::path::Path>,
    (show_diagnostics, notes): (bool, bool),
) -> i32 {
    use crate::diff::{self, render, rules::Level};
    let ignore = match ignore.map(std::fs::read_to_string) {
        None => Default::default(),
        Some(Ok(text)) => diff::parse_ignore(&text),
        Some(Err(e)) => {
            eprintln!("docbind: {}: {e}", ignore.unwrap_or(old).display());
            return EXIT_USAGE;
        }
    };
    let mut sides = Vec::new();
    for path in [old, new] {
        match diff::load(path) {
            Ok((api, diags)) => {
                let warnings = pipeline::warnings(&diags);
                if show_diagnostics {
                    diags
                        .iter()
                        .filter(|d| notes || d.severity != crate::diag::Severity::Note)
                        .for_each(|d| eprintln!("{d}"));
                } else if warnings > 0 {
                    eprintln!(
                        "docbind: {}: {warnings} warning(s) while reading (--diagnostics lists them)",
                        path.display()
                    );
                }
                sides.push(api);
            }
            Err(e) => {
                eprintln!("docbind: {e}");
                return EXIT_USAGE;
            }
        }
    }
    let report = diff::diff(&sides[0], &sides[1], &ignore);
    print!(
        "{}",
        match format {
            DiffFormat::Text => render::text(&report),
            DiffFormat::Json => render::json(&report),
            DiffFormat::Markdown => render::markdown(&report),
        }
    );
    let threshold = match fail_on {
        None => return EXIT_OK,
        Some(FailOn::Breaking) => Level::Breaking,
        Some(FailOn::Warning) => Level::Warning,
    };
    if report.fails(threshold) {
        EXIT_DENIED
    } else {
        EXIT_OK
    }
}
