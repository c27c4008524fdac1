//! Asking the browser to keep this site's storage: without it, a browser may clear the data
//! of a site it judges unused when the disk runs low. The answer is kept for the Data screen.
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::AppState;

/// Whether the browser keeps the data (`None`: it does not say, or cannot be asked).
/// With `ask`, requests persistence when it is not granted yet.
pub fn check(app: AppState, ask: bool) {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else { return };
    leptos::task::spawn_local(async move {
        let answer = |p: Result<js_sys::Promise, wasm_bindgen::JsValue>| async move {
            match p {
                Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
                Err(_) => None,
            }
        };
        let mut kept = answer(manager.persisted()).await;
        if ask && kept == Some(false) {
            kept = answer(manager.persist()).await.or(kept);
        }
        app.persisted.set(kept);
    });
}
