//! Settings: company profile, currency, language, departments, who uses this browser.
use leptos::prelude::*;

use crate::domain::format::{Lang, CURRENCIES};
use crate::domain::settings::{ImportantDays, Settings};

use super::encryption::EncryptionSection;
use super::state::use_app;
use super::widgets::PageHead;

fn text_field(
    app: super::state::AppState,
    key: &'static str,
    label: Signal<String>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<(&'static str, &'static str)>>,
    multiline: bool,
) -> AnyView {
    let id = format!("s-{key}");
    let err = move || errors.with(|e| e.iter().find(|(k, _)| *k == key).map(|(_, m)| app.t(m)));
    let control = if multiline {
        view! { <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea> }.into_any()
    } else {
        view! { <input id=id.clone() type="text" aria-invalid=move || err().map(|_| "true") prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /> }.into_any()
    };
    view! {
        <div class="bo-field" class:bo-field-invalid=move || err().is_some()>
            <label for=id>{label}</label>
            {control}
            <p class="bo-error" role="alert">{err}</p>
        </div>
    }
    .into_any()
}

pub fn settings_page() -> AnyView {
    let app = use_app();
    let s = app.settings.get_untracked();
    let company_name = RwSignal::new(s.company_name.clone());
    let company_address = RwSignal::new(s.company_address.clone());
    let tax_number = RwSignal::new(s.tax_number.clone());
    let phone = RwSignal::new(s.phone.clone());
    let email = RwSignal::new(s.email.clone());
    let currency = RwSignal::new(s.currency.clone());
    let language = RwSignal::new(s.language.clone());
    let departments = RwSignal::new(s.departments.join("\n"));
    let user_name = RwSignal::new(s.user_name.clone());
    let six_day_week = RwSignal::new(s.six_day_week);
    let annual_days = RwSignal::new(s.annual_leave_days.to_string());
    let carry_over = RwSignal::new(s.leave_carry_over.to_string());
    let sick_days = RwSignal::new(s.sick_days_without_letter.to_string());
    let collective_from_annual = RwSignal::new(s.collective_from_annual);
    let maternity_months = RwSignal::new(s.maternity_months.to_string());
    // (settings field, typed days) for each important reason, in the law's order.
    let important: Vec<(&'static str, u32, RwSignal<String>)> =
        s.important_days.each().into_iter().map(|(field, days, least)| (field, least, RwSignal::new(days.to_string()))).collect();
    let important_typed = important.iter().map(|(field, _, v)| (*field, *v)).collect::<Vec<_>>();
    let bank_layout = RwSignal::new(s.bank_layout.clone());
    let bank_header = RwSignal::new(s.bank_header);
    let errors = RwSignal::new(vec![]);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let whole = |v: RwSignal<String>| v.get_untracked().trim().parse::<u32>().ok();
        let (annual_leave_days, leave_carry_over, sick_days_without_letter) = (whole(annual_days), whole(carry_over), whole(sick_days));
        let maternity = whole(maternity_months);
        let typed: Vec<(&'static str, Option<u32>)> = important_typed.iter().map(|(field, v)| (*field, whole(*v))).collect();
        let day = |field: &str| typed.iter().find(|(f, _)| *f == field).and_then(|(_, d)| *d).unwrap_or_default();
        let next = Settings {
            company_name: company_name.get_untracked().trim().into(),
            company_address: company_address.get_untracked().trim().into(),
            tax_number: tax_number.get_untracked().trim().into(),
            phone: phone.get_untracked().trim().into(),
            email: email.get_untracked().trim().into(),
            currency: currency.get_untracked(),
            language: language.get_untracked(),
            departments: departments.get_untracked().lines().map(str::trim).filter(|d| !d.is_empty()).map(String::from).collect(),
            user_name: user_name.get_untracked().trim().into(),
            six_day_week: six_day_week.get_untracked(),
            annual_leave_days: annual_leave_days.unwrap_or_default(),
            leave_carry_over: leave_carry_over.unwrap_or_default(),
            collective_from_annual: collective_from_annual.get_untracked(),
            sick_days_without_letter: sick_days_without_letter.unwrap_or_default(),
            maternity_months: maternity.unwrap_or_default(),
            important_days: ImportantDays {
                marriage: day("marriage"),
                child_marriage: day("child_marriage"),
                child_rite: day("child_rite"),
                birth: day("birth"),
                death: day("death"),
                household_death: day("household_death"),
            },
            bank_layout: bank_layout.get_untracked().trim().into(),
            bank_header: bank_header.get_untracked(),
            // Closed from the books' own page, not here.
            books_closed_to: app.settings.with_untracked(|s| s.books_closed_to.clone()),
        };
        // Every problem at once: a number that is not one, then the rules' own.
        let not_numbers: Vec<&str> = [
            ("annual_leave_days", annual_leave_days),
            ("leave_carry_over", leave_carry_over),
            ("sick_days_without_letter", sick_days_without_letter),
            ("maternity_months", maternity),
        ]
        .into_iter()
        .chain(typed.iter().copied())
        .filter(|(_, v)| v.is_none())
        .map(|(k, _)| k)
        .collect();
        let mut errs = next.validate();
        errs.retain(|(k, _)| !not_numbers.contains(k));
        errs.extend(not_numbers.into_iter().map(|k| (k, "err.integer")));
        errors.set(errs.clone());
        if !errs.is_empty() {
            return;
        }
        let lang = Lang::parse(&next.language);
        if app.save_settings(next).is_ok() {
            if let Some(l) = lang {
                app.lang.set(l);
            }
            app.info(app.t("settings.saved").into());
        }
    };

    view! {
        <PageHead title=app.title("nav.settings")></PageHead>
        <form class="bo-form" on:submit=save novalidate>
            <fieldset>
                <legend>{app.text("settings.company")}</legend>
                {text_field(app, "company_name", app.title("settings.company_name"), company_name, errors, false)}
                {text_field(app, "company_address", app.title("settings.company_address"), company_address, errors, true)}
                {text_field(app, "tax_number", app.title("settings.tax_number"), tax_number, errors, false)}
                {text_field(app, "phone", app.title("settings.phone"), phone, errors, false)}
                {text_field(app, "email", app.title("settings.email"), email, errors, false)}
            </fieldset>
            <fieldset>
                <legend>{app.text("settings.regional")}</legend>
                <div class="bo-field">
                    <label for="s-currency">{app.text("settings.currency")}</label>
                    <select id="s-currency" on:change=move |ev| currency.set(event_target_value(&ev))>
                        {CURRENCIES.iter().map(|c| view! { <option value=c.code selected=move || currency.get() == c.code>{format!("{} ({})", c.code, c.symbol)}</option> }).collect_view()}
                    </select>
                </div>
                <div class="bo-field">
                    <label for="s-language">{app.text("settings.language")}</label>
                    <select id="s-language" on:change=move |ev| language.set(event_target_value(&ev))>
                        <option value="" selected=move || language.get().is_empty()>{app.text("settings.language_auto")}</option>
                        <option value="id" selected=move || language.get() == "id">"Bahasa Indonesia"</option>
                        <option value="en" selected=move || language.get() == "en">"English"</option>
                    </select>
                </div>
            </fieldset>
            <fieldset>
                <legend>{app.text("settings.office")}</legend>
                {text_field(app, "departments", app.title("settings.departments"), departments, errors, true)}
                <small class="bo-hint">{app.text("settings.departments_hint")}</small>
                {text_field(app, "user_name", app.title("settings.user_name"), user_name, errors, false)}
                <div class="bo-field">
                    <label for="s-work-week">{app.text("settings.work_week")}</label>
                    <select id="s-work-week" on:change=move |ev| six_day_week.set(event_target_value(&ev) == "6")>
                        <option value="5" selected=move || !six_day_week.get()>{app.text("settings.work_week.5")}</option>
                        <option value="6" selected=move || six_day_week.get()>{app.text("settings.work_week.6")}</option>
                    </select>
                </div>
            </fieldset>
            <fieldset>
                <legend>{app.text("settings.leave")}</legend>
                {text_field(app, "annual_leave_days", app.title("settings.annual_leave_days"), annual_days, errors, false)}
                {text_field(app, "leave_carry_over", app.title("settings.leave_carry_over"), carry_over, errors, false)}
                <small class="bo-hint">{app.text("settings.leave_carry_over_hint")}</small>
                {text_field(app, "sick_days_without_letter", app.title("settings.sick_days_without_letter"), sick_days, errors, false)}
                {text_field(app, "maternity_months", app.title("settings.maternity_months"), maternity_months, errors, false)}
                <small class="bo-hint">{app.text("settings.maternity_months_hint")}</small>
                <div class="bo-field">
                    <label for="s-collective">{app.text("settings.collective_from_annual")}</label>
                    <input id="s-collective" type="checkbox" class="bo-check" prop:checked=move || collective_from_annual.get()
                        on:change=move |ev| collective_from_annual.set(event_target_checked(&ev)) />
                </div>
            </fieldset>
            <fieldset>
                <legend>{app.text("settings.important")}</legend>
                <small class="bo-hint">{app.text("settings.important_hint")}</small>
                {important
                    .into_iter()
                    .map(|(field, least, value)| {
                        let label = Signal::derive(move || {
                            app.tf("settings.why_label", &[("reason", app.t(&format!("leave.why.{field}")).to_string()), ("n", least.to_string())])
                        });
                        text_field(app, field, label, value, errors, false)
                    })
                    .collect_view()}
            </fieldset>
            <fieldset>
                <legend>{app.text("settings.payroll")}</legend>
                {text_field(app, "bank_layout", app.title("settings.bank_layout"), bank_layout, errors, false)}
                <small class="bo-hint">{app.text("settings.bank_layout_hint")}</small>
                <div class="bo-field">
                    <label for="s-bank-header">{app.text("settings.bank_header")}</label>
                    <input id="s-bank-header" type="checkbox" class="bo-check" prop:checked=move || bank_header.get() on:change=move |ev| bank_header.set(event_target_checked(&ev)) />
                </div>
            </fieldset>
            <div class="bo-actions">
                <button type="submit" class="bo-btn bo-btn-primary">{app.text("action.save")}</button>
            </div>
        </form>
        <EncryptionSection />
    }
    .into_any()
}
