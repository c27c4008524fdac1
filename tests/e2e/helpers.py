"""Small steps a person takes: open a screen, type into a labelled field, press a button."""
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import wait


def open_app(driver, base_url, hash_="#/contacts", query=""):
    driver.get(f"{base_url}{query}{hash_}")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))


def heading(driver):
    """The page heading; "" while the page is being replaced."""
    try:
        return driver.find_element(By.CSS_SELECTOR, "main h1").text
    except (NoSuchElementException, StaleElementReferenceException):
        return ""


def button(driver, text, timeout=15):
    """A button or link whose visible text is exactly `text`, once it is shown: a person
    waits for the page they opened (or the part of the app drawing it) before clicking."""
    xp = f"//main//*[self::button or self::a or @role='option'][normalize-space(.)='{text}'] | //div[contains(@class,'bo-toasts') or contains(@class,'bo-overlay') or contains(@class,'bo-banner')]//button[normalize-space(.)='{text}']"
    found = []

    def shown(d):
        try:
            found[:] = [e for e in d.find_elements(By.XPATH, xp) if e.is_displayed()]
        except StaleElementReferenceException:
            # The page was being replaced: look again.
            return False
        return bool(found)

    try:
        wait(driver, shown, timeout)
    except TimeoutException:
        raise AssertionError(f"no button {text!r}") from None
    return found[0]


def click(driver, text):
    button(driver, text).click()


def field(driver, field_id, timeout=15):
    """An element by its id once it is there, as a person waits for it: a form or an
    importer is drawn by its part of the app a moment after the page's heading."""
    wait(driver, lambda d: d.find_elements(By.ID, field_id), timeout)
    return driver.find_element(By.ID, field_id)


def fill(driver, field_id, text):
    el = field(driver, field_id)
    el.clear()
    el.send_keys(text)
    return el


def body_text(driver):
    return driver.find_element(By.TAG_NAME, "body").text


def wait_text(driver, text, timeout=15):
    wait(driver, lambda d: text in body_text(d), timeout)


def table_rows(driver):
    return [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table.bo-table tbody tr")]


def local_storage(driver, key):
    return driver.execute_script("return localStorage.getItem(arguments[0])", key)


def new_contact(driver, base_url, name, email="", phone="", org=""):
    open_app(driver, base_url, "#/contacts/new")
    fill(driver, "f-name", name)
    if email:
        fill(driver, "f-emails", email)
    if phone:
        fill(driver, "f-phones", phone)
    if org:
        fill(driver, "f-organisation", org)
    click(driver, "Simpan")
    try:
        wait(driver, lambda d: heading(d) == name)
    except Exception:
        from conftest import shot
        shot(driver, "new-contact-failed")
        print("BODY:", body_text(driver)[:600])
        print("LOG:", driver.get_log("browser"))
        print("URL:", driver.current_url)
        open("/tmp/page.html", "w").write(driver.page_source)
        raise


def alert(driver, timeout=5):
    """The browser's confirm or alert box; a click's handler may open it a moment later."""
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout).until(EC.alert_is_present())
