"""End-to-end fixtures: the release build (dist/) served by a plain static server under a
sub-path (/office/), driven in headless Chromium through WebDriver (Selenium)."""
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser import ROOT, chrome, serve_dist

SHOTS = ROOT / "target" / "screenshots"
FIXTURES = ROOT.parent / "shared" / "fixtures"


@pytest.fixture(scope="session")
def base_url():
    with serve_dist() as url:
        yield url


@pytest.fixture
def downloads():
    d = Path(tempfile.mkdtemp(prefix="bo-dl-"))
    yield d
    shutil.rmtree(d, ignore_errors=True)


def console_errors(driver):
    """Errors the page wrote to the console (a panic, a trap, an uncaught exception, a
    failed request) since the last look."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture
def driver(downloads, request):
    with chrome(downloads) as d:
        d.set_script_timeout(30)
        yield d
        # A crash is never silent: any page or console error fails the test that caused it.
        # A test that provokes errors on purpose names them in `expected_errors`.
        allowed = [a.lower() for a in getattr(d, "expected_errors", [])]
        errors = [e for e in console_errors(d) if not any(a in e.lower() for a in allowed)]
        crashed = d.execute_script("return !!document.getElementById('bo-crash')")
        if errors or crashed:
            shot(d, f"console-error-{request.node.name}")
            pytest.fail(f"page error in {request.node.name}: crash notice shown={crashed}; console: {errors}")


def wait(driver, cond, timeout=15):
    """Waits for `cond`; on a timeout, keeps a screenshot and says what the page showed, so
    a failure seen once (under load, in CI) can be read afterwards."""
    try:
        return WebDriverWait(driver, timeout).until(lambda d: cond(d))
    except TimeoutException:
        test = os.environ.get("PYTEST_CURRENT_TEST", "test").split(" ")[0].split("::")[-1]
        shot(driver, f"timeout-{test}")
        try:
            shown = driver.find_element(By.TAG_NAME, "body").text[-1500:]
        except Exception:  # the page itself may be gone
            shown = "(no page)"
        raise TimeoutException(f"waited {timeout} s at {driver.current_url}; the page showed:\n{shown}") from None


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
