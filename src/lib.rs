//! Back Office: a small office's back office in one static web page.
pub mod domain;
pub mod i18n;
pub mod route;
pub mod storage;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;
