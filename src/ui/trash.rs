//! The Trash: every module's deleted records, to restore or delete for good.
use crate::sort::sort_by;
use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::format::format_datetime;

use super::collection::{purge_records, restore_record, UiEntity};
use super::state::{local, use_app, AppState};
use super::widgets::PageHead;

type Trashed = (String, String, DateTime<Utc>);

fn section<E: UiEntity>(module: &'static str) -> AnyView {
    section_of(module, E::PLURAL, trashed_list::<E>, restore_record::<E>, purge_records::<E>)
}

/// The module's records in the trash, most recently deleted first.
fn trashed_list<E: UiEntity>(app: &AppState) -> Vec<Trashed> {
    newest_first(
        E::signal(app).with(|all| all.iter().filter_map(|r| Some((r.meta().id.clone(), r.title(), r.meta().deleted_at?))).collect()),
    )
}

/// Not inside the generic function above, so the sort is compiled once.
fn newest_first(mut v: Vec<Trashed>) -> Vec<Trashed> {
    sort_by(&mut v, |a, b| b.2.cmp(&a.2));
    v
}

type Outcome = Result<(), crate::storage::StorageError>;

fn section_of(
    module: &'static str,
    plural: &'static str,
    list: fn(&AppState) -> Vec<Trashed>,
    restore: fn(&AppState, &str) -> Outcome,
    purge: fn(&AppState, &[String]) -> Outcome,
) -> AnyView {
    let app = use_app();
    let items = Memo::new(move |_| list(&app));
    let restore = Callback::new(move |id: String| restore(&app, &id).is_ok());
    let purge = Callback::new(move |ids: Vec<String>| purge(&app, &ids).is_ok());
    section_view(module, plural, items.into(), restore, purge)
}

fn section_view(
    module: &'static str,
    plural: &'static str,
    items: Signal<Vec<Trashed>>,
    restore: Callback<String, bool>,
    purge: Callback<Vec<String>, bool>,
) -> AnyView {
    let app = use_app();
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section>
                <h2>{app.text(plural)}</h2>
                <ul class="bo-trash">
                    {move || items.get().into_iter().map(move |(id, title, at)| IntoAny::into_any({
                        let (id1, id2) = (id.clone(), id.clone());
                        let label = title.clone();
                        view! {
                            <li>
                                <a href=format!("#/{module}/{id}")>{title}</a>
                                <span class="bo-meta">{move || app.tf("trash.deleted_at", &[("when", format_datetime(local(at), app.lang.get()))])}</span>
                                <span class="bo-row-actions">
                                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| {
                                        if restore.run(id1.clone()) { app.info(app.t("toast.restored").into()) }
                                    } aria-label=move || format!("{} {}", app.t("action.restore"), label)>{app.text("action.restore")}</button>
                                    <button type="button" class="bo-btn bo-btn-small bo-btn-danger" on:click=move |_| {
                                        if window().confirm_with_message(app.t("trash.confirm_purge_one")).unwrap_or(false) {
                                            purge.run(vec![id2.clone()]);
                                        }
                                    }>{app.text("trash.purge")}</button>
                                </span>
                            </li>
                        }
                    })).collect::<Vec<_>>()}
                </ul>
                <button type="button" class="bo-btn bo-btn-danger" on:click=move |_| {
                    let ids: Vec<String> = items.get_untracked().into_iter().map(|i| i.0).collect();
                    let msg = app.tf("trash.confirm_empty", &[("n", ids.len().to_string())]);
                    if window().confirm_with_message(&msg).unwrap_or(false) && purge.run(ids) {
                        app.info(app.t("trash.emptied").into());
                    }
                }>{app.text("trash.empty_all")}</button>
            </section>
</Show>
    }
    .into_any()
}

macro_rules! sections {
    ($($name:ident: $t:ty,)*) => {
        /// A section per list of the registry, in its order.
        fn sections() -> Vec<AnyView> {
            vec![$(section::<$t>(stringify!($name)),)*]
        }
    };
}
crate::with_record_lists!(sections);

pub fn trash_page() -> AnyView {
    let app = use_app();
    let total = move || app.lists.trashed();
    view! {
            <PageHead title=app.title("nav.trash")></PageHead>
            <p class="bo-hint">{app.text("trash.intro")}</p>
            <Show when=move || total() == 0 && super::attachments_part::trashed_files().get() == Some(0)>
                <p class="bo-empty">{app.text("trash.empty")}</p>
    </Show>
            {sections()}
            {super::attachments_part::attachments_overview(app, true)}
        }
    .into_any()
}
