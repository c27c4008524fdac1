"""Assets through the UI: register a laptop, check it out and in, log a repair, see its
scheduled maintenance overdue and cleared by a service, the register's book value; reload."""
from datetime import datetime, timedelta, timezone

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait
from stored import stored_list
from helpers import alert, body_text, click, fill, heading, open_app, wait_text, field
from test_calendar import set_input

TITLE = "IT-001 Laptop Budi"


def office_today():
    # The browser runs in Asia/Jakarta (see browser.py).
    return (datetime.now(timezone.utc) + timedelta(hours=7)).date()


def expected_book_value():
    t = office_today()
    months = (t.year - 2025) * 12 + t.month - 11  # bought on the 1st: whole months so far
    acc = (12_000_000 - 2_400_000) * min(months, 48) // 48
    return f"Rp {12_000_000 - acc:,}".replace(",", ".")


def new_laptop(driver, base_url, tag="IT-001"):
    open_app(driver, base_url, "#/assets/new")
    fill(driver, "f-tag", tag)
    fill(driver, "f-name", "Laptop Budi")
    Select(field(driver, "f-category")).select_by_value("it")
    fill(driver, "f-serial", "SN-5521")
    set_input(driver, "f-purchase_date", "2025-11-01")
    fill(driver, "f-cost", "12.000.000")
    fill(driver, "f-salvage", "2.400.000")
    fill(driver, "f-life_months", "48")
    assert not field(driver, "f-every_unit").is_displayed(), "no schedule, no unit"
    fill(driver, "f-every", "6")
    click(driver, "Simpan")


def test_asset_check_out_in_repair_maintenance_and_book_value(driver, base_url):
    new_laptop(driver, base_url)
    wait(driver, lambda d: heading(d) == TITLE)
    text = body_text(driver)
    assert "Tidak sedang dipinjam" in text
    assert f"Nilai buku: {expected_book_value()}" in text, text
    assert "Perawatan berikutnya: Jumat, 1 Mei 2026 — terlambat" in text

    # The same tag twice is refused.
    new_laptop(driver, base_url, tag="it-001")
    wait_text(driver, "Nomor inventaris ini sudah dipakai aset lain.")
    click(driver, "Batal")
    alert(driver).accept()

    # Check out to Budi, then try again while it is out.
    open_app(driver, base_url, "#/assets")
    click(driver, "IT-001")
    wait(driver, lambda d: heading(d) == TITLE)
    click(driver, "Pinjamkan")
    wait(driver, lambda d: heading(d) == "Catatan aset baru")
    assert not field(driver, "f-vendor").is_displayed(), "a loan has no vendor"
    fill(driver, "f-who", "Budi")
    shot(driver, "asset-checkout-id")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == TITLE)
    wait_text(driver, "Dipinjam Budi sejak")
    # In words and with the date in the locale, not "«→ Budi 2026-12-01» saved".
    assert "Laptop Budi dipinjam oleh Budi, " in body_text(driver)
    asset_id = driver.current_url.rsplit("/", 1)[1]
    open_app(driver, base_url, f"#/assets/{asset_id}/checkout")
    fill(driver, "f-who", "Citra")
    click(driver, "Simpan")
    wait_text(driver, "Aset ini sedang dipinjam. Terima kembali dulu.")
    click(driver, "Batal")
    alert(driver).accept()
    wait(driver, lambda d: heading(d) == TITLE)
    open_app(driver, base_url, "#/assets")
    assert "Budi" in driver.find_element(By.CSS_SELECTOR, "main table tbody tr").text, "who has it shows in the list"
    click(driver, "IT-001")
    wait(driver, lambda d: heading(d) == TITLE)
    click(driver, "Terima kembali")
    wait_text(driver, "Aset diterima kembali.")
    wait_text(driver, "Tidak sedang dipinjam")

    # A repair, with cost and days out of use.
    click(driver, "Catat perbaikan")
    wait(driver, lambda d: heading(d) == "Catatan aset baru")
    fill(driver, "f-problem", "Layar berkedip")
    fill(driver, "f-action", "Ganti kabel layar")
    fill(driver, "f-vendor", "Servis Jaya Komputer")
    fill(driver, "f-cost", "350.000")
    fill(driver, "f-downtime", "2")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == TITLE)
    wait_text(driver, "Layar berkedip · Ganti kabel layar · Servis Jaya Komputer · 2 hari tidak terpakai")
    assert "Rp 350.000" in body_text(driver)
    shot(driver, "asset-id")

    # Maintenance was due six months after purchase: overdue until a service is logged.
    open_app(driver, base_url, "#/maintenance-due")
    assert "IT-001 Laptop Budi" in driver.find_element(By.ID, "due-list").text
    assert "terlambat" in driver.find_element(By.ID, "due-list").text
    shot(driver, "maintenance-due-id")
    open_app(driver, base_url, "#/desk")
    wait_text(driver, "1 aset perlu perawatan")
    open_app(driver, base_url, f"#/assets/{asset_id}/maintenance")
    fill(driver, "f-action", "Pembersihan dan cek baterai")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == TITLE)
    open_app(driver, base_url, "#/maintenance-due")
    wait_text(driver, "Tidak ada perawatan yang jatuh tempo.")

    # The register, and everything still there after a reload.
    open_app(driver, base_url, "#/asset-register")
    assert expected_book_value() in driver.find_element(By.ID, "register").text
    shot(driver, "asset-register-id")
    driver.refresh()
    wait(driver, lambda d: expected_book_value() in d.find_element(By.ID, "register").text)
    kinds = sorted(e["kind"] for e in stored_list(driver, "asset_log"))
    assert kinds == ["checkin", "checkout", "maintenance", "repair"]
    assert stored_list(driver, "assets")[0]["cost"] == 12000000, "money is stored as a number of minor units"


def test_an_assets_purchase_recorded_in_the_books_once(driver, base_url):
    from stored import stored_list as stored
    open_app(driver, base_url, "#/entries")
    click(driver, "Pakai bagan akun standar")
    wait_text(driver, "Bagan akun standar siap dipakai.")
    new_laptop(driver, base_url, tag="IT-009")
    wait(driver, lambda d: heading(d) == "IT-009 Laptop Budi")
    wait_text(driver, "Di pembukuan")
    click(driver, "Catat pembelian di pembukuan")
    wait_text(driver, "Pilih dulu kas atau rekening bank yang dipakai membayar.")
    Select(driver.find_element(By.ID, "asset-paid-from")).select_by_visible_text("1111 — Bank")
    click(driver, "Catat pembelian di pembukuan")
    wait_text(driver, "Pembelian aset ini sudah dicatat di pembukuan.")
    assert not [b for b in driver.find_elements(By.XPATH, "//button[normalize-space(.)='Catat pembelian di pembukuan']") if b.is_displayed()], "once"
    shot(driver, "asset-in-the-books")
    entries = [e for e in stored(driver, "entries") if e.get("source", "").startswith("assets/")]
    cost = [a for a in stored(driver, "assets") if a["tag"] == "IT-009"][0]["cost"]
    assert len(entries) == 1 and entries[0]["amount"] == cost and entries[0]["date"] == "2025-11-01", entries
    # The entry's page: money out of the bank into fixed assets.
    click(driver, "Pembelian aset ini sudah dicatat di pembukuan.")
    wait_text(driver, "Pembelian aset: Laptop Budi")
    assert "1501 — Aset tetap" in body_text(driver)
