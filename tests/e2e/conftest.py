"""End-to-end fixtures: the release build (dist/) served by a plain static server under a
sub-path (/office/), driven in headless Chromium through WebDriver (Selenium)."""
import functools
import http.server
import os
import shutil
import socketserver
import tempfile
import threading
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "target" / "screenshots"
FIXTURES = ROOT.parent / "shared" / "fixtures"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url():
    dist = ROOT / "dist"
    assert (dist / "index.html").exists(), "run `trunk build --release` first"
    site = Path(tempfile.mkdtemp(prefix="bo-site-"))
    shutil.copytree(dist, site / "office")
    handler = functools.partial(QuietHandler, directory=str(site))
    socketserver.TCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/office/"
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)


@pytest.fixture
def downloads():
    d = Path(tempfile.mkdtemp(prefix="bo-dl-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


@pytest.fixture
def driver(downloads):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    profile = tempfile.mkdtemp(prefix="bo-profile-")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--no-first-run", "--window-size=1280,900", f"--user-data-dir={profile}", "--lang=id-ID"]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "intl.accept_languages": "id-ID,id",
    })
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    d = webdriver.Chrome(service=service, options=opts)
    d.set_script_timeout(30)
    yield d
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(driver, cond, timeout=15):
    return WebDriverWait(driver, timeout).until(lambda d: cond(d))


def shot(driver, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def wait_file(folder: Path, suffix: str, timeout=15) -> Path:
    end = time.time() + timeout
    while time.time() < end:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done:
            time.sleep(0.2)
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} download in {folder}: {list(folder.iterdir())}")
