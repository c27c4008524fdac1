"""The audit trail as an office manager checks it: who did what to which record, before and
after; Verify proves the chain, and names the first entry someone changed afterwards."""
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import shot, wait, wait_file
from helpers import body_text, button, click, fill, heading, new_contact, open_app, wait_text, field
from stored import rewrite_list, stored_list


def audit_rows(driver):
    return [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#audit-table tbody tr")]


def test_every_change_is_logged_verified_exported_and_tampering_shows(driver, base_url, downloads):
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-user_name", "Dewi Lestari")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Pengaturan")

    new_contact(driver, base_url, "Budi Santoso", email="budi@maju.co.id")
    contact_url = driver.current_url
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-role"))
    fill(driver, "f-role", "Direktur")
    click(driver, "Simpan")
    wait_text(driver, "Direktur")
    # Saved again untouched: nothing to log.
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-role"))
    click(driver, "Simpan")
    wait(driver, lambda d: "/edit" not in d.current_url)
    click(driver, "Hapus")
    wait_text(driver, "dipindah ke tempat sampah")
    button(driver, "Urungkan").click()
    wait_text(driver, "Dipulihkan.")

    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-table"))
    assert "5 entri; tautan terakhir" in driver.find_element(By.ID, "audit-summary").text
    rows = audit_rows(driver)
    assert len(rows) == 5, rows
    assert rows[0].startswith("5") and "Pulihkan · Kontak" in rows[0] and "Dewi Lestari" in rows[0]
    assert "Ke tempat sampah · Kontak" in rows[1]
    assert "Ubah · Kontak" in rows[2] and "Jabatan: (kosong) → Direktur" in rows[2], rows[2]
    assert "Buat · Kontak" in rows[3] and "Nama: Budi Santoso" in rows[3] and "budi@maju.co.id" in rows[3]
    # A change of Settings is logged too, by the field's label on the Settings screen.
    assert "Ubah · Pengaturan" in rows[4] and "Siapa yang memakai browser ini: (kosong) → Dewi Lestari" in rows[4], rows[4]
    driver.find_element(By.ID, "audit-h").location_once_scrolled_into_view
    shot(driver, "audit-trail-id")

    click(driver, "Periksa rantai")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-verified"))
    assert driver.find_element(By.ID, "audit-verified").text == "Rantai utuh: 5 entri diperiksa, tidak ada yang diubah."

    # The filter finds the entries of a field's value.
    fill(driver, "audit-filter", "direktur")
    wait(driver, lambda d: len(audit_rows(d)) == 1)
    driver.find_element(By.ID, "audit-filter").send_keys(Keys.CONTROL, "a", Keys.DELETE)
    wait(driver, lambda d: len(audit_rows(d)) == 5)

    # The log as CSV, a row per field changed, each with its entry's link.
    click(driver, "Ekspor CSV (;) Excel Indonesia")
    csv = wait_file(downloads, "-excel-id.csv").read_bytes().decode("utf-8").lstrip("\ufeff")
    lines = csv.splitlines()
    assert lines[0] == "No.;Waktu;Oleh;Tindakan;Daftar;ID data;Data;Kolom;Sebelum;Sesudah;Keterangan;Tautan"
    assert any(";Ubah;contacts;" in l and ";Jabatan;;Direktur;;" in l for l in lines), csv
    assert all(len(l.rsplit(";", 1)[1]) == 32 for l in lines[1:]), "every row has its link"

    # A backup carries the log beside the collections, and brings it back into a browser
    # whose own is empty: reset, then restore.
    click(driver, "Ekspor cadangan")
    backup_file = wait_file(downloads, ".json")
    backup = json.loads(backup_file.read_text(encoding="utf-8"))
    assert [e["action"] for e in backup["audit"]] == ["change", "create", "change", "trash", "restore"]
    assert "audit" not in backup["collections"]
    fill(driver, "reset-confirm", "HAPUS")
    click(driver, "Hapus semua data di browser ini")
    wait(driver, lambda d: "Belum ada entri." in body_text(d))
    driver.find_element(By.ID, "backup-file").send_keys(str(backup_file))
    wait(driver, lambda d: d.find_elements(By.ID, "backup-audit"))
    assert "jika diganti, jejak itu dipulihkan" in driver.find_element(By.ID, "backup-audit").text
    driver.find_element(By.CSS_SELECTOR, "input[value=replace]").click()
    click(driver, "Impor cadangan")
    wait_text(driver, "Semua data diganti")
    wait(driver, lambda d: "6 entri; tautan terakhir" in d.find_element(By.ID, "audit-summary").text)
    assert "Semua data diganti dengan " + backup_file.name in audit_rows(driver)[0]
    click(driver, "Periksa rantai")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-verified"))
    assert driver.find_element(By.ID, "audit-verified").text.startswith("Rantai utuh: 6 entri")

    # After a reload a save chains its entry to the stored log's last one.
    driver.refresh()
    driver.get(contact_url + "/edit")
    wait(driver, lambda d: d.find_elements(By.ID, "f-role"))
    fill(driver, "f-role", "Manajer")
    click(driver, "Simpan")
    wait_text(driver, "Manajer")
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: "7 entri; tautan terakhir" in d.find_element(By.ID, "audit-summary").text)
    click(driver, "Periksa rantai")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-verified"))
    assert driver.find_element(By.ID, "audit-verified").text.startswith("Rantai utuh: 7 entri")

    # Someone edits an entry in storage afterwards: Verify names it.
    def forge(entry):
        if entry["seq"] == 2:
            entry["who"] = "Orang lain"
    rewrite_list(driver, "audit", forge)
    driver.refresh()
    wait(driver, lambda d: d.find_elements(By.ID, "audit-table"))
    click(driver, "Periksa rantai")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-verified"))
    broken = driver.find_element(By.ID, "audit-verified")
    assert broken.text.startswith("Rantai putus di entri no. 2 (")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", broken)
    shot(driver, "audit-broken-id")

    # The log goes on: a later save is logged after the forged entry, and the log stays
    # what it was (nothing rewritten over it).
    driver.get(contact_url + "/edit")
    wait(driver, lambda d: d.find_elements(By.ID, "f-role"))
    fill(driver, "f-role", "Komisaris")
    click(driver, "Simpan")
    wait_text(driver, "Komisaris")
    stored = stored_list(driver, "audit")
    assert [e["seq"] for e in stored] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert stored[1]["who"] == "Orang lain"
    assert "Komisaris" in body_text(driver)


def test_older_entries_are_archived_to_a_file_first_and_the_chain_still_verifies(driver, base_url, downloads):
    new_contact(driver, base_url, "Budi Santoso")
    new_contact(driver, base_url, "Siti Rahma")
    # Both entries were made before a date far ahead (a date near today would depend on the
    # hour and the browser's time zone).
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-table"))
    driver.execute_script("const i = document.getElementById('audit-before'); i.value = '2099-01-01'; i.dispatchEvent(new Event('input', {bubbles: true}))")
    click(driver, "Unduh entri yang akan diarsipkan")
    archived = json.loads(wait_file(downloads, ".json").read_text(encoding="utf-8"))
    assert archived["format"] == "backoffice-audit-archive"
    assert [e["title"] for e in archived["entries"]] == ["Budi Santoso", "Siti Rahma"]
    # Nothing has left the log until asked.
    assert len(stored_list(driver, "audit")) == 2
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button(driver, "Keluarkan 2 entri dari jejak"))
    shot(driver, "audit-archive-confirm-id")
    click(driver, "Keluarkan 2 entri dari jejak")
    wait_text(driver, "2 entri diarsipkan")
    rows = audit_rows(driver)
    assert len(rows) == 1 and "Arsip · Jejak audit" in rows[0] and "2 entri (no. 1–2) diarsipkan" in rows[0], rows
    click(driver, "Periksa rantai")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-verified"))
    assert driver.find_element(By.ID, "audit-verified").text.startswith("Rantai utuh: 1 entri")


def test_an_import_is_one_entry_and_english_reads_the_same(driver, base_url, tmp_path):
    csv_file = tmp_path / "kontak.csv"
    csv_file.write_bytes("Nama;Email\nBudi Santoso;budi@maju.co.id\nSiti Rahma;siti@jaya.id\n".encode("utf-8"))
    open_app(driver, base_url, "#/contacts/import")
    field(driver, "import-file").send_keys(str(csv_file))
    wait_text(driver, "2 baris siap diimpor")
    click(driver, "Impor 2 kontak")
    wait(driver, lambda d: heading(d) == "Kontak")
    open_app(driver, base_url, "#/data")
    wait(driver, lambda d: d.find_elements(By.ID, "audit-table"))
    driver.find_element(By.XPATH, "//header//button[normalize-space(.)='EN']").click()
    wait(driver, lambda d: "1 entry; last link" in d.find_element(By.ID, "audit-summary").text)
    rows = audit_rows(driver)
    assert len(rows) == 1 and "Import · Contacts" in rows[0] and "2 records imported" in rows[0], rows
    driver.find_element(By.ID, "audit-h").location_once_scrolled_into_view
    shot(driver, "audit-import-en")
