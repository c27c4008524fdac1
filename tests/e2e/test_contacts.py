"""Contacts through the UI: create, validate, edit, delete with undo, trash, reload, deep links."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import shot, wait
from helpers import (field, body_text, alert, button, click, fill, heading, local_storage, new_contact,
                     open_app, table_rows, wait_text)


def test_create_validate_edit_delete_undo_and_reload(driver, base_url):
    open_app(driver, base_url)
    shot(driver, "contacts-empty-id")
    click(driver, "Kontak baru")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    # The form opens with focus in the first field.
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "f-name")

    # Bad input: no name, a broken e-mail. Nothing is saved, messages sit next to the fields.
    fill(driver, "f-emails", "budi-at-maju")
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi.")
    assert "Alamat email tidak valid" in body_text(driver)
    shot(driver, "contact-form-errors-id")
    assert local_storage(driver, "bo.c.contacts") is None
    # Cancel after the refused save says that nothing was saved; staying keeps what was typed.
    click(driver, "Batal")
    box = alert(driver)
    assert box.text == "Simpan tadi ditolak, jadi isian ini belum tersimpan. Tinggalkan tanpa menyimpan?", box.text
    box.dismiss()
    assert field(driver, "f-emails").get_attribute("value") == "budi-at-maju"

    fill(driver, "f-name", "Budi Santoso")
    fill(driver, "f-emails", "budi@maju.co.id")
    fill(driver, "f-phones", "+62 812 1111 2222")
    fill(driver, "f-organisation", "PT Maju Jaya")
    fill(driver, "f-tags", "vip, jakarta")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    assert "budi@maju.co.id" in body_text(driver)
    shot(driver, "contact-detail-id")
    detail_url = driver.current_url
    assert "#/contacts/" in detail_url

    # Reload the deep link: the record is still there.
    driver.refresh()
    wait(driver, lambda d: heading(d) == "Budi Santoso")

    # Edit.
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-role"))
    fill(driver, "f-role", "Direktur")
    click(driver, "Simpan")
    wait_text(driver, "Direktur")

    # The list shows it, searchable and sortable.
    new_contact(driver, base_url, "Ani Wijaya", email="ani@contoh.id")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 2)
    assert table_rows(driver)[0].startswith("Ani Wijaya")
    sort_by_name = driver.find_elements(By.CSS_SELECTOR, "th .bo-sort")[0]
    assert sort_by_name.text.startswith("Nama")
    sort_by_name.click()  # already ascending: this turns it to descending
    wait(driver, lambda d: table_rows(d)[0].startswith("Budi"))
    # Another column sorts by its own values (its keys are only built when asked for).
    heads = driver.find_elements(By.CSS_SELECTOR, "th .bo-sort")
    for direction in ("ascending", "descending"):
        heads[1].click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "th")[1].get_attribute("aria-sort") == direction)
        col = [r.find_elements(By.TAG_NAME, "td")[1].text.lower() for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
        assert col == sorted(col, reverse=direction == "descending"), (direction, col)
    heads[0].click()
    wait(driver, lambda d: table_rows(d)[0].startswith("Ani"))
    search = driver.find_element(By.CSS_SELECTOR, "input[type=search]")
    search.send_keys("maju")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    assert "1 dari 2 data" in body_text(driver)
    shot(driver, "contacts-list-search-id")
    search.clear()
    search.send_keys("zzz-nothing")
    wait_text(driver, "Tidak ada yang cocok")

    # Saved, then deleted: Undo in the toast brings it back.
    driver.get(detail_url)
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    click(driver, "Hapus")
    wait_text(driver, "dipindah ke tempat sampah")
    shot(driver, "contact-deleted-undo-toast-id")
    # The deletion's message replaced the save's at once.
    assert "disimpan" not in driver.find_element(By.CSS_SELECTOR, ".bo-toasts").text
    undo = button(driver, "Urungkan")
    driver.execute_script("arguments[0].focus()", undo)
    assert driver.switch_to.active_element == undo
    undo.click()
    wait_text(driver, "Dipulihkan.")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 2)

    # Delete again → Trash → restore.
    driver.get(detail_url)
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    click(driver, "Hapus")
    wait(driver, lambda d: "#/contacts" in d.current_url and heading(d) == "Kontak")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    open_app(driver, base_url, "#/trash")
    wait_text(driver, "Budi Santoso")
    shot(driver, "trash-id")
    click(driver, "Pulihkan")
    wait_text(driver, "Tempat sampah kosong.")
    driver.refresh()
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 2)


def test_unsaved_changes_guard(driver, base_url):
    open_app(driver, base_url, "#/contacts/new")
    fill(driver, "f-name", "Setengah jadi")
    driver.find_element(By.CSS_SELECTOR, "nav a[href='#/settings']").click()
    asked = alert(driver)
    assert "belum disimpan" in asked.text
    asked.dismiss()
    assert field(driver, "f-name").get_attribute("value") == "Setengah jadi"
    assert "#/contacts/new" in driver.current_url


def test_keyboard_enter_saves_and_escape_cancels(driver, base_url):
    open_app(driver, base_url, "#/contacts/new")
    fill(driver, "f-name", "Citra Lestari").send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Citra Lestari")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    field(driver, "f-name").send_keys(Keys.ESCAPE)
    wait(driver, lambda d: heading(d) == "Citra Lestari")


def test_deep_links_survive_reload_under_sub_path(driver, base_url):
    assert base_url.endswith("/office/")
    for hash_, title in [("#/settings", "Pengaturan"), ("#/data", "Data & cadangan"), ("#/trash", "Tempat sampah"),
                         ("#/contacts/import", "Impor kontak"), ("#/contacts/no-such-id", "Tidak ditemukan")]:
        driver.get(base_url + hash_)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and heading(d) == title)
        driver.refresh()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and heading(d) == title)


def test_language_from_url_and_switch(driver, base_url):
    open_app(driver, base_url, "#/contacts", query="?lang=en")
    assert heading(driver) == "Contacts"
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    shot(driver, "contacts-empty-en")
    driver.find_element(By.XPATH, "//header//button[normalize-space(.)='ID']").click()
    wait(driver, lambda d: heading(d) == "Kontak")
    # Settings choose the language for later visits.
    open_app(driver, base_url, "#/settings")
    from selenium.webdriver.support.ui import Select
    Select(driver.find_element(By.ID, "s-language")).select_by_value("en")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Settings")
    driver.get(base_url + "#/contacts")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1") and heading(d) == "Contacts")


def test_settings_validate_and_persist(driver, base_url):
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-company_name", "PT Sinar Terang")
    fill(driver, "s-tax_number", "12345")
    click(driver, "Simpan")
    wait_text(driver, "NPWP harus 15 atau 16 digit")
    shot(driver, "settings-error-id")
    fill(driver, "s-tax_number", "01.234.567.8-901.000")
    fill(driver, "s-departments", "Keuangan\nSDM\nOperasional")
    click(driver, "Simpan")
    wait_text(driver, "Pengaturan disimpan.")
    driver.refresh()
    wait(driver, lambda d: d.find_elements(By.ID, "s-company_name"))
    assert driver.find_element(By.ID, "s-company_name").get_attribute("value") == "PT Sinar Terang"
    assert driver.find_element(By.ID, "s-departments").get_attribute("value") == "Keuangan\nSDM\nOperasional"
    assert "PT Sinar Terang" in driver.find_element(By.CSS_SELECTOR, ".bo-brand").text


def test_phone_width_screens(driver, base_url):
    driver.set_window_size(390, 844)
    new_contact(driver, base_url, "Dewi Kartika", email="dewi@contoh.id", phone="0812 3333 4444", org="CV Kartika")
    shot(driver, "phone-detail-id")
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    shot(driver, "phone-list-id")
    open_app(driver, base_url, "#/contacts/new", query="?lang=en")
    shot(driver, "phone-form-en")
    # Nothing spills sideways out of the page.
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390


def overlaps(a, b):
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_messages_keep_clear_of_the_page_wait_for_undo_and_go_on_esc(driver, base_url):
    new_contact(driver, base_url, "Budi Santoso")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    # Saved twice: one message, not two of the same words.
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    toasts = driver.find_elements(By.CSS_SELECTOR, ".bo-toast")
    assert [t.text.count("disimpan") for t in toasts] == [1], [t.text for t in toasts]
    # The message sits beside the page, never over its content or buttons.
    assert not overlaps(toasts[0].rect, driver.find_element(By.CSS_SELECTOR, "main").rect)
    shot(driver, "toast-beside-page-id")
    click(driver, "Hapus")
    wait_text(driver, "dipindah ke tempat sampah")
    # The next thing done replaces the last one's message: never a pile of them.
    assert len(driver.find_elements(By.CSS_SELECTOR, ".bo-toast")) == 1, [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".bo-toast")]
    assert "disimpan" not in driver.find_element(By.CSS_SELECTOR, ".bo-toasts").text
    undo = button(driver, "Urungkan")
    driver.execute_script("arguments[0].focus()", undo)
    shot(driver, "toast-undo-id")
    # Someone on Undo is not rushed: the message stays past its time while it has focus.
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bo-toast")) == 1, 10)
    time.sleep(14)
    assert "dipindah ke tempat sampah" in driver.find_element(By.CSS_SELECTOR, ".bo-toasts").text
    # Esc puts it away and focus goes to the page heading, not the page's body.
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".bo-toast"))
    assert driver.switch_to.active_element.tag_name == "h1"
