//! Hash routing: `index.html#/contacts/<id>`.
//!
//! The part after `#` never reaches the server, so every screen and record URL survives a
//! reload on any static host, under any sub-path, with no rewrite rule — which a
//! history-API router (leptos_router has no hash mode) cannot promise on a plain host.
use leptos::prelude::*;

pub use crate::route::Route;

pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// The route signal, kept in step with the address bar. While `dirty` is set (a form has
/// unsaved changes) leaving asks first and, if refused, puts the old address back.
pub fn route_signal(dirty: RwSignal<bool>, confirm_text: impl Fn() -> String + 'static) -> RwSignal<Route> {
    let route = RwSignal::new(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash());
        if next == route.get_untracked() {
            return;
        }
        if dirty.get_untracked() && !window().confirm_with_message(&confirm_text()).unwrap_or(true) {
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.get_untracked().href())));
            return;
        }
        dirty.set(false);
        route.set(next);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    std::mem::forget(handle);
    route
}
