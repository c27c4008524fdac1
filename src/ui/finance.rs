//! Finance's lists and pages: the chart of accounts (set up from the shipped chart in one
//! click), an account's register with its running balance, entries made as money in, money
//! out or a transfer, each entry's postings, and reversing an entry of a closed period.
use leptos::prelude::*;

use crate::domain::finance::accounts::{code_taken, standard_chart};
use crate::domain::finance::budgets::Budget;
use crate::domain::finance::entries::{category_problem, PostingProblem};
use crate::domain::finance::ledger::Ledger;
use crate::domain::finance::recurring::Recurring;
use crate::domain::finance::{Account, Entry};
use crate::domain::record::{parse_date, FieldError, RecordRules};

use super::calendar::today;
use super::collection::{save_record, save_records, UiEntity};
use super::fields::{day, day_of, money};
use super::pages::RecordPages;
use super::records::{csv_tools, detail_page_with, form_page_with, list_page};
use super::router::{navigate, Route};
use super::state::{use_app, AppState};
use crate::domain::finance::entries::EntryKind;

/// The last day of the closed books, if the office has closed any.
pub fn closed_to(app: &AppState) -> Option<chrono::NaiveDate> {
    app.settings.with_untracked(|s| parse_date(&s.books_closed_to))
}

fn in_closed_period(app: &AppState, date: Option<chrono::NaiveDate>) -> bool {
    matches!((closed_to(app), date), (Some(c), Some(d)) if d <= c)
}

impl UiEntity for Account {
    const PLURAL: &'static str = "nav.accounts";
    const NEW: &'static str = "acc.new";
    const EMPTY: &'static str = "acc.empty";
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        if app.lists.accounts().with_untracked(|all| code_taken(all, self)) {
            vec![("code", "err.code_taken")]
        } else {
            vec![]
        }
    }
}

impl UiEntity for Entry {
    const PLURAL: &'static str = "nav.entries";
    const NEW: &'static str = "entry.new";
    const EMPTY: &'static str = "entry.empty";
    /// The accounts must be there and of the right sort; a closed period takes no new or
    /// changed entries.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let mut errs: Vec<FieldError> = vec![];
        let stored_date = app.lists.entries().with_untracked(|all| all.iter().find(|e| e.meta.id == self.meta.id).map(|e| e.date));
        if in_closed_period(app, self.date) || stored_date.is_some_and(|d| in_closed_period(app, d)) {
            errs.push(("date", "err.books_closed"));
        }
        let stored = app.lists.entries().with_untracked(|all| all.iter().find(|e| e.meta.id == self.meta.id).cloned());
        if app.lists.accounts().with_untracked(|a| self.reconciled(a) || stored.is_some_and(|s| s.reconciled(a))) {
            errs.push(("date", "err.reconciled"));
        }
        app.lists.accounts().with_untracked(|accounts| {
            errs.extend(category_problem(accounts, self));
            match self.postings(accounts) {
                Err(PostingProblem::NotMoney(key)) => errs.push((key, "err.not_money_account")),
                Err(PostingProblem::NoTaxAccount(_)) => errs.push(("tax", "err.no_tax_account")),
                _ => {}
            }
        });
        errs
    }
    /// Where a transfer went, and that an entry is split: the category column is empty for
    /// both.
    fn derived() -> &'static [super::collection::Derived<Self>] {
        &[super::collection::Derived {
            label: "entry.to_account",
            value: |app, e| {
                if e.is_split() {
                    let text = app.tf("entry.split_n", &[("n", e.lines.len().to_string())]);
                    return (text.clone(), crate::text::lower(&text));
                }
                if e.kind != crate::domain::finance::entries::EntryKind::Transfer || e.to_account_id.is_empty() {
                    return (String::new(), String::new());
                }
                let label = super::fields::ref_label::<Entry>(app, "to_account_id", &e.to_account_id);
                let key = crate::text::lower(&label);
                (format!("→ {label}"), key)
            },
        }]
    }
    fn locked(&self, app: &AppState) -> Option<&'static str> {
        if in_closed_period(app, self.date) {
            Some("entry.locked")
        } else if app.lists.accounts().with_untracked(|a| self.reconciled(a)) {
            Some("entry.reconciled")
        } else {
            None
        }
    }
}

/// Links between the finance screens, on each of them: one row of its own that scrolls
/// sideways on a phone rather than pushing the page down.
pub fn finance_links() -> AnyView {
    super::widgets::subnav(
        "nav.finance",
        vec![
            (Route::List("entries".into()), "nav.entries"),
            (Route::List("accounts".into()), "nav.accounts"),
            (Route::List("invoices".into()), "nav.invoices"),
            (Route::List("bank_lines".into()), "nav.bank_lines"),
            (Route::List("budgets".into()), "nav.budgets"),
            (Route::List("recurring".into()), "nav.recurring"),
            (Route::Books("pl".into(), String::new()), "nav.books"),
        ],
    )
}

/// Writes the shipped chart, named in the UI language.
fn set_up_chart(app: AppState) {
    if save_records(&app, standard_chart(app.lang.get_untracked())).is_ok() {
        app.info(app.t("acc.chart_ready").into());
    }
}

/// The button that sets up the shipped chart, while the office has no account at all.
pub fn chart_setup() -> AnyView {
    let app = use_app();
    let empty = move || app.lists.accounts().with(|all| !all.iter().any(Account::is_live));
    view! {
        <Show when=move || empty() && app.read_only.get().is_none()>
            <div class="bo-card">
                <p>{app.text("acc.chart_intro")}</p>
                <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| set_up_chart(app)>{app.text("acc.chart_button")}</button>
            </div>
        </Show>
    }
    .into_any()
}

impl RecordPages for Account {
    fn list() -> AnyView {
        list_page::<Account>("accounts", view! { {finance_links()} {csv_tools::<Account>("accounts")} {chart_setup()} }.into_any())
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || register(id.clone())
        });
        detail_page_with::<Account>("accounts", id, Some(top))
    }
}

/// How many of an account's latest lines its page lists.
const REGISTER_ROWS: usize = 200;

/// An account's lines with the balance after each, newest first, and its balance today.
fn register(id: String) -> AnyView {
    let app = use_app();
    let id2 = id.clone();
    let rows = Memo::new(move |_| {
        let ledger = books(&app);
        let all = ledger.register(&id2);
        let today_balance = all.iter().rev().find(|(l, _)| l.date <= today()).map_or(0, |(_, b)| *b);
        let total = all.len();
        let latest: Vec<_> = all.into_iter().rev().take(REGISTER_ROWS).collect();
        (latest, total, today_balance)
    });
    let debit_normal =
        Memo::new(move |_| app.lists.accounts().with(|all| all.iter().find(|a| a.meta.id == id).is_none_or(|a| a.kind().debit_normal())));
    // Balances read the way the account grows: credits up for income, liabilities, equity.
    let shown = move |v: i64| money(&app, if debit_normal.get() { v } else { -v });
    let entry_title = move |entry_id: &str| {
        app.lists.entries().with(|all| all.iter().find(|e| e.meta.id == entry_id).map(|e| e.title())).unwrap_or_default()
    };
    view! {
        <p class="bo-figure">{app.text("acc.balance_today")} " " <strong>{move || shown(rows.with(|r| r.2))}</strong></p>
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table">
                <caption>{app.text("acc.register")}</caption>
                <thead><tr>
                    <th scope="col">{app.text("entry.date")}</th>
                    <th scope="col">{app.text("entry.description")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.debit")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.credit")}</th>
                    <th scope="col" class="bo-num">{app.text("acc.balance")}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().0.into_iter().map(|(l, balance)| {
                        let what = if l.entry_id.is_empty() {
                            view! { <span>{app.text("acc.opening")}</span> }.into_any()
                        } else {
                            let href = Route::View("entries".into(), l.entry_id.to_string()).href();
                            view! { <a href=href>{entry_title(&l.entry_id)}</a> }.into_any()
                        };
                        view! {
                            <tr>
                                <td>{day(&app, &crate::domain::dates::date_text(l.date))}</td>
                                <td>{what}</td>
                                <td class="bo-num">{(l.amount > 0).then(|| money(&app, l.amount))}</td>
                                <td class="bo-num">{(l.amount < 0).then(|| money(&app, -l.amount))}</td>
                                <td class="bo-num">{shown(balance)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Show when=move || rows.with(|r| r.1 > REGISTER_ROWS)>
            <p class="bo-hint">{move || app.tf("acc.register_more", &[("n", REGISTER_ROWS.to_string()), ("total", rows.with(|r| r.1).to_string())])}</p>
        </Show>
    }
    .into_any()
}

/// The ledger of every live entry, as the lists are now.
pub fn books(app: &AppState) -> Ledger {
    app.lists.accounts().with(|accounts| app.lists.entries().with(|entries| Ledger::new(accounts, entries)))
}

impl RecordPages for Entry {
    fn list() -> AnyView {
        let app = use_app();
        let new = move |kind: &'static str, key: &'static str| {
            view! { <a class="bo-btn" href=Route::NewAt("entries".into(), kind.into()).href()>{app.text(key)}</a> }
        };
        list_page::<Entry>(
            "entries",
            view! {
                <Show when=move || app.read_only.get().is_none()>
                    {new("in", "entry.new_in")}
                    {new("out", "entry.new_out")}
                    {new("transfer", "entry.new_transfer")}
                </Show>
                {finance_links()}
                {csv_tools::<Entry>("entries")}
                {chart_setup()}
                {recurring_due()}
            }
            .into_any(),
        )
    }
    /// `#/entries/new/in` (or `out`, `transfer`): today, through the first cash or bank
    /// account.
    fn create(kind: Option<String>) -> AnyView {
        let app = use_app();
        let kind = kind.filter(|k| matches!(k.as_str(), "in" | "out" | "transfer")).unwrap_or_else(|| "out".into());
        let (first, second) = app.lists.accounts().with_untracked(|all| {
            let mut money: Vec<&Account> = all.iter().filter(|a| a.is_live() && a.money).collect();
            money.sort_by(|a, b| a.code.cmp(&b.code));
            (money.first().map(|a| a.meta.id.clone()), money.get(1).map(|a| a.meta.id.clone()))
        });
        let mut prefill = vec![("kind", kind.clone()), ("date", crate::domain::dates::date_text(today()))];
        prefill.extend(first.map(|id| ("account_id", id)));
        if kind == "transfer" {
            prefill.extend(second.map(|id| ("to_account_id", id)));
        }
        view! { {chart_setup()} {form_page_with::<Entry>("entries", None, prefill)} }.into_any()
    }
    /// An entry of a closed period shows its page instead: it is reversed, not changed.
    fn edit(id: String) -> AnyView {
        let app = use_app();
        let locked = app.lists.entries().with_untracked(|all| all.iter().find(|e| e.meta.id == id).and_then(|e| e.locked(&app)));
        if locked.is_some() {
            Self::view(id)
        } else {
            form_page_with::<Entry>("entries", Some(id), vec![])
        }
    }
    fn view(id: String) -> AnyView {
        let top = ViewFn::from({
            let id = id.clone();
            move || postings(id.clone())
        });
        detail_page_with::<Entry>("entries", id, Some(top))
    }
}

/// The entry's postings as debits and credits, where it came from, and Reverse.
fn postings(id: String) -> AnyView {
    let app = use_app();
    let entry = {
        let id = id.clone();
        Memo::new(move |_| app.lists.entries().with(|all| all.iter().find(|e| e.meta.id == id).cloned()))
    };
    let lines = Memo::new(move |_| {
        let Some(e) = entry.get() else { return Err(None) };
        app.lists.accounts().with(|accounts| {
            e.postings(accounts)
                .map(|ps| {
                    ps.into_iter()
                        .map(|p| {
                            let name = accounts.iter().find(|a| a.meta.id == p.account_id).map(Account::label).unwrap_or_default();
                            (p.account_id, name, p.amount)
                        })
                        .collect::<Vec<_>>()
                })
                .map_err(Some)
        })
    });
    let reversed_by = {
        let id = id.clone();
        Memo::new(move |_| app.lists.entries().with(|all| all.iter().find(|e| e.is_live() && e.reverses == id).map(|e| e.meta.id.clone())))
    };
    let reverse = move |_| {
        let Some(e) = entry.get_untracked() else { return };
        let date = today().max(closed_to(&app).and_then(|c| c.succ_opt()).unwrap_or(today()));
        let text = app.tf("entry.reversal_of", &[("title", e.title())]);
        let made = app.lists.accounts().with_untracked(|accounts| e.reversal(accounts, date, text));
        match made {
            Ok(r) => {
                let rid = r.meta.id.clone();
                if save_record(&app, r).is_ok() {
                    app.info(app.t("entry.reversed").into());
                    navigate(&Route::View("entries".into(), rid));
                }
            }
            Err(_) => app.error(app.t("entry.cannot_post").into()),
        }
    };
    let source = move || {
        entry.with(|e| {
            let e = e.as_ref()?;
            let link = |route: Route, key: &'static str| view! { <p><a href=route.href()>{app.text(key)}</a></p> }.into_any();
            if let Some(run) = e.source.strip_prefix("payroll_runs/") {
                Some(link(Route::View("payroll_runs".into(), run.into()), "entry.from_payroll"))
            } else if !e.reverses.is_empty() {
                Some(link(Route::View("entries".into(), e.reverses.clone()), "entry.reverses_link"))
            } else {
                None
            }
        })
    };
    view! {
        <Show when=move || lines.with(|l| matches!(l, Err(Some(_))))>
            <p class="bo-banner bo-banner-error" role="alert">{app.text("entry.cannot_post")}</p>
        </Show>
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-postings">
                <caption>{app.text("entry.postings")}</caption>
                <thead><tr>
                    <th scope="col">{app.text("entry.category")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.debit")}</th>
                    <th scope="col" class="bo-num">{app.text("journal.credit")}</th>
                </tr></thead>
                <tbody>
                    {move || lines.get().unwrap_or_default().into_iter().map(|(account_id, name, amount)| view! {
                        <tr>
                            <td><a href=Route::View("accounts".into(), account_id).href()>{name}</a></td>
                            <td class="bo-num">{(amount > 0).then(|| money(&app, amount))}</td>
                            <td class="bo-num">{(amount < 0).then(|| money(&app, -amount))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {source}
        {move || reversed_by.get().map(|rid| view! {
            <p class="bo-banner bo-banner-warn" role="status"><a href=Route::View("entries".into(), rid).href()>{app.text("entry.reversed_by")}</a></p>
        })}
        <Show when=move || reversed_by.with(Option::is_none) && entry.with(|e| e.as_ref().is_some_and(Entry::is_live)) && app.read_only.get().is_none()>
            <p><button type="button" class="bo-btn" on:click=reverse>{app.text("entry.reverse")}</button></p>
        </Show>
        <Show when=move || entry.with(|e| e.as_ref().is_some_and(|e| e.is_live() && matches!(e.kind, EntryKind::In | EntryKind::Out) && e.locked(&app).is_none())) && app.read_only.get().is_none()>
            {split_editor(entry)}
        </Show>
    }
    .into_any()
}

/// Spreading money in or out over several categories: each part's account and amount; the
/// parts must add up to the amount less PPN before the entry is saved.
fn split_editor(entry: Memo<Option<Entry>>) -> AnyView {
    let app = use_app();
    let account = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let decimals = app.settings.with_untracked(|s| crate::domain::format::currency(&s.currency).decimals);
    // Parts are gathered here and saved together once they add up.
    let parts: RwSignal<Vec<crate::domain::finance::Posting>> =
        RwSignal::new(entry.with_untracked(|e| e.as_ref().map(|e| e.lines.clone()).unwrap_or_default()));
    let target = move || entry.with(|e| e.as_ref().map_or(0, |e| e.amount.unwrap_or(0) - e.tax.unwrap_or(0)));
    let add = move |_| {
        let Some(v) = crate::domain::format::parse_amount(&amount.get_untracked(), decimals).filter(|v| *v > 0) else {
            app.error(app.t("err.amount_positive").into());
            return;
        };
        if account.get_untracked().is_empty() {
            app.error(app.t("bank.choose_category").into());
            return;
        }
        // A second part on the same account adds to the first.
        let id = account.get_untracked();
        parts.update(|p| match p.iter_mut().find(|x| x.account_id == id) {
            Some(x) => x.amount += v,
            None => p.push(crate::domain::finance::Posting { account_id: id, amount: v, memo: String::new() }),
        });
        amount.set(String::new());
    };
    let save = move |_| {
        let Some(mut e) = entry.get_untracked() else { return };
        e.lines = parts.get_untracked();
        // Split, its categories are its lines: the single one would read as a fourth. Not
        // split any more, it needs its one category again (the form asks for it).
        if !e.lines.is_empty() {
            e.category_id.clear();
        } else if e.category_id.is_empty() {
            app.error(app.t("entry.split_needs_category").into());
            return;
        }
        if !e.lines.is_empty() && e.lines.iter().map(|l| l.amount).sum::<i64>() != target() {
            app.error(app.t("err.split_total").into());
            return;
        }
        if save_record(&app, e).is_ok() {
            app.info(app.t("entry.split_saved").into());
        }
    };
    let options = move || super::fields::options_of::<crate::domain::finance::Account>(&app, "");
    view! {
        <details class="bo-card">
            <summary>{app.text("entry.split")}</summary>
            <p class="bo-hint">{move || app.tf("entry.split_intro", &[("amount", money(&app, target()))])}</p>
            <ul>
                {move || parts.get().into_iter().enumerate().map(|(i, p)| {
                    let name = super::fields::label_of::<crate::domain::finance::Account>(&app, &p.account_id);
                    view! { <li>{format!("{name}: {}", money(&app, p.amount))} " "
                        <button type="button" class="bo-btn bo-btn-small" aria-label=app.t("po.remove_line") on:click=move |_| parts.update(|v| { v.remove(i); })>"×"</button>
                    </li> }
                }).collect_view()}
            </ul>
            <p>{move || app.tf("entry.split_left", &[("amount", money(&app, target() - parts.with(|p| p.iter().map(|l| l.amount).sum::<i64>())))])}</p>
            <div class="bo-toolbar">
                <label for="split-account">{app.text("entry.category")}</label>
                <select id="split-account" on:change=move |ev| account.set(event_target_value(&ev))>
                    <option value="">{app.text("form.choose")}</option>
                    {move || options().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </select>
                <label for="split-amount">{app.text("bank.amount")}</label>
                <input id="split-amount" type="text" inputmode="decimal" class="bo-num-input" prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                <button type="button" class="bo-btn" on:click=add>{app.text("po.add_line")}</button>
                <button type="button" class="bo-btn bo-btn-primary" on:click=save>{app.text("entry.split_save")}</button>
            </div>
        </details>
    }
    .into_any()
}

impl UiEntity for Budget {
    const PLURAL: &'static str = "nav.budgets";
    const NEW: &'static str = "budget.new";
    const EMPTY: &'static str = "budget.empty";
    /// One budget per account and year.
    fn check(&self, app: &AppState) -> Vec<FieldError> {
        let twin = app.lists.budgets().with_untracked(|all| {
            all.iter()
                .any(|b| b.meta.deleted_at.is_none() && b.meta.id != self.meta.id && b.account_id == self.account_id && b.year == self.year)
        });
        if twin {
            vec![("account_id", "err.budget_exists")]
        } else {
            vec![]
        }
    }
}

impl RecordPages for Budget {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<Budget>(
            "budgets",
            view! {
                <a class="bo-btn" href=Route::Books("budget".into(), chrono::Datelike::year(&today()).to_string()).href()>{app.text("books.budget")}</a>
                {finance_links()}
                {csv_tools::<Budget>("budgets")}
            }
            .into_any(),
        )
    }
    fn create(_: Option<String>) -> AnyView {
        form_page_with::<Budget>("budgets", None, vec![("year", chrono::Datelike::year(&today()).to_string())])
    }
}

impl UiEntity for Recurring {
    const PLURAL: &'static str = "nav.recurring";
    const NEW: &'static str = "rec.new";
    const EMPTY: &'static str = "rec.empty";
}

impl RecordPages for Recurring {
    fn list() -> AnyView {
        list_page::<Recurring>("recurring", view! { {recurring_due()} {finance_links()} {csv_tools::<Recurring>("recurring")} }.into_any())
    }
    fn create(_: Option<String>) -> AnyView {
        let t = today();
        let day = chrono::Datelike::day(&t).to_string();
        form_page_with::<Recurring>("recurring", None, vec![("start", crate::domain::dates::date_text(t)), ("day", day)])
    }
}

/// Scheduled entries due up to today and not yet recorded, with one button to record them.
fn recurring_due() -> AnyView {
    let app = use_app();
    let due = Memo::new(move |_| {
        app.lists.recurring().with(|rs| {
            app.lists
                .entries()
                .with(|es| rs.iter().flat_map(|r| r.due(es, today()).into_iter().map(|d| r.entry_on(d))).collect::<Vec<Entry>>())
        })
    });
    let record = move |_| {
        let entries = due.get_untracked();
        // Entries in a closed or reconciled period are left for the clerk to date.
        let (ok, held): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| e.validate().is_empty() && e.check(&app).is_empty());
        let n = ok.len();
        if n > 0 && save_records(&app, ok).is_ok() {
            app.info(app.tf("rec.recorded", &[("n", n.to_string())]));
        }
        if !held.is_empty() {
            app.error(app.tf("rec.held", &[("n", held.len().to_string())]));
        }
    };
    view! {
        <Show when=move || due.with(|d| !d.is_empty()) && app.read_only.get().is_none()>
            <div class="bo-banner bo-banner-warn" role="status">
                <p>{move || app.tf("rec.due", &[("n", due.with(Vec::len).to_string())])}</p>
                <ul>
                    {move || due.get().into_iter().take(10).map(|e| view! { <li>{format!("{} · {} · {}", day_of(&app, e.date), e.description, money(&app, e.amount.unwrap_or(0)))}</li> }).collect_view()}
                </ul>
                <button type="button" class="bo-btn bo-btn-primary" on:click=record>{app.text("rec.record")}</button>
            </div>
        </Show>
    }
    .into_any()
}
