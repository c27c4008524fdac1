"""Calendar through the UI: a weekly meeting made by clicking a day, one date moved and
another deleted, double-booking warning, keyboard navigation, and .ics in and out."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import FIXTURES, shot, wait, wait_file
from stored import stored_list
from helpers import body_text, click, fill, heading, open_app, wait_text, field


def set_input(driver, field_id, value):
    """Date and time inputs take typed keys per locale; set them as a picker would (once the
    form is there: it comes with its part of the app)."""
    field(driver, field_id)
    driver.execute_script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}))", field_id, value)


def day_cell(driver, date):
    return driver.find_element(By.CSS_SELECTOR, f"main [data-date='{date}']")


def heard(driver, date):
    """What a screen reader hears on a day cell (named by its content): its parts in order,
    without those hidden from it."""
    return driver.execute_script(
        """return Array.from(arguments[0].children).filter(c => c.getAttribute('aria-hidden') !== 'true')
             .map(c => c.textContent.trim()).filter(t => t).join(' | ')""", day_cell(driver, date))


def items_on(driver, date):
    return [a.text for a in day_cell(driver, date).find_elements(By.CSS_SELECTOR, ".bo-cal-item")]


def month(driver, base_url, date):
    open_app(driver, base_url, f"#/calendar/month/{date}")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"main [data-date='{date}']"))


def make_weekly_meeting(driver, base_url):
    month(driver, base_url, "2026-12-01")
    # A click on the day itself opens a new item at 09:00 that day.
    driver.execute_script("arguments[0].click()", day_cell(driver, "2026-12-07"))
    wait(driver, lambda d: heading(d) == "Acara baru")
    assert field(driver, "f-start").get_attribute("value") == "2026-12-07T09:00"
    assert field(driver, "f-end").get_attribute("value") == "2026-12-07T10:00"
    fill(driver, "f-title", "Rapat tim mingguan")
    # Moving the start carries the end along; the length stays an hour.
    set_input(driver, "f-start", "2026-12-07T08:30")
    wait(driver, lambda d: field(d, "f-end").get_attribute("value") == "2026-12-07T09:30")
    set_input(driver, "f-start", "2026-12-07T09:00")
    wait(driver, lambda d: field(d, "f-end").get_attribute("value") == "2026-12-07T10:00")
    assert not field(driver, "f-count").is_displayed(), "nothing repeats: no repeat details"
    Select(field(driver, "f-kind")).select_by_value("meeting")
    fill(driver, "f-location", "Ruang Melati")
    fill(driver, "f-attendees", "Ani\nBudi")
    Select(field(driver, "f-repeat")).select_by_value("weekly")
    wait(driver, lambda d: field(d, "f-count").is_displayed())
    fill(driver, "f-count", "4")
    shot(driver, "event-form-id")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Rapat tim mingguan")


def test_weekly_meeting_one_date_moved_one_deleted_survives_reload(driver, base_url):
    make_weekly_meeting(driver, base_url)
    month(driver, base_url, "2026-12-01")
    for d in ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]:
        assert items_on(driver, d) == ["09.00 Rapat tim mingguan"], d
    assert items_on(driver, "2027-01-04") == [], "count 4 ends the series"
    shot(driver, "calendar-month-id")

    # Move the 14th to Tuesday afternoon.
    day_cell(driver, "2026-12-14").find_element(By.CSS_SELECTOR, ".bo-cal-item").click()
    wait(driver, lambda d: heading(d) == "Rapat tim mingguan")
    assert "Senin, 14 Des 2026 09.00–10.00" in body_text(driver)
    shot(driver, "calendar-occurrence-id")
    click(driver, "Ubah tanggal ini saja")
    wait(driver, lambda d: heading(d) == "Ubah data")
    assert field(driver, "f-start").get_attribute("value") == "2026-12-14T09:00"
    set_input(driver, "f-start", "2026-12-15T13:00")
    set_input(driver, "f-end", "2026-12-15T14:00")
    click(driver, "Simpan")
    wait_text(driver, "diubah tersendiri")

    # Delete the 21st only, with Undo offered.
    month(driver, base_url, "2026-12-01")
    day_cell(driver, "2026-12-21").find_element(By.CSS_SELECTOR, ".bo-cal-item").click()
    wait(driver, lambda d: "Hapus tanggal ini saja" in body_text(d))
    click(driver, "Hapus tanggal ini saja")
    wait_text(driver, "«Rapat tim mingguan» pada Senin, 21 Des 2026 dihapus.")
    assert "Urungkan" in body_text(driver)

    def check():
        month(driver, base_url, "2026-12-01")
        assert items_on(driver, "2026-12-07") == ["09.00 Rapat tim mingguan"]
        assert items_on(driver, "2026-12-14") == []
        assert items_on(driver, "2026-12-15") == ["13.00 Rapat tim mingguan"]
        assert items_on(driver, "2026-12-21") == []
        assert items_on(driver, "2026-12-28") == ["09.00 Rapat tim mingguan"]

    check()
    driver.refresh()
    check()
    stored = stored_list(driver, "events")
    assert len(stored) == 2
    series = next(e for e in stored if not e.get("series_id"))
    assert series["except"] == ["2026-12-21"] and series["repeat"] == "weekly" and series["count"] == 4
    moved = next(e for e in stored if e.get("series_id"))
    assert moved["occurrence"] == "2026-12-14" and moved["start"] == "2026-12-15T13:00"

    # A day cell is named with what is in it, not only its date.
    month(driver, base_url, "2026-12-01")
    assert heard(driver, "2026-12-15") == "Selasa, 15 Des 2026 | 13.00 Rapat tim mingguan"
    assert heard(driver, "2026-12-16") == "Rabu, 16 Des 2026"
    # Month, Week and Agenda are links that say which is current (no button states on links).
    tabs = driver.find_elements(By.CSS_SELECTOR, ".bo-cal-tools a[aria-current]")
    assert [t.text for t in tabs] == ["Bulan"] and not driver.find_elements(By.CSS_SELECTOR, "a[aria-pressed]")
    open_app(driver, base_url, "#/calendar/week/2026-12-14")
    wait(driver, lambda d: "13.00 Rapat tim mingguan" in body_text(d))
    shot(driver, "calendar-week-id")
    open_app(driver, base_url, "#/calendar/agenda/2026-12-01")
    wait_text(driver, "Senin, 28 Des 2026")
    shot(driver, "calendar-agenda-id")


def test_double_booking_is_warned_on_both_items(driver, base_url):
    make_weekly_meeting(driver, base_url)
    open_app(driver, base_url, "#/events/new/2026-12-28T09:30")
    fill(driver, "f-title", "Tamu dari bank")
    fill(driver, "f-location", "ruang melati")
    fill(driver, "f-attendees", "Citra")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Tamu dari bank")
    wait_text(driver, "Ruang «Ruang Melati» juga dipakai «Rapat tim mingguan» pada Senin, 28 Des 2026 09.30")
    shot(driver, "calendar-conflict-id")
    # A visitor is an appointment, not a meeting: no minutes are offered for it.
    assert not [b for b in driver.find_elements(By.XPATH, "//main//button[normalize-space(.)='Notulen rapat']") if b.is_displayed()]
    # The series sees it too, and the person check ignores case and spacing.
    open_app(driver, base_url, "#/events/new/2026-12-14T09:45")
    fill(driver, "f-title", "Telepon vendor")
    fill(driver, "f-attendees", " budi ")
    click(driver, "Simpan")
    wait_text(driver, "«budi» juga ada di «Rapat tim mingguan» pada Senin, 14 Des 2026 09.45")


def test_month_view_by_keyboard(driver, base_url):
    month(driver, base_url, "2026-12-07")
    cell = day_cell(driver, "2026-12-07")
    assert cell.get_attribute("tabindex") == "0"
    driver.execute_script("arguments[0].focus()", cell)
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2026-12-08")
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2026-12-15")
    driver.switch_to.active_element.send_keys(Keys.PAGE_DOWN)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2027-01-15")
    assert "Januari 2027" in heading(driver)
    driver.switch_to.active_element.send_keys(Keys.HOME)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2027-01-11")
    shot(driver, "calendar-keyboard-id")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Acara baru")
    assert field(driver, "f-start").get_attribute("value") == "2027-01-11T09:00"
    # The form comes with its part, and its first field takes focus then.
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "f-title")


def import_ics(driver, base_url, path):
    open_app(driver, base_url, "#/events/import")
    field(driver, "ics-file").send_keys(str(path))


def test_a_broken_calendar_file_is_refused_in_words_naming_the_item_or_line(driver, base_url, tmp_path):
    """Refusals say what is wrong and where, never the parser's tokens."""
    cases = [
        ("foto.ics", "\x89PNG bukan kalender", "«foto.ics» bukan berkas kalender (.ics). Tidak ada yang diubah."),
        ("terpotong.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Rapat anggaran\\, Q1\r\n"
         "DTSTART:20270104T020000Z\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n",
         "«terpotong.ics» berakhir di tengah acara «Rapat anggaran, Q1» (mulai di baris 3): berkasnya mungkin terpotong."),
        ("rusak.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY tanpa titik dua\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
         "Baris 4 dari «rusak.ics» bukan data kalender yang bisa dibaca: «SUMMARY tanpa titik dua»."),
    ]
    for name, text, says in cases:
        path = tmp_path / name
        path.write_text(text, newline="")
        import_ics(driver, base_url, path)
        wait_text(driver, says)
        assert "BEGIN:" not in body_text(driver) and "Tidak ada yang diubah." in body_text(driver)
    shot(driver, "ics-refused-line-id")
    assert stored_list(driver, "events") == []
    open_app(driver, base_url, "#/events/import", "?lang=en")
    field(driver, "ics-file").send_keys(str(tmp_path / "terpotong.ics"))
    wait_text(driver, "«terpotong.ics» ends in the middle of the item «Rapat anggaran, Q1» (starting on line 3): the file may be cut short.")
    shot(driver, "ics-refused-item-en")


def test_ics_import_from_google_and_thunderbird_then_export_and_reimport(driver, base_url, downloads):
    # A broken file is refused and changes nothing.
    import_ics(driver, base_url, FIXTURES / "ics" / "big_bad_calendar.ics")
    wait_text(driver, "berakhir sebelum bagian yang dimulai di baris 1 ditutup: berkasnya mungkin terpotong")
    assert "Tidak ada yang diubah." in body_text(driver)
    assert stored_list(driver, "events") == []

    import_ics(driver, base_url, FIXTURES / "ics" / "alarm_google_future.ics")
    wait_text(driver, "1 acara baru")
    assert "Tidak diimpor: pengingat (4)." in body_text(driver)
    shot(driver, "ics-preview-id")
    click(driver, "Impor 1 acara")
    wait_text(driver, "1 acara diimpor.")

    import_ics(driver, base_url, FIXTURES / "ics" / "event_with_recurrence_exdates_on_different_lines.ics")
    wait_text(driver, "1 acara baru")
    click(driver, "Impor 1 acara")
    wait_text(driver, "1 acara diimpor.")

    # Tuesdays from 27 March 2012, five dates taken out (1 May among them).
    month(driver, base_url, "2012-05-01")
    assert items_on(driver, "2012-05-01") == []
    assert len(items_on(driver, "2012-05-08")) == 1
    shot(driver, "calendar-imported-id")
    month(driver, base_url, "2024-10-01")
    # 18:15 UTC is the next morning in Jakarta, the browser's zone in these tests.
    assert any("event with alarms" in t for t in items_on(driver, "2024-10-05")), items_on(driver, "2024-10-05")

    month(driver, base_url, "2026-12-01")
    click(driver, "Ekspor .ics")
    exported = wait_file(downloads, ".ics")
    text = exported.read_text()
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=" in text and text.count("BEGIN:VEVENT") == 2

    # Importing our own export again adds nothing; into an empty browser it brings all back.
    import_ics(driver, base_url, exported)
    wait_text(driver, "0 acara baru; 2 sudah ada")
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    import_ics(driver, base_url, exported)
    wait_text(driver, "2 acara baru")
    click(driver, "Impor 2 acara")
    wait_text(driver, "2 acara diimpor.")
    month(driver, base_url, "2012-05-01")
    assert items_on(driver, "2012-05-01") == [] and len(items_on(driver, "2012-05-08")) == 1


def test_attendees_picked_from_contacts_or_typed(driver, base_url):
    from helpers import new_contact
    new_contact(driver, base_url, "Citra Dewi", org="PT Sinar")
    open_app(driver, base_url, "#/events/new/2026-12-02T10:00")
    fill(driver, "f-title", "Kunjungan klien")
    search = field(driver, "f-attendees-search")
    search.send_keys("citr")
    wait(driver, lambda d: "Citra Dewi · PT Sinar" in body_text(d))
    # A combobox: ArrowDown chooses the match, Enter adds it and focus stays in the search.
    search.send_keys(Keys.ARROW_DOWN)
    assert driver.find_element(By.ID, search.get_attribute("aria-activedescendant")).text == "Citra Dewi · PT Sinar"
    search.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element == search and search.get_attribute("aria-expanded") == "false"
    search.send_keys("Keuangan" + Keys.ENTER)
    assert field(driver, "f-attendees").get_attribute("value") == "Citra Dewi\nKeuangan"
    assert heading(driver) == "Acara baru", "Enter in the search adds a person, it does not save"
    shot(driver, "event-people-id")
    click(driver, "Simpan")
    wait(driver, lambda d: heading(d) == "Kunjungan klien")
    assert "Citra Dewi, Keuangan" in body_text(driver)


def contrast(fg, bg):
    def lum(css):
        r, g, b = [int(x) / 255 for x in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
        f = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    a, b = sorted([lum(fg), lum(bg)], reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_todays_heading_in_the_week_stays_readable_when_selected(driver, base_url):
    open_app(driver, base_url, "#/calendar/week")
    head = driver.find_element(By.CSS_SELECTOR, ".bo-cal-col.bo-cal-today > .bo-cal-colhead")
    assert head.find_element(By.XPATH, "..").get_attribute("aria-selected") == "true"
    style = driver.execute_script("const s = getComputedStyle(arguments[0]); return [s.color, s.backgroundColor]", head)
    assert contrast(*style) >= 4.5, style


def test_week_view_hours_by_keyboard_and_escape_returns_to_the_calendar(driver, base_url):
    open_app(driver, base_url, "#/calendar/week/2026-12-07")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "main [data-date='2026-12-08']"))
    cell = day_cell(driver, "2026-12-08")
    driver.execute_script("arguments[0].focus()", cell)
    # Up and down move the hour in the week view (09:00 to start), left and right the day.
    for _ in range(2):
        driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2026-12-07")
    # The chosen hour is shown on the day and said in words to a screen reader.
    active = driver.find_elements(By.CSS_SELECTOR, "main [data-date='2026-12-07'] .bo-cal-slot-active")
    assert [a.text.strip()[:2] for a in active] == ["11"]
    shot(driver, "calendar-week-hour-id")
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    # Said when the hour changes, with the day it is on.
    wait(driver, lambda d: "10.00" in d.execute_script("return document.getElementById('cal-said').textContent"))
    said = driver.execute_script("return document.getElementById('cal-said').textContent")
    assert "7 Des 2026" in said and "Enter" in said, said
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Acara baru")
    assert field(driver, "f-start").get_attribute("value") == "2026-12-07T10:00"
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "f-title")
    # Esc leaves the new item for the calendar it was started from, not the list of items.
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: d.execute_script("return location.hash").startswith("#/calendar/week/2026-12-07"))
    assert stored_list(driver, "events") == []


def test_escape_on_a_new_item_from_the_month_returns_to_the_month(driver, base_url):
    month(driver, base_url, "2026-12-07")
    cell = day_cell(driver, "2026-12-09")
    driver.execute_script("arguments[0].focus()", cell)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    wait(driver, lambda d: heading(d) == "Acara baru")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: d.execute_script("return location.hash").startswith("#/calendar/month/2026-12-09"))
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("data-date") == "2026-12-09")
