"""People through the UI: hire on a fixed-term contract (NIK refused until it has 16
digits), promote and see the change in the timeline, a second employee reporting to the
first (a number already used is refused), the contract's end on the Today view; reload."""
from datetime import timedelta

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import shot, wait
from helpers import body_text, click, fill, heading, open_app, table_rows, wait_text, field
from test_assets import office_today
from test_calendar import set_input


def test_hire_promote_report_and_contract_end(driver, base_url):
    ends = office_today() + timedelta(days=10)
    open_app(driver, base_url, "#/employees/new")
    assert heading(driver) == "Karyawan baru"
    fill(driver, "f-name", "Sari Wulandari")
    fill(driver, "f-number", "E-001")
    fill(driver, "f-position", "Staf Keuangan")
    fill(driver, "f-department", "Keuangan")
    set_input(driver, "f-joined", "2025-03-01")
    fill(driver, "f-nik", "3174 0123 4567")
    assert not field(driver, "f-contract_end").is_displayed(), "a permanent contract has no end"
    Select(field(driver, "f-contract")).select_by_value("pkwt")
    set_input(driver, "f-contract_start", "2026-01-01")
    set_input(driver, "f-contract_end", ends.isoformat())
    click(driver, "Simpan")
    wait_text(driver, "NIK harus 16 angka.")
    fill(driver, "f-nik", "3174 0123 4567 0001")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Sari Wulandari")
    wait_text(driver, "Kompensasi PKWT saat berakhir")
    sari = driver.current_url.rsplit("/", 1)[1]

    # A promotion is recorded in the history, dated today.
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-position"))
    fill(driver, "f-position", "Supervisor Keuangan")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Sari Wulandari")
    wait_text(driver, "Jabatan: Staf Keuangan → Supervisor Keuangan")

    # The same employee number twice is refused; the second one reports to Sari.
    open_app(driver, base_url, "#/employees/new")
    fill(driver, "f-name", "Budi Santoso")
    fill(driver, "f-number", "e-001")
    set_input(driver, "f-joined", "2026-02-01")
    Select(field(driver, "f-manager_id")).select_by_visible_text("E-001 — Sari Wulandari")
    click(driver, "Simpan")
    wait_text(driver, "Nomor ini sudah dipakai karyawan lain.")
    fill(driver, "f-number", "E-002")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    assert "E-001 — Sari Wulandari" in body_text(driver), "the manager by number and name"

    open_app(driver, base_url, "#/employees")
    rows = table_rows(driver)
    assert len(rows) == 2 and any("Budi Santoso" in r and "Sari Wulandari" in r for r in rows), rows
    shot(driver, "people-list")

    # Reload: everything stored; Sari's page lists Budi; the Today view warns of her contract.
    driver.refresh()
    open_app(driver, base_url, f"#/employees/{sari}")
    wait_text(driver, "Bawahan langsung")
    assert "Budi Santoso" in body_text(driver)
    assert "Jabatan: Staf Keuangan → Supervisor Keuangan" in body_text(driver)
    shot(driver, "people-employee")
    open_app(driver, base_url, "#/desk")
    wait_text(driver, "Kontrak PKWT yang segera berakhir")
    assert "Sari Wulandari" in body_text(driver)
    shot(driver, "people-today")

    # The directory by department, and who reports to whom.
    open_app(driver, base_url, "#/directory")
    wait(driver, lambda d: heading(d) == "Direktori karyawan")
    text = body_text(driver)
    assert "Keuangan" in text and "Tanpa departemen" in text, text
    chart = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "ul.bo-org li")]
    assert chart == ["Sari Wulandari — Supervisor Keuangan", "└ Budi Santoso"], chart
    shot(driver, "people-directory")

    # The history list is a list like any other, in English too.
    open_app(driver, base_url, "#/employee_changes", "?lang=en")
    wait(driver, lambda d: heading(d) == "Employee history")
    assert any("Supervisor Keuangan" in r for r in table_rows(driver))


def test_leave_refused_for_lack_of_balance_then_approved(driver, base_url):
    # Hari Lahir Pancasila, a Monday: not a working day.
    open_app(driver, base_url, "#/holidays/new")
    set_input(driver, "f-date", "2026-06-01")
    fill(driver, "f-name", "Hari Lahir Pancasila")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "2026-06-01 · Hari Lahir Pancasila")

    open_app(driver, base_url, "#/employees/new")
    fill(driver, "f-name", "Sari Wulandari")
    fill(driver, "f-department", "Keuangan")
    set_input(driver, "f-joined", "2024-01-15")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Sari Wulandari")
    wait_text(driver, "Cuti tahunan 2026: sisa 12 dari 12 hari.")

    # Three weeks of annual leave: 14 working days, more than the 12 she has.
    click(driver, "Ajukan cuti")
    wait(driver, lambda d: heading(d) == "Ajukan cuti")
    assert Select(field(driver, "f-employee_id")).first_selected_option.text == "Sari Wulandari"
    set_input(driver, "f-start", "2026-06-01")
    set_input(driver, "f-end", "2026-06-19")
    fill(driver, "f-reason", "Pulang kampung")
    click(driver, "Simpan")
    wait_text(driver, "14 hari kerja")
    assert "Cuti tahunan 2026: sisa 12 dari 12 hari." in body_text(driver)
    click(driver, "Setujui")
    wait_text(driver, "Sisa cuti tahunan tidak cukup untuk permohonan ini.")
    shot(driver, "leave-refused-balance")
    click(driver, "Tolak")
    wait_text(driver, "Cuti ditolak.")
    assert "Ditolak" in body_text(driver) and not [b for b in driver.find_elements(By.XPATH, "//main//button[.='Setujui']")]

    # Three days fit; approved, the balance follows.
    open_app(driver, base_url, "#/employees")
    click(driver, "Sari Wulandari")
    wait(driver, lambda d: heading(d) == "Sari Wulandari")
    click(driver, "Ajukan cuti")
    wait(driver, lambda d: heading(d) == "Ajukan cuti")
    set_input(driver, "f-start", "2026-06-02")
    set_input(driver, "f-end", "2026-06-04")
    click(driver, "Simpan")
    wait_text(driver, "3 hari kerja")
    click(driver, "Setujui")
    wait_text(driver, "Cuti disetujui.")
    shot(driver, "leave-approved")

    # Approved leave and the holiday show on the calendar's month.
    open_app(driver, base_url, "#/calendar/month/2026-06-01")
    wait(driver, lambda d: "Cuti: Sari Wulandari" in d.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-03']").text)
    assert "Cuti: Sari Wulandari" not in driver.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-08']").text
    assert "Hari Lahir Pancasila" in driver.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-01']").text
    shot(driver, "leave-calendar")
    # The week and the agenda show them too.
    open_app(driver, base_url, "#/calendar/week/2026-06-01")
    wait(driver, lambda d: "Cuti: Sari Wulandari" in d.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-03']").text)
    assert "Hari Lahir Pancasila" in driver.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-01']").text
    assert "Cuti: Sari Wulandari" not in driver.find_element(By.CSS_SELECTOR, "main [data-date='2026-06-05']").text
    open_app(driver, base_url, "#/calendar/agenda/2026-06-01")
    wait_text(driver, "Hari Lahir Pancasila")
    days = [s.text for s in driver.find_elements(By.CSS_SELECTOR, "main .bo-cal-agenda section")]
    assert days[0].startswith("Senin, 1 Jun 2026") and "Hari Lahir Pancasila" in days[0], days
    assert [d.split("\n")[0] for d in days if "Cuti: Sari Wulandari" in d] == [
        "Selasa, 2 Jun 2026", "Rabu, 3 Jun 2026", "Kamis, 4 Jun 2026"], days
    shot(driver, "leave-agenda")
    # ... and on the attendance sheet as days on leave, with nobody typing them.
    open_app(driver, base_url, "#/attendance-month/2026-06")
    wait_text(driver, "Rekap absensi")
    sari = driver.find_element(By.XPATH, "//main//div[contains(@class,'bo-table-wrap')]//tbody/tr[th='Sari Wulandari']")
    assert [c.text for c in sari.find_elements(By.TAG_NAME, "td")][4] == "3", sari.text

    driver.refresh()
    open_app(driver, base_url, "#/leave", "?lang=en")
    wait(driver, lambda d: heading(d) == "Leave")
    rows = table_rows(driver)
    assert len(rows) == 2 and any("Approved" in r for r in rows) and any("Refused" in r for r in rows), rows
    assert "2 records" in body_text(driver)
    open_app(driver, base_url, "#/holidays", "?lang=en")
    wait_text(driver, "1 record")
    assert "1 records" not in body_text(driver)
    open_app(driver, base_url, "#/employees", "?lang=en")
    click(driver, "Sari Wulandari")
    wait_text(driver, "Annual leave 2026: 9 of 12 days left.")


def test_warning_letters_step_up_and_print(driver, base_url):
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-company_name", "PT Maju Jaya")
    click(driver, "Simpan")
    open_app(driver, base_url, "#/employees/new")
    fill(driver, "f-name", "Budi Santoso")
    fill(driver, "f-position", "Staf Gudang")
    set_input(driver, "f-joined", "2024-05-01")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Budi Santoso")
    budi = driver.current_url.rsplit("/", 1)[1]
    wait_text(driver, "Tidak ada surat peringatan yang berlaku.")

    click(driver, "Buat surat peringatan")
    wait(driver, lambda d: heading(d) == "Buat surat peringatan")
    assert Select(field(driver, "f-level")).first_selected_option.get_attribute("value") == "sp1"
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi")
    fill(driver, "f-reason", "Terlambat masuk kerja lima kali dalam sebulan.")
    fill(driver, "f-number", "012/HRD/XII/2026")
    click(driver, "Simpan")
    wait_text(driver, "Masih berlaku sampai")
    letter = driver.find_element(By.CSS_SELECTOR, "article.bo-doc-print").get_attribute("textContent")
    for part in ["PT Maju Jaya", "SURAT PERINGATAN — SP1 (peringatan pertama)", "Budi Santoso", "Staf Gudang", "012/HRD/XII/2026",
                 "Terlambat masuk kerja", "berlaku selama 6 (enam) bulan"]:
        assert part in letter, (part, letter)
    assert not driver.find_element(By.CSS_SELECTOR, "article.bo-doc-print").is_displayed(), "the letter shows only when printed"

    # While SP1 holds, the next letter is SP2.
    open_app(driver, base_url, f"#/employees/{budi}")
    wait_text(driver, "SP1 (peringatan pertama), berlaku sampai")
    click(driver, "Buat surat peringatan")
    wait(driver, lambda d: heading(d) == "Buat surat peringatan")
    assert Select(field(driver, "f-level")).first_selected_option.get_attribute("value") == "sp2"

    # A safety course whose certificate runs out in ten days: on Budi's page and the Today view.
    until = office_today() + timedelta(days=10)
    open_app(driver, base_url, "#/trainings/new")
    fill(driver, "f-title", "K3 Umum")
    set_input(driver, "f-date", "2024-12-09")
    fill(driver, "f-trainer", "Disnaker")
    fill(driver, "f-attendees", "Budi Santoso")
    set_input(driver, "f-certificate_until", until.isoformat())
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "K3 Umum · 2024-12-09")
    open_app(driver, base_url, f"#/employees/{budi}")
    wait_text(driver, "K3 Umum — Senin, 9 Des 2024; sertifikat sampai")
    open_app(driver, base_url, "#/desk")
    wait_text(driver, "Sertifikat pelatihan yang perlu diperbarui")
    assert "K3 Umum (Budi Santoso)" in body_text(driver)


def new_employee(driver, base_url, name, number):
    open_app(driver, base_url, "#/employees/new")
    fill(driver, "f-name", name)
    fill(driver, "f-number", number)
    set_input(driver, "f-joined", "2025-01-06")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == name)


def test_attendance_machine_import_month_sheet_and_overtime(driver, base_url, tmp_path):
    new_employee(driver, base_url, "Sari Wulandari", "101")
    new_employee(driver, base_url, "Budi Santoso", "102")
    # A fingerprint machine's export as Indonesian Excel saves it: semicolons, CRLF, a BOM.
    scans = tmp_path / "absensi.csv"
    scans.write_bytes("\ufeffPIN;Nama;Tanggal;Jam\r\n101;Sari;02/11/2026;07:55\r\n101;Sari;02/11/2026;17:05\r\n"
                      "102;Budi;02/11/2026;08:31\r\n102;Budi;02/11/2026;17:00\r\n999;Tamu;02/11/2026;09:00\r\n"
                      "101;Sari;03/11/2026;07:58\r\n".encode("utf-8"))
    open_app(driver, base_url, "#/attendance-import")
    field(driver, "import-file").send_keys(str(scans))
    wait_text(driver, "3 hari kerja dari 2 karyawan: 3 baru, 0 diperbarui.")
    assert Select(driver.find_element(By.ID, "att-col-employee")).first_selected_option.text == "PIN"
    assert Select(driver.find_element(By.ID, "att-col-time")).first_selected_option.text == "Jam"
    assert "Baris 6: «999» tidak dikenali" in body_text(driver), "the row is named by its line in the file"
    shot(driver, "attendance-import")
    click(driver, "Impor")
    wait_text(driver, "Absensi diimpor.")
    wait(driver, lambda d: heading(d).startswith("Rekap absensi"))
    rows = {r.find_element(By.TAG_NAME, "th").text: [c.text for c in r.find_elements(By.TAG_NAME, "td")]
            for r in driver.find_elements(By.XPATH, "//main//div[contains(@class,'bo-table-wrap')]//tbody/tr[th]")}
    # Hadir, Terlambat, Alpa, Sakit, Cuti, Dinas luar, lembur (jam)
    assert rows["Sari Wulandari"][:2] == ["2", "0"] and rows["Budi Santoso"][:2] == ["0", "1"], rows

    # Overtime typed on Budi's day and approved shows in hours.
    driver.find_element(By.XPATH, "//summary[.='Budi Santoso']").click()
    driver.find_element(By.XPATH, "//details[summary='Budi Santoso']//a").click()
    wait(driver, lambda d: heading(d) == "2026-11-02")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-overtime"))
    fill(driver, "f-overtime", "90")
    field(driver, "f-overtime_approved").click()
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "2026-11-02")
    open_app(driver, base_url, "#/attendance-month/2026-11")
    wait_text(driver, "Rekap absensi")
    budi = driver.find_element(By.XPATH, "//main//div[contains(@class,'bo-table-wrap')]//tbody/tr[th='Budi Santoso']").text
    assert budi.endswith("1,5"), budi
    shot(driver, "attendance-month")

    # A second record for the same day is refused.
    open_app(driver, base_url, "#/attendance/new")
    Select(field(driver, "f-employee_id")).select_by_visible_text("101 — Sari Wulandari")
    set_input(driver, "f-date", "2026-11-02")
    click(driver, "Simpan")
    wait_text(driver, "Absensi karyawan ini pada tanggal ini sudah ada; ubah yang itu.")


def test_joining_and_leaving_checklists_with_an_asset_given_back(driver, base_url):
    """The standard steps in one click, a step for one department only; a new colleague's
    checklist made from them and ticked on their page; the items due on Today; on leaving,
    the laptop assigned to them asked back."""
    from test_assets import new_laptop
    open_app(driver, base_url, "#/checklist_steps")
    click(driver, "Pakai langkah standar")
    wait_text(driver, "12 langkah standar ditambahkan.")
    assert not [b for b in driver.find_elements(By.XPATH, "//main//button[normalize-space(.)='Pakai langkah standar']") if b.is_displayed()]
    open_app(driver, base_url, "#/checklist_steps/new")
    fill(driver, "f-title", "SIM mengemudi diperiksa")
    fill(driver, "f-department", "Logistik")
    fill(driver, "f-days", "2")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "SIM mengemudi diperiksa")

    today = office_today()
    open_app(driver, base_url, "#/employees/new")
    fill(driver, "f-name", "Rudi Hartono")
    fill(driver, "f-number", "E-010")
    fill(driver, "f-department", "Keuangan")
    set_input(driver, "f-joined", today.isoformat())
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Rudi Hartono")
    rudi = driver.current_url.rsplit("/", 1)[1]
    assert "Daftar periksa keluar" not in body_text(driver), "no leaving checklist for someone staying"
    click(driver, "Buat daftar periksa masuk kerja")
    wait_text(driver, "Daftar periksa dibuat: 6 butir.")
    wait_text(driver, "0 dari 6 selesai")
    text = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=hri-joining-h]").text
    assert "Didaftarkan BPJS Kesehatan dan Ketenagakerjaan" in text and "SIM mengemudi" not in text, "Logistik's step is not Rudi's"
    box = driver.find_element(By.CSS_SELECTOR, "input[aria-label='Selesai: Laptop dan perlengkapan diserahkan']")
    box.click()
    wait_text(driver, "1 dari 6 selesai")
    assert driver.switch_to.active_element.get_attribute("aria-label") == "Selesai: Laptop dan perlengkapan diserahkan"
    shot(driver, "checklist-joining-id")

    open_app(driver, base_url, "#/")
    wait_text(driver, "Daftar periksa masuk/keluar")
    text = driver.find_element(By.TAG_NAME, "main").text
    assert "Rudi Hartono — Akun e-mail dan sistem dibuat" in text, text
    assert "Laptop dan perlengkapan diserahkan" not in text, "a ticked item is done"
    # Loaded afresh, the Today view has fetched none of People's code or words: its block
    # still has its heading in words, never its key.
    driver.refresh()
    wait_text(driver, "Daftar periksa masuk/keluar")
    assert "desk.checklists" not in body_text(driver)

    # Rudi leaves at the end of next month with the laptop assigned to him.
    new_laptop(driver, base_url, tag="IT-010")
    wait(driver, lambda d: heading(d).startswith("IT-010"))
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-assigned_to"))
    fill(driver, "f-assigned_to", "Rudi Hartono")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d).startswith("IT-010"))
    open_app(driver, base_url, f"#/employees/{rudi}/edit")
    Select(field(driver, "f-status")).select_by_value("left")
    last = today + timedelta(days=40)
    set_input(driver, "f-left_on", last.isoformat())
    fill(driver, "f-left_reason", "Pindah kota")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Rudi Hartono")
    click(driver, "Buat daftar periksa keluar")
    wait_text(driver, "Daftar periksa dibuat: 7 butir.")
    wait_text(driver, "Kembalikan IT-010 — Laptop Budi")
    items = [i for i in stored_items(driver) if i["moment"] == "leaving"]
    back = [i for i in items if i["asset_id"]]
    assert len(items) == 7 and len(back) == 1 and back[0]["due"] == last.isoformat(), items
    shot(driver, "checklist-leaving-id")

    driver.refresh()
    wait(driver, lambda d: heading(d) == "Rudi Hartono")
    wait_text(driver, "1 dari 6 selesai")
    wait_text(driver, "0 dari 7 selesai")


def stored_items(driver):
    from stored import stored_list
    return stored_list(driver, "checklist_items")


def test_recruitment_from_vacancy_to_employee(driver, base_url):
    """A vacancy and its board; a candidate moved through the stages, their interview put in
    the calendar, the offer printable, then made an employee in one step with what was typed;
    a rejection without a reason refused."""
    open_app(driver, base_url, "#/vacancies/new")
    fill(driver, "f-position", "Staf Keuangan")
    fill(driver, "f-department", "Keuangan")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Staf Keuangan — Keuangan")
    vacancy = driver.current_url.rsplit("/", 1)[1]
    wait_text(driver, "Kandidat per tahap")
    driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Kandidat baru']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    fill(driver, "f-name", "Citra Ayu")
    fill(driver, "f-phone", "0812 3456 7890")
    fill(driver, "f-email", "citra@contoh.id")
    interview = office_today() + timedelta(days=1)
    set_input(driver, "f-interview_at", f"{interview.isoformat()}T10:00")
    fill(driver, "f-interviewers", "Budi Santoso")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Citra Ayu")
    candidate = driver.current_url.rsplit("/", 1)[1]
    assert "Tahap: Baru" in body_text(driver)
    assert "Staf Keuangan — Keuangan" in body_text(driver), "the vacancy named on the candidate's page"

    for stage in ["Seleksi berkas", "Wawancara", "Penawaran", "Menerima tawaran"]:
        click(driver, f"Pindahkan ke: {stage}")
        wait_text(driver, f"Tahap: {stage}")
    assert driver.find_elements(By.XPATH, "//button[normalize-space(.)='Cetak surat penawaran']")
    shot(driver, "candidate-accepted-id")

    click(driver, "Masukkan wawancara ke kalender")
    wait(driver, lambda d: heading(d) == "Wawancara: Citra Ayu — Staf Keuangan")
    assert "Budi Santoso" in body_text(driver)

    open_app(driver, base_url, f"#/candidates/{candidate}")
    wait_text(driver, "Tahap: Menerima tawaran")
    click(driver, "Jadikan karyawan")
    wait(driver, lambda d: "/employees/" in d.current_url and d.find_elements(By.ID, "f-name"))
    assert field(driver, "f-name").get_attribute("value") == "Citra Ayu"
    assert field(driver, "f-position").get_attribute("value") == "Staf Keuangan"
    assert field(driver, "f-department").get_attribute("value") == "Keuangan"

    open_app(driver, base_url, f"#/candidates/{candidate}")
    wait_text(driver, "Tahap: Mulai bekerja")
    assert not driver.find_elements(By.XPATH, "//button[normalize-space(.)='Jadikan karyawan']"), "made once"
    driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Buka data karyawan']").click()
    wait(driver, lambda d: heading(d) == "Citra Ayu")

    open_app(driver, base_url, f"#/vacancies/{vacancy}")
    wait_text(driver, "Mulai bekerja (1)")

    # Not taken further: the reason is asked for.
    open_app(driver, base_url, f"#/candidates/new/{vacancy}")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    fill(driver, "f-name", "Dedi Kurnia")
    Select(field(driver, "f-stage")).select_by_value("rejected")
    click(driver, "Simpan")
    wait_text(driver, "Tulis alasan kandidat tidak dilanjutkan.")
    fill(driver, "f-reject_reason", "Gaji yang diminta di atas anggaran")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Dedi Kurnia")
    open_app(driver, base_url, f"#/vacancies/{vacancy}")
    wait_text(driver, "Tidak dilanjutkan (1)")
    shot(driver, "vacancy-board-id")


HOLIDAYS_ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "X-WR-CALNAME:Hari libur di Indonesia\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\nUID:a@google.com\r\nSUMMARY:Tahun Baru Masehi\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270310\r\nDTEND;VALUE=DATE:20270312\r\nUID:b@google.com\r\nSUMMARY:Hari Raya Idul Fitri\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270312\r\nDTEND;VALUE=DATE:20270313\r\nUID:c@google.com\r\nSUMMARY:Cuti Bersama Idul Fitri\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\nDTEND;VALUE=DATE:20261226\r\nRRULE:FREQ=YEARLY\r\nUID:d@google.com\r\nSUMMARY:Hari Raya Natal\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def test_holidays_from_a_calendar_file_count_in_leave(driver, base_url, tmp_path):
    # One holiday typed by hand: the file's copy of that day is left out.
    open_app(driver, base_url, "#/holidays/new")
    set_input(driver, "f-date", "2027-01-01")
    fill(driver, "f-name", "Tahun Baru")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "2027-01-01 · Tahun Baru")

    ics = tmp_path / "hari-libur.ics"
    ics.write_text(HOLIDAYS_ICS, encoding="utf-8")
    broken = tmp_path / "rusak.ics"
    broken.write_text("ini bukan kalender", encoding="utf-8")
    open_app(driver, base_url, "#/holidays")
    click(driver, "Dari berkas kalender")
    wait(driver, lambda d: heading(d) == "Dari berkas kalender")
    field(driver, "holiday-file").send_keys(str(broken))
    wait_text(driver, "«rusak.ics» tidak bisa dibaca sebagai berkas kalender (.ics). Tidak ada yang diubah.")
    field(driver, "holiday-file").send_keys(str(ics))
    wait_text(driver, "4 hari libur baru; sudah ada di daftar dan dilewati: 1 hari.")
    preview = driver.find_element(By.CSS_SELECTOR, "main section.bo-card").text
    assert "Jumat, 12 Mar 2027 — Cuti Bersama Idul Fitri · Cuti bersama" in preview, preview
    assert preview.count("Hari Raya Natal") == 1 and "Tahun Baru Masehi" not in preview, preview
    shot(driver, "holidays-from-file")
    click(driver, "Tambahkan 4 hari libur")
    wait_text(driver, "4 hari libur ditambahkan.")
    wait(driver, lambda d: heading(d) == "Hari libur")
    wait(driver, lambda d: len(table_rows(d)) == 5)

    # Idul Fitri week: Monday to Friday is two working days once the holidays are in.
    new_employee(driver, base_url, "Rina Puspita", "E-031")
    click(driver, "Ajukan cuti")
    wait(driver, lambda d: heading(d) == "Ajukan cuti")
    set_input(driver, "f-start", "2027-03-08")
    set_input(driver, "f-end", "2027-03-12")
    click(driver, "Simpan")
    wait_text(driver, "2 hari kerja")
    # The collective leave day comes out of 2027's annual leave, as the settings say.
    wait_text(driver, "Cuti tahunan 2027: sisa 11 dari 12 hari. 1 hari cuti bersama sudah dipotong.")
    request_url = driver.current_url
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-annual_leave_days", "10")
    click(driver, "Simpan")
    wait_text(driver, "Cuti tahunan paling sedikit 12 hari kerja")
    fill(driver, "s-annual_leave_days", "14")
    driver.find_element(By.ID, "s-collective").click()
    shot(driver, "settings-leave-rules")
    click(driver, "Simpan")
    wait_text(driver, "Pengaturan disimpan.")
    driver.get(request_url)
    wait_text(driver, "Cuti tahunan 2027: sisa 14 dari 14 hari.")
    assert "cuti bersama sudah dipotong" not in body_text(driver)

    # The same file again brings nothing twice; everything is still there after a reload.
    driver.refresh()
    open_app(driver, base_url, "#/holiday-file", "?lang=en")
    wait(driver, lambda d: heading(d) == "From a calendar file")
    field(driver, "holiday-file").send_keys(str(ics))
    wait_text(driver, "0 new holidays; already in the list and left out: 5.")
    assert not driver.find_element(By.XPATH, "//main//button[starts-with(normalize-space(.), 'Add 0')]").is_enabled()
    open_app(driver, base_url, "#/holidays", "?lang=en")
    wait_text(driver, "5 records")


def test_career_notes_on_the_employee_page(driver, base_url):
    new_employee(driver, base_url, "Dewi Lestari", "E-041")
    assert "Belum ada catatan karier." in body_text(driver)
    click(driver, "Catatan karier baru")
    wait(driver, lambda d: heading(d) == "Catatan karier baru")
    assert Select(field(driver, "f-employee_id")).first_selected_option.text == "E-041 — Dewi Lestari"
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi")
    Select(field(driver, "f-kind")).select_by_visible_text("Pencapaian")
    fill(driver, "f-note", "Menutup buku tahunan tepat waktu\nTanpa koreksi auditor")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d).endswith("Menutup buku tahunan tepat waktu"))
    open_app(driver, base_url, "#/employees")
    click(driver, "Dewi Lestari")
    wait(driver, lambda d: heading(d) == "Dewi Lestari")
    section = driver.find_element(By.XPATH, "//section[h2='Catatan karier']")
    assert "Pencapaian" in section.text and "Tanpa koreksi auditor" in section.text, section.text
    shot(driver, "career-notes")
    # Her record printed for the personnel file: the filled fields only, the page itself hidden.
    assert driver.find_element(By.XPATH, "//main//button[.='Cetak data karyawan']").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    card = driver.find_element(By.CSS_SELECTOR, "article.bo-doc-print")
    assert card.is_displayed() and "Data karyawan — Dewi Lestari" in card.text, card.text
    assert "E-041" in card.text and "NPWP" not in card.text, card.text
    assert not section.is_displayed()
    shot(driver, "employee-card-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # Kept after a reload, and in English.
    driver.refresh()
    open_app(driver, base_url, "#/career_notes", "?lang=en")
    wait_text(driver, "1 record")
    assert "Achievement" in body_text(driver)


def test_leave_for_an_important_reason_is_held_to_the_offices_days(driver, base_url):
    new_employee(driver, base_url, "Agus Salim", "E-051")
    click(driver, "Ajukan cuti")
    wait(driver, lambda d: heading(d) == "Ajukan cuti")
    assert not field(driver, "f-why").is_displayed(), "no reason asked for annual leave"
    Select(field(driver, "f-kind")).select_by_value("important")
    wait(driver, lambda d: field(d, "f-why").is_displayed())
    # Thursday to Tuesday: four working days, one more than a wedding gives by law.
    set_input(driver, "f-start", "2026-07-09")
    set_input(driver, "f-end", "2026-07-14")
    click(driver, "Simpan")
    wait_text(driver, "Wajib diisi.")
    Select(field(driver, "f-why")).select_by_value("marriage")
    click(driver, "Simpan")
    wait_text(driver, "4 hari kerja")
    request_url = driver.current_url
    assert "Pernikahan sendiri" in body_text(driver)
    assert "Diberikan kantor: 3 hari kerja berbayar." in body_text(driver)
    click(driver, "Setujui")
    wait_text(driver, "Lebih lama dari hari kerja yang diberikan kantor untuk alasan ini")
    shot(driver, "leave-important-refused")
    assert "Disetujui" not in body_text(driver)
    # The office gives five days for one's own wedding (never fewer than the law's three),
    # and four months of maternity leave (three to six).
    open_app(driver, base_url, "#/settings")
    marriage = driver.find_element(By.ID, "s-marriage")
    assert marriage.get_attribute("value") == "3"
    assert driver.find_element(By.XPATH, "//label[@for='s-marriage']").text == "Pernikahan sendiri (UU: paling sedikit 3)"
    months = driver.find_element(By.ID, "s-maternity_months")
    assert months.get_attribute("value") == "3"
    marriage.clear()
    marriage.send_keys("2")
    months.clear()
    months.send_keys("7")
    click(driver, "Simpan")
    wait_text(driver, "Tidak boleh kurang dari hari menurut undang-undang, dan paling banyak 30.")
    wait_text(driver, "Isi 3 sampai 6 bulan")
    assert driver.find_element(By.ID, "s-marriage").get_attribute("aria-invalid") == "true"
    shot(driver, "settings-important-refused")
    marriage.clear()
    marriage.send_keys("5")
    months.clear()
    months.send_keys("4")
    click(driver, "Simpan")
    wait_text(driver, "Pengaturan disimpan.")
    driver.get(request_url)
    wait_text(driver, "Diberikan kantor: 5 hari kerja berbayar.")
    click(driver, "Setujui")
    wait_text(driver, "Disetujui")
    # Read back after a reload, in English.
    open_app(driver, base_url, "#/settings", "?lang=en")
    assert driver.find_element(By.ID, "s-marriage").get_attribute("value") == "5"
    assert driver.find_element(By.ID, "s-maternity_months").get_attribute("value") == "4"
    assert driver.find_element(By.XPATH, "//label[@for='s-marriage']").text == "Own wedding (the law: at least 3)"
    shot(driver, "settings-important-en")


def test_sick_leave_beyond_the_offices_days_needs_the_doctors_letter(driver, base_url):
    new_employee(driver, base_url, "Rina Wati", "E-052")
    click(driver, "Ajukan cuti")
    wait(driver, lambda d: heading(d) == "Ajukan cuti")
    assert not field(driver, "f-letter").is_displayed(), "no letter asked for annual leave"
    Select(field(driver, "f-kind")).select_by_value("sick")
    wait(driver, lambda d: field(d, "f-letter").is_displayed())
    # Monday to Wednesday: three working days, more than the one the office allows without a letter.
    set_input(driver, "f-start", "2026-07-06")
    set_input(driver, "f-end", "2026-07-08")
    click(driver, "Simpan")
    wait_text(driver, "3 hari kerja")
    assert driver.find_element(By.XPATH, "//main//p[@role='note' and contains(., 'perlu surat keterangan dokter')]").is_displayed()
    click(driver, "Setujui")
    wait(driver, lambda d: any("Cuti sakit sepanjang ini perlu surat keterangan dokter" in t.text
                               for t in d.find_elements(By.CSS_SELECTOR, ".bo-toast-error")))
    shot(driver, "leave-sick-letter-refused")
    assert "Disetujui" not in body_text(driver)
    # The letter handed in: approved.
    click(driver, "Ubah")
    wait(driver, lambda d: field(d, "f-letter").is_displayed())
    field(driver, "f-letter").click()
    click(driver, "Simpan")
    wait_text(driver, "3 hari kerja")
    click(driver, "Setujui")
    wait_text(driver, "Disetujui")
    # An office allowing three days without a letter, in Settings; a bad number refused there.
    open_app(driver, base_url, "#/settings", "?lang=en")
    box = driver.find_element(By.ID, "s-sick_days_without_letter")
    assert box.get_attribute("value") == "1"
    box.clear()
    box.send_keys("40")
    click(driver, "Save")
    wait_text(driver, "Enter 0 to 30 days.")
    box.clear()
    box.send_keys("3")
    click(driver, "Save")
    wait_text(driver, "Settings saved.")


def test_a_candidate_has_further_interviews_each_with_its_score_and_calendar_item(driver, base_url):
    open_app(driver, base_url, "#/vacancies/new")
    fill(driver, "f-position", "Staf Gudang")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Staf Gudang")
    driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Kandidat baru']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "f-name"))
    fill(driver, "f-name", "Eko Prasetyo")
    first = office_today() + timedelta(days=1)
    set_input(driver, "f-interview_at", f"{first.isoformat()}T09:00")
    fill(driver, "f-interviewers", "Sari Dewi")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Eko Prasetyo")
    candidate = driver.current_url.rsplit("/", 1)[1]
    wait_text(driver, "Belum ada wawancara lanjutan.")

    # A later round: the candidate and their interviewers come filled in; the score is held to 1–5.
    driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Wawancara lanjutan baru']").click()
    wait(driver, lambda d: d.find_elements(By.ID, "f-round"))
    assert field(driver, "f-interviewers").get_attribute("value") == "Sari Dewi"
    fill(driver, "f-round", "User")
    later = office_today() + timedelta(days=3)
    set_input(driver, "f-at", f"{later.isoformat()}T13:00")
    fill(driver, "f-score", "6")
    click(driver, "Simpan")
    wait_text(driver, "Nilai antara 1 dan 5.")
    field(driver, "f-score").clear()
    fill(driver, "f-score", "4")
    fill(driver, "f-notes", "Paham stok opname")
    click(driver, "Simpan")
    wait(driver, lambda d: "User" in heading(d))
    click(driver, "Masukkan wawancara ke kalender")
    wait(driver, lambda d: heading(d) == "Wawancara: Eko Prasetyo — Staf Gudang")
    assert "Sari Dewi" in body_text(driver)
    event_url = driver.current_url

    # A second later round, earlier in time: listed first on the candidate's page.
    open_app(driver, base_url, f"#/interviews/new/{candidate}")
    wait(driver, lambda d: d.find_elements(By.ID, "f-round"))
    fill(driver, "f-round", "Tes praktik")
    set_input(driver, "f-at", f"{(office_today() + timedelta(days=2)).isoformat()}T10:00")
    click(driver, "Simpan")
    wait(driver, lambda d: "Tes praktik" in heading(d))
    open_app(driver, base_url, f"#/candidates/{candidate}")
    wait_text(driver, "nilai 4")
    section = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby='intv-h']")
    items = [li.text for li in section.find_elements(By.CSS_SELECTOR, "li")]
    assert len(items) == 2 and "Tes praktik" in items[0] and "User — nilai 4" in items[1], items
    assert "Paham stok opname" in items[1]
    shot(driver, "candidate-further-interviews")

    # Booking the same round again moves its calendar item instead of making another.
    section.find_element(By.PARTIAL_LINK_TEXT, "13.00").click()
    wait(driver, lambda d: "User" in heading(d))
    click(driver, "Masukkan wawancara ke kalender")
    wait(driver, lambda d: heading(d) == "Wawancara: Eko Prasetyo — Staf Gudang")
    assert driver.current_url == event_url

    # Kept after a reload, in English.
    driver.refresh()
    open_app(driver, base_url, f"#/candidates/{candidate}", "?lang=en")
    wait_text(driver, "Further interviews")
    wait_text(driver, "User — score 4")


def test_a_month_of_attendance_typed_on_the_grid_from_the_keyboard(driver, base_url):
    new_employee(driver, base_url, "Wulan Sari", "E-061")
    employee = driver.current_url.rsplit("/", 1)[1]
    assert driver.find_elements(By.XPATH, "//main//a[normalize-space(.)='Isi sebulan']"), "reached from the employee's page"
    open_app(driver, base_url, f"#/attendance-grid/{employee}/2026-08")
    wait(driver, lambda d: heading(d) == "Isian bulanan · Wulan Sari · Agustus 2026")
    rows = driver.find_elements(By.CSS_SELECTOR, "main table.bo-grid tbody tr")
    assert len(rows) == 31
    assert "bo-muted" in rows[0].get_attribute("class"), "Saturday 1 August is shaded"
    # Monday the 3rd: late, picked by its first letter; Enter goes to Tuesday's attendance.
    monday = driver.find_element(By.ID, "g-status-2")
    monday.send_keys("T")
    monday.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "g-status-3"
    set_input(driver, "g-check_in-2", "08:20")
    # Tuesday: times only (present); Wednesday: sick; Thursday: a check-out before the check-in.
    driver.find_element(By.ID, "g-check_in-3").send_keys("0755")
    driver.find_element(By.ID, "g-check_out-3").send_keys("17.30")
    driver.find_element(By.ID, "g-overtime-3").send_keys("30")
    wednesday = driver.find_element(By.ID, "g-status-4")
    wednesday.send_keys("S")
    set_input(driver, "g-check_in-5", "17:00")
    set_input(driver, "g-check_out-5", "08:00")
    driver.find_element(By.ID, "g-overtime-3").send_keys(Keys.CONTROL, Keys.ENTER)
    wait_text(driver, "1 isian perlu diperbaiki; belum ada yang disimpan.")
    assert driver.switch_to.active_element.get_attribute("id") == "g-check_out-5", "the bad entry is focused"
    assert "Waktu keluar tidak boleh sebelum waktu masuk." in rows[5].text, rows[5].text
    shot(driver, "attendance-grid-refused")
    set_input(driver, "g-check_out-5", "17:00")
    set_input(driver, "g-check_in-5", "08:00")
    click(driver, "Simpan bulan ini")
    wait_text(driver, "4 hari disimpan.")
    # Saved as days of attendance: the month sheet counts them; the grid reads them back.
    open_app(driver, base_url, "#/attendance-month/2026-08")
    row = driver.find_element(By.XPATH, "//main//table//tr[th[normalize-space(.)='Wulan Sari']]")
    cells = [c.text for c in row.find_elements(By.CSS_SELECTOR, "td")]
    assert cells[:4] == ["2", "1", "0", "1"], cells
    driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Wulan Sari']").click()
    wait(driver, lambda d: heading(d) == "Isian bulanan · Wulan Sari · Agustus 2026")
    assert driver.find_element(By.ID, "g-check_in-2").get_attribute("value") == "08:20"
    assert driver.find_element(By.ID, "g-overtime-3").get_attribute("value") == "30"
    assert driver.find_element(By.ID, "g-check_in-3").get_attribute("value") == "07:55"
    assert driver.find_element(By.ID, "g-check_out-3").get_attribute("value") == "17:30"
    assert Select(driver.find_element(By.ID, "g-status-2")).first_selected_option.text == "Terlambat", "a stored day shows its attendance"
    click(driver, "Simpan bulan ini")
    wait_text(driver, "Tidak ada yang berubah.")
    shot(driver, "attendance-grid")
    # In English.
    open_app(driver, base_url, f"#/attendance-grid/{employee}/2026-08", "?lang=en")
    wait(driver, lambda d: heading(d) == "Month grid · Wulan Sari · August 2026")
