//! Every type spelling of every field table in the seeds (spec/docs) and the corpora
//! (tests/corpus), read through the readers: none may be `Unknown` unless it is listed below as
//! genuinely not a type (those produce a `type.unknown` diagnostic). The snapshot is the type
//! table: each distinct raw spelling and the type expression it parses to.

mod common;
use common::*;
use docbind::doc::BlockKind;
use docbind::extract::fields::columns;
use docbind::extract::types::{clean_type_text, parse_type, TypeExpr};
use std::collections::BTreeMap;
use std::path::Path;

/// Type cells that are documentation text, not a type (with the reason): `type.unknown`.
const NOT_TYPES: &[(&str, &str)] = &[(
    "包括predictor configs结构和transformer configs",
    "a sentence (\"includes the predictor configs structure and transformer configs\") in \
     the type column of an SDK page; the field's shape is described in prose, not by one type",
)];

/// Type cells saying there is no type: read as an empty cell (`type.missing`, a free-form value).
const NO_TYPE: &[(&str, &str)] = &[
    ("-", "a dash standing for \"no type\" (a deprecated field)"),
    ("无", "\"none\" in the type column"),
    ("None", "`restart | None | This parameter is left blank.`"),
];

fn inputs() -> Vec<String> {
    let root = repo_root();
    let mut files = Vec::new();
    for dir in ["spec/docs", "tests/corpus"] {
        let found = docbind::pipeline::expand_inputs(&[root.join(dir)]).expect("listable");
        files.extend(found.into_iter().map(|p| {
            p.strip_prefix(&root)
                .unwrap_or(Path::new(""))
                .display()
                .to_string()
        }));
    }
    files.sort();
    files
}

/// raw spelling (cleaned) → (count, first file it appears in)
fn type_spellings() -> BTreeMap<String, (usize, String)> {
    let mut out: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for rel in inputs() {
        let doc = read_doc(&rel);
        for block in &doc.blocks {
            let BlockKind::Table(table) = &block.kind else {
                continue;
            };
            let cols = columns(table);
            let (Some(ty), true) = (cols.ty, cols.is_field_table()) else {
                continue;
            };
            for row in &table.rows {
                let Some(cell) = row.cells.get(ty) else {
                    continue;
                };
                let raw = clean_type_text(&cell.text.one_line());
                if raw.is_empty() {
                    continue;
                }
                out.entry(raw).or_insert((0, rel.clone())).0 += 1;
            }
        }
    }
    out
}

fn contains_unknown(t: &TypeExpr) -> bool {
    match t {
        TypeExpr::Unknown(_) => true,
        TypeExpr::Array(inner) | TypeExpr::Map(inner) => contains_unknown(inner),
        _ => false,
    }
}

#[test]
fn every_type_spelling_parses() {
    let spellings = type_spellings();
    assert!(spellings.len() > 100, "the census found the type columns");
    let mut unknown = Vec::new();
    let mut table = String::new();
    for (raw, (count, file)) in &spellings {
        let parsed = parse_type(raw);
        let listed = NOT_TYPES.iter().chain(NO_TYPE).any(|(t, _)| t == raw);
        if contains_unknown(&parsed) && !listed {
            unknown.push(format!("{raw:?} ({count}× first in {file})"));
        }
        table.push_str(&format!("{raw:?} → {parsed:?}\n"));
    }
    assert!(
        unknown.is_empty(),
        "unknown type spellings:\n{}",
        unknown.join("\n")
    );
    for (text, reason) in NOT_TYPES {
        assert!(
            matches!(parse_type(text), TypeExpr::Unknown(t) if !t.is_empty()),
            "{text:?} is not a type: {reason}"
        );
    }
    for (text, reason) in NO_TYPE {
        assert_eq!(
            parse_type(text),
            TypeExpr::Unknown(String::new()),
            "{text:?} says there is no type: {reason}"
        );
    }
    insta::assert_snapshot!("type_table", table);
}
