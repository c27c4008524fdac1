"""The paralegal's compliance register: the common Indonesian deadlines added in one click
(once), a licence renewal three days overdue named on Today, recorded done with its evidence
from its page (evidence required, a due date done once), gone from Today, the coming
deadlines exported as a calendar file, and the screens in English."""
import datetime

from test_assets import office_today
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait, wait_file
from helpers import alert, body_text, click, fill, heading, open_app, table_rows, wait_text, field
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
    assert not field(driver, "f-every").is_displayed(), "months asked only for every few months"
    fill(driver, "f-name", "Perpanjang izin reklame")
    Select(field(driver, "f-kind")).select_by_value("licence")
    Select(field(driver, "f-repeat")).select_by_value("months")
    wait(driver, lambda d: field(d, "f-every").is_displayed())
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
    assert field(driver, "f-due").get_attribute("value") == due.isoformat()
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
    assert "Perpanjang izin reklame" not in driver.find_element(By.TAG_NAME, "main").text

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


def test_a_work_plan_with_tasks_late_work_on_today_and_two_quarters_compared(driver, base_url):
    today = office_today()
    open_app(driver, base_url, "#/work_plans/new")
    wait(driver, lambda d: heading(d) == "Rencana kerja baru")
    fill(driver, "f-name", "Tim Keuangan")
    fill(driver, "f-owner", "Keuangan")
    Select(field(driver, "f-period")).select_by_value("quarter")
    set_date(driver, "f-starts", "2027-01-01")
    fill(driver, "f-targets", "Tutup buku paling lambat tanggal 5")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Tim Keuangan")
    wait_text(driver, "Belum ada tugas.")
    plan_url = driver.current_url

    # Two tasks from the plan's page: one past its day, one that waits for it.
    click(driver, "Tugas baru")
    wait(driver, lambda d: heading(d) == "Tugas baru")
    assert Select(field(driver, "f-plan_id")).first_selected_option.text == "Tim Keuangan"
    fill(driver, "f-title", "Rekonsiliasi bank Desember")
    set_date(driver, "f-due", (today - datetime.timedelta(days=2)).isoformat())
    Select(field(driver, "f-status")).select_by_value("doing")
    fill(driver, "f-progress", "150")
    click(driver, "Simpan")
    wait_text(driver, "Isi persen antara 0 dan 100")
    fill(driver, "f-progress", "60")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Tim Keuangan")
    click(driver, "Tugas baru")
    wait(driver, lambda d: heading(d) == "Tugas baru")
    fill(driver, "f-title", "Laporan laba rugi")
    set_date(driver, "f-due", (today + datetime.timedelta(days=20)).isoformat())
    Select(field(driver, "f-status")).select_by_value("blocked")
    Select(field(driver, "f-blocked_by")).select_by_visible_text("Rekonsiliasi bank Desember")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Tim Keuangan")
    wait_text(driver, "progres 30 % · 2 tugas, 1 lewat tenggat")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=plan-tasks-h] tbody tr")]
    assert "Rekonsiliasi bank Desember" in rows[0] and "lewat tenggat" in rows[0] and "60 %" in rows[0], rows
    assert rows[1].endswith("Rekonsiliasi bank Desember"), rows

    # Today counts the late task and links to the tasks.
    open_app(driver, base_url, "#/")
    wait_text(driver, "1 tugas rencana kerja lewat tenggat")

    # Done on the board: no longer late anywhere, and it counts as 100 %.
    open_app(driver, base_url, "#/plan-board")
    wait(driver, lambda d: heading(d) == "Papan tugas")
    card = driver.find_element(By.XPATH, "//li[contains(@class,'bo-board-card')][a[normalize-space(.)='Rekonsiliasi bank Desember']]")
    assert "lewat tenggat" in card.text and "Tim Keuangan" in card.text, card.text
    Select(card.find_element(By.TAG_NAME, "select")).select_by_value("done")
    wait_text(driver, "«Rekonsiliasi bank Desember» dipindah ke Selesai.")
    wait(driver, lambda d: "Rekonsiliasi bank Desember" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=board-done]").text)
    shot(driver, "plan-board")
    open_app(driver, base_url, "#/")
    wait_text(driver, "Janji & rapat hari ini")
    assert "tugas rencana kerja lewat tenggat" not in driver.find_element(By.TAG_NAME, "main").text

    # Two quarters evaluated: the second starts where the first ended, the change shown.
    driver.get(plan_url)
    wait(driver, lambda d: heading(d) == "Tim Keuangan")
    for score, actual in (("3", "Tutup buku tanggal 7"), ("5", "Tutup buku tanggal 4")):
        click(driver, "Evaluasi baru")
        wait(driver, lambda d: heading(d) == "Evaluasi baru")
        expected = "2027-01-01" if score == "3" else "2027-04-01"
        assert field(driver, "f-period").get_attribute("value") == expected
        fill(driver, "f-actual", actual)
        fill(driver, "f-score", score)
        click(driver, "Simpan")
        wait(driver, lambda d: heading(d) == "Tim Keuangan")
    reviews = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=plan-reviews-h] tbody tr")]
    assert len(reviews) == 2 and "Tutup buku tanggal 4" in reviews[1] and "5 (+2)" in reviews[1], reviews
    shot(driver, "work-plan")

    open_app(driver, base_url, "#/work_plans/" + plan_url.rsplit("/", 1)[1], "?lang=en")
    wait_text(driver, "50 % done · 2 tasks, 0 past due")
    shot(driver, "work-plan-en")


def kpi_table(driver):
    return [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in driver.find_elements(By.CSS_SELECTOR, "#kpi-table tbody tr")]


def test_kpis_worked_out_from_the_visitors_and_typed_per_month(driver, base_url):
    from selenium.webdriver.common.keys import Keys
    today = office_today()
    this_month = f"{today.year}-{today.month:02}"
    first = today.replace(day=1)
    before = (first - datetime.timedelta(days=1)).replace(day=1)
    for name in ["Ibu Rina", "Pak Dedi"]:
        open_app(driver, base_url, "#/visitors/new")
        fill(driver, "f-name", name)
        fill(driver, "f-host", "Pak Joko").send_keys(Keys.ENTER)
        wait(driver, lambda d: heading(d) == name)

    # Worked out from the visitors book: two this month against a target of three.
    open_app(driver, base_url, "#/kpis/new")
    fill(driver, "f-name", "Tamu per bulan")
    Select(field(driver, "f-source")).select_by_visible_text("Tamu yang datang")
    fill(driver, "f-target", "3")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Tamu per bulan")
    rows = kpi_table(driver)
    assert len(rows) == 6, rows
    assert rows[-1] == [this_month, "3", "2", "Belum", "+2"], rows
    assert rows[-2][2] == "0", rows
    assert "Isi realisasi periode" not in body_text(driver)
    shot(driver, "kpi-visitors")

    # Typed: client satisfaction, this month's 95 meets 90, last month's 80 did not.
    open_app(driver, base_url, "#/kpis/new")
    fill(driver, "f-name", "Kepuasan klien (%)")
    fill(driver, "f-target", "90")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Kepuasan klien (%)")
    assert kpi_table(driver)[-1] == [this_month, "90", "—", "", ""]
    click(driver, "Isi realisasi periode")
    wait(driver, lambda d: d.find_elements(By.ID, "f-actual"))
    assert field(driver, "f-period").get_attribute("value") == first.isoformat()
    fill(driver, "f-actual", "95")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Kepuasan klien (%)")
    wait_text(driver, f"Kepuasan klien (%), {this_month}: 95 disimpan.")
    click(driver, "Isi realisasi periode")
    wait(driver, lambda d: d.find_elements(By.ID, "f-actual"))
    set_date(driver, "f-period", before.isoformat())
    fill(driver, "f-actual", "80")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Kepuasan klien (%)")
    rows = kpi_table(driver)
    assert rows[-2][1:4] == ["90", "80", "Belum"] and rows[-1] == [this_month, "90", "95", "Ya", "+15"], rows
    # A period starts on its first day.
    click(driver, "Isi realisasi periode")
    wait(driver, lambda d: d.find_elements(By.ID, "f-actual"))
    set_date(driver, "f-period", first.replace(day=2).isoformat())
    click(driver, "Simpan")
    wait_text(driver, "Periode dimulai pada tanggal 1.")
    click(driver, "Batal")
    alert(driver).accept()
    wait(driver, lambda d: heading(d) == "Kepuasan klien (%)")
    shot(driver, "kpi-typed")

    open_app(driver, base_url, "#/kpis", "?lang=en")
    click(driver, "Kepuasan klien (%)")
    wait(driver, lambda d: heading(d) == "Kepuasan klien (%)")
    wait_text(driver, "By period")
    assert kpi_table(driver)[-1][3] == "Yes" and kpi_table(driver)[-2][3] == "Not met"
    shot(driver, "kpi-typed-en")

    # The dashboard: the two visitors still in, and both KPIs' current month.
    open_app(driver, base_url, "#/dashboard")
    wait(driver, lambda d: heading(d) == "Ringkasan kantor")
    tiles = {t.find_element(By.CLASS_NAME, "bo-tile-label").text: t.find_element(By.CLASS_NAME, "bo-tile-figure").text
             for t in driver.find_elements(By.CSS_SELECTOR, ".bo-tile")}
    assert tiles["Tamu di gedung"] == "2" and tiles["Piutang lewat jatuh tempo"] == "Rp 0" and tiles["Janji & rapat hari ini"] == "0", tiles
    kpis = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")] for r in driver.find_elements(By.CSS_SELECTOR, "#dash-kpis tbody tr")]
    assert sorted(kpis) == [["Kepuasan klien (%)", this_month, "90", "95", "Ya"], ["Tamu per bulan", this_month, "3", "2", "Belum"]], kpis
    shot(driver, "dashboard-id")
    driver.find_element(By.XPATH, "//li[contains(@class,'bo-tile')]//a[contains(., 'Tamu di gedung')]").click()
    wait(driver, lambda d: d.current_url.endswith("#/visitors"))
    open_app(driver, base_url, "#/dashboard", "?lang=en")
    wait(driver, lambda d: heading(d) == "The office at a glance")
    wait_text(driver, "KPIs this period")
