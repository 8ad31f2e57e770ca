// A run builds and drops hundreds of thousands of small objects (document model, IR, token
// streams, syntax trees); mimalloc is markedly faster at that than the system allocator and
// reuses freed memory instead of returning it to the kernel to fault it in again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(docbind::cli::main_with_args(std::env::args_os()));
}
