"""Front desk through the UI: a call logged by keyboard only, messages waiting, visitors."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import shot, wait
from stored import stored_list
from helpers import body_text, click, fill, heading, local_storage, new_contact, open_app, table_rows, wait_text, field


def active(driver):
    return driver.switch_to.active_element


def test_log_a_call_by_keyboard_only_then_handle_it(driver, base_url):
    new_contact(driver, base_url, "Pak Hendra", phone="0812 7777 8888")
    open_app(driver, base_url, "#/desk")
    shot(driver, "desk-empty-id")
    # Tab to «Catat telepon» and press Enter.
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(30):
        if active(driver).text == "Catat telepon":
            break
        active(driver).send_keys(Keys.TAB)
    assert active(driver).text == "Catat telepon"
    active(driver).send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Catat telepon")
    # Focus starts in the caller field; the time is already filled with now.
    wait(driver, lambda d: active(d).get_attribute("id") == "f-caller")
    assert field(driver, "f-at").get_attribute("value")
    active(driver).send_keys("Pak Hendra" + Keys.TAB + "0812 7777 8888" + Keys.TAB + "Keuangan" + Keys.TAB
                             + "Minta faktur bulan Oktober dikirim ulang.")
    shot(driver, "call-form-id")
    active(driver).send_keys(Keys.CONTROL, Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Pak Hendra → Keuangan")
    assert "Minta faktur" in body_text(driver)

    # The message waits for Keuangan, on the Today view and on Messages waiting.
    open_app(driver, base_url, "#/desk")
    wait_text(driver, "Untuk Keuangan (1)")
    shot(driver, "desk-with-message-id")
    open_app(driver, base_url, "#/messages")
    wait_text(driver, "Minta faktur")
    click(driver, "Tandai selesai")
    wait_text(driver, "Tidak ada pesan yang menunggu.")
    driver.refresh()
    wait_text(driver, "Tidak ada pesan yang menunggu.")
    open_app(driver, base_url, "#/calls")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    assert "Selesai" in table_rows(driver)[0]
    shot(driver, "calls-list-id")


def test_required_fields_and_bad_time_on_a_call(driver, base_url):
    open_app(driver, base_url, "#/calls/new")
    fill(driver, "f-caller", "Ibu Sari")
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi.")
    assert local_storage(driver, "bo.c.calls") is None


def test_visitor_check_in_and_out(driver, base_url):
    open_app(driver, base_url, "#/visitors/new")
    fill(driver, "f-name", "Ibu Rina")
    fill(driver, "f-company", "PT Sinar")
    fill(driver, "f-host", "Pak Joko").send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Ibu Rina")
    open_app(driver, base_url, "#/desk")
    # Opened afresh: the code that saves comes with the first quick action.
    driver.refresh()
    wait_text(driver, "bertemu Pak Joko")
    shot(driver, "desk-visitor-in-id")
    click(driver, "Keluar")
    wait_text(driver, "Tidak ada tamu di gedung.")
    wait_text(driver, "«Ibu Rina» sudah keluar.")
    driver.refresh()
    wait_text(driver, "Tidak ada tamu di gedung.")
    open_app(driver, base_url, "#/visitors")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    row = table_rows(driver)[0]
    assert row.startswith("Ibu Rina")
    stored = stored_list(driver, "visitors")
    assert stored[0]["check_out"].startswith("20")
    shot(driver, "visitors-list-id")

    # Check-out before check-in is refused next to the field.
    driver.find_element(By.CSS_SELECTOR, "main table tbody tr a").click()
    wait(driver, lambda d: heading(d) == "Ibu Rina")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-check_out"))
    driver.execute_script("const e = document.getElementById('f-check_out'); e.value = '2000-01-01T08:00'; e.dispatchEvent(new Event('input', {bubbles: true}))")
    click(driver, "Simpan")
    wait_text(driver, "Waktu keluar tidak boleh sebelum waktu masuk.")


def test_call_links_a_contact_found_by_search_or_made_on_the_spot(driver, base_url):
    new_contact(driver, base_url, "Pak Hendra", phone="0812 7777 8888")
    open_app(driver, base_url, "#/calls/new")
    fill(driver, "f-caller", "Pak Hendra")
    fill(driver, "f-for_whom", "Keuangan")
    # A search, not a list of every contact: a few letters find him.
    fill(driver, "f-contact_id", "hend")
    wait_text(driver, "Buat kontak baru «hend»")
    driver.execute_script("document.getElementById('f-contact_id').scrollIntoView({block: 'center'})")
    shot(driver, "call-contact-search-id")
    click(driver, "Pak Hendra")
    wait_text(driver, "Lepas tautan")
    shot(driver, "call-contact-picked-id")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Pak Hendra → Keuangan")
    assert "Pak Hendra" in driver.find_element(By.CSS_SELECTOR, "main dl").text

    # A caller who is not a contact yet becomes one without leaving the form.
    open_app(driver, base_url, "#/calls/new")
    fill(driver, "f-caller", "Ibu Sari")
    fill(driver, "f-for_whom", "HRD")
    # By keyboard, as a combobox: Esc closes the list and only the list (the form stays).
    search = field(driver, "f-contact_id")
    assert search.get_attribute("role") == "combobox" and search.get_attribute("aria-expanded") == "false"
    fill(driver, "f-contact_id", "Ibu Sari Dewi")
    wait(driver, lambda d: search.get_attribute("aria-expanded") == "true")
    search.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: search.get_attribute("aria-expanded") == "false")
    assert heading(driver) == "Catat telepon" and driver.switch_to.active_element == search
    # ArrowDown reaches the one option (make the contact); Enter takes it, focus stays.
    fill(driver, "f-contact_id", "Ibu Sari Dewi")
    search.send_keys(Keys.ARROW_DOWN)
    option = driver.find_element(By.ID, search.get_attribute("aria-activedescendant"))
    assert option.get_attribute("aria-selected") == "true" and option.text == "Buat kontak baru «Ibu Sari Dewi»"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", search)
    shot(driver, "call-contact-combobox-id")
    search.send_keys(Keys.ENTER)
    wait_text(driver, "Lepas tautan")
    assert driver.switch_to.active_element == search and heading(driver) == "Catat telepon"
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Ibu Sari → HRD")
    assert "Ibu Sari Dewi" in driver.find_element(By.CSS_SELECTOR, "main dl").text
    driver.refresh()
    open_app(driver, base_url, "#/contacts")
    wait(driver, lambda d: len(table_rows(d)) == 2)
    assert any(r.startswith("Ibu Sari Dewi") for r in table_rows(driver))
