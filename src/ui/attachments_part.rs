//! The ways into the `attachments` part of the wasm (ui/attachments.rs), fetched by the
//! first record page, the Trash or the Data screen, and into the `archives` part
//! (ui/backup_zip.rs with the zip writer and reader), fetched only when a backup with
//! attachments is written or chosen. Each entry is split out in the app's build; the storage tests' build is
//! never split, so there each is a plain function (a wasm importing a part no splitter made
//! cannot start).
use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use super::areas::{from_part, part_fns, NotLoaded};
use super::backup_zip::{self, Opened};
use super::state::AppState;
use crate::domain::sealed_backup::FileKey;

/// What the screens share about attachments, made once in the app's root.
#[derive(Clone, Copy)]
struct Shared {
    changed: RwSignal<u32>,
    trashed: RwSignal<Option<usize>>,
    busy: RwSignal<bool>,
}

thread_local! {
    static SHARED: std::cell::OnceCell<Shared> = const { std::cell::OnceCell::new() };
}

fn shared() -> Shared {
    SHARED.with(|s| {
        *s.get_or_init(|| {
            super::state::in_root(|| Shared { changed: RwSignal::new(0), trashed: RwSignal::new(None), busy: RwSignal::new(false) })
        })
    })
}

/// Bumped when attachments change behind the screens' back (deleted with their records,
/// restored by an import): lists of them read again.
pub fn files_changed() -> RwSignal<u32> {
    shared().changed
}

/// Attachments in the trash, as the Trash screen last read them (`None`: not read yet):
/// with any, the screen is not "empty".
pub fn trashed_files() -> RwSignal<Option<usize>> {
    shared().trashed
}

/// A backup with attachments is being written or read in: another waits for it (two at
/// once would read every file twice, or sweep one import's files with the other's records).
pub fn busy() -> RwSignal<bool> {
    shared().busy
}

/// Work the part does after it is fetched, awaited by the caller.
type Later<T> = Pin<Box<dyn Future<Output = T>>>;

/// An entry of a part (`attachments` unless named), with the parts' strings added first.
macro_rules! entry {
    ($(#[$doc:meta])* fn $name:ident($($arg:ident: $t:ty),*) -> $ret:ty $body:block) => {
        entry! { in attachments $(#[$doc])* fn $name($($arg: $t),*) -> $ret $body }
    };
    (in $part:ident $(#[$doc:meta])* fn $name:ident($($arg:ident: $t:ty),*) -> $ret:ty $body:block) => {
        part_fns! {
            in $part $(#[$doc])* fn $name($($arg: $t),*) -> $ret {
                crate::i18n::add(crate::i18n::ATTACHMENTS);
                $body
            }
        }
    };
}

/// A record's attachments: the page is there meanwhile, and a part that cannot come says so.
pub fn attachments(app: AppState, owner: String, title: String, editable: bool) -> impl IntoView {
    from_part(app, move || section(owner.clone(), title.clone(), editable))
}

entry! {
    fn section(owner: String, title: String, editable: bool) -> AnyView {
        view! { <super::attachments::AttachmentsSection owner title editable /> }.into_any()
    }
}

/// The trash's and the Data screen's view of every attachment.
pub fn attachments_overview(app: AppState, trash: bool) -> impl IntoView {
    from_part(app, move || overview(trash))
}

entry! {
    fn overview(trash: bool) -> AnyView {
        if trash {
            view! { <super::attachments::TrashedAttachments /> }.into_any()
        } else {
            view! { <super::attachments::AttachmentsUsage /> }.into_any()
        }
    }
}

/// The files of records deleted for good go with them.
pub fn attachments_gone(owners: Vec<String>) {
    leptos::task::spawn_local(async move {
        if let Ok(work) = purge(owners).await {
            work.await;
            files_changed().update(|n| *n += 1);
        }
    });
}

entry! {
    fn purge(owners: Vec<String>) -> Later<()> {
        Box::pin(async move {
            let _ = super::attachments::purge_owners(&owners).await;
        })
    }
}

/// Seals the attachments still plain once the store is encrypted (just now, or left
/// half-way by a tab closed meanwhile); how many.
pub async fn seal_files(app: AppState) -> Result<usize, String> {
    let done = match files_sealed().await {
        Ok(work) => work.await.map_err(|e| e.to_string()),
        Err(NotLoaded) => Err(app.t("area.failed").into()),
    };
    if done.as_ref().is_ok_and(|n| *n > 0) {
        files_changed().update(|n| *n += 1);
    }
    done
}

entry! {
    fn files_sealed() -> Later<Result<usize, crate::storage::StorageError>> {
        Box::pin(super::attachments_seal::seal_all())
    }
}

/// Once an encrypted store is open: the attachments still plain are sealed, then a change
/// of passphrase cut short is finished with them (its old key leaves the lock). Quietly: a
/// browser without IndexedDB has none, and the next unlock tries again.
pub async fn finish_sealing() {
    let Ok(work) = files_sealed_then_old_key_gone().await else { return };
    if work.await.is_ok_and(|n| n > 0) {
        files_changed().update(|n| *n += 1);
    }
}

entry! {
    fn files_sealed_then_old_key_gone() -> Later<Result<usize, crate::storage::StorageError>> {
        Box::pin(async {
            let sealed = super::attachments_seal::seal_all().await?;
            if super::lock::values_resealed() {
                let _ = super::lock::forget_old_key();
            }
            Ok(sealed)
        })
    }
}

/// Opens every attachment for good with `key` (or `old`, the key a change cut short was
/// replacing), before encryption is removed.
pub async fn open_files(app: AppState, key: [u8; 32], old: Option<[u8; 32]>) -> Result<usize, String> {
    match files_opened(key, old).await {
        Ok(work) => work.await.map_err(|e| e.to_string()),
        Err(NotLoaded) => Err(app.t("area.failed").into()),
    }
}

entry! {
    fn files_opened(key: [u8; 32], old: Option<[u8; 32]>) -> Later<Result<usize, crate::storage::StorageError>> {
        Box::pin(async move { super::attachments_seal::open_all(&key, old).await })
    }
}

/// A backup with every attachment, as one archive: how many files it holds.
pub async fn export_zip(app: AppState, json_name: String, json: String, key: Option<FileKey>) -> Result<backup_zip::Exported, String> {
    busy().set(true);
    let done = match zip_export(app, json_name, json, key).await {
        Ok(work) => work.await,
        Err(NotLoaded) => Err(app.t("area.failed").into()),
    };
    busy().set(false);
    done
}

entry! {
    in archives
    fn zip_export(app: AppState, json_name: String, json: String, key: Option<FileKey>) -> Later<Result<backup_zip::Exported, String>> {
        Box::pin(backup_zip::export(app, json_name, json, key))
    }
}

/// An archive chosen for import, read as far as its preview needs.
pub async fn open_zip(app: AppState, file: web_sys::File) -> Result<Opened, String> {
    match zip_open(app, file).await {
        Ok(work) => work.await,
        Err(NotLoaded) => Err(app.t("area.failed").into()),
    }
}

entry! {
    in archives
    fn zip_open(app: AppState, file: web_sys::File) -> Later<Result<Opened, String>> {
        Box::pin(backup_zip::open(app, file))
    }
}

/// After an import's records are stored: the archive's attachments (if it was one) of the
/// records the store now holds (`alive`), and after a replace, those of records no longer
/// there moved to the trash.
pub fn imported(app: AppState, opened: Option<Opened>, replace: bool, alive: HashSet<String>) {
    busy().set(true);
    leptos::task::spawn_local(async move {
        if let Some(opened) = opened {
            match zip_restore(app, opened, replace, alive.clone()).await {
                Ok(work) => work.await,
                Err(NotLoaded) => app.error(app.t("area.failed").into()),
            }
        }
        // A plain backup needs the part only to tidy attachments there may be none of: a
        // part that cannot come has nothing to say.
        if replace {
            if let Ok(work) = sweep(app, alive).await {
                work.await;
            }
        }
        files_changed().update(|n| *n += 1);
        busy().set(false);
    });
}

entry! {
    in archives
    fn zip_restore(app: AppState, opened: Opened, replace: bool, alive: HashSet<String>) -> Later<()> {
        Box::pin(async move {
            match backup_zip::restore(app, opened, replace, &alive).await {
                Ok(r) => backup_zip::report(&app, r),
                Err(why) => app.error(why),
            }
        })
    }
}

entry! {
    fn sweep(app: AppState, alive: HashSet<String>) -> Later<()> {
        Box::pin(async move {
            // A browser without IndexedDB has no attachments to tidy: nothing to say.
            let trashed = super::attachments::orphans_to_trash(&alive).await.unwrap_or(0);
            if trashed > 0 {
                app.info(app.tf("attach.orphans_trashed", &[("n", trashed.to_string())]));
            }
        })
    }
}
