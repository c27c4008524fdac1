//! The correspondence register: letters received with their dispositions, letters sent
//! numbered by their series, the series and their patterns, and a letter as printed on the
//! office's letterhead.
use leptos::prelude::*;

use crate::domain::dates::date_text;
use crate::domain::format::letter_date;
use crate::domain::letters::{
    agenda_taken, blocks, format_number, gaps, highest, next_agenda, number_on_save, number_taken, period_of, raised, Block, Gap,
    IncomingLetter, LetterSeries, OutgoingLetter, Span,
};
use crate::domain::record::FieldError;
use crate::route::Route;

use super::calendar::today;
use super::collection::{save_record, Derived, UiEntity};
use super::letter_templates::{filled, parse_letter_link};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_with, list_page};
use super::state::{use_app, AppState};

impl UiEntity for IncomingLetter {
    const PLURAL: &'static str = "nav.letters_in";
    const NEW: &'static str = "lin.new";
    const EMPTY: &'static str = "lin.empty";
    /// The next agenda number of its year, unless one was typed; passed on once someone
    /// is named to act.
    fn before_save(&mut self, _before: Option<&Self>, app: &AppState) {
        self.mark_passed_on();
        if let (None, Some(day)) = (self.agenda, self.received) {
            self.agenda = Some(app.lists.letters_in().with_untracked(|all| next_agenda(all, day)));
        }
    }
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        if app.lists.letters_in().with_untracked(|all| agenda_taken(all, self)) {
            vec![("agenda", "err.agenda_taken")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for OutgoingLetter {
    const PLURAL: &'static str = "nav.letters_out";
    const NEW: &'static str = "lout.new";
    const EMPTY: &'static str = "lout.empty";
    /// Numbered (or numbered again) as [`number_on_save`] says.
    fn before_save(&mut self, before: Option<&Self>, app: &AppState) {
        let series = series_of(app, &self.series_id);
        app.lists.letters_out().with_untracked(|all| number_on_save(self, before, series.as_ref(), all));
    }
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        if self.number.trim().is_empty() {
            vec![("number", "err.letter_number")]
        } else if app.lists.letters_out().with_untracked(|all| number_taken(all, &self.number, &self.meta.id)) {
            vec![("number", "err.letter_number_taken")]
        } else {
            vec![]
        }
    }
    /// The series keeps the highest number it gave, so a letter purged from the trash
    /// never frees its number.
    fn after_save(&self, _before: Option<&Self>, app: &AppState) {
        if let Some(series) = series_of(app, &self.series_id).and_then(|s| raised(&s, self)) {
            let _ = save_record(app, series);
        }
    }
    fn saved_text(&self, app: &AppState) -> String {
        app.tf("lout.saved", &[("number", self.number.clone()), ("subject", self.subject.clone())])
    }
}

impl UiEntity for LetterSeries {
    const PLURAL: &'static str = "nav.letter_series";
    const NEW: &'static str = "lser.new";
    const EMPTY: &'static str = "lser.empty";
    /// The number the next letter dated today gets.
    fn derived() -> &'static [Derived<Self>] {
        &[Derived {
            label: "lser.next",
            value: |app, s| {
                let day = today();
                let seq = app.lists.letters_out().with(|all| highest(s, all, &period_of(s.restart, day))) + 1;
                (format_number(s, seq, day), String::new())
            },
        }]
    }
    /// A last number typed in the form counts in the period it is typed in.
    fn before_save(&mut self, before: Option<&Self>, _app: &AppState) {
        if before.is_none_or(|b| b.last_seq != self.last_seq || b.restart != self.restart) {
            self.last_period = period_of(self.restart, today());
        }
    }
}

fn series_of(app: &AppState, id: &str) -> Option<LetterSeries> {
    app.lists.letter_series().with_untracked(|all| all.iter().find(|s| s.meta.id == id && s.meta.deleted_at.is_none()).cloned())
}

impl RecordPages for IncomingLetter {
    fn list() -> AnyView {
        list_page::<IncomingLetter>("letters_in", view! { {links()} {csv_tools::<IncomingLetter>("letters_in")} }.into_any())
    }
    /// Received today.
    fn create(_: Option<String>) -> AnyView {
        form_page_with::<IncomingLetter>("letters_in", None, vec![("received", date_text(today()))])
    }
}

impl RecordPages for OutgoingLetter {
    fn list() -> AnyView {
        list_page::<OutgoingLetter>(
            "letters_out",
            view! { {links()} {gaps_card()} {csv_tools::<OutgoingLetter>("letters_out")} }.into_any(),
        )
    }
    /// Dated today, in the only series when there is one, signed by whoever signed last;
    /// `tpl~<template>~<source>~<record>`: filled from a template for that record.
    fn create(at: Option<String>) -> AnyView {
        let app = use_app();
        let mut prefill = vec![("date", date_text(today()))];
        let live: Vec<String> = app
            .lists
            .letter_series()
            .with_untracked(|all| all.iter().filter(|s| s.meta.deleted_at.is_none()).map(|s| s.meta.id.clone()).collect());
        if let [only] = live.as_slice() {
            prefill.push(("series_id", only.clone()));
        }
        let signer = app.lists.letters_out().with_untracked(|all| {
            all.iter().filter(|l| l.meta.deleted_at.is_none()).max_by_key(|l| l.meta.created_at).map(|l| l.signer.clone())
        });
        if let Some(signer) = signer {
            prefill.push(("signer", signer));
        }
        if let Some((tid, source, rid)) = at.as_deref().and_then(parse_letter_link) {
            let tpl = app.lists.letter_templates().with_untracked(|all| all.iter().find(|t| t.meta.id == tid).cloned());
            if let Some((tpl, (who, subject, body))) = tpl.and_then(|t| filled(&app, &t, source, &rid).map(|f| (t, f))) {
                prefill.extend([("to", who.to), ("address", who.address), ("subject", subject.text), ("body", body.text)]);
                if !tpl.series_id.is_empty() {
                    prefill.push(("series_id", tpl.series_id));
                }
            }
        }
        form_page_with::<OutgoingLetter>("letters_out", None, prefill)
    }
    /// The letter as printed, above its fields.
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || letter_sheet(id.clone())
        });
        detail_page_with::<OutgoingLetter>("letters_out", id, Some(top))
    }
}

impl RecordPages for LetterSeries {
    fn list() -> AnyView {
        list_page::<LetterSeries>("letter_series", view! { {links()} {csv_tools::<LetterSeries>("letter_series")} }.into_any())
    }
}

/// The register's screens, side by side.
pub(super) fn links() -> AnyView {
    super::widgets::subnav(
        "nav.letters",
        vec![
            (Route::List("letters_in".into()), "nav.letters_in"),
            (Route::List("letters_out".into()), "nav.letters_out"),
            (Route::List("letter_templates".into()), "nav.letter_templates"),
            (Route::List("letter_series".into()), "nav.letter_series"),
        ],
    )
}

/// Numbers given and no longer on a letter: the register says why each is missing.
fn gaps_card() -> AnyView {
    let app = use_app();
    let all = Memo::new(move |_| {
        app.lists.letter_series().with(|series| {
            app.lists
                .letters_out()
                .with(|letters| series.iter().filter(|s| s.meta.deleted_at.is_none()).flat_map(|s| gaps(s, letters)).collect::<Vec<Gap>>())
        })
    });
    view! {
        <Show when=move || !all.with(Vec::is_empty)>
            <section class="bo-card" aria-labelledby="gaps-h">
                <h2 id="gaps-h">{move || app.tf("lout.gaps", &[("n", all.with(Vec::len).to_string())])}</h2>
                <ul class="bo-list">
                    <For each=move || all.get() key=|g| g.number.clone() let(g)>
                        <li>{g.number.clone()}" — "{app.text(if g.in_trash { "lout.gap_trash" } else { "lout.gap_gone" })}</li>
                    </For>
                </ul>
            </section>
        </Show>
    }
    .into_any()
}

/// A letter as it prints on A4: the letterhead from Settings, number and date, addressee,
/// subject, text, signer. Shown on its page too, so what prints is what was read.
fn letter_sheet(id: String) -> AnyView {
    let app = use_app();
    let letter = Memo::new(move |_| app.lists.letters_out().with(|all| all.iter().find(|l| l.meta.id == id).cloned()));
    let sheet = move || {
        let l = letter.get()?;
        let s = app.settings.get();
        let lang = app.lang.get();
        let contact = [s.phone.clone(), s.email.clone()].into_iter().filter(|x| !x.is_empty()).collect::<Vec<_>>().join(" · ");
        Some(view! {
            <p class="bo-no-print">
                <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| { let _ = window().print(); }>{app.text("lout.print")}</button>
            </p>
            // Without a company profile the letterhead and the signature would print blank.
            {s.company_name.trim().is_empty().then(|| view! {
                <p class="bo-banner bo-no-print" id="letter-no-profile">
                    {app.text("lout.no_profile")}" "<a href=Route::Settings.href()>{app.text("lout.no_profile_link")}</a>
                </p>
            })}
            <article class="bo-letter" aria-label=app.text("lout.sheet")>
                <header class="bo-letterhead">
                    <p class="bo-print-company">{s.company_name.clone()}</p>
                    <p class="bo-prewrap">{s.company_address.clone()}</p>
                    {(!contact.is_empty()).then(|| view! { <p>{contact}</p> })}
                    {(!s.tax_number.is_empty()).then(|| view! { <p>"NPWP "{s.tax_number.clone()}</p> })}
                </header>
                <p class="bo-letter-date">{l.date.map(|d| letter_date(d, lang)).unwrap_or_default()}</p>
                <table class="bo-letter-refs">
                    <tbody>
                        <tr><th scope="row">{app.t("lout.number")}</th><td>{l.number.clone()}</td></tr>
                        <tr><th scope="row">{app.t("lout.subject")}</th><td><strong>{l.subject.clone()}</strong></td></tr>
                    </tbody>
                </table>
                <p class="bo-letter-to">
                    {app.t("lout.to_head")}<br/><strong>{l.to.clone()}</strong>
                    {(!l.address.is_empty()).then(|| view! { <br/><span class="bo-prewrap">{l.address.clone()}</span> })}
                </p>
                <div class="bo-letter-body">{body_view(&l.body)}</div>
                <p class="bo-letter-sign">{app.t("lout.regards")}<br/>{s.company_name.clone()}</p>
                <p class="bo-letter-signer">{l.signer.clone()}</p>
            </article>
        })
    };
    sheet.into_any()
}

fn spans_view(spans: Vec<Span>) -> impl IntoView {
    spans.into_iter().map(|s| if s.bold { view! { <strong>{s.text}</strong> }.into_any() } else { s.text.into_any() }).collect_view()
}

/// A letter's text: paragraphs with their line breaks, lists, bold.
pub(super) fn body_view(text: &str) -> impl IntoView {
    blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Para(lines) => {
                let n = lines.len();
                let lines = lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| view! { {spans_view(line)}{(i + 1 < n).then(|| view! { <br/> })} })
                    .collect_view();
                view! { <p>{lines}</p> }.into_any()
            }
            Block::List(items) => {
                view! { <ul>{items.into_iter().map(|i| view! { <li>{spans_view(i)}</li> }).collect_view()}</ul> }.into_any()
            }
        })
        .collect_view()
}
