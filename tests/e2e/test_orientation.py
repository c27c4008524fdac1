"""Where am I: every screen has its own document title, and the first Tab stop skips the
navigation to the page."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import wait
from helpers import heading, open_app


def test_each_screen_has_its_own_title_and_a_skip_link(driver, base_url):
    for href, title in [("#/", "Meja depan"), ("#/contacts", "Kontak"), ("#/items", "Persediaan"), ("#/settings", "Pengaturan")]:
        open_app(driver, base_url, href)
        wait(driver, lambda d: d.title == f"{title} · Back Office")
    open_app(driver, base_url, "#/contacts", query="?lang=en")
    wait(driver, lambda d: d.title == "Contacts · Back Office")
    # A page just opened: the first Tab reaches the skip link; Enter lands on the page.
    open_app(driver, base_url, "#/", query="?lang=en")
    driver.refresh()
    wait(driver, lambda d: heading(d) == "Front desk")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    skip = driver.switch_to.active_element
    assert skip.text == "Skip to content" and skip.is_displayed()
    skip.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.switch_to.active_element.tag_name == "h1")
    assert heading(driver) == "Front desk" and driver.current_url.endswith("#/")
