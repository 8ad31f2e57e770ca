fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut docs = Vec::new();
    let mut rd = docbind::diag::Diagnostics::new();
    for f in &files {
        let text = docbind::read::load_file(std::path::Path::new(f)).unwrap();
        let fmt = docbind::read::detect_format(&text);
        let (d, diags) = docbind::read::read_text(f, &text, fmt);
        rd.extend(diags);
        docs.push(d);
    }
    let (mut api, cov) = docbind::extract::extract(&docs, &Default::default());
    api.diagnostics.extend(rd);
    println!("{}", serde_json::to_string_pretty(&api).unwrap());
    eprintln!("{cov}");
}
