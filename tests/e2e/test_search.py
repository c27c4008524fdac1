"""Search everywhere: Ctrl+K from any screen, every list searched at once by any words,
the keyboard all the way to a record and back, the trash left out, both languages."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import shot, wait
from helpers import click, heading, new_contact, open_app, wait_text
from test_inventory import new_item


def results(driver):
    """[(list heading, [titles])] as drawn."""
    return [(g.find_element(By.TAG_NAME, "h2").text, [li.text for li in g.find_elements(By.TAG_NAME, "li")])
            for g in driver.find_elements(By.CSS_SELECTOR, ".bo-search-results section")]


def active_id(driver):
    return driver.switch_to.active_element.get_attribute("id")


def test_ctrl_k_finds_records_of_every_list_and_opens_one_by_keyboard(driver, base_url):
    new_contact(driver, base_url, "Budi Santoso", org="PT Maju Jaya")
    new_contact(driver, base_url, "Ani Wijaya", org="CV Budi Makmur")
    new_item(driver, base_url, "ATK-001", "Kertas A4 untuk Budi", "rim", "Gudang", "10", "20", "45.000")
    wait(driver, lambda d: heading(d) == "ATK-001 Kertas A4 untuk Budi")

    # From the Today view, Ctrl+K opens the search with the box ready for typing.
    open_app(driver, base_url, "#/")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
    wait(driver, lambda d: heading(d) == "Cari")
    wait(driver, lambda d: active_id(d) == "search-all")
    wait_text(driver, "Ketik nama, nomor, tempat, atau kata apa pun: semua daftar dicari sekaligus.")

    # One word, grouped by list: the contact named so first (the contact whose company has it
    # after it), then the item with it in its title.
    driver.switch_to.active_element.send_keys("budi")
    wait_text(driver, "3 data ditemukan.")
    assert results(driver) == [("Kontak", ["Budi Santoso", "Ani Wijaya"]), ("Barang persediaan", ["ATK-001 Kertas A4 untuk Budi"])], results(driver)
    # The arrows go through every list's results in the order drawn.
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    wait(driver, lambda d: d.switch_to.active_element.text == "ATK-001 Kertas A4 untuk Budi")
    for _ in range(3):
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    wait(driver, lambda d: active_id(d) == "search-all")
    shot(driver, "search-id")
    # Every word must be there, in any case.
    driver.switch_to.active_element.send_keys(" SAN")
    wait_text(driver, "1 data ditemukan.")
    assert results(driver) == [("Kontak", ["Budi Santoso"])]

    # Down to the result, Enter opens it; back again, the search is as it was.
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    wait(driver, lambda d: d.switch_to.active_element.text == "Budi Santoso")
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    wait(driver, lambda d: active_id(d) == "search-all")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    driver.back()
    wait(driver, lambda d: heading(d) == "Cari")
    assert driver.find_element(By.ID, "search-all").get_attribute("value") == "budi SAN"
    wait_text(driver, "1 data ditemukan.")

    # A record in the trash is not found.
    open_app(driver, base_url, "#/contacts")
    click(driver, "Ani Wijaya")
    wait(driver, lambda d: heading(d) == "Ani Wijaya")
    click(driver, "Hapus")
    wait_text(driver, "dipindah ke tempat sampah")
    open_app(driver, base_url, "#/search")
    fill_search = driver.find_element(By.ID, "search-all")
    fill_search.clear()
    fill_search.send_keys("wijaya")
    wait_text(driver, "Tidak ada data yang cocok dengan semua kata itu.")
    assert results(driver) == []

    # English, and the header's way in names its key.
    open_app(driver, base_url, "#/contacts", "?lang=en")
    link = driver.find_element(By.CSS_SELECTOR, ".bo-search-link")
    assert link.get_attribute("aria-keyshortcuts") == "Control+K" and link.text.startswith("Search"), link.text
    link.click()
    wait(driver, lambda d: heading(d) == "Search")
    box = driver.find_element(By.ID, "search-all")
    box.clear()
    box.send_keys("kertas")
    wait_text(driver, "1 record found.")
    assert results(driver) == [("Supply items", ["ATK-001 Kertas A4 untuk Budi"])]
    shot(driver, "search-en")
