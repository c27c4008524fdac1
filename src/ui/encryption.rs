//! Settings → Encryption: a passphrase set, changed or removed, and "Lock now". The store's
//! values are sealed or opened key by key (`storage::sealed`); the store is then opened
//! again on the new backend, and other tabs start again behind their lock screen.
use leptos::prelude::*;

use super::lock;
use super::passphrase::{self, DeriveError};
use super::state::AppState;
use crate::storage::sealed::{Sealed, UnlockError};
use crate::storage::{LocalStorageBackend, StorageError};

/// What a form with a passphrase asks for; each is checked before any key is derived.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Field {
    Current,
    New,
    Repeat,
}

/// What is wrong with a new passphrase typed twice: the field to mark and its message.
pub(super) fn new_passphrase_problem(new: &str, repeat: &str) -> Option<(Field, &'static str)> {
    if new.chars().count() < 8 {
        Some((Field::New, "crypt.err.short"))
    } else if new != repeat {
        Some((Field::Repeat, "crypt.err.mismatch"))
    } else {
        None
    }
}

/// A passphrase field with its label and its error, tied to it for screen readers.
pub(super) fn password(
    id: &'static str,
    label: String,
    value: RwSignal<String>,
    error: impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static,
    app: AppState,
) -> impl IntoView {
    let err_id = format!("{id}-error");
    // A passphrase that opens something already made is the browser's to fill in; a new one
    // is for it to suggest.
    let autocomplete = if id.ends_with("current") { "current-password" } else { "new-password" };
    view! {
        <div class="bo-field" class:bo-field-invalid=move || error().is_some()>
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete aria-describedby=err_id.clone()
                aria-invalid=move || error().map(|_| "true")
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            <p id=err_id class="bo-error" role="alert">{move || error().map(|k| app.t(k))}</p>
        </div>
    }
}

/// The store opened again on `b` (its lock as it is now), and every list read again
/// through it: the old store's revisions stay behind with it.
fn reopen(app: AppState, b: impl crate::storage::Backend + 'static) {
    match lock::guarded(b) {
        Ok(b) => {
            super::app::reopen_store(&app, b);
            app.load_all();
        }
        Err(e) => app.report_storage_error(&e),
    }
}

fn failed(app: AppState, e: impl std::fmt::Display) {
    app.error(app.tf("crypt.err.failed", &[("why", e.to_string())]));
}

#[component]
pub fn EncryptionSection() -> impl IntoView {
    let app = super::state::use_app();
    let encrypted = RwSignal::new(lock::is_encrypted());
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(Field, &'static str)>::new());
    let busy = RwSignal::new(false);
    let error_of = move |f: Field| move || errors.with(|e| e.iter().find(|(g, _)| *g == f).map(|(_, m)| *m));
    let clear = move || {
        for s in [current, new, repeat] {
            s.set(String::new());
        }
    };
    let derive_error = move |e: DeriveError| match e {
        DeriveError::NoWebCrypto => app.error(app.t("crypt.err.no_webcrypto").into()),
        DeriveError::Failed(why) => failed(app, why),
    };
    // The store opened with the current passphrase; `None` (said) when it is wrong.
    let open_current = move || async move {
        let derived = lock::derive_current(&current.get_untracked()).await.map_err(derive_error).ok()?;
        let inner = LocalStorageBackend::new().map_err(|e| failed(app, e)).ok()?;
        match Sealed::unlock(inner, &derived, passphrase::random) {
            Ok(s) => Some(s),
            Err(UnlockError::WrongPassphrase) => {
                errors.set(vec![(Field::Current, "crypt.err.wrong")]);
                None
            }
            Err(e) => {
                failed(app, format!("{e:?}"));
                None
            }
        }
    };

    // A form with a new passphrase: its checks, then `busy`; `false` when it may not go on.
    let begin = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let errs: Vec<_> = new_passphrase_problem(&new.get_untracked(), &repeat.get_untracked()).into_iter().collect();
        errors.set(errs.clone());
        if !errs.is_empty() || busy.get_untracked() {
            return false;
        }
        busy.set(true);
        true
    };
    // The new passphrase's key with a salt of its own; `None` (said) when none was made.
    let new_key = move || async move { passphrase::derive_new(&new.get_untracked()).await.map_err(derive_error).ok() };

    let encrypt = move |ev: leptos::ev::SubmitEvent| {
        if !begin(ev) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Some((derived, salt)) = new_key().await {
                match LocalStorageBackend::new().and_then(|b| Sealed::encrypt(b, &derived, &salt, passphrase::random)) {
                    Err(e) => app.report_storage_error(&e),
                    Ok(sealed) => {
                        let sealing = sealed.seal_all();
                        lock::keep_store_key(Some(&sealed));
                        reopen(app, sealed);
                        match sealing {
                            Ok(_) => app.info(app.t("crypt.done").into()),
                            Err(StorageError::Quota) => app.error(app.t("crypt.partly").into()),
                            Err(e) => failed(app, e),
                        }
                        encrypted.set(true);
                        clear();
                        lock::watch_idle(app.dirty);
                        if let Err(why) = super::attachments_part::seal_files(app).await {
                            app.error(app.tf("crypt.err.files_seal", &[("why", why)]));
                        }
                    }
                }
            }
            busy.set(false);
        });
    };

    let change = move |ev: leptos::ev::SubmitEvent| {
        if !begin(ev) {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Some(sealed) = open_current().await {
                if let Some((derived, salt)) = new_key().await {
                    // Files a change cut short left sealed by the key it replaced are sealed
                    // anew first: this change drops that key.
                    lock::keep_store_key(Some(&sealed));
                    if let Err(why) = super::attachments_part::seal_files(app).await {
                        app.error(app.tf("crypt.err.files_seal", &[("why", why)]));
                        return busy.set(false);
                    }
                    match sealed.rekey(&derived, &salt) {
                        Ok(sealed) => {
                            // Every value and file sealed anew by the new key; then the old
                            // key leaves the lock. The store is open on the new key before
                            // the files' pass, so saves go on meanwhile. Cut short, the next
                            // unlock goes on.
                            let values = sealed.reseal_all();
                            lock::keep_store_key(Some(&sealed));
                            reopen(app, sealed);
                            let files = super::attachments_part::seal_files(app).await;
                            let done = match (values, files) {
                                (Err(e), _) => Err(app.tf("crypt.err.failed", &[("why", e.to_string())])),
                                (_, Err(why)) => Err(app.tf("crypt.err.files_seal", &[("why", why)])),
                                _ => lock::forget_old_key().map_err(|e| app.tf("crypt.err.failed", &[("why", e.to_string())])),
                            };
                            match done {
                                Ok(()) => {
                                    app.info(app.t("crypt.changed").into());
                                    clear();
                                }
                                Err(why) => app.error(why),
                            }
                        }
                        Err(e) => failed(app, e),
                    }
                }
            }
            busy.set(false);
        });
    };

    let remove = move |_| {
        if busy.get_untracked() {
            return;
        }
        errors.set(vec![]);
        busy.set(true);
        leptos::task::spawn_local(async move {
            if let Some(sealed) = open_current().await {
                // The files first: while the lock is kept, one left sealed can still be
                // opened. From now on nothing more is sealed (a file added meanwhile is kept
                // plain), and a pass still sealing is waited for.
                let kept = lock::suspend_store_key();
                if let Err(why) = super::attachments_part::open_files(app, *sealed.data_key(), sealed.old_key().copied()).await {
                    kept.restore();
                    app.error(app.tf("crypt.err.files_open", &[("why", why)]));
                    return busy.set(false);
                }
                match sealed.unseal_all() {
                    Ok(plain) => {
                        reopen(app, plain);
                        app.info(app.t("crypt.removed").into());
                        encrypted.set(false);
                        clear();
                    }
                    Err(e) => {
                        kept.restore();
                        failed(app, e);
                    }
                }
            }
            busy.set(false);
        });
    };

    let available = passphrase::available();
    view! {
        <section class="bo-card bo-crypt" aria-labelledby="crypt-title">
            <h2 id="crypt-title">{app.text("crypt.title")}</h2>
            <Show when=move || available fallback=move || view! { <p class="bo-hint">{app.text("crypt.err.no_webcrypto")}</p> }>
                <Show
                    when=move || encrypted.get()
                    fallback=move || view! {
                        <p>{app.text("crypt.off")}</p>
                        <p class="bo-hint">{app.text("crypt.warning")}</p>
                        <form class="bo-form" on:submit=encrypt novalidate>
                            {password("crypt-new", app.t("crypt.new").into(), new, error_of(Field::New), app)}
                            {password("crypt-repeat", app.t("crypt.repeat").into(), repeat, error_of(Field::Repeat), app)}
                            <div class="bo-actions">
                                <button type="submit" class="bo-btn bo-btn-primary" disabled=move || busy.get()>
                                    {move || app.t(if busy.get() { "crypt.working" } else { "crypt.encrypt" })}
                                </button>
                            </div>
                        </form>
                    }
                >
                    <p>{app.text("crypt.on")}</p>
                    <p class="bo-hint">{app.text("crypt.warning")}</p>
                    <div class="bo-actions">
                        <button type="button" class="bo-btn" on:click=move |_| lock::lock_now()>{app.text("crypt.lock_now")}</button>
                    </div>
                    <form class="bo-form" on:submit=change novalidate>
                        {password("crypt-current", app.t("crypt.current").into(), current, error_of(Field::Current), app)}
                        {password("crypt-new", app.t("crypt.new").into(), new, error_of(Field::New), app)}
                        {password("crypt-repeat", app.t("crypt.repeat").into(), repeat, error_of(Field::Repeat), app)}
                        <div class="bo-actions">
                            <button type="submit" class="bo-btn bo-btn-primary" disabled=move || busy.get()>
                                {move || app.t(if busy.get() { "crypt.working" } else { "crypt.change" })}
                            </button>
                            <button type="button" class="bo-btn bo-btn-danger" disabled=move || busy.get() on:click=remove>
                                {app.text("crypt.remove")}
                            </button>
                        </div>
                        <small class="bo-hint">{app.text("crypt.remove_hint")}</small>
                    </form>
                </Show>
            </Show>
        </section>
    }
}
