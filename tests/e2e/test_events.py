"""The planning coordinator's client events: an enquiry for a seminar with its client picked
from the contacts, a timeline made from the seminar checklist whose dates follow the event
when it moves, a task ticked, the event moved along the board, late tasks listed."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import shot, wait, wait_file
from helpers import body_text, click, fill, heading, new_contact, open_app, wait_text, field
from stored import stored_list
from test_calendar import set_input
from test_finance import set_date


def timeline_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")[1:3]]
            for tr in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=timeline-h] tbody tr")]


def new_event(driver, base_url, name, kind, date):
    open_app(driver, base_url, "#/client_events/new")
    fill(driver, "f-name", name)
    Select(field(driver, "f-kind")).select_by_value(kind)
    set_date(driver, "f-date", date)


def test_a_seminar_from_enquiry_to_confirmed_with_its_timeline(driver, base_url, downloads):
    new_contact(driver, base_url, "Ibu Rina", org="PT Sinar Abadi")
    new_event(driver, base_url, "Seminar Pajak 2027", "seminar", "2027-03-10")
    search = field(driver, "f-client_id")
    search.send_keys("rina")
    wait(driver, lambda d: search.get_attribute("aria-expanded") == "true")
    search.send_keys(Keys.ARROW_DOWN + Keys.ENTER)
    wait_text(driver, "Lepas tautan")
    fill(driver, "f-guests", "120")
    fill(driver, "f-venue", "Hotel Santika")
    shot(driver, "event-form-client-id")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak 2027")
    wait_text(driver, "Belum ada tugas untuk acara ini.")

    # The seminar checklist becomes its timeline, counted back from the event's day.
    click(driver, "Buat lini masa dari daftar periksa jenis acara")
    wait_text(driver, "7 tugas dibuat; tanggalnya mengikuti tanggal acara.")
    wait(driver, lambda d: len(timeline_rows(d)) == 7)
    rows = timeline_rows(driver)
    assert rows[0] == ["Tempat acara dipesan", "Kamis, 10 Des 2026"], rows
    assert rows[-1] == ["Laporan dan ucapan terima kasih ke klien", "Rabu, 17 Mar 2027"], rows
    shot(driver, "event-timeline-id")

    # The event moves a month: every task moves with it.
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-date"))
    set_date(driver, "f-date", "2027-04-10")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak 2027")
    wait(driver, lambda d: timeline_rows(d) and timeline_rows(d)[0] == ["Tempat acara dipesan", "Minggu, 10 Jan 2027"])
    # The milestones for the office's calendar: the event's day and each task on its new day.
    click(driver, "Ekspor jadwal (.ics)")
    ics = wait_file(downloads, "jadwal-acara.ics").read_bytes().decode("utf-8")
    assert "SUMMARY:Seminar Pajak 2027\r\nDTSTART;VALUE=DATE:20270410\r\n" in ics, ics[:600]
    assert "SUMMARY:Seminar Pajak 2027: Tempat acara dipesan\r\nDTSTART;VALUE=DATE:20270110\r\n" in ics, ics[:900]
    assert ics.count("BEGIN:VEVENT") == 8 and "TRIGGER:-P1D" in ics

    # Ticked on the event's page: the venue is booked.
    box = driver.find_element(By.CSS_SELECTOR, "input[type=checkbox][aria-label='Selesai: Tempat acara dipesan']")
    box.click()
    wait_text(driver, "«Tempat acara dipesan» selesai.")
    # The row is drawn again; focus stays on its box for the next Tab or Space.
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("aria-label") == "Selesai: Tempat acara dipesan")
    assert driver.switch_to.active_element.is_selected()
    done = [t["title"] for t in stored_list(driver, "event_tasks") if t.get("done")]
    assert done == ["Tempat acara dipesan"], done

    # On the board it waits as an enquiry; its stage is changed where it stands.
    open_app(driver, base_url, "#/event-board")
    wait(driver, lambda d: heading(d) == "Papan acara")
    column = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=board-enquiry]")
    assert "Seminar Pajak 2027" in column.text and "120 tamu" in column.text and "PT Sinar Abadi" in column.text
    Select(driver.find_element(By.CSS_SELECTOR, "select[id^=stage-]")).select_by_visible_text("Dikonfirmasi")
    wait_text(driver, "«Seminar Pajak 2027» dipindah ke tahap Dikonfirmasi.")
    wait(driver, lambda d: "Seminar Pajak 2027" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=board-confirmed]").text)
    # The card moved column; focus is on its stage again.
    wait(driver, lambda d: (d.switch_to.active_element.get_attribute("id") or "").startswith("stage-"))
    shot(driver, "event-board-id")
    driver.refresh()
    wait(driver, lambda d: "Seminar Pajak 2027" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=board-confirmed]").text)
    assert [e["stage"] for e in stored_list(driver, "client_events")] == ["confirmed"]


def test_late_tasks_of_a_meeting_next_week_are_listed(driver, base_url):
    soon = (datetime.date.today() + datetime.timedelta(days=5)).isoformat()
    new_event(driver, base_url, "Rapat Tahunan Koperasi", "meeting", soon)
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Rapat Tahunan Koperasi")
    click(driver, "Buat lini masa dari daftar periksa jenis acara")
    wait(driver, lambda d: len(timeline_rows(d)) == 5)
    # Venue (30 days before), catering and invitations (14) are late; the headcount is not.
    late = [r for r in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=timeline-h] tbody td.bo-warn-text")]
    assert len(late) == 3 and all("terlambat" in c.text for c in late)
    open_app(driver, base_url, "#/client_events")
    wait_text(driver, "3 tugas acara terlambat")
    assert "Rapat Tahunan Koperasi: Tempat acara dipesan" in body_text(driver)
    # In English too.
    open_app(driver, base_url, "#/client_events", "?lang=en")
    wait_text(driver, "3 event tasks late")
    shot(driver, "event-late-en")
    # And on the Today view, linking to them.
    open_app(driver, base_url, "#/")
    wait_text(driver, "3 tugas acara terlambat")
    click(driver, "3 tugas acara terlambat")
    wait(driver, lambda d: d.execute_script("return location.hash") == "#/client_events")


def test_events_at_phone_width_in_english(driver, base_url):
    driver.set_window_size(390, 844)
    new_event(driver, base_url, "<b>Gathering</b> PT Maju", "gathering", "2027-02-14")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "<b>Gathering</b> PT Maju")
    # Markup typed as a name stays text.
    assert not driver.find_elements(By.CSS_SELECTOR, "main h1 b")
    page = "#" + driver.current_url.split("#", 1)[1]
    open_app(driver, base_url, "#/client_events", "?lang=en")
    wait(driver, lambda d: "<b>Gathering</b> PT Maju" in body_text(d))
    shot(driver, "event-phone-list-en")
    open_app(driver, base_url, page, "?lang=en")
    wait(driver, lambda d: heading(d) == "<b>Gathering</b> PT Maju")
    driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=timeline-h] button.bo-btn-primary").click()
    wait_text(driver, "5 tasks made; their dates follow the event's date.")
    shot(driver, "event-phone-timeline-en")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
    open_app(driver, base_url, "#/event-board", "?lang=en")
    wait(driver, lambda d: heading(d) == "Event board")
    assert driver.find_element(By.CSS_SELECTOR, "nav.bo-nav a[aria-current=page]").text == "Client events"
    shot(driver, "event-phone-board-en")
    # The board scrolls inside its own box; the page itself does not spill sideways.
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390


def guest_summary(driver):
    return driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=guests-h]").text


def run_rows(driver):
    return [[td.text.split("\n")[0] for td in tr.find_elements(By.TAG_NAME, "td")[:3]]
            for tr in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=run-h] tbody tr")]


def add_run_item(driver, title, minutes, starts=""):
    click(driver, "Mata acara baru")
    wait(driver, lambda d: d.find_elements(By.ID, "f-title"))
    if starts:
        set_input(driver, "f-starts", starts)
    fill(driver, "f-minutes", minutes)
    fill(driver, "f-title", title)
    fill(driver, "f-pic", "Pak Joko")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Resepsi Budi & Siti")
    wait(driver, lambda d: any(r[2] == title for r in run_rows(d)))


def test_guests_imported_and_checked_in_at_the_door_and_a_run_sheet_printed(driver, base_url, tmp_path):
    new_event(driver, base_url, "Resepsi Budi & Siti", "wedding", "2027-02-14")
    fill(driver, "f-guests", "5")
    fill(driver, "f-venue", "Gedung Serbaguna")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Resepsi Budi & Siti")
    page = "#" + driver.current_url.split("#", 1)[1]
    wait_text(driver, "Belum ada tamu untuk acara ini.")

    # The guest list as Excel in Indonesian saves it: semicolons, a BOM, CRLF; no event
    # column (the rows go to this event); one row without a name.
    guests = tmp_path / "tamu.csv"
    guests.write_bytes("\ufeffNama;Kelompok;Konfirmasi;Jumlah orang;Makanan;Meja\r\n"
                       "Budi Santoso;Keluarga pria;Hadir;2;Biasa;Meja 1\r\n"
                       "Siti Aminah;Keluarga wanita;hadir;;Vegetarian;Meja 2\r\n"
                       "Andi Wijaya;Teman kantor;Tidak hadir;3;;\r\n"
                       "Dewi Lestari;Teman kantor;;4;vegan;Meja 3\r\n"
                       "Rina Kusuma;VIP;Hadir;4;Vegetarian;Meja 1\r\n"
                       ";VIP;Hadir;;;\r\n".encode("utf-8"))
    click(driver, "Impor tamu (CSV)")
    wait(driver, lambda d: d.find_elements(By.ID, "import-file"))
    field(driver, "import-file").send_keys(str(guests))
    wait_text(driver, "Impor 5 baris")
    assert "7" in body_text(driver)  # the nameless row is named by its line
    click(driver, "Impor 5 baris")
    wait(driver, lambda d: heading(d) == "Resepsi Budi & Siti")
    assert "#" + driver.current_url.split("#", 1)[1] == page
    wait(driver, lambda d: "7 orang dikonfirmasi · 4 orang belum menjawab · 3 orang menolak" in guest_summary(d))
    summary = guest_summary(driver)
    assert "lebih dari 5 tamu yang direncanakan" in summary, summary
    # The caterer counts confirmed people only: the undecided vegans are not yet in.
    assert "Untuk katering (orang yang dikonfirmasi): Biasa 2, Vegetarian 5" in summary, summary
    shot(driver, "event-guests-id")

    # At the door: a name found as it is typed, checked in with one tap.
    click(driver, "Buka meja tamu (check-in)")
    wait(driver, lambda d: heading(d) == "Meja tamu: Resepsi Budi & Siti")
    wait_text(driver, "Sudah datang: 0 dari 7 orang yang dikonfirmasi")
    search = driver.find_element(By.ID, "door-search")
    assert driver.switch_to.active_element == search
    search.send_keys("sant bud")
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bo-door-list li")) == 1)
    driver.find_element(By.CSS_SELECTOR, "button[aria-label='Catat «Budi Santoso» datang']").click()
    wait_text(driver, "«Budi Santoso» sudah datang (2 orang).")
    wait_text(driver, "Sudah datang: 2 dari 7 orang yang dikonfirmasi")
    # Ready for the next guest: the box is empty and has the focus.
    assert search.get_attribute("value") == "" and driver.switch_to.active_element == search
    # Someone who never answered comes anyway: checked in, and counted as confirmed.
    search.send_keys("meja 3")
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".bo-door-list li")) == 1)
    driver.find_element(By.CSS_SELECTOR, "button[aria-label='Catat «Dewi Lestari» datang']").click()
    wait_text(driver, "Sudah datang: 6 dari 11 orang yang dikonfirmasi")
    shot(driver, "event-door-id")
    stored = {g["name"]: g for g in stored_list(driver, "event_guests")}
    assert stored["Dewi Lestari"]["rsvp"] == "confirmed" and stored["Dewi Lestari"].get("arrived")
    assert not stored["Rina Kusuma"].get("arrived")
    open_app(driver, base_url, page.replace("#/client_events/", "#/check-in/"), "?lang=en")
    wait_text(driver, "Arrived: 6 of 11 confirmed people")
    driver.find_element(By.ID, "door-search").send_keys("dewi")
    driver.find_element(By.CSS_SELECTOR, "button[aria-label='Undo check-in of «Dewi Lestari»']").click()
    wait_text(driver, "Arrived: 2 of 11 confirmed people")

    # The caterer's price per person, for each person confirmed.
    open_app(driver, base_url, page)
    wait(driver, lambda d: heading(d) == "Resepsi Budi & Siti")
    add_vendor(driver, "catering", "Menu prasmanan B", per_head="250.000")
    wait(driver, lambda d: heading(d) == "Resepsi Budi & Siti")
    wait(driver, lambda d: "Rp 250.000 × 11 orang" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h]").text)
    assert "Rp 2.750.000" in driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h]").text

    # The run sheet: each item starts when the one before ends.
    add_run_item(driver, "Kirab pengantin", "30", starts="11:00")
    add_run_item(driver, "Sambutan keluarga", "15")
    add_run_item(driver, "Makan siang", "45")
    assert run_rows(driver) == [["11.00–11.30", "30", "Kirab pengantin"], ["11.30–11.45", "15", "Sambutan keluarga"],
                                ["11.45–12.30", "45", "Makan siang"]], run_rows(driver)
    assert [i["seq"] for i in stored_list(driver, "run_items")] == [1, 2, 3]
    # The welcome runs long: lunch moves with it.
    driver.find_element(By.LINK_TEXT, "Sambutan keluarga").click()
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-minutes"))
    fill(driver, "f-minutes", "40")
    click(driver, "Simpan")
    open_app(driver, base_url, page)
    wait(driver, lambda d: run_rows(d) and run_rows(d)[2] == ["12.10–12.55", "45", "Makan siang"])

    click(driver, "Susunan acara lengkap dan cetak")
    wait(driver, lambda d: heading(d) == "Susunan acara: Resepsi Budi & Siti")
    sheet = driver.find_element(By.CSS_SELECTOR, "article.bo-run-sheet").text
    assert "Minggu, 14 Februari 2027 · Gedung Serbaguna" in sheet or "14 Feb 2027" in sheet, sheet
    shot(driver, "event-run-sheet-id")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, "nav.bo-nav").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "article.bo-run-sheet h2").is_displayed()
    shot(driver, "event-run-sheet-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    # On a phone at the event: every item readable without scrolling sideways.
    driver.set_window_size(390, 844)
    open_app(driver, base_url, page.replace("#/client_events/", "#/run-sheet/"), "?lang=en")
    wait(driver, lambda d: heading(d) == "Run sheet: Resepsi Budi & Siti")
    # Each item is a block of its own, its cells labelled (the table's head is not shown).
    assert not driver.find_element(By.CSS_SELECTOR, ".bo-run-table thead").is_displayed()
    label = driver.execute_script(
        "return getComputedStyle(document.querySelectorAll('.bo-run-table tbody td')[4], '::before').content")
    assert label == '"Person in charge: "', label
    shot(driver, "event-run-sheet-phone-en")
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 390


def add_vendor(driver, kind, supplies, contact="", **money):
    click(driver, "Vendor baru")
    wait(driver, lambda d: d.find_elements(By.ID, "f-supplies"))
    Select(field(driver, "f-kind")).select_by_value(kind)
    if contact:
        search = field(driver, "f-contact_id")
        search.send_keys(contact)
        wait(driver, lambda d: search.get_attribute("aria-expanded") == "true")
        search.send_keys(Keys.ARROW_DOWN + Keys.ENTER)
    fill(driver, "f-supplies", supplies)
    for key, value in money.items():
        if key.endswith("_due"):
            set_date(driver, f"f-{key}", value)
        elif key == "contract":
            Select(field(driver, "f-contract")).select_by_value(value)
        elif value is True:
            field(driver, f"f-{key}").click()
        else:
            fill(driver, f"f-{key}", value)
    click(driver, "Simpan")


def test_vendors_with_a_deposit_due_on_today_the_budget_margin_and_the_quotation(driver, base_url):
    from test_assets import office_today
    new_contact(driver, base_url, "CV Boga Rasa")
    new_event(driver, base_url, "Seminar Pajak PT Maju", "seminar", "2027-03-10")
    fill(driver, "f-guests", "120")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    page = "#" + driver.current_url.split("#", 1)[1]
    wait_text(driver, "Belum ada vendor untuk acara ini.")

    # Two venues side by side; the one too small for 120 guests says so; one is chosen.
    for name, capacity, price in [("Balai Kartini", "100", "9.000.000"), ("Hotel Santika", "150", "15.000.000")]:
        click(driver, "Pilihan tempat baru")
        wait(driver, lambda d: d.find_elements(By.ID, "f-capacity"))
        assert not [f for f in driver.find_elements(By.ID, "f-chosen") if f.is_displayed()], "chosen on the event's page only"
        fill(driver, "f-name", name)
        fill(driver, "f-capacity", capacity)
        fill(driver, "f-price", price)
        fill(driver, "f-distance_km", "12")
        click(driver, "Simpan")
        wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    venues = lambda d: [tr.text for tr in d.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=venues-h] tbody tr")]
    wait(driver, lambda d: len(venues(d)) == 2)
    assert "Kurang untuk jumlah tamu" in venues(driver)[0] and "Rp 125.000" in venues(driver)[1], venues(driver)
    driver.find_element(By.CSS_SELECTOR, "button[aria-label='Pilih «Hotel Santika» sebagai tempat acara']").click()
    wait_text(driver, "Tempat acara: Hotel Santika.")
    wait(driver, lambda d: venues(d) and venues(d)[0].startswith("Hotel Santika (dipilih)"))
    assert {e["name"]: e for e in stored_list(driver, "client_events")}["Seminar Pajak PT Maju"]["venue"] == "Hotel Santika"

    # A deposit above the agreed price is refused, in words.
    add_vendor(driver, "catering", "Makan siang 120 pax", quote="5.000.000", deposit="6.000.000")
    wait_text(driver, "DP tidak boleh lebih dari harga yang disepakati.")
    field(driver, "f-supplies")  # still on the form
    fill(driver, "f-quote", "32.500.000")
    fill(driver, "f-deposit", "10.000.000")
    fill(driver, "f-estimate", "30.000.000")
    fill(driver, "f-charged", "40.000.000")
    set_date(driver, "f-deposit_due", (office_today() + datetime.timedelta(days=3)).isoformat())
    search = field(driver, "f-contact_id")
    search.send_keys("boga")
    wait(driver, lambda d: search.get_attribute("aria-expanded") == "true")
    search.send_keys(Keys.ARROW_DOWN + Keys.ENTER)
    Select(field(driver, "f-contract")).select_by_value("signed")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    add_vendor(driver, "venue", "Ballroom setengah hari", quote="15.000.000", charged="18.000.000", balance_paid=True)
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    wait(driver, lambda d: "Ballroom setengah hari" in d.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h]").text)
    card = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h]").text
    assert "Makan siang 120 pax — CV Boga Rasa" in card, card
    # Budget: venue first; the total contracted, paid (the venue in full) and still to pay.
    total = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h] tr.bo-total").text
    assert "47.500.000" in total and "15.000.000" in total and "32.500.000" in total and "58.000.000" in total, total
    assert "Margin: Rp 10.500.000 (biaya Rp 47.500.000) (18%)" in card, card
    shot(driver, "event-vendors-id")

    # The deposit is due in three days: on the Today view, and listed where it links.
    open_app(driver, base_url, "#/")
    wait_text(driver, "1 pembayaran vendor jatuh tempo")
    click(driver, "1 pembayaran vendor jatuh tempo")
    wait(driver, lambda d: d.execute_script("return location.hash") == "#/event_vendors")
    wait_text(driver, "Seminar Pajak PT Maju: DP CV Boga Rasa — Rp 10.000.000")
    # Paid: gone from Today.
    driver.find_element(By.LINK_TEXT, "Makan siang 120 pax").click()
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-deposit_paid"))
    field(driver, "f-deposit_paid").click()
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Makan siang 120 pax")
    open_app(driver, base_url, "#/")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main h1"))
    assert "pembayaran vendor" not in driver.find_element(By.TAG_NAME, "main").text

    # The client's quotation, printed.
    open_app(driver, base_url, page)
    click(driver, "Cetak penawaran untuk klien")
    wait(driver, lambda d: heading(d) == "Penawaran: Seminar Pajak PT Maju")
    doc = driver.find_element(By.CSS_SELECTOR, "article.bo-quotation").text
    assert "Penawaran harga" in doc and "Makan siang 120 pax" in doc and "Rp 58.000.000" in doc and "120 tamu" in doc, doc
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, "nav.bo-nav").is_displayed()
    shot(driver, "event-quotation-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    open_app(driver, base_url, page.replace("#/client_events/", "#/quotation/"), "?lang=en")
    wait(driver, lambda d: heading(d) == "Quotation: Seminar Pajak PT Maju")
    assert "Catering" in driver.find_element(By.CSS_SELECTOR, "article.bo-quotation").text

    # Held: what was learnt is asked for now, and the event joins the portfolio.
    open_app(driver, base_url, page)
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    click(driver, "Ubah")
    wait(driver, lambda d: d.find_elements(By.ID, "f-stage"))
    assert not [f for f in driver.find_elements(By.ID, "f-lessons") if f.is_displayed()]
    Select(field(driver, "f-stage")).select_by_value("held")
    wait(driver, lambda d: field(d, "f-lessons").is_displayed())
    fill(driver, "f-lessons", "Ruangan terlalu dingin; minta AC diatur 25 derajat.")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    open_app(driver, base_url, "#/portfolio")
    wait(driver, lambda d: heading(d) == "Portofolio acara")
    wait_text(driver, "Tamu: 120 direncanakan, 0 dikonfirmasi, 0 datang")
    folio = driver.find_element(By.CSS_SELECTOR, "ul.bo-folio").text
    assert "margin Rp 10.500.000" in folio and "Ruangan terlalu dingin" in folio, folio
    fill(driver, "folio-search", "ac DERAJAT")
    wait_text(driver, "1 acara")
    fill(driver, "folio-search", "pernikahan bali")
    wait_text(driver, "0 acara")
    shot(driver, "event-portfolio-id")

    # Copied as the start of next year's: its vendors with last time's prices, nothing agreed.
    open_app(driver, base_url, page)
    wait(driver, lambda d: heading(d) == "Seminar Pajak PT Maju")
    click(driver, "Salin sebagai acara baru")
    wait_text(driver, "Acara disalin dengan 2 vendor, 0 mata acara dan 0 tugas, bertanggal setahun sesudahnya. Periksa tanggal dan kliennya.")
    wait(driver, lambda d: d.find_elements(By.ID, "f-name")
         and field(d, "f-name").get_attribute("value") == "Seminar Pajak PT Maju (salinan)")
    fill(driver, "f-name", "Seminar Pajak 2028")
    set_date(driver, "f-date", "2028-03-09")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Seminar Pajak 2028")
    card = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=vendors-h]").text
    assert "Makan siang 120 pax — CV Boga Rasa" in card and "Diminta penawaran" in card, card
    copies = [v for v in stored_list(driver, "event_vendors") if v["supplies"] == "Makan siang 120 pax"]
    # The first's deposit was paid; the copy's is not.
    assert len(copies) == 2 and [bool(v.get("deposit_paid")) for v in copies].count(True) == 1, copies
    events = {e["name"]: e for e in stored_list(driver, "client_events")}
    assert events["Seminar Pajak 2028"]["stage"] == "enquiry" and not events["Seminar Pajak 2028"].get("lessons")


def test_the_event_calendar_shows_an_event_on_each_of_its_days(driver, base_url):
    new_event(driver, base_url, "Konferensi Koperasi", "conference", "2027-04-29")
    set_date(driver, "f-end_date", "2027-05-01")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Konferensi Koperasi")
    open_app(driver, base_url, "#/event-calendar/2027-04")
    wait(driver, lambda d: heading(d) == "Kalender acara: April 2027")
    day = lambda d, label: d.find_element(By.XPATH, f"//main//td[span[@title='{label}']]").text
    assert "Konferensi Koperasi · Permintaan" in day(driver, "Kamis, 29 Apr 2027")
    assert "Konferensi Koperasi" in day(driver, "Jumat, 30 Apr 2027")
    assert "Konferensi" not in day(driver, "Rabu, 28 Apr 2027")
    driver.find_element(By.CSS_SELECTOR, "main a[aria-label='Bulan berikutnya']").click()
    wait(driver, lambda d: heading(d) == "Kalender acara: Mei 2027")
    assert "Konferensi Koperasi" in day(driver, "Sabtu, 1 Mei 2027")
    shot(driver, "event-calendar-id")
