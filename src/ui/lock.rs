//! The lock screen of an encrypted store (`storage::sealed`): shown before anything is
//! read, it asks for the passphrase, derives its key (WebCrypto) and opens the store; the
//! app itself starts only then. The key lives in this tab's memory: a reload, "Lock now"
//! or 15 minutes without input (never under unsaved input) locks it again.
use std::cell::RefCell;

use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use super::app::App;
use super::areas::{part_fns, NotLoaded};
use super::passphrase::{self, DeriveError};
use crate::domain::format::Lang;
use crate::storage::sealed::{Guarded, Lock, Sealed, UnlockError};
use crate::storage::{Backend, LocalStorageBackend};

thread_local! {
    /// The store as the lock screen opened it, taken by the app when it starts.
    static UNLOCKED: RefCell<Option<Box<dyn Backend>>> = const { RefCell::new(None) };
    /// The open store's lock and data key: backups are sealed with them, so they open with
    /// the store's passphrase. Gone with the page, as the open store is.
    static STORE_KEY: RefCell<Option<StoreKey>> = const { RefCell::new(None) };
    /// Every value was sealed by the data key when the store was opened (nothing left for
    /// a replaced key): its files sealed anew too, that key may leave the lock.
    static RESEALED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

pub fn values_resealed() -> bool {
    RESEALED.with(|r| r.get())
}

/// The open store's lock (and its text as stored), its data key, and the data key a change
/// of passphrase is replacing (attachments it sealed are sealed anew).
#[derive(Clone)]
struct StoreKey {
    lock: Lock,
    text: String,
    key: [u8; 32],
    old: Option<[u8; 32]>,
}

/// The open store's lock and data key; `None` while the store is not encrypted.
pub fn store_key() -> Option<(Lock, [u8; 32])> {
    STORE_KEY.with(|k| k.borrow().as_ref().map(|k| (k.lock.clone(), k.key)))
}

/// The data key a change of passphrase is replacing, while one is.
pub fn old_store_key() -> Option<[u8; 32]> {
    STORE_KEY.with(|k| k.borrow().as_ref().and_then(|k| k.old))
}

/// Remembers `sealed`'s keys (as its lock now wraps them), or forgets them (`None`: the
/// store is not encrypted, or is being decrypted: nothing more is sealed by them).
pub fn keep_store_key<B: Backend>(sealed: Option<&Sealed<B>>) {
    let kept = sealed.and_then(|s| {
        let text = s.lock_text()?.to_string();
        Some(StoreKey { lock: serde_json::from_str(&text).ok()?, text, key: *s.data_key(), old: s.old_key().copied() })
    });
    STORE_KEY.with(|k| *k.borrow_mut() = kept);
}

/// The open store's keys, put aside while encryption is removed: nothing is sealed by them
/// meanwhile; [`Suspended::restore`] puts them back if the removal fails.
pub struct Suspended(Option<StoreKey>);

pub fn suspend_store_key() -> Suspended {
    Suspended(STORE_KEY.with(|k| k.borrow_mut().take()))
}

impl Suspended {
    pub fn restore(self) {
        STORE_KEY.with(|k| *k.borrow_mut() = self.0);
    }
}

/// The open store's data key and the one being replaced, if the stored lock is still the
/// one they came with: after another tab changed the passphrase or removed encryption,
/// nothing may be sealed by them.
pub fn current_store_keys() -> Result<Option<([u8; 32], Option<[u8; 32]>)>, crate::storage::StorageError> {
    let Some(k) = STORE_KEY.with(|k| k.borrow().clone()) else { return Ok(None) };
    if LocalStorageBackend::new()?.get(crate::storage::sealed::LOCK_KEY)?.as_deref() != Some(k.text.as_str()) {
        return Err(crate::storage::StorageError::LockChanged);
    }
    Ok(Some((k.key, k.old)))
}

/// Drops the replaced key from the lock once nothing sealed by it is left (the store's
/// values and its attachments sealed anew).
pub fn forget_old_key() -> Result<(), crate::storage::StorageError> {
    let Some(k) = STORE_KEY.with(|k| k.borrow().clone()).filter(|k| k.old.is_some()) else { return Ok(()) };
    let text = crate::storage::sealed::forget_old(&LocalStorageBackend::new()?, &k.text)?;
    let lock = serde_json::from_str(&text).map_err(|e| crate::storage::StorageError::Other(e.to_string()))?;
    STORE_KEY.with(|s| *s.borrow_mut() = Some(StoreKey { lock, text, key: k.key, old: None }));
    Ok(())
}

/// The stored lock, if the store is encrypted.
pub fn stored_lock() -> Option<Lock> {
    LocalStorageBackend::new().ok().and_then(|b| crate::storage::sealed::read_lock(&b).ok().flatten())
}

pub fn is_encrypted() -> bool {
    LocalStorageBackend::new().ok().is_some_and(|b| b.get(crate::storage::sealed::LOCK_KEY).ok().flatten().is_some())
}

/// The backend the app opens its store on: the unlocked one, else localStorage as it is.
pub fn backend() -> Result<Box<dyn Backend>, crate::storage::StorageError> {
    match UNLOCKED.with(|u| u.borrow_mut().take()) {
        Some(sealed) => Ok(sealed),
        None => guarded(LocalStorageBackend::new()?),
    }
}

/// `b` as this tab's store sees it from now on: its writes refused if another tab changes
/// the encryption (`Guarded`).
pub fn guarded(b: impl Backend + 'static) -> Result<Box<dyn Backend>, crate::storage::StorageError> {
    Ok(Box::new(Guarded::new(b)?))
}

/// The key `passphrase` gives with the stored lock's salt and rounds: the key that opens
/// the store if the passphrase is right.
pub async fn derive_current(passphrase: &str) -> Result<[u8; 32], DeriveError> {
    let lock = stored_lock().ok_or_else(|| DeriveError::Failed("bo.lock".into()))?;
    let salt = lock.salt_bytes().map_err(|e| DeriveError::Failed(format!("{e:?}")))?;
    passphrase::derive(passphrase, &salt, lock.iterations).await
}

/// Opens the store with `passphrase`; `Ok` once the app may start.
pub async fn unlock(passphrase: &str) -> Result<(), String> {
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

/// The store opened with the passphrase's key, as this tab will see it (`Guarded`). The
/// sealing code (AES-GCM) is a part of its own, fetched only by an encrypted store's lock
/// screen (and by Settings, in its area): a store without a passphrase never downloads it.
#[wasm_split(lock, wasm_split_path = ::leptos::wasm_split, fallible)]
fn open_sealed(derived: [u8; 32]) -> Result<Result<Box<dyn Backend>, UnlockError>, NotLoaded> {
    let inner = match LocalStorageBackend::new() {
        Ok(b) => b,
        Err(e) => return Ok(Err(UnlockError::Storage(e))),
    };
    Ok(Sealed::unlock(inner, &derived, passphrase::random).and_then(|sealed| {
        // A store left half-way through being encrypted (a closed tab, a full quota), or
        // through a change of passphrase, is finished now; what still does not fit stays
        // readable as it is.
        RESEALED.with(|r| r.set(sealed.reseal_all().is_ok()));
        keep_store_key(Some(&sealed));
        guarded(sealed).map_err(UnlockError::Storage)
    }))
}

/// The app, behind the lock screen when the store is encrypted.
#[component]
pub fn Gate() -> impl IntoView {
    let locked = RwSignal::new(is_encrypted());
    view! {
        <Show when=move || !locked.get() fallback=move || lock_screen(locked)>
            <App />
        </Show>
    }
}

/// The lock screen is a part of its own (`lock_screen`), and the sealing code another
/// (`lock`), asked for once the screen is drawn, while the person types: a store without a
/// passphrase never downloads either, and the screen does not wait for AES. A part that
/// cannot be fetched says so, with Retry.
fn lock_screen(locked: RwSignal<bool>) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        view! {
            <Suspense fallback=|| view! { <div class="bo-part-pending" aria-busy="true"></div> }>
                {Suspend::new(async move {
                    match lock_screen_part(locked).await {
                        Ok(v) => v,
                        Err(NotLoaded) => {
                            let t = |k: &str| crate::i18n::t(super::app::start_lang(), k);
                            view! {
                                <main class="bo-lock" id="main">
                                    <div class="bo-banner bo-banner-error" role="alert">
                                        <p>{t("area.failed")}</p>
                                        <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| attempt.update(|n| *n += 1)>
                                            {t("area.retry")}
                                        </button>
                                    </div>
                                </main>
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        }
    }
}

// A plain function in the storage tests' build (`part_fns!`): a part's entry there would
// keep the lock screen, and with it an import of the sealing part that no splitter made.
part_fns! {
    in lock_screen fn lock_screen_part(locked: RwSignal<bool>) -> AnyView {
        crate::i18n::add(crate::i18n::LOCK);
        view! { <LockScreen locked /> }.into_any()
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
        // The sealing code downloads while the passphrase is typed and its key derived.
        let mut sealing = Box::pin(__wasm_split_preload_open_sealed());
        let _ = std::future::Future::poll(sealing.as_mut(), &mut std::task::Context::from_waker(std::task::Waker::noop()));
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

/// Locks the app: the page starts again, and the key in memory is gone with it.
pub fn lock_now() {
    let _ = window().location().reload();
}

/// Locks after 15 minutes without a key, click or touch, unless a form holds unsaved input
/// (then at the first check after it is saved or left).
pub fn watch_idle(dirty: RwSignal<bool>) {
    const IDLE_MS: f64 = 15.0 * 60.0 * 1000.0;
    thread_local! {
        static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if WATCHING.with(|w| w.replace(true)) {
        return;
    }
    let last = std::rc::Rc::new(std::cell::Cell::new(js_sys::Date::now()));
    for ev in ["keydown", "pointerdown", "wheel", "touchstart"] {
        let last = last.clone();
        let h = window_event_listener_untyped(ev, move |_| last.set(js_sys::Date::now()));
        std::mem::forget(h);
    }
    let h = set_interval_with_handle(
        move || {
            // Encryption removed meanwhile: nothing to lock.
            if js_sys::Date::now() - last.get() > IDLE_MS && !dirty.get_untracked() && is_encrypted() {
                lock_now();
            }
        },
        std::time::Duration::from_secs(30),
    );
    std::mem::forget(h);
}
