//! Back Office: a small office's back office in one static web page.
pub mod crypto;
pub mod domain;
pub mod i18n;
pub mod registry;
pub mod route;
pub mod sort;
pub mod storage;
pub mod table;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Starts the app; called by web/index.html once the wasm is instantiated. Only in the
/// app's build (feature `app`, scripts/build-wasm.sh): an export keeps everything it
/// reaches, and the browser tests of the storage must not carry the screens.
#[cfg(all(target_arch = "wasm32", feature = "app"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn boot() {
    ui::start();
}

/// The second step of starting, called by web/index.html after `boot` (see `ui::show`).
#[cfg(all(target_arch = "wasm32", feature = "app"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn show() {
    ui::show();
}

/// Called by web/index.html until it returns false (see `ui::decode_ahead`).
#[cfg(all(target_arch = "wasm32", feature = "app"))]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = decodeAhead)]
pub fn decode_ahead() -> bool {
    ui::decode_ahead()
}
