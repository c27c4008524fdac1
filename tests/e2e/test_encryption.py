"""Encryption at rest, as a person uses it: a passphrase set in Settings seals every
stored value; the app then opens behind a lock screen; a wrong passphrase changes nothing;
the passphrase is changed and encryption removed, each asking for the current one."""
import json
import os
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import shot, wait
from helpers import body_text, click, fill, heading, new_contact, open_app, wait_text

RIGHT = "kunci gudang 2026"
NEW = "pintu belakang 77"


def stored(driver):
    return driver.execute_script(
        "const o = {}; for (const k of Object.keys(localStorage)) if (k.startsWith('bo.')) o[k] = localStorage.getItem(k); return o")


def unlock(driver, passphrase):
    fill(driver, "lock-pass", passphrase)
    click(driver, "Buka")


def no_violations(driver):
    """axe-core's WCAG A and AA rules, as test_axe.py runs them on every other screen."""
    from test_axe import violations
    driver.set_script_timeout(60)
    found = violations(driver, Path(os.environ["AXE_JS"]).read_text())
    assert not found, found


def locked(driver):
    wait(driver, lambda d: heading(d) == "Back Office terkunci")


def test_a_passphrase_seals_the_store_opens_it_changes_and_is_removed(driver, base_url):
    new_contact(driver, base_url, "Rahasia Sentosa", phone="+62 812 7000 1000")
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-new"))

    # Checked before any key is made: too short, then two that differ.
    fill(driver, "crypt-new", "pendek")
    fill(driver, "crypt-repeat", "pendek")
    click(driver, "Enkripsi data")
    wait_text(driver, "Frasa sandi paling sedikit 8 karakter.")
    fill(driver, "crypt-new", RIGHT)
    fill(driver, "crypt-repeat", RIGHT + "!")
    click(driver, "Enkripsi data")
    wait_text(driver, "Kedua frasa sandi baru tidak sama.")
    assert "bo.lock" not in stored(driver)

    fill(driver, "crypt-repeat", RIGHT)
    click(driver, "Enkripsi data")
    wait_text(driver, "Data dienkripsi.", timeout=30)
    shot(driver, "encryption-settings-on-id")
    no_violations(driver)
    data = stored(driver)
    lock = json.loads(data.pop("bo.lock"))
    assert (lock["kdf"], lock["iterations"]) == ("PBKDF2-SHA256", 600000)
    assert data and all(v.startswith("~1") for v in data.values()), [k for k, v in data.items() if not v.startswith("~1")]
    assert not any("Rahasia" in v or "7000" in v for v in data.values())

    # Still open in this tab: a new record is stored sealed too.
    new_contact(driver, base_url, "Kedua Terkunci")
    assert all(v.startswith("~1") for k, v in stored(driver).items() if k != "bo.lock")

    # A reload locks it; a wrong passphrase changes nothing.
    driver.refresh()
    locked(driver)
    assert "Rahasia" not in body_text(driver)
    assert driver.switch_to.active_element.get_attribute("id") == "lock-pass"
    shot(driver, "encryption-lock-id")
    before = stored(driver)
    unlock(driver, "salah sekali")
    wait_text(driver, "Frasa sandi salah. Data tidak diubah; coba lagi.", timeout=30)
    shot(driver, "encryption-lock-wrong-id")
    no_violations(driver)
    assert stored(driver) == before
    unlock(driver, RIGHT)
    # The page the reload was on: the record saved last.
    wait(driver, lambda d: heading(d) == "Kedua Terkunci", timeout=30)
    shot(driver, "encryption-unlocked-id")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: "Rahasia Sentosa" in body_text(d) and "Kedua Terkunci" in body_text(d))

    # A new passphrase needs the current one; then only it opens the store.
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-current"))
    fill(driver, "crypt-current", "bukan ini")
    fill(driver, "crypt-new", NEW)
    fill(driver, "crypt-repeat", NEW)
    click(driver, "Ganti frasa sandi")
    wait_text(driver, "Frasa sandi sekarang salah. Tidak ada yang diubah.", timeout=30)
    fill(driver, "crypt-current", RIGHT)
    click(driver, "Ganti frasa sandi")
    wait_text(driver, "Frasa sandi diganti.", timeout=30)
    click(driver, "Kunci sekarang")
    locked(driver)
    unlock(driver, RIGHT)
    wait_text(driver, "Frasa sandi salah.", timeout=30)
    unlock(driver, NEW)
    wait(driver, lambda d: heading(d) not in ("", "Back Office terkunci"), timeout=30)

    # Removing encryption gives the store back as plain text, and no lock screen.
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-current"))
    fill(driver, "crypt-current", NEW)
    click(driver, "Hapus enkripsi")
    wait_text(driver, "Enkripsi dihapus", timeout=30)
    data = stored(driver)
    assert "bo.lock" not in data
    assert not any(v.startswith("~1") for v in data.values())
    assert json.loads(data["bo.c.contacts"])["rev"] >= 1
    open_app(driver, base_url, "#/contacts")
    driver.refresh()
    wait(driver, lambda d: "Rahasia Sentosa" in body_text(d) and "Kedua Terkunci" in body_text(d))


def test_the_lock_screen_in_english_at_phone_width(driver, base_url):
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-new"))
    fill(driver, "crypt-new", RIGHT)
    fill(driver, "crypt-repeat", RIGHT)
    click(driver, "Enkripsi data")
    wait_text(driver, "Data dienkripsi.", timeout=30)
    driver.set_window_size(390, 844)
    driver.get(base_url + "?lang=en#/contacts")
    wait(driver, lambda d: heading(d) == "Back Office is locked")
    assert driver.execute_script("return document.documentElement.lang") == "en"
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    fill(driver, "lock-pass", "wrong one")
    click(driver, "Open")
    wait_text(driver, "Wrong passphrase. The data is unchanged; try again.", timeout=30)
    shot(driver, "encryption-lock-wrong-en-390")
    no_violations(driver)
    fill(driver, "lock-pass", RIGHT)
    click(driver, "Open")
    wait(driver, lambda d: heading(d) == "Contacts", timeout=30)
