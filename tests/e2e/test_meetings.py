"""Meetings through the UI: minutes of a weekly meeting, action items carried to the next
date of the series, the open action list (overdue first), and the printed minutes."""
import base64

from selenium.webdriver.common.by import By

from conftest import shot, wait
from stored import stored_list
from helpers import body_text, click, fill, heading, open_app, wait_text
from test_calendar import day_cell, make_weekly_meeting, month, set_input


def test_minutes_actions_carry_over_and_print(driver, base_url):
    make_weekly_meeting(driver, base_url)
    month(driver, base_url, "2026-12-01")
    day_cell(driver, "2026-12-07").find_element(By.CSS_SELECTOR, ".bo-cal-item").click()
    wait(driver, lambda d: "Notulen rapat" in body_text(d))
    click(driver, "Notulen rapat")
    wait(driver, lambda d: heading(d) == "Notulen: Rapat tim mingguan — Senin, 7 Des 2026")
    # Attendees come from the invitation.
    assert driver.find_element(By.ID, "m-present").get_attribute("value") == "Ani\nBudi"
    fill(driver, "m-chair", "Ani")

    click(driver, "Tambah butir agenda")
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "agenda-0-title")
    driver.switch_to.active_element.send_keys("Anggaran 2027")
    fill(driver, "agenda-0-owner", "Budi")
    fill(driver, "agenda-0-minutes", "20")
    fill(driver, "agenda-0-notes", "Usulan anggaran dibahas; revisi pos perjalanan.")
    click(driver, "Tambah butir agenda")
    fill(driver, "agenda-1-title", "Lain-lain")
    fill(driver, "agenda-1-minutes", "10")
    # Move «Lain-lain» above and back: the order is what is stored.
    driver.find_element(By.CSS_SELECTOR, "[aria-label='Naikkan butir 2']").click()
    assert driver.find_element(By.ID, "agenda-0-title").get_attribute("value") == "Lain-lain"
    driver.find_element(By.CSS_SELECTOR, "[aria-label='Turunkan butir 1']").click()
    assert driver.find_element(By.ID, "agenda-0-title").get_attribute("value") == "Anggaran 2027"
    wait_text(driver, "Waktu direncanakan: 30 menit.")
    fill(driver, "m-decisions", "Anggaran perjalanan dipotong 10%")

    # A new row's field takes the focus on the next frame, scrolling it into view: each is
    # waited for, as a person sees the cursor there, so no later click lands mid-scroll.
    def add_action(i):
        click(driver, "Tambah tindakan")
        wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == f"action-{i}-text")

    add_action(0)
    driver.switch_to.active_element.send_keys("Kirim revisi anggaran")
    fill(driver, "action-0-owner", "Budi")
    set_input(driver, "action-0-due", "2026-11-01")
    add_action(1)
    fill(driver, "action-1-text", "Pesan ruang untuk Januari")
    add_action(2)
    # An empty action item is refused with a message, nothing saved half.
    click(driver, "Simpan")
    wait_text(driver, "Setiap tindakan perlu uraian.")
    driver.find_element(By.CSS_SELECTOR, "[aria-label='Hapus tindakan 3']").click()
    # Wait for this save's own notice: an earlier "disimpan." may still be on screen, so a
    # message not seen before (each has its own number) is waited for.
    seen = {t.get_attribute("data-toast") for t in driver.find_elements(By.CSS_SELECTOR, ".bo-toast")}
    click(driver, "Simpan")
    wait(driver, lambda d: any(t.get_attribute("data-toast") not in seen and "disimpan." in t.text
                               for t in d.find_elements(By.CSS_SELECTOR, ".bo-toast")))
    shot(driver, "minutes-id")

    # Printed: only the minutes, on a clean page.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    article = driver.find_element(By.CSS_SELECTOR, "article.bo-minutes-print")
    assert article.is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "nav.bo-nav").is_displayed()
    assert "Anggaran 2027 (Budi, 20 menit)" in article.text and "Anggaran perjalanan dipotong 10%" in article.text
    shot(driver, "minutes-print-id")
    pdf = base64.b64decode(driver.print_page())
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # Open items across meetings, overdue first.
    open_app(driver, base_url, "#/actions")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")]
    assert len(rows) == 2 and rows[0].startswith("Kirim revisi anggaran lewat tenggat"), rows
    shot(driver, "actions-id")

    # Carry the open items into the next meeting of the series.
    driver.back()
    wait(driver, lambda d: heading(d).startswith("Notulen: Rapat tim mingguan"))
    click(driver, "Bawa tindakan terbuka ke Senin, 14 Des 2026")
    wait(driver, lambda d: heading(d) == "Notulen: Rapat tim mingguan — Senin, 14 Des 2026")
    wait_text(driver, "2 tindakan terbuka dibawa ke rapat Senin, 14 Des 2026.")
    assert driver.find_element(By.ID, "action-0-text").get_attribute("value") == "Kirim revisi anggaran"
    assert "dibawa dari rapat sebelumnya" in body_text(driver)

    # Done from the list; the rest stays after a reload.
    open_app(driver, base_url, "#/actions")
    click(driver, "Selesai")
    wait_text(driver, "«Kirim revisi anggaran» ditandai selesai.")
    driver.refresh()
    wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "main table tbody tr")) == 1)
    assert "Pesan ruang untuk Januari" in body_text(driver)
    stored = stored_list(driver, "minutes")
    first = next(m for m in stored if m["date"] == "2026-12-07")
    assert [a["status"] for a in first["actions"]] == ["carried", "carried"]
    assert [a["title"] for a in first["agenda"]] == ["Anggaran 2027", "Lain-lain"]
