"""Payroll for a small office from the People module's data: employees and pay structures
imported from Indonesian Excel CSV, a day of attendance with overtime; January's run names
who cannot be paid and refuses to post until fixed, then posts and locks; the payslips print
(A5) and the bank file follows the layout in Settings; a THR run in March pays by service;
December reconciles the year; the year's summary lists everyone."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait, wait_file
from helpers import alert, body_text, click, fill, heading, open_app, table_rows, wait_text, field
from test_calendar import set_input


def import_csv(driver, base_url, lst, path, n):
    open_app(driver, base_url, f"#/{lst}/import")
    field(driver, "import-file").send_keys(str(path))
    wait_text(driver, f"{n} baris siap diimpor")
    click(driver, f"Impor {n} baris")
    wait_text(driver, f"{n} baris diimpor.")


def new_run(driver, base_url, month, paid_on, thr="", holiday_on=""):
    open_app(driver, base_url, "#/payroll_runs/new")
    wait(driver, lambda d: heading(d) == "Penggajian baru")
    fill(driver, "f-month", month)
    if thr:
        Select(field(driver, "f-kind")).select_by_value("thr")
        fill(driver, "f-holiday", thr)
        set_input(driver, "f-holiday_on", holiday_on)
    set_input(driver, "f-paid_on", paid_on)
    click(driver, "Simpan")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#totals-h"))


def post(driver):
    click(driver, "Tandai sudah diperiksa")
    wait_text(driver, "Penggajian ditandai sudah diperiksa.")
    click(driver, "Posting")
    alert(driver).accept()
    wait_text(driver, "Penggajian diposting dan dikunci.")


def pay_table(driver):
    """(name, earnings, net) of each row of the run's table."""
    rows = driver.find_elements(By.CSS_SELECTOR, "main table.bo-pay-table tbody tr")
    out = []
    for r in rows:
        cells = [c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
        out.append((cells[0], cells[1], cells[-1]))
    return out


def rupiah(text):
    return int(text.replace("Rp", "").replace(".", "").replace("\u00a0", "").strip())


def test_january_thr_and_december_for_a_small_office(driver, base_url, downloads, tmp_path):
    people = tmp_path / "karyawan.csv"
    people.write_text("\ufeffNama;No karyawan;Tanggal masuk;Status PTKP;Bank;No rekening;NIK\r\n"
                      "Ani Lestari;E-01;2020-02-03;K/1;BCA;123-456-7890;3174012345670001\r\n"
                      "Budi Santoso;E-02;2026-01-14;TK/0;Mandiri;1400012345678;\r\n"
                      "Citra Dewi;E-03;2019-05-01;TK/0;;;\r\n", encoding="utf-8")
    import_csv(driver, base_url, "employees", people, 3)
    pay = tmp_path / "gaji.csv"
    pay.write_text("\ufeffKaryawan;Berlaku mulai;Gaji pokok;Tunjangan tetap;Uang makan\r\n"
                   "E-01;2020-01-01;8.000.000;1.000.000;25.000\r\n"
                   "E-02;2026-01-14;6.000.000;0;25.000\r\n"
                   "E-03;2019-05-01;7.000.000,00;;\r\n", encoding="utf-8")
    import_csv(driver, base_url, "pay", pay, 3)
    open_app(driver, base_url, "#/employees")
    driver.find_element(By.LINK_TEXT, "Ani Lestari").click()
    wait_text(driver, "Gaji pokok Rp 8.000.000, tunjangan tetap Rp 1.000.000, berlaku mulai")

    # A day at work with 90 minutes of approved overtime for Ani.
    open_app(driver, base_url, "#/attendance/new")
    Select(field(driver, "f-employee_id")).select_by_visible_text("E-01 — Ani Lestari")
    set_input(driver, "f-date", "2026-01-05")
    fill(driver, "f-overtime", "90")
    field(driver, "f-overtime_approved").click()
    click(driver, "Simpan")
    wait(driver, lambda d: "Ani" in heading(d) or "2026" in heading(d))

    # The bank file as this bank wants it: semicolons, no header row.
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-bank_layout", "account;name;amount;note")
    driver.find_element(By.ID, "s-bank-header").click()
    click(driver, "Simpan")
    wait_text(driver, "Pengaturan disimpan.")

    # January: Citra has no bank account, so the run names her and will not post.
    new_run(driver, base_url, "2026-01", "2026-01-26")
    wait_text(driver, "Karyawan ini belum bisa digaji:")
    assert "Citra Dewi: belum ada nomor rekening" in body_text(driver)
    rows = pay_table(driver)
    assert [r[0] for r in rows] == ["Ani Lestari", "Budi Santoso"], rows
    shot(driver, "payroll-run-draft")
    click(driver, "Tandai sudah diperiksa")
    wait_text(driver, "Penggajian ditandai sudah diperiksa.")
    click(driver, "Posting")
    wait_text(driver, "Belum bisa diposting. Lengkapi dulu: Citra Dewi (belum ada nomor rekening)")
    run_url = driver.current_url

    click(driver, "Citra Dewi")
    wait(driver, lambda d: d.find_elements(By.ID, "f-account"))
    fill(driver, "f-bank", "BRI")
    fill(driver, "f-account", "0021-01-000123-30-5")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Citra Dewi")
    driver.get(run_url)
    wait(driver, lambda d: len(pay_table(d)) == 3)
    assert "belum bisa digaji" not in body_text(driver)
    click(driver, "Posting")
    alert(driver).accept()
    wait_text(driver, "Penggajian diposting dan dikunci.")
    wait_text(driver, "Terkunci")
    assert not [b for b in driver.find_elements(By.XPATH, "//main//a[normalize-space(.)='Ubah']") if b.is_displayed()], "a posted run has no Edit"
    january = {name: rupiah(net) for name, _, net in pay_table(driver)}

    click(driver, "File transfer bank")
    bank = wait_file(downloads, ".csv").read_text(encoding="utf-8")
    lines = bank.strip().split("\n")
    assert lines[0] == f"1234567890;Ani Lestari;{january['Ani Lestari']};Gaji 2026-01", lines
    assert lines[2] == f"002101000123305;Citra Dewi;{january['Citra Dewi']};Gaji 2026-01", lines
    assert len(lines) == 3

    # The journal for the books balances.
    click(driver, "Ekspor jurnal (CSV)")
    journal = wait_file(downloads, "jurnal-gaji-2026-01.csv").read_text(encoding="utf-8-sig").strip().split("\n")
    assert journal[0] == "Akun;Debit;Kredit", journal
    cells = [row.split(";") for row in journal[1:]]
    debit = sum(int(c[1] or 0) for c in cells)
    assert debit == sum(int(c[2] or 0) for c in cells) and debit > sum(january.values()), cells
    assert ["Utang gaji (ditransfer ke karyawan)", "", str(sum(january.values()))] in cells, cells

    # Ani's payslip explains each line; printed on A5.
    click(driver, "Ani Lestari")
    wait(driver, lambda d: "Ani Lestari" in heading(d))
    text = body_text(driver)
    for expected in ["Uang makan", "1 hari hadir × Rp 25.000", "Lembur", "PPh 21 (TER)", "TER kategori B", "BPJS JP (karyawan)", "Gaji bersih"]:
        assert expected in text, (expected, text)
    shot(driver, "payroll-payslip")
    driver.get(run_url)
    wait(driver, lambda d: len(pay_table(d)) == 3)
    driver.find_element(By.XPATH, "//label[contains(., 'A5')]/input").click()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    slips = driver.find_elements(By.CSS_SELECTOR, ".bo-slips-a5 .bo-slip")
    assert len(slips) == 3 and all(s.is_displayed() for s in slips)
    shot(driver, "payroll-print-a5")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # THR for Idul Fitri, paid a week before: a full month's wage after a year; two twelfths
    # for Budi, whose service is counted up to the holiday (14 January to 20 March).
    new_run(driver, base_url, "2026-03", "2026-03-13", thr="Idul Fitri", holiday_on="2026-03-20")
    earnings = {name: rupiah(e) for name, e, _ in pay_table(driver)}
    assert earnings == {"Ani Lestari": 9_000_000, "Budi Santoso": 1_000_000, "Citra Dewi": 7_000_000}, earnings
    post(driver)
    shot(driver, "payroll-thr")

    # December reconciles the year; the payslip shows how.
    new_run(driver, base_url, "2026-12", "2026-12-24")
    post(driver)
    click(driver, "Ani Lestari")
    wait_text(driver, "Penghasilan bruto setahun")
    assert "PPh 21 (perhitungan akhir tahun)" in body_text(driver)
    shot(driver, "payroll-december-slip")

    # A second January is refused; a draft run can be deleted, a posted one cannot.
    open_app(driver, base_url, "#/payroll_runs/new")
    fill(driver, "f-month", "2026-01")
    set_input(driver, "f-paid_on", "2026-01-30")
    click(driver, "Simpan")
    wait_text(driver, "Sudah ada penggajian reguler untuk bulan ini.")
    new_run(driver, base_url, "2026-02", "2026-02-25")
    click(driver, "Hapus")
    wait(driver, lambda d: heading(d) == "Penggajian")
    driver.get(run_url)
    wait_text(driver, "Terkunci")
    assert "Hapus" not in [b.text for b in driver.find_elements(By.CSS_SELECTOR, "main button")]

    # After a reload: three runs, the year's figures per employee.
    driver.refresh()
    open_app(driver, base_url, "#/payroll_runs")
    assert len(table_rows(driver)) == 3
    open_app(driver, base_url, "#/payroll-year/2026")
    wait(driver, lambda d: heading(d) == "Rekap penggajian 2026")
    tables = driver.find_elements(By.CSS_SELECTOR, "main table.bo-table")
    rows = [r.text for r in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert len(rows) == 3 and rows[0].startswith("Ani Lestari"), rows
    months = [r.text for r in tables[1].find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert [m.split(" Rp")[0] for m in months] == ["Januari 2026", "Maret 2026", "Desember 2026"], months
    shot(driver, "payroll-year")

    # In English too.
    open_app(driver, base_url, "#/payroll-year/2026", "?lang=en")
    wait(driver, lambda d: heading(d) == "Payroll year 2026")

    # At phone width, in English: the run and a payslip stay readable.
    driver.set_window_size(390, 844)
    driver.get(run_url.replace("#/", "?lang=en#/"))
    wait_text(driver, "Pay for January 2026")
    shot(driver, "payroll-run-phone-en")
    click(driver, "Ani Lestari")
    wait_text(driver, "Take-home pay")
    shot(driver, "payroll-payslip-phone-en")


def test_each_bank_with_a_layout_of_its_own_gets_its_own_transfer_file(driver, base_url, downloads, tmp_path):
    people = tmp_path / "karyawan.csv"
    people.write_text("\ufeffNama;No karyawan;Tanggal masuk;Status PTKP;Bank;No rekening\r\n"
                      "Dewi Kartika;E-11;2020-02-03;TK/0;BCA;111-222-3333\r\n"
                      "Eko Prasetyo;E-12;2021-03-01;TK/0;Mandiri;1400099988877\r\n"
                      "Fajar Nugroho;E-13;2022-04-01;TK/0;BRI;0021-01-000999-30-1\r\n", encoding="utf-8")
    import_csv(driver, base_url, "employees", people, 3)
    pay = tmp_path / "gaji.csv"
    pay.write_text("\ufeffKaryawan;Berlaku mulai;Gaji pokok\r\n"
                   "E-11;2020-01-01;6.000.000\r\nE-12;2021-01-01;5.500.000\r\nE-13;2022-01-01;5.000.000\r\n", encoding="utf-8")
    import_csv(driver, base_url, "pay", pay, 3)

    # BCA's upload wants the name first and a row of column names; Mandiri's semicolons.
    open_app(driver, base_url, "#/bank_layouts")
    wait_text(driver, "Belum ada format per bank")
    click(driver, "Format bank baru")
    wait(driver, lambda d: heading(d) == "Format bank baru")
    assert field(driver, "f-columns").get_attribute("value") == "account,name,amount,note"
    fill(driver, "f-bank", "bca")
    fill(driver, "f-columns", "name,account,amount")
    field(driver, "f-header").click()
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "bca")
    # One layout a bank; unknown columns named.
    open_app(driver, base_url, "#/bank_layouts/new")
    fill(driver, "f-bank", "BCA ")
    click(driver, "Simpan")
    wait_text(driver, "Bank ini sudah punya format. Ubah format yang itu.")
    fill(driver, "f-bank", "Mandiri")
    fill(driver, "f-columns", "rekening;jumlah")
    click(driver, "Simpan")
    wait_text(driver, "Tulis kolom yang dikenal")
    shot(driver, "bank-layout-refused")
    fill(driver, "f-columns", "account;amount;note")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Mandiri")
    open_app(driver, base_url, "#/bank_layouts")
    wait(driver, lambda d: len(table_rows(d)) == 2)

    new_run(driver, base_url, "2026-02", "2026-02-25")
    post(driver)
    net = {name: rupiah(n) for name, _, n in pay_table(driver)}
    shot(driver, "payroll-bank-files")
    click(driver, "File transfer bca (1 orang)")
    bca = wait_file(downloads, "transfer-2026-02-bca.csv").read_text(encoding="utf-8").strip().split("\n")
    assert bca == ["name,account,amount", f"Dewi Kartika,1112223333,{net['Dewi Kartika']}"], bca
    click(driver, "File transfer Mandiri (1 orang)")
    mandiri = wait_file(downloads, "-mandiri.csv").read_text(encoding="utf-8").strip().split("\n")
    assert mandiri == [f"1400099988877;{net['Eko Prasetyo']};Gaji 2026-02"], mandiri
    # BRI has no layout: the Settings' one (a header row, commas).
    click(driver, "File transfer bank lain (1 orang)")
    rest = wait_file(downloads, "transfer-2026-02.csv").read_text(encoding="utf-8").strip().split("\n")
    assert rest == ["account,name,amount,note", f"002101000999301,Fajar Nugroho,{net['Fajar Nugroho']},Gaji 2026-02"], rest
    # In English, one person is one.
    open_app(driver, base_url, "#" + driver.current_url.split("#", 1)[1], "?lang=en")
    wait_text(driver, "Other banks' transfer file (1 person)")
