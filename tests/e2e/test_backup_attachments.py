"""A backup with its attachments, as an office moving to a new computer makes one: the .zip
holds the backup and every file under its own name, comes back whole after "Remove all
data", keeps this browser's files on a merge, names a damaged file, and a plain backup's
replace moves the files of records it does not hold to the trash."""
import json
import os
from datetime import datetime
from zoneinfo import ZoneInfo
import tempfile
import zipfile
from pathlib import Path

from selenium.webdriver.common.by import By

from conftest import shot, wait, wait_file
from helpers import click, fill, new_contact, open_app, wait_text

FILES = """
const done = arguments[arguments.length - 1];
const req = indexedDB.open('backoffice');
req.onsuccess = () => {
  const db = req.result;
  const all = db.transaction('files').objectStore('files').getAll();
  all.onsuccess = async () => {
    const out = [];
    for (const f of all.result) {
      out.push([f.name, f.owner.split('/')[0], f.removed ? 'removed' : 'live', f.type, await f.blob.text()]);
    }
    db.close();
    done(out.sort());
  };
};
req.onerror = () => done(['error']);
"""

# Whether the page asks before it is closed (a `beforeunload` it cancels).
CLOSE = """
const e = new Event('beforeunload', {cancelable: true});
window.dispatchEvent(e);
return e.defaultPrevented;
"""

# The import clicked, and the tab closed in the same moment.
IMPORT_THEN_CLOSE = """
const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Impor cadangan');
button.click();
""" + CLOSE


def files_stored(driver):
    return driver.execute_async_script(FILES)


def attach(driver, *paths):
    wait(driver, lambda d: d.find_elements(By.ID, "attach-file"))
    before = len(driver.find_elements(By.CSS_SELECTOR, "#attach-list li"))
    driver.find_element(By.ID, "attach-file").send_keys("\n".join(str(p) for p in paths))
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#attach-list li")) == before + len(paths))


def reset(driver, base_url):
    open_app(driver, base_url, "#/data")
    fill(driver, "reset-confirm", "HAPUS")
    click(driver, "Hapus semua data di browser ini")
    wait(driver, lambda d: files_stored(d) == [])


def choose_backup(driver, path):
    wait(driver, lambda d: d.find_elements(By.ID, "backup-file"))
    driver.find_element(By.ID, "backup-file").send_keys(str(path))


def test_a_zip_backup_brings_every_file_back(driver, base_url, downloads):
    folder = Path(tempfile.mkdtemp(prefix="bo-zip-"))
    cv = folder / "CV Budi Santoso.pdf"
    cv.write_text("%PDF-1.4 riwayat hidup Budi " + "x" * 3000)
    ktp = folder / "foto KTP.txt"
    ktp.write_text("KTP 3171 0000 1111")
    contract = folder / "kontrak: 2026?.txt"
    contract.write_text("Kontrak kerja Siti")

    new_contact(driver, base_url, "Budi Santoso")
    budi = driver.current_url
    attach(driver, cv, ktp)
    new_contact(driver, base_url, "Siti Rahayu")
    attach(driver, contract)
    # One in the trash: it travels as it is.
    driver.find_element(By.CSS_SELECTOR, "#attach-list button[aria-label='Hapus kontrak: 2026?.txt']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "attach-none"))
    before = files_stored(driver)
    assert [f[2] for f in before] == ["live", "live", "removed"], before

    open_app(driver, base_url, "#/data")
    click(driver, "Ekspor cadangan dengan lampiran (.zip)")
    archive = wait_file(downloads, ".zip")
    wait_text(driver, "Cadangan dengan 3 lampiran diunduh.")
    assert archive.name.startswith("backoffice-backup-")
    # Any unzip program opens it, every checksum right, each file under its own name.
    with zipfile.ZipFile(archive) as z:
        assert z.testzip() is None
        names = z.namelist()
        assert names[0] == "backoffice-backup.json" and names[-1] == "attachments.json", names
        backup = json.loads(z.read("backoffice-backup.json"))
        assert backup["format"] == "backoffice-backup" and "contacts" in backup["collections"]
        listed = json.loads(z.read("attachments.json"))["files"]
        by_name = {f["name"]: f for f in listed}
        assert z.read(by_name["CV Budi Santoso.pdf"]["path"]) == cv.read_bytes()
        assert by_name["CV Budi Santoso.pdf"]["path"].endswith("/CV Budi Santoso.pdf")
        # Unpacked, a file shows the day it was added (the browser's local time), not 1980.
        today = datetime.now(ZoneInfo(os.environ.get("BO_TEST_TZ", "Asia/Jakarta"))).date()
        assert z.getinfo(by_name["CV Budi Santoso.pdf"]["path"]).date_time[:3] == (today.year, today.month, today.day)
        # A name no file system takes is made safe inside the archive, kept in the list.
        assert by_name["kontrak: 2026?.txt"]["path"].endswith("/kontrak_ 2026_.txt")
        assert by_name["kontrak: 2026?.txt"]["removed"] is not None

    # A new computer: nothing here, then the archive.
    reset(driver, base_url)
    choose_backup(driver, archive)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-attachments"))
    note = driver.find_element(By.ID, "backup-attachments").text
    assert note.startswith("Arsip ini memuat 3 lampiran ("), note
    shot(driver, "backup-zip-preview-id")
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    # Closing the tab while the files are copied in asks first (the records are stored by
    # then, the files not yet); once they are in, closing asks nothing.
    assert driver.execute_script(IMPORT_THEN_CLOSE) is True
    wait_text(driver, "3 lampiran dipulihkan dari arsip.")
    wait(driver, lambda d: files_stored(d) == before)
    assert driver.execute_script(CLOSE) is False
    driver.get(budi)
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#attach-list li")) == 2)

    # A merge of the same archive keeps this browser's files.
    open_app(driver, base_url, "#/data")
    choose_backup(driver, archive)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-attachments"))
    click(driver, "Impor cadangan")
    wait_text(driver, "3 lampiran sudah ada di browser ini dan dipertahankan.")
    assert files_stored(driver) == before


def test_a_damaged_archive_is_refused_and_a_damaged_file_named(driver, base_url, downloads):
    folder = Path(tempfile.mkdtemp(prefix="bo-zip-"))
    slip = folder / "slip gaji.txt"
    slip.write_text("Slip gaji November: 5.000.000")
    memo = folder / "memo.txt"
    memo.write_text("Memo rapat")
    new_contact(driver, base_url, "Agus Wijaya")
    attach(driver, slip, memo)
    open_app(driver, base_url, "#/data")
    click(driver, "Ekspor cadangan dengan lampiran (.zip)")
    archive = wait_file(downloads, ".zip")
    good = archive.read_bytes()

    # Cut short while downloading: refused, nothing changed.
    cut = folder / "terpotong.zip"
    cut.write_bytes(good[: len(good) // 2])
    choose_backup(driver, cut)
    wait_text(driver, "Arsip ini rusak atau bukan arsip .zip")
    assert not driver.find_elements(By.ID, "backup-attachments")

    # One file's bytes altered after the archive was made: the rest comes back, that one is named.
    at = good.index(b"Slip gaji November")
    flipped = folder / "satu-rusak.zip"
    flipped.write_bytes(good[:at] + b"X" + good[at + 1 :])
    reset(driver, base_url)
    choose_backup(driver, flipped)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-attachments"))
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    click(driver, "Impor cadangan")
    wait_text(driver, "1 lampiran rusak di arsip dan tidak dipulihkan: slip gaji.txt.")
    wait_text(driver, "1 lampiran dipulihkan dari arsip.")
    assert [f[0] for f in files_stored(driver)] == ["memo.txt"]
    shot(driver, "backup-zip-damaged-id")

    # An archive whose backup lacks the record its files belong to (edited, or from another
    # app): merged into a browser without that record, the files are named as left out,
    # not stored where no screen would ever show them.
    reset(driver, base_url)
    orphaned = folder / "tanpa-kontak.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(orphaned, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "backoffice-backup.json":
                doc = json.loads(data)
                doc["collections"]["contacts"] = []
                data = json.dumps(doc).encode()
            out.writestr(info, data)
    choose_backup(driver, orphaned)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-attachments"))
    click(driver, "Impor cadangan")
    wait_text(driver, "2 lampiran di arsip tidak dipulihkan: catatannya tidak ada di cadangan maupun di browser ini.")
    assert files_stored(driver) == []


def test_a_plain_replace_moves_files_of_records_it_lacks_to_the_trash(driver, base_url, downloads):
    folder = Path(tempfile.mkdtemp(prefix="bo-zip-"))
    kept = folder / "npwp.txt"
    kept.write_text("NPWP PT Maju")
    later = folder / "penawaran.txt"
    later.write_text("Penawaran harga")
    new_contact(driver, base_url, "PT Maju Jaya")
    attach(driver, kept)
    open_app(driver, base_url, "#/data")
    click(driver, "Ekspor cadangan")
    backup = wait_file(downloads, ".json")
    new_contact(driver, base_url, "CV Sentosa")
    attach(driver, later)

    open_app(driver, base_url, "#/data")
    choose_backup(driver, backup)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input[value=replace]"))
    assert not driver.find_elements(By.ID, "backup-attachments")
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    click(driver, "Impor cadangan")
    wait_text(driver, "1 lampiran milik catatan yang tidak ada di cadangan dipindah ke tempat sampah.")
    stored = files_stored(driver)
    assert [(f[0], f[2]) for f in stored] == [("npwp.txt", "live"), ("penawaran.txt", "removed")], stored
    # Still there to take back or delete, named by the record it came from.
    open_app(driver, base_url, "#/trash")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-trash"))
    assert "dari «CV Sentosa»" in driver.find_element(By.CSS_SELECTOR, "#attach-trash li").text
    # Its record is gone, so the Trash is where it opens: a text file opens in a tab.
    tabs = len(driver.window_handles)
    driver.find_element(By.CSS_SELECTOR, "#attach-trash li button.bo-link").click()
    wait(driver, lambda d: len(d.window_handles) == tabs + 1)
    shot(driver, "trash-attachments-id")
