//! The fuzz targets' stable-toolchain smoke version: a few thousand deterministic mutations
//! (seeded PRNG) of seed and corpus pages through format detection, every reader, and — for a
//! share of them — the whole pipeline in memory. Fails on any panic, or on output that is not
//! valid JSON / YAML / Rust (parsed with syn). A failing input is saved under the test's temp
//! directory for `cargo fuzz tmin` and a regression test.
//!
//! The long runs are `cargo +nightly fuzz run <target>` (see fuzz/README.md).

mod common;
#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)] // `pipeline` (the panicking form) is for the fuzz targets
mod fuzz_shared;

use docbind::doc::Format;
use std::path::{Path, PathBuf};

/// xorshift64*: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens the readers branch on (the fuzz dictionary's core).
const TOKENS: &[&str] = &[
    "|",
    "+---+---+\n",
    "+===+\n",
    "===\n",
    "---\n",
    "::\n\n",
    ".. table:: ",
    ".. _t:\n",
    "   ",
    "\t",
    "\n\n",
    "表 1 ",
    "Table 1 ",
    "**表 2**  ",
    "# ",
    "## ",
    "### ",
    "1.2.3 ",
    "GET /v1/{project_id}/items",
    "POST ",
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th rowspan=\"2\">",
    "<td colspan=\"9\">",
    "<a name=\"x\"></a>",
    "<a href=\"#x\">",
    "<div>",
    "</div>",
    "<p>",
    "<pre>",
    "```",
    "```json\n",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "参数",
    "参数类型",
    "是否必选",
    "描述",
    "是",
    "否",
    "String",
    "Integer",
    "Array of ",
    " objects",
    "object",
    "状态码： 200",
    "响应参数",
    "请求参数",
    "URI",
    ":ref:`x <y>`",
    "`",
    "*",
    "**",
    "\\",
    "&amp;",
    "&#",
    "\u{200b}",
    "é",
    "🚀",
];

fn mutate(rng: &mut Rng, text: &str, other: &str) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&s, rng.below(s.len() + 1));
        let end = boundary(&s, at + rng.below(64.min(s.len() - at + 1)));
        match rng.below(7) {
            0 => s.replace_range(at..end, ""),
            1 => s.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            2 => {
                let piece = s[at..end].to_string();
                s.insert_str(end, &piece.repeat(1 + rng.below(8)));
            }
            3 => {
                // Splice a line range of another page.
                let from = boundary(other, rng.below(other.len() + 1));
                let to = boundary(other, from + rng.below(2000.min(other.len() - from + 1)));
                s.insert_str(at, &other[from..to]);
            }
            4 => s.truncate(at),
            5 => {
                let mut lines: Vec<&str> = s.lines().collect();
                if lines.len() > 1 {
                    let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(i, j);
                }
                s = lines.join("\n");
            }
            _ => {
                let token = TOKENS[rng.below(TOKENS.len())];
                s.replace_range(at..end, token);
            }
        }
    }
    s
}

fn boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Seeds: the seed documents in windows, and every 40th corpus page (sorted), each cut to
/// its first 12 KB so a debug build keeps to its time budget.
fn seeds() -> Vec<(String, String)> {
    let root = common::repo_root();
    let mut files = Vec::new();
    collect(&root.join("tests/corpus"), &mut files);
    files.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    let cut = |t: String| t[..boundary(&t, 12_000)].to_string();
    for f in files.iter().step_by(40) {
        if let Ok(t) = std::fs::read_to_string(f) {
            out.push((f.display().to_string(), cut(t)));
        }
    }
    for seed in [
        common::SEED_000,
        common::SEED_001,
        common::SEED_002,
        common::SEED_003,
        common::SEED_004,
    ] {
        let t = std::fs::read_to_string(root.join(seed)).unwrap();
        for start in [0, t.len() / 3, 2 * t.len() / 3] {
            let start = boundary(&t, start);
            out.push((
                seed.to_string(),
                t[start..boundary(&t, start + 12_000)].to_string(),
            ));
        }
    }
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "md" || e == "rst") {
            out.push(p);
        }
    }
}

/// Every reader on the text; with `pipeline`, also extraction and both emitters on the
/// detected format's document, outputs parsed back (what the fuzz targets run).
fn exercise(text: &str, pipeline: bool) -> Result<(), String> {
    for format in [Format::HuaweiMarkdown, Format::Rst, Format::PdfText] {
        fuzz_shared::read(text, format);
    }
    if pipeline {
        fuzz_shared::check_pipeline(text)?;
    }
    Ok(())
}

#[test]
fn mutated_pages_never_panic_and_emit_valid_outputs() {
    const MUTATIONS: usize = 5000;
    let seeds = seeds();
    let mut rng = Rng(0x5eed_d0c5_b14d_0001);
    let saved = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-smoke-failures");
    let mut failures = Vec::new();
    for i in 0..MUTATIONS {
        let (name, text) = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())].1;
        let input = mutate(&mut rng, text, other);
        // One in five goes through the whole pipeline (the emitters dominate the time).
        let pipeline = i % 5 == 0;
        let outcome = std::panic::catch_unwind(|| exercise(&input, pipeline))
            .unwrap_or_else(|_| Err("panicked".into()));
        if let Err(why) = outcome {
            std::fs::create_dir_all(&saved).unwrap();
            let file = saved.join(format!("case-{i}.txt"));
            std::fs::write(&file, &input).unwrap();
            failures.push(format!(
                "mutation {i} of {name}: {why} (input: {})",
                file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
