"""Every screen checked with axe-core (WCAG 2.0/2.1 A and AA rules) with data in it: in
Indonesian at 1280 px and in English at 390 px, so each screen is checked in both languages
and both widths. Screens are every list of the registry (its list, a record's page and the
new-record form) and every screen of its own. A violation fails the test, named with the
screen, the rule and the first elements it was found on; so does an id used twice."""
import os
import re
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from browser import ROOT
from conftest import wait
from helpers import open_app
from stored import stored_list

sys.path.insert(0, str(ROOT / "bench"))
import datagen  # noqa: E402

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Screens that are not a list's pages.
OWN = ["#/", "#/messages", "#/calendar/month", "#/calendar/week", "#/calendar/agenda", "#/actions", "#/low-stock",
       "#/stock-report", "#/maintenance-due", "#/asset-register", "#/directory", "#/event-board", "#/portfolio", "#/plan-board", "#/attendance-month",
       "#/attendance-import", "#/holiday-file", "#/payroll-year", "#/books/pl", "#/books/balance", "#/books/cash",
       "#/books/costs", "#/books/budget", "#/books/tax", "#/books/contacts", "#/books/ar", "#/books/ap", "#/trash", "#/data", "#/settings", "#/search", "#/dashboard", "#/review/2026-Q4"]


def lists():
    """Every record list, read from the registry (a new list is checked without editing this)."""
    text = (ROOT / "src" / "registry.rs").read_text()
    body = text[text.index("macro_rules! with_record_lists"):text.index("macro_rules! names")]
    return re.findall(r"^\s+(\w+): \$crate::domain", body, re.M)


def screens(driver):
    out = list(OWN)
    for name in lists():
        out += [f"#/{name}", f"#/{name}/new"]
        recs = stored_list(driver, name)
        if recs:
            out.append(f"#/{name}/{recs[0]['id']}")
            if name == "employees":
                out.append(f"#/attendance-grid/{recs[0]['id']}")
            if name == "client_events":
                out += [f"#/{page}/{recs[0]['id']}" for page in ("check-in", "run-sheet", "quotation")]
    return out


def load_data(driver, base_url):
    path = Path(tempfile.mkdtemp(prefix="bo-axe-")) / "data.json"
    path.write_text(datagen.backup(datagen.mixed(800)), encoding="utf-8")
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "backup-file"))
    driver.find_element(By.ID, "backup-file").send_keys(str(path))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main .bo-preview input[value=replace]"), 60)
    driver.find_element(By.CSS_SELECTOR, "main .bo-preview input[value=replace]").click()
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Impor cadangan']").click()
    wait(driver, lambda d: "Semua data diganti" in d.find_element(By.TAG_NAME, "body").text, 60)


def violations(driver, axe):
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(axe)
    return driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
                                             v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));""",
        RULES)


def check_all(driver, base_url, query):
    axe = Path(os.environ["AXE_JS"]).read_text()
    driver.set_script_timeout(60)
    found = []
    all_screens = screens(driver)
    open_app(driver, base_url, "#/", query=query)
    for href in all_screens:
        driver.execute_script("location.hash = arguments[0]", href)
        wait(driver, lambda d: d.execute_script(
            "const h = document.querySelector('main h1'); return !!h && h.textContent.trim() !== '' && location.hash === arguments[0]"
            " && !document.querySelector('.bo-part-pending')", href))
        found += [f"{href}: {v}" for v in violations(driver, axe)]
        # Unique ids (axe 4.x no longer reports duplicates under the WCAG tags).
        twice = driver.execute_script(
            "const n = {}; for (const e of document.querySelectorAll('[id]')) n[e.id] = (n[e.id] || 0) + 1;"
            " return Object.keys(n).filter(k => n[k] > 1)")
        found += [f"{href}: id used twice: {i}" for i in twice]
    return len(all_screens), found


def test_every_screen_in_indonesian_at_desk_width_has_no_accessibility_violation(driver, base_url):
    load_data(driver, base_url)
    n, found = check_all(driver, base_url, "")
    assert n > 100 and not found, f"{len(found)} violations on {n} screens:\n" + "\n".join(found)


def test_every_screen_in_english_at_phone_width_has_no_accessibility_violation(driver, base_url):
    load_data(driver, base_url)
    driver.set_window_size(390, 844)
    n, found = check_all(driver, base_url, "?lang=en")
    assert n > 100 and not found, f"{len(found)} violations on {n} screens:\n" + "\n".join(found)


# Elements sticking out past the right edge of the window, outside any box that scrolls
# sideways on its own (a wide table in its scroll box is fine; the page scrolling is not).
OVERFLOW = """
const w = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= w + 1) return [];
const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
const out = [];
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if (r.width && r.right > w + 1 && !scrolls(e)) out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${Math.round(r.right)}px`);
}
return out.length ? out.slice(0, 4) : [`page ${document.documentElement.scrollWidth}px wide`];
"""


def test_no_screen_is_wider_than_a_320_px_phone(driver, base_url):
    load_data(driver, base_url)
    driver.set_window_size(320, 700)
    all_screens = screens(driver)
    open_app(driver, base_url, "#/", query="?lang=en")
    found = []
    for href in all_screens:
        driver.execute_script("location.hash = arguments[0]", href)
        wait(driver, lambda d: d.execute_script(
            "const h = document.querySelector('main h1'); return !!h && h.textContent.trim() !== '' && location.hash === arguments[0]"
            " && !document.querySelector('.bo-part-pending')", href))
        wide = driver.execute_script(OVERFLOW)
        if wide:
            found.append(f"{href}: {', '.join(wide)}")
    assert len(all_screens) > 100 and not found, f"{len(found)} of {len(all_screens)} screens overflow at 320 px:\n" + "\n".join(found)
