"""Excel workbooks: a list exported to .xlsx (typed cells, a frozen filtered header) and
imported into an empty browser; workbooks Excel and LibreOffice saved imported, a worksheet
chosen; a damaged workbook refused with a message."""
import re
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from browser import ROOT
from conftest import shot, wait, wait_file
from helpers import body_text, click, fill, heading, open_app, table_rows, wait_text, field
from stored import stored_list
from test_calendar import set_input
from test_data import upload

SAVED = ROOT / "tests" / "fixtures" / "xlsx"


def new_asset(driver, base_url, tag, name, cost, bought, category):
    open_app(driver, base_url, "#/assets/new")
    fill(driver, "f-tag", tag)
    fill(driver, "f-name", name)
    Select(field(driver, "f-category")).select_by_value(category)
    set_input(driver, "f-purchase_date", bought)
    fill(driver, "f-cost", cost)
    fill(driver, "f-life_months", "48")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d).startswith(tag))


def sheet_cells(path):
    """The first sheet's cells as written: {ref: (style, type, value)}."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    cells = {}
    for ref, attrs, body in re.findall(r'<c r="([A-Z]+\d+)"([^>]*)>(.*?)</c>', xml):
        style = re.search(r's="(\d+)"', attrs)
        kind = re.search(r't="(\w+)"', attrs)
        value = re.search(r"<v>(.*?)</v>|<t[^>]*>(.*?)</t>", body)
        cells[ref] = (style and style.group(1), kind and kind.group(1), value and (value.group(1) or value.group(2)))
    return xml, cells


def test_a_list_exported_to_excel_imports_into_an_empty_browser(driver, base_url, downloads):
    new_asset(driver, base_url, "IT-001", "Laptop «Budi» & tas", "12.500.000", "2025-11-01", "it")
    new_asset(driver, base_url, "KD-002", "Toyota Avanza", "215.000.000", "2024-02-29", "vehicle")
    before = sorted(stored_list(driver, "assets"), key=lambda a: a["tag"])
    open_app(driver, base_url, "#/assets")
    wait(driver, lambda d: len(table_rows(d)) == 2)
    click(driver, "Ekspor Excel (.xlsx)")
    book = wait_file(downloads, ".xlsx")
    assert re.fullmatch(r"assets-\d{4}-\d{2}-\d{2}\.xlsx", book.name), book.name
    xml, cells = sheet_cells(book)
    # A bold header in the UI language, frozen and filtered; numbers, money and dates typed.
    assert cells["A1"][2] == "Nomor inventaris" and cells["A1"][0] == "1", cells["A1"]
    assert 'state="frozen"' in xml and "<autoFilter " in xml
    headers = {v[2]: ref[:-1] for ref, v in cells.items() if ref.endswith("1") and len(ref) <= 3 and ref[-2].isalpha()}
    cost, bought, category = headers["Harga beli"], headers["Tanggal beli"], headers["Kategori"]
    rows = {cells[f"A{n}"][2]: n for n in (2, 3)}
    avanza = rows["KD-002"]
    assert cells[f"{cost}{avanza}"] == ("2", None, "215000000"), "money as a number with the currency format"
    assert cells[f"{bought}{avanza}"] == ("3", None, "45351"), "29 February 2024 as a date serial"
    assert cells[f"{category}{avanza}"][2] == "Kendaraan", "a choice as the list words it"

    # Into an empty browser: the same assets come back.
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    open_app(driver, base_url, "#/assets/import")
    wait_text(driver, "Impor dari CSV atau Excel")
    upload(driver, "import-file", book)
    wait_text(driver, "2 baris siap diimpor, 0 baris bermasalah")
    assert not driver.find_elements(By.ID, "import-sheet"), "one sheet: nothing to choose"
    shot(driver, "import-xlsx-preview-id")
    assert stored_list(driver, "assets") == [], "nothing stored before the import is confirmed"
    click(driver, "Impor 2 baris")
    wait(driver, lambda d: heading(d) == "Aset & peralatan" and len(table_rows(d)) == 2)
    after = sorted(stored_list(driver, "assets"), key=lambda a: a["tag"])
    keep = ("tag", "name", "category", "status", "purchase_date", "cost", "life_months", "every_unit")
    assert [{k: a.get(k) for k in keep} for a in after] == [{k: a.get(k) for k in keep} for a in before]
    assert after[0]["cost"] == 12_500_000 and after[1]["purchase_date"] == "2024-02-29"


def test_workbooks_spreadsheet_programs_saved(driver, base_url):
    # Excel for Mac: a note above the table, the header in row 9 — mapped, then imported.
    open_app(driver, base_url, "#/contacts/import")
    upload(driver, "import-file", SAVED / "header-row.xlsx")
    wait_text(driver, "Kolom «Columns»")
    Select(driver.find_element(By.ID, "map-0")).select_by_value("name")
    wait_text(driver, "1 baris siap diimpor, 0 baris bermasalah")
    click(driver, "Impor 1 kontak")
    wait(driver, lambda d: heading(d) == "Kontak" and len(table_rows(d)) == 1)
    assert [c["name"] for c in stored_list(driver, "contacts")] == ["put data here"]

    # Excel: four sheets, a chart sheet left out and the hidden ones marked and listed last.
    open_app(driver, base_url, "#/items/import")
    upload(driver, "import-file", SAVED / "any_sheets.xlsx")
    wait(driver, lambda d: d.find_elements(By.ID, "import-sheet"))
    choice = Select(field(driver, "import-sheet"))
    assert [o.text for o in choice.options] == ["Visible", "Hidden (tersembunyi)", "VeryHidden (tersembunyi)"]
    wait_text(driver, "Kolom «1»")
    shot(driver, "import-xlsx-sheets-id")
    choice.select_by_visible_text("Hidden (tersembunyi)")
    wait_text(driver, "Lembar kerja ini kosong.")
    assert "Kolom «1»" not in body_text(driver)
    Select(field(driver, "import-sheet")).select_by_visible_text("Visible")
    wait_text(driver, "Kolom «1»")


def test_a_damaged_workbook_is_refused_with_a_message(driver, base_url, tmp_path):
    good = (SAVED / "date.xlsx").read_bytes()
    cut = tmp_path / "terpotong.xlsx"
    cut.write_bytes(good[: len(good) // 2])
    open_app(driver, base_url, "#/assets/import")
    upload(driver, "import-file", cut)
    wait_text(driver, "Berkas Excel ini rusak atau terpotong")
    shot(driver, "import-xlsx-damaged-id")
    assert stored_list(driver, "assets") == []
    # The same in English.
    open_app(driver, base_url, "#/assets/import", "?lang=en")
    upload(driver, "import-file", cut)
    wait_text(driver, "This Excel file is damaged or cut short")


def test_a_report_exported_to_excel(driver, base_url, downloads):
    # The PPN summary is labelled figures: no header row, each amount a money cell.
    open_app(driver, base_url, "#/books/tax/2026-11")
    click(driver, "Ekspor Excel (.xlsx)")
    book = wait_file(downloads, ".xlsx")
    assert book.name == "tax-2026-11.xlsx", book.name
    xml, cells = sheet_cells(book)
    assert "A1" not in cells, "no header row"
    assert cells["A2"][2] == "PPN keluaran (dipungut dari penjualan)" and cells["B2"] == ("2", None, "0"), cells
    assert cells["A4"][2].startswith("PPN") and cells["B4"][0] == "2", cells
    with zipfile.ZipFile(book) as z:
        assert 'name="Ringkasan PPN' in z.read("xl/workbook.xml").decode()
