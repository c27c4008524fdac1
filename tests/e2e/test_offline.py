"""Areas loaded when opened, offline after the first visit, a new build announced, a part
that cannot be fetched offered again: each against its own static server, which the test
can stop, change or make refuse files."""
import contextlib
import functools
import http.server
import shutil
import socketserver
import tempfile
import threading
import time
from pathlib import Path

from selenium.webdriver.common.by import By

from browser import ROOT, QuietHandler
from conftest import shot, wait
from helpers import body_text, click, heading, open_app, wait_text

# A screen of every area, and what its heading says.
AREAS = [("#/contacts", "Kontak"), ("#/calls", "Log telepon"), ("#/visitors", "Buku tamu"), ("#/calendar", None),
         ("#/actions", None), ("#/items", "Persediaan"), ("#/orders", "Pesanan pembelian"), ("#/assets", "Aset & peralatan"),
         ("#/employees", None), ("#/vacancies", None), ("#/attendance", None), ("#/leave", None), ("#/payroll_runs", None), ("#/entries", None), ("#/invoices", None),
         ("#/event-board", "Papan acara"), ("#/portfolio", "Portofolio acara"), ("#/obligations", "Kepatuhan"), ("#/letters_in", "Surat masuk"), ("#/trash", "Tempat sampah"), ("#/data", "Data & cadangan"), ("#/settings", "Pengaturan"),
         # Screens drawn by parts of their own under the area's heading: a form, the imports.
         ("#/contacts/new", None, "form.bo-form"), ("#/contacts/import", None, "#import-file"),
         ("#/items/import", None, "#import-file"), ("#/events/import", None, "#ics-file")]


class Server(socketserver.ThreadingTCPServer):
    # Idle connections the browser keeps open must not hold the test up when it stops.
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True


class Site:
    """dist/ under /office/ on a server of its own; `refuse` holds names it answers 404 to."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="bo-site-"))
        shutil.copytree(ROOT / "dist", self.root / "office")
        self.refuse, self.requests, self.slow = set(), [], set()
        site = self

        class Handler(QuietHandler):
            def do_GET(self):
                site.requests.append(self.path)
                if any(s in self.path for s in site.slow):
                    time.sleep(4)
                if any(r in self.path for r in site.refuse):
                    self.send_error(404)
                    return
                super().do_GET()

        self.server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(self.root)))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/office/"

    def stop(self):
        # Connections the browser opened ahead of time outlive the listening socket: they
        # are refused too, so nothing at all comes from the network after this.
        self.refuse.add("")
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def site():
    s = Site()
    try:
        yield s
    finally:
        with contextlib.suppress(Exception):
            s.stop()
        shutil.rmtree(s.root, ignore_errors=True)


def open_every_area(driver):
    for href, title, *part in AREAS:
        driver.execute_script("location.hash = arguments[0]", href)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and (title is None or heading(d) == title))
        if part:
            wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, part[0]) or "belum bisa dimuat" in body_text(d))
        assert "belum bisa dimuat" not in body_text(driver), href


def controlled(driver):
    """The service worker has cached this build and serves this page."""
    wait(driver, lambda d: d.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"), 30)


def test_every_area_opens_then_works_offline(driver):
    with site() as s:
        open_app(driver, s.url, "#/")
        controlled(driver)
        open_every_area(driver)
        # Nothing changed on the server: a second visit downloads nothing but the worker's check.
        s.requests.clear()
        driver.refresh()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
        assert all(p.endswith("/sw.js") for p in s.requests), s.requests
        s.stop()
        s.requests.clear()
        # Offline: the page reloads and every area opens from the cache.
        driver.refresh()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
        open_every_area(driver)
        assert all(p.endswith("/sw.js") for p in s.requests), s.requests
        shot(driver, "offline-settings-id")


def test_a_part_that_cannot_be_fetched_offers_retry(driver):
    # A deploy half copied: the contacts part is missing. (The worker cannot cache an
    # incomplete build, so this visit goes to the network.)
    driver.expected_errors = ["split_contacts", "404", "failed to load", "service worker", "status code is not ok"]
    with site() as s:
        s.refuse.add("split_contacts")
        open_app(driver, s.url, "#/")
        driver.execute_script("location.hash = '#/contacts'")
        wait_text(driver, "Bagian aplikasi ini belum bisa dimuat")
        shot(driver, "area-not-loaded-id")
        # The rest of the app still works.
        driver.execute_script("location.hash = '#/calls'")
        wait(driver, lambda d: heading(d) == "Log telepon")
        driver.execute_script("location.hash = '#/contacts'")
        wait_text(driver, "Bagian aplikasi ini belum bisa dimuat")
        s.refuse.clear()
        click(driver, "Coba lagi")
        wait(driver, lambda d: heading(d) == "Kontak")


def test_a_new_build_is_announced_and_waits_for_the_user(driver):
    with site() as s:
        open_app(driver, s.url, "#/contacts/new")
        controlled(driver)
        driver.execute_script("window.sameVisit = true")
        # A new build arrives on the server.
        sw = s.root / "office" / "sw.js"
        sw.write_text(sw.read_text().replace('const VERSION = "bo-', 'const VERSION = "bo-next-'))
        driver.execute_script("navigator.serviceWorker.getRegistration().then(r => r.update())")
        wait_text(driver, "Versi baru Back Office siap.", 30)
        shot(driver, "update-ready-id")
        # Nothing reloads by itself.
        assert driver.execute_script("return window.sameVisit === true")
        click(driver, "Muat ulang")
        wait(driver, lambda d: d.execute_script("return window.sameVisit !== true"), 30)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
        keys = driver.execute_async_script("caches.keys().then(arguments[arguments.length - 1])")
        assert any(k.startswith("bo-next-") for k in keys) and not any(k.startswith("bo-") and not k.startswith("bo-next-") for k in keys), keys


def test_leaving_an_area_still_on_its_way_loads_the_rest(driver):
    """The lists the first screen did not need are read once a screen is shown, even when
    the first screen's area part is slow and the user goes elsewhere before it arrives."""
    with site() as s:
        s.slow.add("split_contacts")
        driver.get(s.url + "#/contacts")
        driver.execute_script("location.hash = '#/'")
        wait(driver, lambda d: heading(d) == "Meja depan")
        # Well before the slow part arrives, every list is in memory.
        wait(driver, lambda d: d.execute_script("return performance.getEntriesByName('bo:loaded').length") > 0, 3)
        # The Today view's reminders come in a part of their own: here before the site stops.
        wait(driver, lambda d: d.execute_script("return performance.getEntriesByName('bo:reminders').length") > 0)
