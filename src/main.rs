#[cfg(target_arch = "wasm32")]
fn main() {
    backoffice::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Back Office runs in the browser: see README.md (serve command).");
}
