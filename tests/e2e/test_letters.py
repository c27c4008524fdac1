"""The clerk's correspondence register: a letter received passed on to a colleague, named on
Today until it is done, with its agenda number; letters sent numbered by their series (going
on from the paper register's last number), printed on the letterhead, a deleted letter's
number never given again and listed as skipped, and the screens in English."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait
from helpers import alert, body_text, click, fill, heading, open_app, table_rows, wait_text, field
from test_assets import office_today
from test_finance import set_date

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def main_text(driver):
    """The page without its toasts."""
    return driver.find_element(By.TAG_NAME, "main").text


def detail(driver, label):
    """A field's value on a record's page."""
    return driver.find_element(By.XPATH, f"//main//div[contains(@class,'bo-dl-row')][dt[normalize-space(.)='{label}']]/dd").text


def receive(driver, base_url, subject, sender, due=None, who=""):
    open_app(driver, base_url, "#/letters_in/new")
    wait(driver, lambda d: heading(d) == "Catat surat masuk")
    assert field(driver, "f-received").get_attribute("value") == office_today().isoformat()
    fill(driver, "f-sender", sender)
    fill(driver, "f-subject", subject)
    if due:
        set_date(driver, "f-due", due.isoformat())
    if who:
        fill(driver, "f-disposition_to", who)
        Select(field(driver, "f-status")).select_by_value("disposed")
    click(driver, "Simpan")


def test_a_letter_received_passed_on_and_named_on_today(driver, base_url):
    open_app(driver, base_url, "#/letters_in")
    wait_text(driver, "Belum ada surat masuk.")
    due = office_today() + datetime.timedelta(days=2)

    # A date to act by needs someone to act.
    receive(driver, base_url, "Undangan kerja bakti", "Kelurahan Menteng", due=due)
    wait_text(driver, "Isi siapa yang harus menindaklanjuti sebelum batas waktu.")
    fill(driver, "f-disposition_to", "Budi Santoso")
    fill(driver, "f-instruction", "Wakili kantor")
    fill(driver, "f-their_number", "005/KM/XII/2026")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Undangan kerja bakti")
    assert detail(driver, "No. agenda") == "1", "numbered in the register on save"
    assert detail(driver, "Status") == "Didisposisikan", "passed on once someone is named"
    receive(driver, base_url, "Penawaran alat tulis", "Toko ATK Sinar")
    wait(driver, lambda d: heading(d) == "Penawaran alat tulis")
    assert detail(driver, "No. agenda") == "2"
    open_app(driver, base_url, "#/letters_in")
    wait(driver, lambda d: len(table_rows(d)) == 2)
    shot(driver, "letters-in")

    # Today names it: what, who acts, by when.
    open_app(driver, base_url, "#/")
    wait_text(driver, "Disposisi surat yang jatuh tempo")
    line = driver.find_element(By.XPATH, "//main//li[a[normalize-space(.)='Undangan kerja bakti']]")
    assert "— Budi Santoso," in line.text and "2 hari lagi" in line.text, line.text
    assert "Penawaran alat tulis" not in main_text(driver), "no date to act by: not a reminder"
    shot(driver, "letters-today")

    # Done: gone from Today.
    line.find_element(By.TAG_NAME, "a").click()
    wait(driver, lambda d: heading(d) == "Undangan kerja bakti")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-status"))
    Select(field(driver, "f-status")).select_by_value("done")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Undangan kerja bakti" and detail(d, "Status") == "Selesai")
    open_app(driver, base_url, "#/")
    wait(driver, lambda d: d.execute_script("return performance.getEntriesByName('bo:reminders').length") > 0)
    assert "Disposisi surat yang jatuh tempo" not in main_text(driver)


def new_letter(driver, base_url, to, subject, number=""):
    open_app(driver, base_url, "#/letters_out/new")
    wait(driver, lambda d: heading(d) == "Surat keluar baru")
    fill(driver, "f-to", to)
    fill(driver, "f-subject", subject)
    if number:
        fill(driver, "f-number", number)
    click(driver, "Simpan")


def test_letters_sent_numbered_printed_and_never_numbered_twice(driver, base_url):
    open_app(driver, base_url, "#/settings")
    fill(driver, "s-company_name", "PT Sinar Terang")
    fill(driver, "s-company_address", "Jl. Sudirman 10\nJakarta 10220")
    click(driver, "Simpan")
    wait_text(driver, "Pengaturan disimpan.")

    # A series carried over from the paper register, where number 6 was the last.
    open_app(driver, base_url, "#/letter_series/new")
    wait(driver, lambda d: heading(d) == "Jenis surat baru")
    assert field(driver, "f-pattern").get_attribute("value") == "{seq:03}/{code}/{unit}/{month:roman}/{year}"
    fill(driver, "f-code", "SK")
    fill(driver, "f-name", "Surat Keputusan")
    fill(driver, "f-unit", "HRD")
    fill(driver, "f-pattern", "{code}/{year}")
    click(driver, "Simpan")
    wait_text(driver, "Pola perlu {seq} (nomor urut), kalau tidak semua surat bernomor sama.")
    fill(driver, "f-pattern", "{seq:03}/{code}/{unit}/{month:roman}/{year}")
    fill(driver, "f-last_seq", "6")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "SK — Surat Keputusan")

    today = office_today()
    number = lambda n: f"{n:03}/SK/HRD/{ROMAN[today.month - 1]}/{today.year}"  # noqa: E731

    # The first letter sent goes on from 6, in the only series, dated today.
    open_app(driver, base_url, "#/letters_out/new")
    wait(driver, lambda d: heading(d) == "Surat keluar baru")
    assert Select(field(driver, "f-series_id")).first_selected_option.text == "SK — Surat Keputusan"
    assert field(driver, "f-date").get_attribute("value") == today.isoformat()
    fill(driver, "f-to", "Bapak Andi Wijaya")
    fill(driver, "f-address", "Jl. Melati 3, Bogor")
    fill(driver, "f-subject", "Pengangkatan karyawan tetap")
    fill(driver, "f-signer", "Dewi Lestari")
    fill(driver, "f-body", "Dengan hormat,\n\nKami menetapkan **Andi Wijaya** sebagai karyawan tetap:\n- mulai 1 Januari 2027\n- jabatan Staf Keuangan\n\nDemikian surat ini kami sampaikan.")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == f"{number(7)} · Pengangkatan karyawan tetap")
    wait_text(driver, f"Surat {number(7)} disimpan: Pengangkatan karyawan tetap.")

    # As printed: the letterhead, the number, the text with its bold and its list, the signer.
    sheet = driver.find_element(By.CSS_SELECTOR, "main article.bo-letter")
    assert "PT Sinar Terang" in sheet.text and "Jl. Sudirman 10" in sheet.text, sheet.text
    assert number(7) in sheet.text and "Bapak Andi Wijaya" in sheet.text and "Dewi Lestari" in sheet.text, sheet.text
    assert sheet.find_element(By.CSS_SELECTOR, ".bo-letter-body strong").text == "Andi Wijaya"
    items = [li.text for li in sheet.find_elements(By.CSS_SELECTOR, ".bo-letter-body li")]
    assert items == ["mulai 1 Januari 2027", "jabatan Staf Keuangan"], items
    shot(driver, "letters-sheet")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert sheet.is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "main .bo-dl").is_displayed(), "the letter alone on paper"
    assert not driver.find_element(By.CSS_SELECTOR, "main h1").is_displayed()
    shot(driver, "letters-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # The next, then deleted: its number is not given again, and the register says why it is missing.
    new_letter(driver, base_url, "Ibu Sari", "Mutasi jabatan")
    wait(driver, lambda d: heading(d) == f"{number(8)} · Mutasi jabatan")
    click(driver, "Hapus")
    wait(driver, lambda d: heading(d) == "Surat keluar")
    wait_text(driver, "Nomor yang terlewat (1)")
    assert f"{number(8)} — suratnya ada di tempat sampah; nomor ini tidak dipakai lagi" in body_text(driver)
    new_letter(driver, base_url, "Bapak Joko", "Penugasan proyek")
    wait(driver, lambda d: heading(d) == f"{number(9)} · Penugasan proyek")
    # A number typed by hand must be free, the trash included.
    new_letter(driver, base_url, "Bapak Joko", "Salinan", number=number(8))
    wait_text(driver, "Nomor ini sudah dipakai surat lain (juga yang di tempat sampah).")
    # Leaving the refused form asks first.
    driver.get(f"{base_url}#/letters_out")
    alert(driver).accept()
    wait(driver, lambda d: len(table_rows(d)) == 2)
    shot(driver, "letters-out")
    # The series shows the number the next letter gets.
    open_app(driver, base_url, "#/letter_series")
    wait(driver, lambda d: len(table_rows(d)) == 1)
    assert number(10) in table_rows(driver)[0], table_rows(driver)

    # In English.
    open_app(driver, base_url, "#/letters_out", "?lang=en")
    wait(driver, lambda d: heading(d) == "Letters sent")
    wait_text(driver, "Numbers skipped (1)")
    assert "its letter is in the trash; the number is not given again" in body_text(driver)
    shot(driver, "letters-out-en")

    # On a phone: the register and a letter as printed.
    size = driver.get_window_size()
    driver.set_window_size(390, 844)
    shot(driver, "letters-out-en-phone")
    click(driver, number(7))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main article.bo-letter"))
    width = driver.execute_script("return document.querySelector('main article.bo-letter').scrollWidth <= document.documentElement.clientWidth")
    assert width, "the letter fits a phone's width"
    shot(driver, "letters-sheet-en-phone")
    driver.set_window_size(size["width"], size["height"])


def test_a_template_filled_for_a_contact_made_a_letter_and_an_email(driver, base_url, tmp_path):
    open_app(driver, base_url, "#/contacts/new")
    fill(driver, "f-name", "Rina Halim")
    fill(driver, "f-organisation", "PT Maju Jaya")
    fill(driver, "f-emails", "rina@majujaya.co.id")
    fill(driver, "f-address", "Jl. Melati 3\nBogor")
    fill(driver, "f-tags", "Klien VIP")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Rina Halim")
    open_app(driver, base_url, "#/letter_series/new")
    fill(driver, "f-code", "UND")
    fill(driver, "f-name", "Undangan")
    fill(driver, "f-unit", "UMUM")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "UND — Undangan")

    open_app(driver, base_url, "#/letter_templates/new")
    wait(driver, lambda d: heading(d) == "Templat surat baru")
    fill(driver, "f-name", "Undangan seminar klien")
    Select(field(driver, "f-series_id")).select_by_visible_text("UND — Undangan")
    fill(driver, "f-subject", "Undangan seminar untuk {organisation}")
    fill(driver, "f-body", "Yth. {name},\n\nPada {date} kami mengundang **{organisation}** ke seminar pajak.\n\nNomor pesanan: {po_number}")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Undangan seminar klien")

    # Filled for a contact: the preview names the field a contact does not fill.
    Select(driver.find_element(By.ID, "tpl-source")).select_by_value("contact")
    Select(driver.find_element(By.ID, "tpl-pick")).select_by_visible_text("Rina Halim")
    wait_text(driver, "Isian ini tidak dikenal dan dibiarkan apa adanya: {po_number}.")
    preview = driver.find_element(By.CSS_SELECTOR, "main .bo-letter-preview")
    assert "Undangan seminar untuk PT Maju Jaya" in preview.text and "Yth. Rina Halim," in preview.text, preview.text
    assert preview.find_element(By.TAG_NAME, "strong").text == "Rina Halim"
    mail = driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Tulis e-mail']").get_attribute("href")
    assert mail.startswith("mailto:rina@majujaya.co.id?subject=Undangan%20seminar%20untuk%20PT%20Maju%20Jaya&body=Yth.%20Rina%20Halim%2C%0D%0A"), mail
    # To every contact tagged "Klien VIP", as blind copies, greeted together.
    Select(driver.find_element(By.ID, "tpl-tag")).select_by_visible_text("Klien VIP")
    group = driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Tulis e-mail ke 1 kontak (BCC)']").get_attribute("href")
    assert "bcc=rina@majujaya.co.id" in group and "Yth.%20Bapak%2FIbu%2C" in group, group
    shot(driver, "letters-template")
    size = driver.get_window_size()
    driver.set_window_size(390, 844)
    shot(driver, "letters-template-phone")
    driver.set_window_size(size["width"], size["height"])

    # Made a letter: the form comes filled, and saving numbers it in the template's series.
    click(driver, "Buat surat keluar")
    wait(driver, lambda d: heading(d) == "Surat keluar baru")
    assert field(driver, "f-to").get_attribute("value") == "Rina Halim"
    assert field(driver, "f-address").get_attribute("value") == "PT Maju Jaya\nJl. Melati 3\nBogor"
    assert Select(field(driver, "f-series_id")).first_selected_option.text == "UND — Undangan"
    click(driver, "Simpan")
    today = office_today()
    wait(driver, lambda d: heading(d) == f"001/UND/UMUM/{ROMAN[today.month - 1]}/{today.year} · Undangan seminar untuk PT Maju Jaya")
    sheet = driver.find_element(By.CSS_SELECTOR, "main article.bo-letter")
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    assert f"Pada {today.day} {months[today.month - 1]} {today.year} kami mengundang PT Maju Jaya" in sheet.text, sheet.text
    # No office profile yet: the page says the letterhead would print blank (not on paper).
    assert driver.find_element(By.ID, "letter-no-profile").is_displayed()
    shot(driver, "letters-from-template")

    # 80 more tagged contacts: too many addresses for one link, so they are offered to copy.
    many = tmp_path / "klien.csv"
    rows = "".join(f"Klien {i:02d};direktur.utama.{i:02d}@perusahaan-klien-{i:02d}.co.id;Klien VIP\n" for i in range(80))
    many.write_text("name;emails;tags\n" + rows, encoding="utf-8")
    open_app(driver, base_url, "#/contacts/import")
    field(driver, "import-file").send_keys(str(many))
    click(driver, "Impor 80 kontak")
    wait(driver, lambda d: heading(d) == "Kontak")
    open_app(driver, base_url, "#/letter_templates")
    click(driver, "Undangan seminar klien")
    wait(driver, lambda d: heading(d) == "Undangan seminar klien")
    Select(driver.find_element(By.ID, "tpl-tag")).select_by_visible_text("Klien VIP")
    wait_text(driver, "81 alamat terlalu banyak untuk satu tautan e-mail")
    addresses = driver.find_element(By.ID, "tpl-addresses").get_attribute("value")
    assert addresses.count("@") == 81 and "rina@majujaya.co.id" in addresses
    paste = driver.find_element(By.XPATH, "//main//a[normalize-space(.)='Tulis e-mail (tempel alamat di BCC)']").get_attribute("href")
    assert paste.startswith("mailto:?subject=") and "bcc=" not in paste, paste
    assert not driver.find_elements(By.XPATH, "//main//a[contains(., 'kontak (BCC)')]")
    shot(driver, "letters-template-many")
