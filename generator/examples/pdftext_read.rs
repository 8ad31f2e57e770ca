//! Reads a PDF-converted text file and reports timing, or prints the blocks of a line range.
//!
//! `cargo run --release --example pdftext_read -- [FILE] [FROM-TO]`
//! FILE defaults to seed 004; with FROM-TO (1-based lines) each block overlapping the range is
//! printed on one line (tables with one row per line) for eyeballing layout recovery.

use docbind::doc::{Block, BlockKind, Inline, RichText};
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        format!(
            "{}/../spec/docs/004_1a1b83b5d1b965a6.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let range = args.next().and_then(|r| {
        let (a, b) = r.split_once('-')?;
        Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?))
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let file: Arc<str> = Arc::from(path.as_str());
    if let Some((from, to)) = range {
        let (doc, _) = docbind::read::pdftext::read(file, &text);
        for block in doc
            .blocks
            .iter()
            .filter(|b| b.span.end >= from && b.span.start <= to)
        {
            println!("{}", compact(block));
        }
        return;
    }
    let mut best = f64::MAX;
    let mut summary = String::new();
    for _ in 0..10 {
        let start = Instant::now();
        let (doc, diags) = docbind::read::pdftext::read(file.clone(), &text);
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
        summary = format!("{} blocks, {} diagnostics", doc.blocks.len(), diags.len());
    }
    println!("{path}: {summary}, best of 10: {best:.1} ms");
}

fn rich(r: &RichText) -> String {
    let para = |p: &docbind::doc::Paragraph| {
        let body: String = p
            .inlines
            .iter()
            .map(|i| match i {
                Inline::Text(t) => t.replace('\n', "⏎"),
                Inline::Code(t) => format!("`{t}`"),
                Inline::Strong(t) => format!("**{t}**"),
                Inline::Link { text, .. } => format!("[{text}]"),
            })
            .collect();
        format!("{}{body}", "•".repeat(p.list_depth as usize))
    };
    r.paragraphs
        .iter()
        .map(para)
        .collect::<Vec<_>>()
        .join(" ¶ ")
}

fn compact(b: &Block) -> String {
    let at = format!("{}-{}", b.span.start, b.span.end);
    match &b.kind {
        BlockKind::Heading {
            level,
            number,
            text,
        } => format!(
            "{at} H{level} {} {}",
            number.as_deref().unwrap_or("-"),
            rich(text)
        ),
        BlockKind::Paragraph { text, list_depth } => format!("{at} P{list_depth} {}", rich(text)),
        BlockKind::Code { text, .. } => format!("{at} CODE {} lines", text.lines().count()),
        BlockKind::Table(t) => {
            let header: Vec<String> = t.header.iter().map(|c| rich(&c.text)).collect();
            let mut s = format!(
                "{at} TABLE pieces={} caption={:?} [{}]",
                t.pieces,
                t.caption.as_ref().map(rich),
                header.join(" | ")
            );
            for r in &t.rows {
                let cells: Vec<String> = r.cells.iter().map(|c| rich(&c.text)).collect();
                s.push_str(&format!(
                    "\n    {}-{}: {}",
                    r.span.start,
                    r.span.end,
                    cells.join(" | ")
                ));
            }
            s
        }
    }
}
