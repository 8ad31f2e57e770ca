//! Times the PDF-text reader on one file: `cargo run --release --example pdftext_timing -- FILE`.

use std::sync::Arc;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        format!(
            "{}/../spec/docs/004_1a1b83b5d1b965a6.txt",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let file: Arc<str> = Arc::from(path.as_str());
    let mut best = f64::MAX;
    let mut blocks = 0;
    for _ in 0..10 {
        let start = Instant::now();
        let (doc, _diags) = docbind::read::pdftext::read(file.clone(), &text);
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
        blocks = doc.blocks.len();
    }
    println!("{path}: {blocks} blocks, best of 10: {best:.1} ms");
}
