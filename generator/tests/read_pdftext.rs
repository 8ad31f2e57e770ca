//! The PDF-text reader on the ModelArts seed (census figures) and on hand-made snippets.

use docbind::diag::Diagnostics;
use docbind::doc::{Block, BlockKind, Document};
use docbind::read::pdftext;
use std::collections::BTreeMap;
use std::sync::Arc;

const SEED: &str = "spec/docs/004_1a1b83b5d1b965a6.txt";

fn seed() -> (Document, Diagnostics, String) {
    let path = format!("{}/../{SEED}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("seed 004 is in the repository");
    let (doc, diags) = pdftext::read(Arc::from(SEED), &text);
    (doc, diags, text)
}

fn read(text: &str) -> (Document, Diagnostics) {
    pdftext::read(Arc::from("snippet.txt"), text)
}

fn codes(d: &Diagnostics) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for x in d.iter() {
        *m.entry(x.code.clone()).or_insert(0) += 1;
    }
    m
}

#[test]
fn explore() {
    let (doc, diags, _) = seed();
    let headings: Vec<&Block> = doc.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Heading { .. })).collect();
    let numbered = headings.iter().filter(|b| matches!(&b.kind, BlockKind::Heading { number: Some(_), .. })).count();
    let tables: Vec<_> = doc.blocks.iter().filter_map(|b| match &b.kind { BlockKind::Table(t) => Some(t), _ => None }).collect();
    let pieces: u32 = tables.iter().map(|t| t.pieces).sum();
    let code = doc.blocks.iter().filter(|b| matches!(b.kind, BlockKind::Code { .. })).count();
    eprintln!("headings {} numbered {numbered} tables {} pieces {pieces} code {code}", headings.len(), tables.len());
    eprintln!("{:?}", codes(&diags));
    for d in diags.iter().filter(|d| d.code != "pdf.split-row-merged") { eprintln!("{d}"); }
    let mut hdr: BTreeMap<String, (u32, usize)> = BTreeMap::new();
    for t in &tables {
        let k = t.header.iter().map(|c| c.text.one_line()).collect::<Vec<_>>().join(" | ");
        let e = hdr.entry(k).or_insert((0, 0));
        e.0 += t.pieces; e.1 += 1;
    }
    for (k, v) in hdr { eprintln!("{v:?} {k}"); }
    let mut other: BTreeMap<String, usize> = BTreeMap::new();
    for b in &headings { if let BlockKind::Heading { number: None, text, level } = &b.kind { *other.entry(format!("{level} {}", text.one_line())).or_insert(0) += 1; } }
    for (k, v) in other { eprintln!("{v} {k}"); }
}
