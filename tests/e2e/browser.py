"""Serving dist/ under a sub-path and starting headless Chromium; shared by the end-to-end
tests and the benchmark."""
import contextlib
import functools
import http.server
import os
import shutil
import socketserver
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_dist(sub_path="office"):
    """A plain static server with dist/ renamed to /<sub_path>/; yields its base URL."""
    dist = ROOT / "dist"
    assert (dist / "index.html").exists(), "run `trunk build --release` first"
    site = Path(tempfile.mkdtemp(prefix="bo-site-"))
    shutil.copytree(dist, site / sub_path)
    handler = functools.partial(QuietHandler, directory=str(site))
    socketserver.TCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{sub_path}/"
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(site, ignore_errors=True)


@contextlib.contextmanager
def chrome(downloads: Path, width=1280, height=900):
    """Headless Chromium with a fresh profile, Indonesian as the browser language."""
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    profile = tempfile.mkdtemp(prefix="bo-profile-")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--no-first-run", f"--window-size={width},{height}", f"--user-data-dir={profile}", "--lang=id-ID"]:
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "intl.accept_languages": "id-ID,id",
    })
    # The browser's console, read after each test: an error there fails it.
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # The office is in Jakarta (UTC+7): calendar files in UTC must land on Jakarta's clock.
    env = dict(os.environ, TZ=os.environ.get("BO_TEST_TZ", "Asia/Jakarta"))
    d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"), env=env), options=opts)
    d.set_script_timeout(120)
    try:
        yield d
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)
