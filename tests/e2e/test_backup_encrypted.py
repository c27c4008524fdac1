"""Encrypted backup files, as a person makes and opens them: a backup protected by a
passphrase of its own (a plain store), or by the store's own (an encrypted store, by
default); opened on import with its passphrase, a wrong one importing nothing; damage said
plainly; the .zip's backup encrypted too."""
import json
import zipfile

from selenium.webdriver.common.by import By

from conftest import shot, wait, wait_file
from helpers import body_text, click, fill, heading, new_contact, open_app, table_rows, wait_text
from test_encryption import RIGHT, NEW, encrypt, files, no_violations, stored

FILE_PASS = "arsip kantor 2026"


def upload(driver, path):
    driver.find_element(By.ID, "backup-file").send_keys(str(path))


def sealed(path):
    doc = json.loads(path.read_text())
    assert doc["format"] == "backoffice-sealed-backup" and doc["version"] == 1, list(doc)
    assert set(doc) == {"format", "version", "lock", "data"}
    return doc


def reset(driver, base_url):
    open_app(driver, base_url, "#/data")
    fill(driver, "reset-confirm", "HAPUS")
    click(driver, "Hapus semua data di browser ini")
    wait_text(driver, "Semua data dihapus.")


def test_a_backup_with_a_passphrase_of_its_own_opens_only_with_it(driver, base_url, downloads, tmp_path):
    new_contact(driver, base_url, "Rahasia Sentosa", phone="+62 812 7000 1000")
    cv = tmp_path / "CV Rahasia Sentosa.txt"
    cv.write_text("Gaji diminta: Rp 12.500.000")
    wait(driver, lambda d: d.find_elements(By.ID, "attach-file"))
    driver.find_element(By.ID, "attach-file").send_keys(str(cv))
    wait_text(driver, "Dilampirkan: CV Rahasia Sentosa.txt.")
    open_app(driver, base_url, "#/data")
    box = driver.find_element(By.ID, "backup-encrypt")
    assert not box.is_selected(), "a plain store's backups are plain unless asked"
    box.click()
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-new"))

    # The passphrase is checked before any key is made or any file written.
    fill(driver, "backup-pass-new", "pendek")
    fill(driver, "backup-pass-repeat", "pendek")
    click(driver, "Ekspor cadangan")
    wait_text(driver, "Frasa sandi paling sedikit 8 karakter.")
    fill(driver, "backup-pass-new", FILE_PASS)
    fill(driver, "backup-pass-repeat", FILE_PASS + "?")
    click(driver, "Ekspor cadangan")
    wait_text(driver, "Kedua frasa sandi baru tidak sama.")
    assert list(downloads.iterdir()) == []
    fill(driver, "backup-pass-repeat", FILE_PASS)
    shot(driver, "backup-encrypt-id")
    no_violations(driver)
    click(driver, "Ekspor cadangan")
    wait_text(driver, "Cadangan terenkripsi diunduh.", timeout=30)
    backup = wait_file(downloads, ".json")
    doc = sealed(backup)
    assert (doc["lock"]["kdf"], doc["lock"]["iterations"]) == ("PBKDF2-SHA256", 600000)
    text = backup.read_text()
    for secret in ["Rahasia", "7000", "contacts", "schema_version"]:
        assert secret not in text, secret

    # The archive is encrypted the same way: its backup, its list and its file, named by id.
    click(driver, "Ekspor cadangan dengan lampiran (.zip)")
    archive = wait_file(downloads, ".zip", timeout=30)
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    assert json.loads(parts["backoffice-backup.json"])["format"] == "backoffice-sealed-backup"
    assert json.loads(parts["attachments.json"])["format"] == "backoffice-sealed-backup"
    [inside] = [n for n in names if n.startswith("attachments/")]
    assert inside.endswith(".sealed") and "Rahasia" not in inside, names
    assert not any(b"Rahasia" in v or b"Gaji" in v for v in parts.values())

    # On another computer (here: after removing everything), the file asks for its passphrase.
    reset(driver, base_url)
    upload(driver, backup)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-current"))
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "backup-pass-current")
    assert "Cadangan ini dienkripsi." in body_text(driver)
    before = stored(driver)
    fill(driver, "backup-pass-current", "bukan frasanya")
    click(driver, "Buka cadangan")
    wait_text(driver, "Frasa sandi salah. Tidak ada yang diimpor; coba lagi.", timeout=30)
    shot(driver, "backup-sealed-wrong-id")
    no_violations(driver)
    assert stored(driver) == before
    fill(driver, "backup-pass-current", FILE_PASS)
    click(driver, "Buka cadangan")
    wait_text(driver, "Kontak: 1", timeout=30)
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    click(driver, "Impor cadangan")
    wait_text(driver, "Semua data diganti dengan isi cadangan.")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: "Rahasia Sentosa" in body_text(d))

    # The archive too, with its file back as it was added.
    reset(driver, base_url)
    upload(driver, archive)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-current"), timeout=30)
    fill(driver, "backup-pass-current", FILE_PASS)
    click(driver, "Buka cadangan")
    wait(driver, lambda d: "Arsip ini memuat 1 lampiran" in d.find_element(By.ID, "backup-attachments").text, timeout=30)
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    click(driver, "Impor cadangan")
    wait_text(driver, "1 lampiran dipulihkan dari arsip.", timeout=30)
    assert [(f["name"], f["sealed"], f["text"]) for f in files(driver)] == [("CV Rahasia Sentosa.txt", False, cv.read_text())]

    # A file cut short, or edited, is refused in words, and nothing changes.
    open_app(driver, base_url, "#/data")
    cut = tmp_path / "terpotong.json"
    cut.write_text(text[: len(text) // 2])
    upload(driver, cut)
    wait_text(driver, "Cadangan terenkripsi ini rusak atau terpotong dan tidak bisa dibuka. Tidak ada yang diubah.")
    edited = tmp_path / "diubah.json"
    doc["data"] = ("B" if doc["data"][60] == "A" else "A").join([doc["data"][:60], doc["data"][61:]])
    edited.write_text(json.dumps(doc))
    upload(driver, edited)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-current"))
    fill(driver, "backup-pass-current", FILE_PASS)
    click(driver, "Buka cadangan")
    wait_text(driver, "Cadangan terenkripsi ini rusak atau terpotong", timeout=30)
    assert not driver.find_elements(By.ID, "backup-pass-current")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 1)


def test_an_encrypted_stores_backups_are_encrypted_with_its_passphrase(driver, base_url, downloads):
    new_contact(driver, base_url, "Rahasia Sentosa", phone="+62 812 7000 1000")
    encrypt(driver, base_url)

    # By default, with the store's own key: no passphrase to type.
    open_app(driver, base_url, "#/data")
    assert driver.find_element(By.ID, "backup-encrypt").is_selected()
    assert driver.find_elements(By.ID, "backup-encrypt-store") and not driver.find_elements(By.ID, "backup-pass-new")
    click(driver, "Ekspor cadangan")
    wait_text(driver, "Cadangan terenkripsi diunduh.")
    backup = wait_file(downloads, ".json")
    doc = sealed(backup)
    assert doc["lock"] == json.loads(stored(driver)["bo.lock"]), "the file carries the store's lock"
    assert "Rahasia" not in backup.read_text()

    # Back into the same store: it opens with the key the store is open with.
    upload(driver, backup)
    wait_text(driver, "Kontak: 1", timeout=30)
    assert not driver.find_elements(By.ID, "backup-pass-current")
    click(driver, "Batal")

    # Unticked, the file is plain, and the page says so first.
    driver.find_element(By.ID, "backup-encrypt").click()
    wait_text(driver, "tetapi berkas cadangan ini tidak akan dienkripsi")
    backup.unlink()
    click(driver, "Ekspor cadangan")
    plain = wait_file(downloads, ".json")
    assert json.loads(plain.read_text())["format"] == "backoffice-backup" and "Rahasia" in plain.read_text()
    plain.unlink()

    # A new passphrase later: the file still opens with the one it was made with.
    driver.find_element(By.ID, "backup-encrypt").click()
    click(driver, "Ekspor cadangan")
    backup = wait_file(downloads, ".json")
    open_app(driver, base_url, "#/settings")
    wait(driver, lambda d: d.find_elements(By.ID, "crypt-current"))
    fill(driver, "crypt-current", RIGHT)
    fill(driver, "crypt-new", NEW)
    fill(driver, "crypt-repeat", NEW)
    click(driver, "Ganti frasa sandi")
    wait_text(driver, "Frasa sandi diganti, dan semua data serta lampiran dienkripsi ulang", timeout=30)
    open_app(driver, base_url, "#/data")
    upload(driver, backup)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-current"))
    fill(driver, "backup-pass-current", NEW)
    click(driver, "Buka cadangan")
    wait_text(driver, "Frasa sandi salah.", timeout=30)
    fill(driver, "backup-pass-current", RIGHT)
    click(driver, "Buka cadangan")
    wait_text(driver, "Kontak: 1", timeout=30)

    # In English at phone width.
    driver.set_window_size(390, 844)
    driver.get(base_url + "?lang=en#/data")
    wait(driver, lambda d: heading(d) == "Back Office is locked")
    fill(driver, "lock-pass", NEW)
    click(driver, "Open")
    wait(driver, lambda d: d.find_elements(By.ID, "backup-encrypt"), timeout=30)
    wait_text(driver, "opens with its passphrase")
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    driver.execute_script("document.getElementById('backup-encrypt').scrollIntoView({block: 'center'})")
    shot(driver, "backup-encrypt-store-en-390")
    upload(driver, backup)
    wait(driver, lambda d: d.find_elements(By.ID, "backup-pass-current"))
    driver.execute_script("document.getElementById('backup-pass-current').scrollIntoView({block: 'center'})")
    shot(driver, "backup-sealed-ask-en-390")
    no_violations(driver)
