//! Bank statements: a file imported into a bank account with a preview (the bank
//! recognised, or its columns mapped once and remembered on the account; pending rows and
//! lines already imported left out), then reconciled: each line matched to an entry in one
//! click or made into one, the statement's balance checked against the books', and the
//! account marked reconciled up to a date.
use leptos::prelude::*;

use crate::domain::finance::reconcile::{entry_for, statement_balance, suggestions, BankLine};
use crate::domain::finance::statement::{self, Amount, DateOrder, Format, Mapping, Parsed, Sheet};
use crate::domain::finance::{Account, Entry};
use crate::domain::record::RecordRules;

use super::calendar::today;
use super::collection::{save_record, save_records, UiEntity};
use super::fields::{day, day_of, money};
use super::files::read_chosen;
use super::finance::{books, finance_links};
use super::pages::RecordPages;
use super::records::{detail_page_with, list_page};
use super::router::{navigate, Route};
use super::state::{now, use_app, AppState};
use super::widgets::PageHead;

impl UiEntity for BankLine {
    const PLURAL: &'static str = "nav.bank_lines";
    const NEW: &'static str = "bank.new";
    const EMPTY: &'static str = "bank.empty";
}

impl RecordPages for BankLine {
    fn list() -> AnyView {
        let app = use_app();
        list_page::<BankLine>(
            "bank_lines",
            view! {
                <Show when=move || app.read_only.get().is_none()>
                    <a class="bo-btn bo-btn-primary" href=Route::Import("bank_lines".into()).href()>{app.text("bank.import")}</a>
                </Show>
                {reconcile_links()}
                {finance_links()}
            }
            .into_any(),
        )
    }
    fn import() -> AnyView {
        import_page()
    }
    fn view(id: String) -> AnyView {
        let app = use_app();
        let top = ViewFn::from({
            let id = id.clone();
            move || {
                let line = app.lists.bank_lines().with(|all| all.iter().find(|l| l.meta.id == id).cloned());
                line.map(|l| {
                    let reconcile = Route::Reconcile(l.account_id.clone()).href();
                    view! {
                        <p>
                            {(!l.entry_id.is_empty()).then(|| view! { <a class="bo-btn" href=Route::View("entries".into(), l.entry_id.clone()).href()>{app.text("bank.open_entry")}</a> })}
                            " " <a class="bo-btn" href=reconcile>{app.text("bank.reconcile")}</a>
                        </p>
                    }
                })
            }
        });
        detail_page_with::<BankLine>("bank_lines", id, Some(top))
    }
}

fn money_accounts(app: &AppState) -> Vec<Account> {
    app.lists.accounts().with(|all| {
        let mut v: Vec<Account> = all.iter().filter(|a| a.is_live() && a.money).cloned().collect();
        v.sort_by(|a, b| a.code.cmp(&b.code));
        v
    })
}

/// A Reconcile button per bank account.
fn reconcile_links() -> AnyView {
    let app = use_app();
    view! {
        {move || money_accounts(&app).into_iter().map(|a| {
            let label = app.tf("bank.reconcile_account", &[("account", a.name.clone())]);
            view! { <a class="bo-btn" href=Route::Reconcile(a.meta.id.clone()).href()>{label}</a> }
        }).collect_view()}
    }
    .into_any()
}

/// What the preview shows: the lines to add, how many were left out and why.
#[derive(Clone, Default, PartialEq)]
struct Preview {
    format: Option<Format>,
    parsed: Parsed,
    /// Lines of the file already imported into this account.
    repeated: usize,
}

const SHOWN: usize = 50;

/// `#/bank_lines/import`.
pub fn import_page() -> AnyView {
    let app = use_app();
    let accounts = money_accounts(&app);
    let account = RwSignal::new(accounts.first().map(|a| a.meta.id.clone()).unwrap_or_default());
    let sheet: RwSignal<Option<Sheet>> = RwSignal::new(None);
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let year = RwSignal::new(chrono::Datelike::year(&today()).to_string());
    // The columns as the person maps them, for a bank the app does not know.
    let mapping: RwSignal<Option<Mapping>> = RwSignal::new(None);
    let detected = Memo::new(move |_| sheet.with(|s| s.as_ref().and_then(|s| statement::detect(&s.rows))));
    // A file from a known bank reads by its layout; another by the account's remembered
    // mapping, until the person changes it.
    Effect::new(move |_| {
        if sheet.with(Option::is_none) || detected.with(Option::is_some) {
            return;
        }
        let remembered = app.lists.accounts().with_untracked(|all| {
            all.iter().find(|a| a.meta.id == account.get_untracked()).and_then(|a| Mapping::from_text(&a.statement_map))
        });
        let fallback = Mapping {
            header: 0,
            date: 0,
            order: DateOrder::Dmy,
            description: vec![1],
            amount: Amount::Signed(2),
            balance: None,
            reference: None,
            decimal: if app.lang.get_untracked() == crate::domain::format::Lang::Id { ',' } else { '.' },
        };
        mapping.set(Some(remembered.unwrap_or(fallback)));
    });
    // The mapping form is drawn once a mapping exists, not again on each change of it (a
    // choice in it keeps focus).
    let has_mapping = Memo::new(move |_| mapping.with(Option::is_some));
    let preview = Memo::new(move |_| {
        let decimals = app.settings.with(|s| crate::domain::format::currency(&s.currency).decimals);
        let year: i32 = year.get().trim().parse().unwrap_or_else(|_| chrono::Datelike::year(&today()));
        sheet.with(|s| {
            let s = s.as_ref()?;
            let (format, m) = match detected.get() {
                Some((f, m)) => (f, m),
                None => (Format::Mapped, mapping.get()?),
            };
            let mut parsed = statement::parse(s, &m, year, decimals);
            let acc = account.get();
            let known: std::collections::HashSet<String> = app
                .lists
                .bank_lines()
                .with(|all| all.iter().filter(|l| l.is_live() && l.account_id == acc).map(|l| l.key.clone()).collect());
            let before = parsed.lines.len();
            parsed.lines.retain(|l| !known.contains(&l.key));
            Some(Preview { format: Some(format), repeated: before - parsed.lines.len(), parsed })
        })
    });
    let on_file = move |ev: web_sys::Event| {
        leptos::task::spawn_local(async move {
            let Some((_, bytes)) = read_chosen(ev).await else { return };
            if super::xlsx::is_xlsx(&bytes) {
                match super::xlsx::statement(app, bytes).await {
                    Ok(rows) => {
                        problem.set(None);
                        mapping.set(None);
                        sheet.set(Some(rows));
                    }
                    Err(p) => problem.set(Some(p)),
                }
                return;
            }
            match String::from_utf8(bytes) {
                Ok(text) => {
                    problem.set(None);
                    mapping.set(None);
                    sheet.set(Some(statement::rows(&text)));
                }
                Err(_) => problem.set(Some(app.t("bank.err.not_text").into())),
            }
        });
    };
    let confirm = move |_| {
        let Some(p) = preview.get_untracked() else { return };
        let acc = account.get_untracked();
        if acc.is_empty() || p.parsed.lines.is_empty() {
            return;
        }
        let stamp = now();
        let lines: Vec<BankLine> = p
            .parsed
            .lines
            .iter()
            .map(|l| BankLine {
                meta: crate::domain::record::Meta::new(stamp),
                account_id: acc.clone(),
                date: Some(l.date),
                description: l.description.clone(),
                amount: Some(l.amount),
                balance: l.balance,
                reference: l.reference.clone(),
                entry_id: String::new(),
                key: l.key.clone(),
            })
            .collect();
        let n = lines.len();
        if save_records(&app, lines).is_err() {
            return;
        }
        // Remember how this account's files read, for next month's.
        if p.format == Some(Format::Mapped) {
            if let Some(m) = mapping.get_untracked() {
                let found = app.lists.accounts().with_untracked(|all| all.iter().find(|a| a.meta.id == acc).cloned());
                if let Some(mut a) = found.filter(|a| a.statement_map != m.to_text()) {
                    a.statement_map = m.to_text();
                    let _ = save_record(&app, a);
                }
            }
        }
        app.info(app.tf("bank.imported", &[("n", n.to_string())]));
        navigate(&Route::Reconcile(acc));
    };
    view! {
        <PageHead title=Signal::derive(move || app.t("bank.import_title").to_string())>
            <a class="bo-btn" href=Route::List("bank_lines".into()).href()>{app.text("action.back")}</a>
        </PageHead>
        <p>{app.text("bank.import_intro")}</p>
        <div class="bo-field">
            <label for="bank-account">{app.text("bank.account")}</label>
            <select id="bank-account" on:change=move |ev| account.set(event_target_value(&ev))>
                {accounts.into_iter().map(|a| {
                    let id = a.meta.id.clone();
                    view! { <option value=id.clone() selected=move || account.get() == id>{a.label()}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class="bo-field">
            <label for="import-file">{app.text("bank.choose_file")}</label>
            <input id="import-file" type="file" accept=super::xlsx::ACCEPT on:change=on_file />
        </div>
        <div class="bo-field">
            <label for="bank-year">{app.text("bank.year")}</label>
            <input id="bank-year" type="number" min="1900" max="2200" prop:value=move || year.get() on:input=move |ev| year.set(event_target_value(&ev)) />
        </div>
        {move || problem.get().map(|p| view! { <p class="bo-banner bo-banner-error" role="alert">{p}</p> })}
        {move || (detected.with(Option::is_none) && sheet.with(Option::is_some) && has_mapping.get()).then(|| mapping_form(app, sheet, mapping))}
        {move || preview.get().map(|p| preview_view(app, p, confirm))}
    }
    .into_any()
}

fn preview_view(app: AppState, p: Preview, confirm: impl Fn(leptos::ev::MouseEvent) + Clone + 'static) -> AnyView {
    let n = p.parsed.lines.len();
    let more = n.saturating_sub(SHOWN);
    let format = p.format.map(|f| app.t(f.label_key())).unwrap_or_default();
    view! {
        <section class="bo-card" aria-labelledby="bank-preview-h">
            <h2 id="bank-preview-h">{app.tf("bank.preview", &[("format", format.to_string())])}</h2>
            <p role="status">{app.tf("bank.ready", &[("n", n.to_string())])}
                {(p.repeated > 0).then(|| format!(" {}", app.tf("bank.repeated", &[("n", p.repeated.to_string())])))}
                {(p.parsed.pending > 0).then(|| format!(" {}", app.tf("bank.pending", &[("n", p.parsed.pending.to_string())])))}
            </p>
            {(!p.parsed.problems.is_empty()).then(|| view! {
                <ul class="bo-banner bo-banner-error">
                    {p.parsed.problems.iter().map(|(line, key)| view! { <li>{app.tf("bank.problem_line", &[("line", line.to_string()), ("what", app.t(key).to_string())])}</li> }).collect_view()}
                </ul>
            })}
            <div class="bo-table-wrap" tabindex="0">
                <table class="bo-table">
                    <thead><tr>
                        <th scope="col">{app.text("bank.date")}</th>
                        <th scope="col">{app.text("bank.description")}</th>
                        <th scope="col" class="bo-num">{app.text("bank.amount")}</th>
                        <th scope="col" class="bo-num">{app.text("bank.balance")}</th>
                    </tr></thead>
                    <tbody>
                        {p.parsed.lines.iter().take(SHOWN).map(|l| view! {
                            <tr>
                                <td>{day(&app, &crate::domain::dates::date_text(l.date))}</td>
                                <td>{l.description.clone()}</td>
                                <td class="bo-num">{money(&app, l.amount)}</td>
                                <td class="bo-num">{l.balance.map(|b| money(&app, b))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p class="bo-hint">{app.tf("bank.more", &[("n", more.to_string())])}</p> })}
            <div class="bo-actions">
                <button type="button" class="bo-btn bo-btn-primary" disabled=n == 0 on:click=confirm>{app.tf("bank.confirm", &[("n", n.to_string())])}</button>
            </div>
        </section>
    }
    .into_any()
}

/// Which column holds what, for a bank the app does not know; the preview follows each change.
fn mapping_form(app: AppState, sheet: RwSignal<Option<Sheet>>, mapping: RwSignal<Option<Mapping>>) -> AnyView {
    let Some(m) = mapping.get_untracked() else { return ().into_any() };
    let header = m.header;
    let names: Vec<String> = sheet.with_untracked(|s| s.as_ref().and_then(|s| s.rows.get(header).cloned()).unwrap_or_default());
    let options = move |current: Option<usize>, none: bool| {
        let mut v: Vec<AnyView> = vec![];
        if none {
            v.push(view! { <option value="" selected=current.is_none()>{app.t("bank.map.none")}</option> }.into_any());
        }
        for (i, n) in names.iter().enumerate() {
            let label = format!("{}: {}", i + 1, n);
            v.push(view! { <option value=i.to_string() selected=current == Some(i)>{label}</option> }.into_any());
        }
        v
    };
    let update = move |f: &dyn Fn(&mut Mapping, Option<usize>), ev: &web_sys::Event| {
        let v = event_target_value(ev).parse::<usize>().ok();
        mapping.update(|m| {
            if let Some(m) = m {
                f(m, v)
            }
        });
    };
    let (debit, credit) = match m.amount {
        Amount::DebitCredit(d, c) => (Some(d), Some(c)),
        _ => (None, None),
    };
    let amount = match m.amount {
        Amount::Signed(a) | Amount::Marker(a, _) | Amount::Suffixed(a) => Some(a),
        Amount::DebitCredit(..) => None,
    };
    view! {
        <section class="bo-card" aria-labelledby="bank-map-h">
            <h2 id="bank-map-h">{app.text("bank.map.title")}</h2>
            <p class="bo-hint">{app.text("bank.map.intro")}</p>
            <div class="bo-field">
                <label for="map-header">{app.text("bank.map.header")}</label>
                <input id="map-header" type="number" min="1" value=(header + 1).to_string() on:change=move |ev| {
                    let row = event_target_value(&ev).parse::<usize>().ok().filter(|r| *r >= 1).map_or(0, |r| r - 1);
                    mapping.update(|m| if let Some(m) = m { m.header = row });
                } />
            </div>
            <div class="bo-field">
                <label for="map-date">{app.text("bank.map.date")}</label>
                <select id="map-date" on:change=move |ev| update(&|m, v| m.date = v.unwrap_or(0), &ev)>{options(Some(m.date), false)}</select>
                <label for="map-order">{app.text("bank.map.order")}</label>
                <select id="map-order" on:change=move |ev| {
                    let o = match event_target_value(&ev).as_str() { "mdy" => DateOrder::Mdy, "ymd" => DateOrder::Ymd, _ => DateOrder::Dmy };
                    mapping.update(|m| if let Some(m) = m { m.order = o });
                }>
                    <option value="dmy" selected=m.order == DateOrder::Dmy>{app.text("bank.map.dmy")}</option>
                    <option value="mdy" selected=m.order == DateOrder::Mdy>{app.text("bank.map.mdy")}</option>
                    <option value="ymd" selected=m.order == DateOrder::Ymd>{app.text("bank.map.ymd")}</option>
                </select>
            </div>
            <div class="bo-field">
                <label for="map-desc">{app.text("bank.map.description")}</label>
                <select id="map-desc" on:change=move |ev| update(&|m, v| m.description = v.into_iter().collect(), &ev)>{options(m.description.first().copied(), true)}</select>
            </div>
            <div class="bo-field">
                <label for="map-amount">{app.text("bank.map.amount")}</label>
                <select id="map-amount" on:change=move |ev| update(&|m, v| {
                    if let Some(a) = v { m.amount = Amount::Signed(a) }
                }, &ev)>{options(amount, true)}</select>
            </div>
            <div class="bo-field">
                <label for="map-debit">{app.text("bank.map.debit")}</label>
                <select id="map-debit" on:change=move |ev| update(&|m, v| {
                    let c = match m.amount { Amount::DebitCredit(_, c) => c, _ => v.unwrap_or(0) };
                    if let Some(d) = v { m.amount = Amount::DebitCredit(d, c) }
                }, &ev)>{options(debit, true)}</select>
                <label for="map-credit">{app.text("bank.map.credit")}</label>
                <select id="map-credit" on:change=move |ev| update(&|m, v| {
                    let d = match m.amount { Amount::DebitCredit(d, _) => d, _ => v.unwrap_or(0) };
                    if let Some(c) = v { m.amount = Amount::DebitCredit(d, c) }
                }, &ev)>{options(credit, true)}</select>
            </div>
            <div class="bo-field">
                <label for="map-balance">{app.text("bank.map.balance")}</label>
                <select id="map-balance" on:change=move |ev| update(&|m, v| m.balance = v, &ev)>{options(m.balance, true)}</select>
            </div>
            <div class="bo-field">
                <label for="map-decimal">{app.text("bank.map.decimal")}</label>
                <select id="map-decimal" on:change=move |ev| {
                    let c = if event_target_value(&ev) == "," { ',' } else { '.' };
                    mapping.update(|m| if let Some(m) = m { m.decimal = c });
                }>
                    <option value="," selected=m.decimal == ','>{app.text("bank.map.comma")}</option>
                    <option value="." selected=m.decimal == '.'>{app.text("bank.map.point")}</option>
                </select>
            </div>
        </section>
    }
    .into_any()
}

/// `#/reconcile/<account id>`: the account's unmatched statement lines with what they may
/// be, the balance check, and reconciling up to a date.
pub fn reconcile_page(account_id: String) -> AnyView {
    let app = use_app();
    let acc_id = StoredValue::new(account_id.clone());
    let account = Memo::new(move |_| app.lists.accounts().with(|all| all.iter().find(|a| a.meta.id == acc_id.get_value()).cloned()));
    let category = RwSignal::new(String::new());
    let unmatched = Memo::new(move |_| {
        app.lists.bank_lines().with(|lines| {
            let mut v: Vec<BankLine> =
                lines.iter().filter(|l| l.is_live() && l.account_id == acc_id.get_value() && !l.is_matched()).cloned().collect();
            v.sort_by_key(|l| l.date);
            v
        })
    });
    // What each unmatched line may be: (line, the entries offered).
    let offers = Memo::new(move |_| {
        let lines = app.lists.bank_lines().get();
        app.lists.accounts().with(|accounts| {
            app.lists.entries().with(|entries| {
                unmatched
                    .get()
                    .into_iter()
                    .map(|l| {
                        let found: Vec<(String, String, Option<chrono::NaiveDate>)> = suggestions(&l, &lines, entries, accounts)
                            .into_iter()
                            .take(3)
                            .map(|e| (e.meta.id.clone(), e.title(), e.date))
                            .collect();
                        (l, found)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let check = Memo::new(move |_| {
        let ledger = books(&app);
        app.lists.bank_lines().with(|lines| {
            statement_balance(lines, &acc_id.get_value(), today()).map(|(d, b)| (d, b, ledger.balance_at(&acc_id.get_value(), d)))
        })
    });
    let accept = move |line: BankLine, entry_id: String| {
        let mut l = line;
        l.entry_id = entry_id;
        if save_record(&app, l).is_ok() {
            app.info(app.t("bank.matched").into());
        }
    };
    let create = move |line: BankLine| {
        let cat = category.get_untracked();
        if cat.is_empty() {
            app.error(app.t("bank.choose_category").into());
            return;
        }
        let e: Entry = entry_for(&line, &cat);
        let errs: Vec<_> = e.validate().into_iter().chain(e.check(&app)).collect();
        if let Some((_, key)) = errs.first() {
            app.error(app.t(key).into());
            return;
        }
        let eid = e.meta.id.clone();
        if save_record(&app, e).is_ok() {
            let mut l = line;
            l.entry_id = eid;
            if save_record(&app, l).is_ok() {
                app.info(app.t("bank.created").into());
            }
        }
    };
    let reconciled_to = RwSignal::new(crate::domain::dates::date_text(today()));
    let mark = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut a) = account.get_untracked() else { return };
        let Some(d) = crate::domain::record::parse_date(&reconciled_to.get_untracked()) else {
            app.error(app.t("err.date").into());
            return;
        };
        let open = unmatched.with_untracked(|v| v.iter().filter(|l| l.date.is_some_and(|x| x <= d)).count());
        if open > 0 {
            app.error(app.tf("bank.still_open", &[("n", open.to_string())]));
            return;
        }
        a.reconciled_to = Some(d);
        if save_record(&app, a).is_ok() {
            app.info(app.tf("bank.reconciled", &[("date", day_of(&app, Some(d)))]));
        }
    };
    let categories = move || {
        app.lists.accounts().with(|all| {
            let mut v: Vec<&Account> = all.iter().filter(|a| a.is_live() && !a.money).collect();
            v.sort_by(|a, b| a.code.cmp(&b.code));
            v.into_iter().map(|a| (a.meta.id.clone(), a.label())).collect::<Vec<_>>()
        })
    };
    view! {
        <PageHead title=Signal::derive(move || app.tf("bank.reconcile_title", &[("account", account.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default()))]))>
            <a class="bo-btn" href=Route::Import("bank_lines".into()).href()>{app.text("bank.import")}</a>
            <a class="bo-btn" href=Route::View("accounts".into(), account_id.clone()).href()>{app.text("bank.open_account")}</a>
            <a class="bo-btn" href=Route::List("bank_lines".into()).href()>{app.text("nav.bank_lines")}</a>
        </PageHead>
        {move || check.get().map(|(d, statement, book)| {
            let agree = statement == book;
            let text = app.tf(if agree { "bank.balance_agrees" } else { "bank.balance_differs" }, &[
                ("date", day_of(&app, Some(d))),
                ("statement", money(&app, statement)),
                ("books", money(&app, book)),
                ("diff", money(&app, statement - book)),
            ]);
            view! { <p class="bo-banner" class:bo-banner-warn=!agree role="status">{text}</p> }
        })}
        {move || account.with(|a| a.as_ref().filter(|a| a.reconciled_to.is_some()).map(|a| {
            view! { <p class="bo-hint">{app.tf("bank.reconciled_to", &[("date", day_of(&app, a.reconciled_to))])}</p> }
        }))}
        <div class="bo-field">
            <label for="bank-category">{app.text("bank.category")}</label>
            <select id="bank-category" on:change=move |ev| category.set(event_target_value(&ev))>
                <option value="">{app.text("form.choose")}</option>
                {move || categories().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
            </select>
        </div>
        <div class="bo-table-wrap" tabindex="0">
            <table class="bo-table bo-reconcile">
                <caption>{move || app.tf("bank.unmatched", &[("n", unmatched.with(Vec::len).to_string())])}</caption>
                <thead><tr>
                    <th scope="col">{app.text("bank.date")}</th>
                    <th scope="col">{app.text("bank.description")}</th>
                    <th scope="col" class="bo-num">{app.text("bank.amount")}</th>
                    <th scope="col">{app.text("bank.what")}</th>
                </tr></thead>
                <tbody>
                    <For each=move || offers.get() key=|(l, found)| (l.meta.id.clone(), found.clone()) let((line, found))>
                        <tr>
                            <td>{day_of(&app, line.date)}</td>
                            <td>{line.description.clone()}</td>
                            <td class="bo-num">{money(&app, line.amount.unwrap_or(0))}</td>
                            <td>
                                {found.into_iter().map(|(eid, title, date)| {
                                    let l = line.clone();
                                    let label = app.tf("bank.match_with", &[("title", title), ("date", day_of(&app, date))]);
                                    view! { <button type="button" class="bo-btn bo-btn-primary" on:click=move |_| accept(l.clone(), eid.clone())>{label}</button> }
                                }).collect_view()}
                                {
                                    let l = line.clone();
                                    view! { <button type="button" class="bo-btn" on:click=move |_| create(l.clone())>{app.text("bank.create")}</button> }
                                }
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <Show when=move || unmatched.with(Vec::is_empty)>
            <p class="bo-empty">{app.text("bank.all_matched")}</p>
        </Show>
        <form class="bo-card bo-no-print" on:submit=mark>
            <h2>{app.text("bank.mark_title")}</h2>
            <p class="bo-hint">{app.text("bank.mark_intro")}</p>
            <div class="bo-toolbar">
                <label for="bank-reconciled-to">{app.text("bank.reconciled_date")}</label>
                <input id="bank-reconciled-to" type="date" prop:value=move || reconciled_to.get() on:input=move |ev| reconciled_to.set(event_target_value(&ev)) />
                <button type="submit" class="bo-btn">{app.text("bank.mark")}</button>
            </div>
        </form>
    }
    .into_any()
}
