//! Keys from passphrases, by the browser's WebCrypto (PBKDF2-SHA256), and random bytes
//! from `crypto.getRandomValues`: what encryption at rest (`storage::sealed`) is handed.
//! Called through `Reflect`, as the page's own script would: no web-sys feature per
//! WebCrypto dictionary.
use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why no key was derived.
#[derive(Debug, PartialEq)]
pub enum DeriveError {
    /// WebCrypto's `subtle` exists only on HTTPS pages and this computer's own addresses.
    NoWebCrypto,
    Failed(String),
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn crypto() -> JsValue {
    get(&js_sys::global(), "crypto")
}

/// Random bytes from the browser's cryptographic source; every browser the app runs in
/// has one, so its absence is a crash, never a weak nonce.
pub fn random(out: &mut [u8]) {
    let c = crypto();
    let fill: Function = get(&c, "getRandomValues").dyn_into().expect("crypto.getRandomValues");
    let a = Uint8Array::new_with_length(out.len() as u32);
    fill.call1(&c, &a).expect("random values");
    a.copy_to(out);
}

/// Whether this page can derive keys (a secure context).
pub fn available() -> bool {
    get(&crypto(), "subtle").is_object()
}

fn text(e: JsValue) -> DeriveError {
    DeriveError::Failed(e.as_string().or_else(|| get(&e, "message").as_string()).unwrap_or_else(|| "WebCrypto".into()))
}

/// The 32-byte key a passphrase gives with `salt` after `iterations` rounds of
/// PBKDF2-SHA256 (600,000 take about a second: the point of them).
pub async fn derive(passphrase: &str, salt: &[u8; 16], iterations: u32) -> Result<[u8; 32], DeriveError> {
    let subtle = get(&crypto(), "subtle");
    if !subtle.is_object() {
        return Err(DeriveError::NoWebCrypto);
    }
    let import: Function = get(&subtle, "importKey").dyn_into().map_err(text)?;
    let usages = Array::of1(&"deriveBits".into());
    // The same passphrase typed with composed or decomposed accents gives the same key.
    let passphrase = js_sys::JsString::from(passphrase).normalize("NFC").as_string().unwrap_or_else(|| passphrase.to_string());
    let args = Array::of5(&"raw".into(), &Uint8Array::from(passphrase.as_bytes()), &"PBKDF2".into(), &false.into(), &usages);
    let key =
        JsFuture::from(import.apply(&subtle, &args).map_err(text)?.dyn_into::<js_sys::Promise>().map_err(text)?).await.map_err(text)?;
    let params = Object::new();
    for (k, v) in [
        ("name", JsValue::from("PBKDF2")),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(&salt[..]).into()),
        ("iterations", iterations.into()),
    ] {
        Reflect::set(&params, &k.into(), &v).map_err(text)?;
    }
    let bits: Function = get(&subtle, "deriveBits").dyn_into().map_err(text)?;
    let p = bits.call3(&subtle, &params, &key, &256.into()).map_err(text)?;
    let buf = JsFuture::from(p.dyn_into::<js_sys::Promise>().map_err(text)?).await.map_err(text)?;
    let mut out = [0u8; 32];
    Uint8Array::new(&buf).copy_to(&mut out);
    Ok(out)
}

/// The key a new passphrase gives, with a fresh salt of its own, at today's rounds.
pub async fn derive_new(passphrase: &str) -> Result<([u8; 32], [u8; 16]), DeriveError> {
    let mut salt = [0u8; 16];
    random(&mut salt);
    derive(passphrase, &salt, crate::crypto::ITERATIONS).await.map(|k| (k, salt))
}
