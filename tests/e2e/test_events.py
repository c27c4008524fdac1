"""The planning coordinator's client events: an enquiry for a seminar with its client picked
from the contacts, a timeline made from the seminar checklist whose dates follow the event
when it moves, a task ticked, the event moved along the board, late tasks listed."""
import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import shot, wait
from helpers import body_text, click, fill, heading, new_contact, open_app, wait_text
from stored import stored_list
from test_finance import set_date


def timeline_rows(driver):
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")[1:3]]
            for tr in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=timeline-h] tbody tr")]


def new_event(driver, base_url, name, kind, date):
    open_app(driver, base_url, "#/client_events/new")
    fill(driver, "f-name", name)
    Select(driver.find_element(By.ID, "f-kind")).select_by_value(kind)
    set_date(driver, "f-date", date)


def test_a_seminar_from_enquiry_to_confirmed_with_its_timeline(driver, base_url):
    new_contact(driver, base_url, "Ibu Rina", org="PT Sinar Abadi")
    new_event(driver, base_url, "Seminar Pajak 2027", "seminar", "2027-03-10")
    search = driver.find_element(By.ID, "f-client_id")
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
