//! The lock screen of an encrypted store, a part of the wasm of its own (`lock`, with the
//! sealing code the store is opened with): it asks for the passphrase, derives its key
//! (WebCrypto) and opens the store; the app itself starts only then.
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::areas::NotLoaded;
use super::lock::{derive_current, open_sealed, UNLOCKED};
use super::passphrase::DeriveError;
use crate::domain::format::Lang;
use crate::storage::sealed::UnlockError;

/// The lock screen, its strings added first.
#[wasm_split(lock, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(super) fn lock_screen(locked: RwSignal<bool>) -> Result<AnyView, NotLoaded> {
    crate::i18n::add(crate::i18n::LOCK);
    Ok(view! { <LockScreen locked /> }.into_any())
}

/// Opens the store with `passphrase`; `Ok` once the app may start.
async fn unlock(passphrase: &str) -> Result<(), String> {
    let lang = super::app::start_lang();
    let t = |k: &str| crate::i18n::t(lang, k).to_string();
    let derived = match derive_current(passphrase).await {
        Ok(k) => k,
        Err(DeriveError::NoWebCrypto) => return Err(t("lock.no_webcrypto")),
        Err(DeriveError::Failed(why)) => return Err(format!("{} ({why})", t("lock.failed"))),
    };
    // The benchmark's encrypted cold start counts from here: the key's derivation is slow
    // on purpose and waits for the person anyway.
    super::perf::mark("bo:derived");
    match open_sealed(derived).await {
        Ok(Ok(sealed)) => {
            UNLOCKED.with(|u| *u.borrow_mut() = Some(sealed));
            Ok(())
        }
        Ok(Err(UnlockError::WrongPassphrase)) => Err(t("lock.wrong")),
        Ok(Err(e)) => Err(format!("{} ({e:?})", t("lock.failed"))),
        Err(NotLoaded) => Err(t("area.failed")),
    }
}

#[component]
fn LockScreen(locked: RwSignal<bool>) -> impl IntoView {
    let lang: Lang = super::app::start_lang();
    let t = move |k: &str| crate::i18n::t(lang, k);
    let _ = document().document_element().map(|el| el.set_attribute("lang", lang.code()));
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match unlock(&pass.get_untracked()).await {
                Ok(()) => locked.set(false),
                Err(e) => {
                    error.set(Some(e));
                    busy.set(false);
                    pass.set(String::new());
                    focus_passphrase();
                }
            }
        });
    };
    request_animation_frame(|| {
        super::perf::mark("bo:lock");
        focus_passphrase();
    });
    view! {
        <main class="bo-lock" id="main">
            <h1>{t("lock.title")}</h1>
            <p>{t("lock.hint")}</p>
            <form class="bo-form" on:submit=submit novalidate>
                <div class="bo-field">
                    <label for="lock-pass">{t("lock.passphrase")}</label>
                    <input id="lock-pass" type="password" autocomplete="current-password" required
                        aria-describedby="lock-error" aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || pass.get() on:input=move |ev| pass.set(event_target_value(&ev)) />
                    <p id="lock-error" class="bo-error" role="alert">{move || error.get()}</p>
                </div>
                <div class="bo-actions">
                    <button type="submit" class="bo-btn bo-btn-primary" disabled=move || busy.get()>
                        {move || if busy.get() { t("lock.opening") } else { t("lock.open") }}
                    </button>
                </div>
            </form>
            <p class="bo-hint">{t("lock.forgot")}</p>
        </main>
    }
}

fn focus_passphrase() {
    super::widgets::focus_id("lock-pass");
}
