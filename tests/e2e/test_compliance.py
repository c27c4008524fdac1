"""The paralegal's compliance register: the common Indonesian deadlines added in one click
(once), a licence renewal three days overdue named on Today, recorded done with its evidence
from its page (evidence required, a due date done once), gone from Today, the coming
deadlines exported as a calendar file, and the screens in English."""
import datetime

from test_assets import office_today
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait, wait_file
from helpers import alert, body_text, click, fill, heading, open_app, table_rows, wait_text
from test_finance import set_date


def long_date(d):
    days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    return f"{days[d.weekday()]}, {d.day} {months[d.month - 1]} {d.year}"


def test_an_overdue_licence_on_today_then_done_with_its_evidence(driver, base_url, downloads):
    open_app(driver, base_url, "#/obligations")
    wait_text(driver, "Belum ada kewajiban.")
    click(driver, "Tambahkan tenggat umum (Indonesia)")
    wait_text(driver, "6 tenggat ditambahkan.")
    wait(driver, lambda d: len(table_rows(d)) == 6)
    assert "Setor PPh 21 yang dipotong" in body_text(driver)
    click(driver, "Tambahkan tenggat umum (Indonesia)")
    wait_text(driver, "Semua tenggat umum sudah ada di daftar.")
    assert len(table_rows(driver)) == 6, "added once"

    # A permit that had to be renewed three days ago.
    due = office_today() - datetime.timedelta(days=3)
    open_app(driver, base_url, "#/obligations/new")
    wait(driver, lambda d: heading(d) == "Kewajiban baru")
    assert not driver.find_element(By.ID, "f-every").is_displayed(), "months asked only for every few months"
    fill(driver, "f-name", "Perpanjang izin reklame")
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("licence")
    Select(driver.find_element(By.ID, "f-repeat")).select_by_value("months")
    wait(driver, lambda d: d.find_element(By.ID, "f-every").is_displayed())
    set_date(driver, "f-first_due", due.isoformat())
    fill(driver, "f-owner", "Sari")
    click(driver, "Simpan")
    wait_text(driver, "Isi setiap berapa bulan: 1 sampai 120.")
    fill(driver, "f-every", "12")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Perpanjang izin reklame")
    wait_text(driver, "terlambat 3 hari")
    obligation_url = driver.current_url

    # Today names it, late.
    open_app(driver, base_url, "#/")
    wait_text(driver, "Kewajiban jatuh tempo")
    line = driver.find_element(By.XPATH, "//main//li[a[normalize-space(.)='Perpanjang izin reklame']]")
    assert "terlambat 3 hari" in line.text, line.text
    shot(driver, "compliance-today")
    line.find_element(By.TAG_NAME, "a").click()
    wait(driver, lambda d: heading(d) == "Perpanjang izin reklame")

    # Done, with its evidence (which is required).
    click(driver, "Selesai…")
    wait(driver, lambda d: heading(d) == "Catat selesai")
    assert driver.find_element(By.ID, "f-due").get_attribute("value") == due.isoformat()
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi.")
    fill(driver, "f-evidence", "SK 503/123/2026")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Perpanjang izin reklame")
    wait_text(driver, "SK 503/123/2026")
    next_year = due.replace(year=due.year + 1) if not (due.month == 2 and due.day == 29) else due.replace(year=due.year + 1, day=28)
    assert f"Berikutnya: {long_date(next_year)}." in body_text(driver), body_text(driver)
    assert "terlambat" not in body_text(driver)
    shot(driver, "compliance-obligation-done")

    # A due date is done once.
    oid = obligation_url.rsplit("/", 1)[1]
    open_app(driver, base_url, f"#/obligations_done/new/{oid}~{due.isoformat()}")
    fill(driver, "f-evidence", "lagi")
    click(driver, "Simpan")
    wait_text(driver, "Jatuh tempo ini sudah tercatat selesai.")

    click(driver, "Batal")
    alert(driver).accept()  # leaving what could not be saved is asked first
    open_app(driver, base_url, "#/")
    wait_text(driver, "Janji & rapat hari ini")
    assert "Perpanjang izin reklame" not in body_text(driver)

    # The coming deadlines as a calendar file, with reminders.
    open_app(driver, base_url, "#/obligations")
    click(driver, "Ekspor tenggat (.ics)")
    ics = wait_file(downloads, "kepatuhan.ics").read_bytes().decode("utf-8")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Setor PPh 21 yang dipotong\r\n" in ics, ics[:400]
    assert "TRIGGER:-P7D" in ics

    open_app(driver, base_url, "#/obligations", "?lang=en")
    wait_text(driver, "Add the common deadlines (Indonesia)")
    assert heading(driver) == "Compliance"
    shot(driver, "compliance-list-en")
