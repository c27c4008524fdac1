//! Moving files in and out of the page: downloads via a Blob link, uploads via FileReader.
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Starts a download of `content` named `name`; nothing leaves the machine.
pub fn download(name: &str, mime: &str, content: &str) {
    // Handed over as its UTF-8 bytes, which is what the file holds: as a JS string, a 40 MB
    // backup would be decoded from UTF-8 only for the Blob to encode it back.
    download_bytes(name, mime, content.as_bytes());
}

/// [`download`] of a binary file (a workbook).
pub fn download_bytes(name: &str, mime: &str, content: &[u8]) {
    if let Some(blob) = blob_of(content, mime) {
        save(name, blob);
    }
}

/// `bytes` as a Blob of type `mime`.
pub fn blob_of(bytes: &[u8], mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &blob_type(mime)).ok()
}

fn blob_type(mime: &str) -> web_sys::BlobPropertyBag {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    opts
}

pub fn save(name: &str, blob: web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = leptos::prelude::document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        let _ = doc.body().map(|b| b.append_child(&a));
        a.click();
        a.remove();
    }
    // Revoke later: Chromium reads the blob after the click handler returns.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
}

/// The first file chosen in an `<input type=file>` change event, the input cleared so the
/// same file can be chosen again after a fix.
pub fn chosen(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// Bytes `from..to` of a file (or all of a blob), read without reading the rest.
pub async fn read_range(blob: &web_sys::Blob, from: u64, to: u64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(from as f64, to as f64).ok()?;
    let buf = JsFuture::from(part.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// A file's bytes, all of them.
pub async fn read_all(file: &web_sys::File) -> Option<Vec<u8>> {
    let buf = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The first file chosen in an `<input type=file>` change event: (name, bytes).
pub async fn read_chosen(ev: web_sys::Event) -> Option<(String, Vec<u8>)> {
    let file = chosen(&ev)?;
    Some((file.name(), read_all(&file).await?))
}

pub const CSV_MIME: &str = "text/csv;charset=utf-8";
pub const VCARD_MIME: &str = "text/vcard;charset=utf-8";
pub const JSON_MIME: &str = "application/json";
