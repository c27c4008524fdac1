//! Lower-casing in the browser, where non-ASCII text goes to JavaScript's `toLowerCase`
//! (search, sort keys and matching use it): it must agree with Rust's Unicode rules.
#![cfg(target_arch = "wasm32")]

use backoffice::text::{lower, lower_owned};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn non_ascii_lower_cases_as_rust_would() {
    for s in ["ÖZTÜRK Çelik", "ΟΔΥΣΣΕΥΣ", "Ёлка ПАРК", "DŽEMAL Łukasz ÆSIR", "Budi SANTOSO", "ÉCOLE 日本 ＡＢＣ"]
    {
        assert_eq!(lower(s), s.to_lowercase(), "{s}");
        assert_eq!(lower_owned(s.to_string()), s.to_lowercase(), "{s}");
    }
}
