"""Attachments as an HR clerk uses them: a résumé attached to a record, still there after a
reload, opened, moved to the trash and back, deleted for good, and gone with its record."""
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import shot, wait
from helpers import alert, click, heading, new_contact, open_app, wait_text

COUNT_FILES = """
const done = arguments[arguments.length - 1];
const req = indexedDB.open('backoffice');
req.onsuccess = () => {
  const db = req.result;
  const all = db.transaction('files').objectStore('files').getAll();
  all.onsuccess = () => { done(all.result.map(f => f.name + '|' + (f.removed ? 'removed' : 'live'))); db.close(); };
};
req.onerror = () => done(['error']);
"""


def files_stored(driver):
    return sorted(driver.execute_async_script(COUNT_FILES))


def attached(driver):
    return [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#attach-list li")]


def test_a_resume_is_kept_with_its_record_opened_trashed_and_restored(driver, base_url):
    folder = Path(tempfile.mkdtemp(prefix="bo-attach-"))
    cv = folder / "CV Budi Santoso.pdf"
    cv.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".ljust(2200))  # 2,1 KB
    empty = folder / "kosong.txt"
    empty.write_bytes(b"")

    new_contact(driver, base_url, "Budi Santoso")
    detail = driver.current_url
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    assert driver.find_element(By.ID, "attach-h").text == "Lampiran"
    assert driver.find_element(By.CSS_SELECTOR, "label[for='attach-file']").text == "Lampirkan berkas"
    driver.find_element(By.ID, "attach-file").send_keys(f"{cv}\n{empty}")
    wait(driver, lambda d: len(attached(d)) == 1)
    assert attached(driver)[0].startswith("CV Budi Santoso.pdf · 2,1 KB · "), attached(driver)
    wait_text(driver, "«kosong.txt» kosong (0 byte) dan tidak dilampirkan.")
    wait_text(driver, "Dilampirkan: CV Budi Santoso.pdf.")
    shot(driver, "attachments-id")

    # Kept by the browser: there after a reload.
    driver.refresh()
    wait(driver, lambda d: len(attached(d)) == 1)

    # Opened in a tab of its own.
    tabs = driver.window_handles
    driver.find_element(By.CSS_SELECTOR, "#attach-list button.bo-link").click()
    wait(driver, lambda d: len(d.window_handles) == len(tabs) + 1)
    driver.switch_to.window([h for h in driver.window_handles if h not in tabs][0])
    wait(driver, lambda d: d.current_url.startswith("blob:"))
    driver.close()
    driver.switch_to.window(tabs[0])

    # To the trash and back, on the record's page.
    driver.find_element(By.CSS_SELECTOR, "#attach-list button[aria-label='Hapus CV Budi Santoso.pdf']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    wait_text(driver, "«CV Budi Santoso.pdf» dipindah ke tempat sampah.")
    driver.find_element(By.CSS_SELECTOR, ".bo-attachments summary").click()
    assert "1 lampiran di tempat sampah" in driver.find_element(By.CSS_SELECTOR, ".bo-attachments summary").text
    driver.find_element(By.CSS_SELECTOR, "#attach-trashed button").click()
    wait(driver, lambda d: len(attached(d)) == 1)

    # In the Trash screen with the record it came from.
    driver.find_element(By.CSS_SELECTOR, "#attach-list button[aria-label='Hapus CV Budi Santoso.pdf']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    open_app(driver, base_url, "#/trash")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-trash"))
    row = driver.find_element(By.CSS_SELECTOR, "#attach-trash li").text
    assert row.startswith("CV Budi Santoso.pdf · 2,1 KB · dari «Budi Santoso»"), row
    shot(driver, "attachments-trash-id")
    driver.find_element(By.CSS_SELECTOR, "#attach-trash button[aria-label='Pulihkan CV Budi Santoso.pdf']").click()
    wait(driver, lambda d: not d.find_elements(By.ID, "attach-trash"))
    driver.get(detail)
    wait(driver, lambda d: len(attached(d)) == 1)

    # The Data screen says what attachments take.
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: "Lampiran: 1 berkas, 2,1 KB." in d.find_element(By.ID, "attach-usage").text)
    assert "Browser memakai" in driver.find_element(By.ID, "attach-usage").text

    # Deleted for good from the trash: the file is gone from the browser.
    driver.get(detail)
    wait(driver, lambda d: len(attached(d)) == 1)
    driver.find_element(By.CSS_SELECTOR, "#attach-list button[aria-label='Hapus CV Budi Santoso.pdf']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    open_app(driver, base_url, "#/trash")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-trash"))
    driver.find_element(By.CSS_SELECTOR, "#attach-trash button[aria-label='Hapus permanen CV Budi Santoso.pdf']").click()
    alert(driver).accept()
    wait(driver, lambda d: not d.find_elements(By.ID, "attach-trash"))
    assert files_stored(driver) == []


def test_a_record_deleted_for_good_takes_its_files_along(driver, base_url):
    folder = Path(tempfile.mkdtemp(prefix="bo-attach-"))
    receipt = folder / "kuitansi.jpg"
    receipt.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 5000)
    new_contact(driver, base_url, "Siti Rahayu")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-file"))
    driver.find_element(By.ID, "attach-file").send_keys(str(receipt))
    wait(driver, lambda d: len(attached(d)) == 1)
    new_contact(driver, base_url, "Agus Wijaya")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-file"))
    driver.find_element(By.ID, "attach-file").send_keys(str(receipt))
    wait(driver, lambda d: len(attached(d)) == 1)
    assert files_stored(driver) == ["kuitansi.jpg|live", "kuitansi.jpg|live"]

    click(driver, "Hapus")
    wait(driver, lambda d: heading(d) == "Kontak")
    open_app(driver, base_url, "#/trash")
    wait_text(driver, "Agus Wijaya")
    click(driver, "Hapus permanen")
    alert(driver).accept()
    wait_text(driver, "Tempat sampah kosong.")
    # Siti's receipt stays; Agus's went with him.
    wait(driver, lambda d: files_stored(d) == ["kuitansi.jpg|live"])


def test_attachments_in_english_and_a_file_too_big(driver, base_url):
    folder = Path(tempfile.mkdtemp(prefix="bo-attach-"))
    big = folder / "denah-kantor.png"
    with open(big, "wb") as f:
        f.truncate(26 * 1024 * 1024)
        f.seek(0)
        f.write(b"\x89PNG")
    new_contact(driver, base_url, "Dewi Lestari")
    detail = driver.current_url
    driver.get(detail.replace("#/", "?lang=en#/"))
    driver.refresh()
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    assert driver.find_element(By.ID, "attach-none").text == "No attachments yet."
    driver.find_element(By.ID, "attach-file").send_keys(str(big))
    wait_text(driver, "«denah-kantor.png» is larger than 25 MB and was not attached.")
    assert files_stored(driver) == []
    shot(driver, "attachments-too-big-en")
