"""Encryption at rest, as a person uses it: a passphrase set in Settings seals every
stored value; the app then opens behind a lock screen; a wrong passphrase changes nothing;
the passphrase is changed and encryption removed, each asking for the current one."""
import json
import os
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import shot, wait, wait_file
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


def encrypt(driver, base_url, passphrase=RIGHT):
    """Settings → Encryption, as a person turns it on."""
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-new"))
    fill(driver, "crypt-new", passphrase)
    fill(driver, "crypt-repeat", passphrase)
    click(driver, "Enkripsi data")
    wait_text(driver, "Data dienkripsi.", timeout=30)


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
    sealed_before = stored(driver)
    click(driver, "Ganti frasa sandi")
    wait_text(driver, "Frasa sandi diganti, dan semua data serta lampiran dienkripsi ulang", timeout=30)
    # Sealed anew by a new key: every value changed, and the old key left the lock.
    sealed_after = stored(driver)
    assert all(sealed_after[k] != v for k, v in sealed_before.items()), [k for k, v in sealed_before.items() if sealed_after[k] == v]
    assert "old" not in json.loads(sealed_after["bo.lock"])
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
    encrypt(driver, base_url)
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


FILES = """
const done = arguments[arguments.length - 1];
const req = indexedDB.open('backoffice');
req.onsuccess = () => {
  const db = req.result;
  const all = db.transaction('files').objectStore('files').getAll();
  all.onsuccess = async () => {
    const out = [];
    for (const f of all.result) {
      const bytes = new Uint8Array(await f.blob.arrayBuffer());
      out.push({name: f.name || null, title: f.title || null, sealed: typeof f.sealed === 'string',
                text: new TextDecoder('latin1').decode(bytes)});
    }
    db.close();
    done(out.sort((a, b) => (a.name || '').localeCompare(b.name || '')));
  };
};
req.onerror = () => done(['error']);
"""


def files(driver):
    return driver.execute_async_script(FILES)


def attached(driver):
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#attach-list li")]


def opens_to(driver, text):
    """The newest attachment's file, opened in its own tab, holds `text`."""
    tabs = driver.window_handles
    driver.find_elements(By.CSS_SELECTOR, "#attach-list button.bo-link")[0].click()
    wait(driver, lambda d: len(d.window_handles) == len(tabs) + 1)
    driver.switch_to.window([h for h in driver.window_handles if h not in tabs][0])
    wait(driver, lambda d: d.current_url.startswith("blob:") and text in d.find_element(By.TAG_NAME, "body").text)
    driver.close()
    driver.switch_to.window(tabs[0])


def test_attachments_are_sealed_with_the_store_and_opened_again(driver, base_url, downloads, tmp_path):
    import zipfile
    cv = tmp_path / "CV Rahasia Sentosa.txt"
    cv.write_text("Gaji diminta: Rp 12.500.000")
    later = tmp_path / "Kontrak Rahasia.txt"
    later.write_text("Kontrak kerja: masa percobaan tiga bulan")
    new_contact(driver, base_url, "Rahasia Sentosa")
    detail = driver.current_url
    wait(driver, lambda d: d.find_elements(By.ID, "attach-file"))
    driver.find_element(By.ID, "attach-file").send_keys(str(cv))
    wait(driver, lambda d: len(attached(d)) == 1)
    assert files(driver)[0]["name"] == "CV Rahasia Sentosa.txt" and not files(driver)[0]["sealed"]

    # Encrypting seals the file already there: its bytes, name and title.
    encrypt(driver, base_url)
    wait(driver, lambda d: all(f["sealed"] for f in files(d)))
    [f] = files(driver)
    assert f["name"] is None and f["title"] is None
    assert "Gaji" not in f["text"] and "Rahasia" not in f["text"]

    # After the lock screen, listed and opened as added; a file added now is sealed at once.
    driver.get(detail)
    driver.refresh()
    locked(driver)
    unlock(driver, RIGHT)
    wait(driver, lambda d: len(attached(d)) == 1, timeout=30)
    assert attached(driver)[0].startswith("CV Rahasia Sentosa.txt · "), attached(driver)
    opens_to(driver, "Gaji diminta: Rp 12.500.000")
    driver.find_element(By.ID, "attach-file").send_keys(str(later))
    wait(driver, lambda d: len(attached(d)) == 2)
    assert len(files(driver)) == 2 and all(f["sealed"] and "Kontrak" not in f["text"] for f in files(driver))
    opens_to(driver, "masa percobaan tiga bulan")
    shot(driver, "encryption-attachments-id")

    # A new passphrase seals the files anew by the new key too; they still open.
    before = [f["text"] for f in files(driver)]
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-current"))
    fill(driver, "crypt-current", RIGHT)
    fill(driver, "crypt-new", NEW)
    fill(driver, "crypt-repeat", NEW)
    click(driver, "Ganti frasa sandi")
    wait_text(driver, "Frasa sandi diganti, dan semua data serta lampiran dienkripsi ulang", timeout=30)
    after = files(driver)
    assert len(after) == 2 and all(f["sealed"] and f["text"] not in before for f in after)
    driver.get(detail)
    wait(driver, lambda d: len(attached(d)) == 2)
    opens_to(driver, "masa percobaan tiga bulan")

    # The .zip is encrypted with the store's key by default; unticked, it holds the files as
    # they were added.
    open_app(driver, base_url, "#/data")
    click(driver, "Ekspor cadangan dengan lampiran (.zip)")
    archive = wait_file(downloads, ".zip", timeout=30)
    with zipfile.ZipFile(archive) as z:
        sealed = {n: z.read(n) for n in z.namelist() if n.startswith("attachments/")}
    assert len(sealed) == 2 and all(n.endswith(".sealed") and b"Kontrak" not in v for n, v in sealed.items()), list(sealed)
    archive.unlink()
    driver.find_element(By.ID, "backup-encrypt").click()
    click(driver, "Ekspor cadangan dengan lampiran (.zip)")
    archive = wait_file(downloads, ".zip", timeout=30)
    with zipfile.ZipFile(archive) as z:
        inside = {Path(n).name: z.read(n) for n in z.namelist() if n.startswith("attachments/")}
    assert inside == {"CV Rahasia Sentosa.txt": cv.read_bytes(), "Kontrak Rahasia.txt": later.read_bytes()}, list(inside)

    # Removing encryption opens the files for good, before the store's values.
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-current"))
    fill(driver, "crypt-current", NEW)
    click(driver, "Hapus enkripsi")
    wait_text(driver, "Enkripsi dihapus", timeout=30)
    assert [(f["name"], f["sealed"], f["text"]) for f in files(driver)] == [
        ("CV Rahasia Sentosa.txt", False, cv.read_text()), ("Kontrak Rahasia.txt", False, later.read_text())]
    driver.get(detail)
    wait(driver, lambda d: len(attached(d)) == 2)
    opens_to(driver, "masa percobaan")
