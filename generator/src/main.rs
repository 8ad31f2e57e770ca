fn main() {
    std::process::exit(docbind::cli::main_with_args(std::env::args_os()));
}
