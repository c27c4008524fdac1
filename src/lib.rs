//! Back Office: a small office's back office in one static web page.
pub mod domain;
pub mod i18n;
pub mod route;
pub mod storage;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Starts the app; called by web/index.html once the wasm is instantiated. Exported rather
/// than `#[wasm_bindgen(start)]`, which would also start the app inside the browser tests.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn boot() {
    ui::start();
}
