"""Autosave to a folder, as an office manager sets it up once: backups appear in the folder
after each burst of saves, the oldest go once the number kept is reached, other files stay;
after a reload the browser may ask again, and the banner lets them allow it.

Headless Chromium cannot show a folder picker, so the picker is replaced by one that hands
over a folder of the origin's private file system: a real directory handle, written through
the same File System Access calls a chosen folder gets."""
import json
import time

from selenium.webdriver.common.by import By

from conftest import shot, wait
from helpers import click, fill, new_contact, open_app, wait_text

PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle('kantor', { create: true });
};
// The browser asking again after a reload, as most do for a folder kept from a visit before.
const ask = FileSystemHandle.prototype.requestPermission;
FileSystemHandle.prototype.queryPermission = async function () {
  return localStorage.getItem('test.permission') || 'granted';
};
// What the person answers when asked ('denied': they blocked the site).
FileSystemHandle.prototype.requestPermission = async function () {
  const answer = localStorage.getItem('test.request') || 'granted';
  if (answer === 'granted') localStorage.removeItem('test.permission');
  return answer;
};
"""

FOLDER = """
const done = arguments[arguments.length - 1];
(async () => {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('kantor', { create: true });
  const out = {};
  for await (const [name, h] of dir.entries()) out[name] = await (await h.getFile()).text();
  done(out);
})().catch(e => done({ error: String(e) }));
"""


def with_picker(driver):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PICKER})


def folder(driver):
    files = driver.execute_async_script(FOLDER)
    assert "error" not in files, files
    return files


def autosaves(driver):
    return sorted(n for n in folder(driver) if n.startswith("backoffice-autosave-") and n.endswith(".json"))


def reload(driver, base_url, hash_, query=""):
    """A new visit: the page loaded again, not only its hash changed."""
    open_app(driver, base_url, hash_, query)
    driver.refresh()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))


def status(driver):
    return driver.find_element(By.ID, "autosave-status").text


def put_user_file(driver, name="catatan.txt", text="jangan dihapus"):
    driver.execute_async_script("""
      const [name, text, done] = arguments;
      (async () => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('kantor', { create: true });
        const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await w.write(text); await w.close(); done(true);
      })();
    """, name, text)


def test_backups_land_in_the_folder_after_saves_and_only_the_last_ones_stay(driver, base_url):
    with_picker(driver)
    open_app(driver, base_url, "#/data")
    put_user_file(driver)
    put_user_file(driver, "backoffice-autosave-2026-01-01-080000-other1.json", "{}")  # a colleague's PC
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-status"))
    assert status(driver) == "Simpan otomatis belum aktif di browser ini."
    fill(driver, "autosave-keep", "0")
    driver.find_element(By.ID, "autosave-h").click()
    wait_text(driver, "Isi angka 1 sampai 100.")
    assert not driver.find_element(By.XPATH, "//button[normalize-space(.)='Pilih folder…']").is_enabled()
    fill(driver, "autosave-keep", "2")
    driver.find_element(By.ID, "autosave-h").click()
    click(driver, "Pilih folder…")
    wait(driver, lambda d: "Terakhir: backoffice-autosave-" in status(d))
    assert status(driver).startswith("Menyimpan otomatis ke folder «kantor». Terakhir: backoffice-autosave-")
    first = [n for n in autosaves(driver) if "other1" not in n]
    assert len(first) == 1, first
    backup = json.loads(folder(driver)[first[0]])
    assert backup["format"] and backup["collections"], list(backup)
    driver.find_element(By.ID, "autosave-h").location_once_scrolled_into_view
    shot(driver, "autosave-on-id")
    # A written autosave is a backup: the 14-day reminder counts from it.
    assert "Cadangan terakhir" in driver.find_element(By.TAG_NAME, "main").text

    for name in ["Budi Santoso", "Siti Rahayu"]:
        time.sleep(1.1)  # names carry the second: each autosave its own file
        new_contact(driver, base_url, name)
        # Written once saves have been quiet for five seconds.
        wait(driver, lambda d: any(name in text for n, text in folder(d).items() if n.startswith("backoffice-autosave-")), 20)
    # Room is made once the new backup is whole.
    wait(driver, lambda d: len(autosaves(d)) == 3)
    names = [n for n in autosaves(driver) if "other1" not in n]
    assert len(names) == 2, names
    assert first[0] not in names, "the oldest autosave made room"
    newest = json.loads(folder(driver)[names[-1]])
    assert "Siti Rahayu" in json.dumps(newest) and "Budi Santoso" in json.dumps(newest)
    assert folder(driver)["catatan.txt"] == "jangan dihapus", "the user's own file is never touched"
    assert "backoffice-autosave-2026-01-01-080000-other1.json" in folder(driver), "another computer's backup stays"

    # After a reload the folder is still the one chosen; nothing asks.
    reload(driver, base_url, "#/data")
    wait(driver, lambda d: status(d).startswith("Menyimpan otomatis ke folder «kantor»"))
    assert not driver.find_elements(By.ID, "autosave-banner")
    click(driver, "Hentikan simpan otomatis")
    wait(driver, lambda d: status(d) == "Simpan otomatis belum aktif di browser ini.")
    new_contact(driver, base_url, "Agus Wijaya")
    time.sleep(8)
    assert not any("Agus Wijaya" in text for text in folder(driver).values()), "stopped means stopped"


def test_removing_all_data_stops_autosave_and_keeps_the_folder(driver, base_url):
    with_picker(driver)
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-status"))
    click(driver, "Pilih folder…")
    wait(driver, lambda d: "Terakhir: backoffice-autosave-" in status(d))
    new_contact(driver, base_url, "Budi Santoso")
    wait(driver, lambda d: any("Budi Santoso" in t for t in folder(d).values()), 20)
    kept = autosaves(driver)
    open_app(driver, base_url, "#/data")
    fill(driver, "reset-confirm", "HAPUS")
    click(driver, "Hapus semua data di browser ini")
    wait(driver, lambda d: status(d) == "Simpan otomatis belum aktif di browser ini.")
    new_contact(driver, base_url, "Siti Rahayu")
    time.sleep(8)
    # The backups made before are the way back: none is removed or written over.
    assert autosaves(driver) == kept
    assert any("Budi Santoso" in t for t in folder(driver).values())


def test_after_a_reload_the_banner_asks_and_allowing_writes_a_backup(driver, base_url):
    with_picker(driver)
    open_app(driver, base_url, "#/data", query="?lang=en")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-status"))
    click(driver, "Choose a folder…")
    wait(driver, lambda d: "Last: backoffice-autosave-" in status(d))
    before = autosaves(driver)

    driver.execute_script("localStorage.setItem('test.permission', 'prompt')")
    time.sleep(1.1)
    reload(driver, base_url, "#/contacts")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-banner"))
    assert "menunggu izin Anda" in driver.find_element(By.ID, "autosave-banner").text
    # Saves while paused are kept in the browser as always; the folder gets them once allowed.
    new_contact(driver, base_url, "Dewi Lestari")
    time.sleep(6)
    assert not any("Dewi Lestari" in text for text in folder(driver).values())
    reload(driver, base_url, "#/contacts", query="?lang=en")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-banner"))
    banner = driver.find_element(By.ID, "autosave-banner").text
    assert banner.startswith("Autosave to the folder «kantor» is waiting for you"), banner
    shot(driver, "autosave-paused-en")
    click(driver, "Allow")
    wait(driver, lambda d: not d.find_elements(By.ID, "autosave-banner"))
    wait(driver, lambda d: len(autosaves(d)) == len(before) + 1)
    newest = folder(driver)[autosaves(driver)[-1]]
    assert "Dewi Lestari" in newest


def test_a_hidden_tab_writes_the_waiting_backup_and_a_blocked_folder_is_said(driver, base_url):
    with_picker(driver)
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-status"))
    click(driver, "Pilih folder…")
    wait(driver, lambda d: "Terakhir: backoffice-autosave-" in status(d))
    time.sleep(1.1)
    new_contact(driver, base_url, "Rina Kartika")
    saved = lambda d: any("Rina Kartika" in t for n, t in folder(d).items() if n.startswith("backoffice-autosave-"))
    assert not saved(driver), "still within the quiet time"
    # The tab hidden (another tab chosen, the window closing) before the quiet time passes:
    # the waiting backup is written at once, not at the next visit.
    driver.execute_script(
        "Object.defineProperty(document, 'hidden', { value: true, configurable: true });"
        "document.dispatchEvent(new Event('visibilitychange'));"
    )
    wait(driver, saved, 3)

    # Asked again after a reload, the person blocks the site: said, with what to do.
    driver.execute_script("localStorage.setItem('test.permission', 'prompt'); localStorage.setItem('test.request', 'denied')")
    reload(driver, base_url, "#/contacts")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-banner"))
    click(driver, "Izinkan")
    wait(driver, lambda d: "tidak mengizinkan situs ini menulis ke folder «kantor»" in d.find_element(By.ID, "autosave-banner").text)
    assert driver.find_element(By.ID, "autosave-banner").get_attribute("role") == "alert"
    shot(driver, "autosave-denied-id")


def test_a_browser_without_folders_keeps_the_reminder(driver, base_url):
    driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {"source": "Object.defineProperty(window, 'showDirectoryPicker', { value: undefined });"},
    )
    open_app(driver, base_url, "#/data", query="?lang=en")
    wait(driver, lambda d: d.find_elements(By.ID, "autosave-status"))
    assert status(driver).startswith("This browser cannot write to a folder you choose")
    assert not driver.find_elements(By.ID, "autosave-keep")
