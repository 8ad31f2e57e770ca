fn main() {
    let f = std::env::args().nth(1).unwrap();
    let text = docbind::read::load_file(std::path::Path::new(&f)).unwrap();
    let fmt = docbind::read::detect_format(&text);
    let (d, diags) = docbind::read::read_text(&f, &text, fmt);
    println!("{}", serde_json::to_string_pretty(&d).unwrap());
    eprintln!("{fmt:?} {}", diags.len());
}
