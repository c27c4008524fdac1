"""A small office's November in the books, in Indonesian then English: the standard chart set
up in one click, capital paid in, a sale with PPN, rent and supplies paid, cash moved from
the bank; a refused entry named next to its field; the profit and loss worked out by hand
and compared with the report, the balance sheet balancing, the cash flow ending at the
bank's and the till's balances, the CSV export, the costs chart; November closed, an entry
of it locked and reversed in December."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait, wait_file
from helpers import body_text, click, fill, heading, open_app, wait_text


def set_date(driver, field_id, value):
    """As a date picker sets it: the value, then input and change."""
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));"
        "e.dispatchEvent(new Event('change', {bubbles: true}))", field_id, value)


def record(driver, base_url, kind, date, account, other, amount, description, tax=""):
    open_app(driver, base_url, f"#/entries/new/{kind}")
    set_date(driver, "f-date", date)
    Select(driver.find_element(By.ID, "f-account_id")).select_by_visible_text(account)
    if kind == "transfer":
        Select(driver.find_element(By.ID, "f-to_account_id")).select_by_visible_text(other)
    else:
        Select(driver.find_element(By.ID, "f-category_id")).select_by_visible_text(other)
    fill(driver, "f-amount", amount)
    if tax:
        fill(driver, "f-tax", tax)
    fill(driver, "f-description", description)
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == description)


def report_rows(driver):
    """{row label: [amounts as shown]} of the report on screen."""
    out = {}
    for r in driver.find_elements(By.CSS_SELECTOR, "main table.bo-report tr"):
        cells = [c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
        if len(cells) > 1:
            out[cells[0]] = cells[1:]
    return out


def rupiah(text):
    neg = text.startswith("(")
    v = int(text.strip("()").replace("Rp", "").replace(".", "").replace(",", "").replace("\u00a0", "").strip())
    return -v if neg else v


def test_a_month_in_the_books(driver, base_url, downloads):
    open_app(driver, base_url, "#/entries")
    wait_text(driver, "Belum ada akun.")
    click(driver, "Pakai bagan akun standar")
    wait_text(driver, "Bagan akun standar siap dipakai.")

    record(driver, base_url, "in", "2026-11-02", "1111 — Bank", "3101 — Modal", "50.000.000", "Setoran modal")
    record(driver, base_url, "in", "2026-11-05", "1111 — Bank", "4101 — Pendapatan usaha", "11.100.000", "Jasa konsultasi PT Maju", tax="1.100.000")
    # The sale's postings: bank debited, income and PPN keluaran credited.
    postings = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table.bo-postings tbody tr")]
    assert postings == ["1111 — Bank Rp 11.100.000", "4101 — Pendapatan usaha Rp 10.000.000", "2201 — PPN keluaran Rp 1.100.000"], postings
    record(driver, base_url, "out", "2026-11-06", "1111 — Bank", "6201 — Sewa", "4.000.000", "Sewa kantor November")
    record(driver, base_url, "transfer", "2026-11-07", "1111 — Bank", "1101 — Kas", "2.000.000", "Ambil tunai untuk kas")
    record(driver, base_url, "out", "2026-11-09", "1101 — Kas", "6301 — ATK dan perlengkapan kantor", "555.000", "Kertas dan tinta", tax="55.000")

    # PPN above the amount is refused next to its field; nothing is saved.
    open_app(driver, base_url, "#/entries/new/out")
    fill(driver, "f-amount", "100.000")
    fill(driver, "f-tax", "200.000")
    Select(driver.find_element(By.ID, "f-category_id")).select_by_visible_text("6999 — Biaya lain-lain")
    click(driver, "Simpan")
    wait_text(driver, "PPN harus antara nol dan jumlahnya.")
    shot(driver, "finance-entry-refused")

    open_app(driver, base_url, "#/entries")
    wait_text(driver, "Kertas dan tinta")
    shot(driver, "finance-entries")

    # By hand: income 10,000,000; expenses 4,000,000 rent + 500,000 supplies; profit 5,500,000.
    open_app(driver, base_url, "#/books/pl/2026-11")
    wait(driver, lambda d: heading(d).startswith("Laba rugi"))
    rows = report_rows(driver)
    assert rupiah(rows["Total pendapatan"][0]) == 10_000_000, rows
    assert rupiah(rows["Total beban"][0]) == 4_500_000, rows
    assert rupiah(rows["Laba bersih"][0]) == 5_500_000, rows
    assert rupiah(rows["Laba bersih"][1]) == 0, rows  # October had nothing
    assert "3101 — Modal" not in rows and "1101 — Kas" not in rows, rows  # neither capital nor the transfer is income
    shot(driver, "finance-pl")
    click(driver, "Ekspor CSV")
    csv = wait_file(downloads, ".csv").read_text(encoding="utf-8-sig")
    assert "Laba bersih;5500000;0" in csv, csv

    click(driver, "Neraca")
    wait(driver, lambda d: heading(d).startswith("Neraca"))
    rows = report_rows(driver)
    assets = rupiah(rows["Total aset"][0])
    # Bank 50,000,000 + 11,100,000 − 4,000,000 − 2,000,000; cash 2,000,000 − 555,000; PPN masukan 55,000.
    assert assets == 55_100_000 + 1_445_000 + 55_000, rows
    assert rupiah(rows["Total kewajiban dan ekuitas"][0]) == assets, rows
    assert rupiah(rows["Laba (rugi) sampai tanggal ini"][0]) == 5_500_000, rows
    shot(driver, "finance-balance")

    click(driver, "Arus kas")
    wait(driver, lambda d: heading(d).startswith("Arus kas"))
    rows = report_rows(driver)
    assert rupiah(rows["Kas dan bank di akhir periode"][0]) == 55_100_000 + 1_445_000, rows
    assert rupiah(rows["Total uang masuk"][0]) == 61_100_000, rows

    click(driver, "Biaya per bulan")
    wait(driver, lambda d: heading(d).startswith("Biaya per bulan"))
    bars = driver.find_elements(By.CSS_SELECTOR, "main svg rect.bo-chart-bar")
    assert len(bars) == 12 and float(bars[10].get_attribute("height")) > 100, [b.get_attribute("height") for b in bars]
    shot(driver, "finance-costs")

    # November closed: its entries are locked and corrected by reversing.
    open_app(driver, base_url, "#/books/pl/2026-11")
    set_date(driver, "bo-closed-to", "2026-11-30")
    click(driver, "Tutup buku")
    wait_text(driver, "Buku ditutup sampai")
    open_app(driver, base_url, "#/entries")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Sewa kantor November").click()
    wait_text(driver, "Transaksi ini ada di periode yang sudah ditutup")
    assert not [b for b in driver.find_elements(By.XPATH, "//main//*[normalize-space(.)='Ubah' or normalize-space(.)='Hapus']") if b.is_displayed()]
    click(driver, "Balik transaksi ini")
    wait(driver, lambda d: heading(d) == "Pembalik: Sewa kantor November")
    shot(driver, "finance-reversal")
    open_app(driver, base_url, "#/books/pl/2026-12")
    rows = report_rows(driver)
    assert rupiah(rows["Laba bersih"][0]) == 4_000_000, rows
    # A new entry dated in November is refused.
    record_url = "#/entries/new/out"
    open_app(driver, base_url, record_url)
    set_date(driver, "f-date", "2026-11-20")
    fill(driver, "f-amount", "10.000")
    Select(driver.find_element(By.ID, "f-category_id")).select_by_visible_text("6999 — Biaya lain-lain")
    click(driver, "Simpan")
    wait_text(driver, "Buku sudah ditutup untuk tanggal ini.")

    # The bank's page: its balance today and each line with the running balance.
    open_app(driver, base_url, "#/accounts")
    driver.find_element(By.LINK_TEXT, "1111").click()
    wait_text(driver, "Saldo hari ini:")
    assert "Rp 59.100.000" in body_text(driver)  # the rent came back in December

    # In English.
    open_app(driver, base_url, "#/books/pl/2026-11", "?lang=en")
    wait(driver, lambda d: heading(d) == "Profit and loss · November 2026")
    rows = report_rows(driver)
    assert rupiah(rows["Net profit"][0]) == 5_500_000, rows
    shot(driver, "finance-pl-en")
    open_app(driver, base_url, "#/books/balance/2026-Q4", "?lang=en")
    wait(driver, lambda d: heading(d) == "Balance sheet · Quarter 4 2026")
    rows = report_rows(driver)
    assert rupiah(rows["Total assets"][0]) == rupiah(rows["Liabilities and equity"][0]), rows
