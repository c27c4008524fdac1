//! The notice for stored data this version cannot read. Its records are kept as they are:
//! the notice says so first, offers a backup that carries the stored text, and removing
//! the part for good is the last offer, behind a typed word.
use leptos::prelude::*;

use super::areas::export_backup;
use super::data::part_label;
use super::files::download;
use super::state::{use_app, with_db, UnreadableNotice};

#[component]
pub fn UnreadableBanner(notice: UnreadableNotice) -> impl IntoView {
    let app = use_app();
    let UnreadableNotice { name, raw, error } = notice;
    // Every sentence follows a change of language, the part's name and details included.
    let (label_name, error) = (StoredValue::new(name.clone()), StoredValue::new(error));
    let label_now = move || part_label(&app, &label_name.get_value());
    let details = move || {
        let e = error.get_value();
        if e == crate::storage::HOLDS_UNREADABLE {
            app.t("banner.holds_unreadable").to_string()
        } else {
            e
        }
    };
    let confirming = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let word = move || app.t("banner.discard_word").to_string();
    let input_id = format!("bo-discard-{}", name.replace('.', "-"));
    let file = format!("backoffice-unreadable-{name}.txt");
    let remove = {
        let name = name.clone();
        let chars = raw.chars().count();
        move |_| match with_db(|db| db.discard_unreadable(&name)) {
            Ok(()) => {
                // Records went with the part: the audit trail says so, as for any deletion.
                super::audit::forget();
                let list = name.split('.').next().unwrap_or_default();
                if let Err(e) = super::audit::log(vec![super::audit::discarded(&app, list, label_now(), chars)]) {
                    app.report_storage_error(&e);
                }
                app.load_all();
            }
            Err(e) => app.report_storage_error(&e),
        }
    };
    view! {
        <div class="bo-banner bo-banner-error" role="alert">
            <p>{move || app.tf("banner.unreadable", &[("name", label_now()), ("error", details())])}</p>
            <div class="bo-actions">
                <button type="button" class="bo-btn bo-btn-small bo-btn-primary" on:click=move |_| export_backup(app)>
                    {app.text("banner.export_with")}
                </button>
                <button type="button" class="bo-btn bo-btn-small" on:click=move |_| download(&file, "text/plain", &raw)>
                    {app.text("banner.download_raw")}
                </button>
                <Show when=move || !confirming.get()>
                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| confirming.set(true)>
                        {app.text("banner.discard")}
                    </button>
                </Show>
            </div>
            <Show when=move || confirming.get()>
                <div class="bo-banner-confirm">
                <p>{move || app.tf("banner.discard_confirm", &[("name", label_now()), ("word", word())])}</p>
                <div class="bo-actions">
                    <label for=input_id.clone()>{move || app.tf("banner.discard_type", &[("word", word())])}</label>
                    <input id=input_id.clone() type="text" autocomplete="off" prop:value=move || typed.get()
                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <button type="button" class="bo-btn bo-btn-small bo-btn-danger"
                        disabled=move || !typed.get().trim().eq_ignore_ascii_case(&word())
                        on:click=remove.clone()>
                        {app.text("banner.discard_go")}
                    </button>
                    <button type="button" class="bo-btn bo-btn-small" on:click=move |_| { confirming.set(false); typed.set(String::new()); }>
                        {app.text("action.cancel")}
                    </button>
                </div>
                </div>
            </Show>
        </div>
    }
}
