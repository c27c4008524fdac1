//! Back Office: a small office's back office in one static web page.
// The release wasm is built for size; the few functions that decode stored records at
// start-up are built for speed instead (`bo_speed`, set by scripts/setup.sh's `release`).
#![cfg_attr(bo_speed, feature(optimize_attribute))]
pub mod domain;
pub mod i18n;
pub mod route;
pub mod storage;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod ui;

