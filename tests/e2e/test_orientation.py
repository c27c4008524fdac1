"""Where am I: every screen has its own document title, and the first Tab stop skips the
navigation to the page."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import wait
from helpers import field, heading, open_app


def test_each_screen_has_its_own_title_and_a_skip_link(driver, base_url):
    for href, title in [("#/", "Meja depan"), ("#/contacts", "Kontak"), ("#/items", "Persediaan"), ("#/settings", "Pengaturan")]:
        open_app(driver, base_url, href)
        wait(driver, lambda d: d.title == f"{title} · Back Office")
    open_app(driver, base_url, "#/contacts", query="?lang=en")
    wait(driver, lambda d: d.title == "Contacts · Back Office")
    # A page just opened: the first Tab reaches the skip link; Enter lands on the page.
    open_app(driver, base_url, "#/", query="?lang=en")
    driver.refresh()
    wait(driver, lambda d: heading(d) == "Front desk")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    skip = driver.switch_to.active_element
    assert skip.text == "Skip to content" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.switch_to.active_element.tag_name == "h1")
    assert heading(driver) == "Front desk" and driver.current_url.endswith("#/")


def test_the_page_runs_only_its_own_code(driver, base_url):
    """The Content-Security-Policy: the app's own files, wasm, its inline scripts by hash;
    no other script, no plugin, no base or form target, no connection elsewhere. The app
    works under it (every other test runs under it too; a violation is a console error)."""
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: heading(d) == "Kontak")
    policy = driver.execute_script("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    rules = dict((r.strip().split(" ", 1) + [""])[:2] for r in policy.split(";"))
    script = rules["script-src"].split()
    assert script[:2] == ["'self'", "'wasm-unsafe-eval'"] and all(s.startswith("'sha256-") for s in script[2:]) and len(script) > 2, policy
    assert rules["default-src"] == "'self'" and rules["connect-src"] == "'self'" and rules["style-src"] == "'self'"
    assert rules["object-src"] == "'none'" and rules["base-uri"] == "'none'" and rules["form-action"] == "'none'"
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    # A script someone manages to put in the page does not run.
    driver.expected_errors = ["Content Security Policy"]
    ran = driver.execute_script("""
        window.injected = false;
        const s = document.createElement('script');
        s.textContent = 'window.injected = true';
        document.body.append(s);
        return window.injected;""")
    assert ran is False


def test_the_focus_ring_stands_out_wherever_it_is_drawn(driver, base_url):
    """WCAG 1.4.11: the ring against what is around it, at least 3:1: a button in the page,
    a field in a card, a link in the dark navigation."""
    from test_calendar import contrast
    open_app(driver, base_url, "#/contacts/new")
    field(driver, "f-name")
    around = "for (let p = arguments[0].parentElement; p; p = p.parentElement) {" \
             " const c = getComputedStyle(p).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)') return c; } return 'rgb(255, 255, 255)';"
    checked = []
    for css in ["main button[type=submit]", "#f-name", "nav a[href='#/contacts']"]:
        el = driver.find_element(By.CSS_SELECTOR, css)
        # Keyboard focus, as Tab gives it: a key pressed first, then the element focused.
        ActionChains(driver).send_keys(Keys.SHIFT).perform()
        driver.execute_script("arguments[0].focus()", el)
        wait(driver, lambda d: d.execute_script("return document.activeElement === arguments[0] && arguments[0].matches(':focus-visible')", el))
        ring = driver.execute_script("return getComputedStyle(arguments[0]).outlineColor", el)
        bg = driver.execute_script(around, el)
        checked.append((css, ring, bg, round(contrast(ring, bg), 2)))
    assert all(c[3] >= 3 for c in checked), checked
