"""The coordinator's review report: a quarter across the modules, printed, in English, stepped
to the quarter before and to months, and put on a coming meeting's agenda."""
import datetime
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import shot, wait
from helpers import body_text, click, heading, open_app, wait_text
from stored import stored_list
from test_assets import office_today
from test_data import upload


def rec(id_, **fields):
    return {"id": id_, "created_at": "2026-09-01T08:00:00.000Z", "updated_at": "2026-09-01T08:00:00.000Z", **fields}


def quarter_backup(path, meeting_day):
    done = lambda i, due, on, ev: rec(f"d{i}", obligation_id="o1", due=due, done_on=on, evidence=ev, by="Ani")
    collections = {
        "work_plans": [rec("p1", name="Tim Keuangan", owner="Keuangan", period="quarter", starts="2026-10-01"),
                       rec("p2", name="Rencana lama", owner="Umum", period="quarter", starts="2026-04-01")],
        "plan_tasks": [rec("t1", plan_id="p1", title="Tutup buku Oktober", due="2026-10-15", status="done"),
                       rec("t2", plan_id="p1", title="Rekonsiliasi bank", due="2026-11-01", status="doing", progress=50),
                       rec("t3", plan_id="p1", title="Laporan tahunan", due="2027-03-30", status="todo")],
        "plan_reviews": [rec("r1", plan_id="p1", period="2026-07-01", score=2, actual="Telat", comment=""),
                         rec("r2", plan_id="p1", period="2026-10-01", score=4, actual="Tepat waktu", comment="Tutup buku tepat waktu")],
        "kpis": [rec("k1", name="Tamu per bulan", source="visitors", every="month", target=2, better="higher")],
        "visitors": [rec(f"v{i}", name=f"Tamu {i}", company="PT Tamu", host="Ani", check_in=f"2026-11-0{i}T09:00", check_out=f"2026-11-0{i}T10:00")
                     for i in range(1, 4)],
        "employees": [rec("e1", name="Ani Lestari", joined="2024-01-01"), rec("e2", name="Budi Santoso", joined="2026-11-10"),
                      rec("e3", name="Citra Dewi", joined="2023-01-01", left_on="2026-11-15")],
        "obligations": [rec("o1", name="PPh 21 bulanan", kind="tax", first_due="2026-09-10", repeat="monthly", lead_days=7)],
        "obligations_done": [done(1, "2026-09-10", "2026-09-10", "NTPN 0"), done(2, "2026-10-10", "2026-10-09", "NTPN 1"),
                             done(3, "2026-11-10", "2026-11-12", "NTPN 2")],
        "events": [rec("m1", title="Rapat koordinasi", kind="meeting", start=f"{meeting_day}T09:00", end=f"{meeting_day}T10:00",
                       attendees="Ani Lestari\nBudi Santoso")],
        "minutes": [rec("n1", title="Rapat November", date="2026-11-02", event_id="", agenda=[],
                        actions=[{"id": "a1", "text": "Kirim laporan pajak", "owner": "Ani", "due": "2026-11-20", "status": "open", "from": ""}]),
                    # The coming meeting's minutes are started already, with an item of their own.
                    rec("n2", title="Rapat koordinasi", date=meeting_day, event_id="m1", actions=[],
                        agenda=[{"title": "Lain-lain", "owner": "Ani", "minutes": "10", "notes": ""}])],
    }
    path.write_text(json.dumps({"format": "backoffice-backup", "schema_version": 4, "exported_at": "2026-12-01T08:00:00Z",
                                "collections": collections}))
    return path


def test_a_quarter_reviewed_printed_in_english_and_put_on_a_meeting_agenda(driver, base_url, tmp_path):
    meeting_day = (office_today() + datetime.timedelta(days=7)).isoformat()
    open_app(driver, base_url, "#/data")
    upload(driver, "backup-file", quarter_backup(tmp_path / "q4.json", meeting_day))
    click(driver, "Impor cadangan")
    wait_text(driver, "Digabungkan:")

    # Reached from the dashboard.
    open_app(driver, base_url, "#/dashboard")
    click(driver, "Laporan tinjauan")
    wait(driver, lambda d: heading(d).startswith("Laporan tinjauan 20"))
    open_app(driver, base_url, "#/review/2026-Q4")
    wait(driver, lambda d: heading(d) == "Laporan tinjauan 2026-Q4")
    plans = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#review-plans tbody tr")]
    # The Q2 plan does not run in Q4; the task due 1 November is past due.
    assert len(plans) == 1 and "Tim Keuangan" in plans[0] and "1 / 3" in plans[0] and "4 (+2) Tutup buku tepat waktu" in plans[0], plans
    kpi = driver.find_element(By.CSS_SELECTOR, "#review-kpis tbody tr").text
    assert "Tamu per bulan" in kpi and "2026-11: 3" in kpi, kpi
    people = driver.find_element(By.ID, "review-people").text
    assert "Budi Santoso (10 Nov 2026)" in people and "Citra Dewi (15 Nov 2026)" in people, people
    main = body_text(driver)
    assert "2 kewajiban diselesaikan pada periode ini, 1 di antaranya terlambat." in main, main
    settled = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#review-settled tbody tr")]
    assert [s.split()[-1] for s in settled] == ["1", "2"] and "NTPN 0" not in " ".join(settled), settled
    assert "Kirim laporan pajak" in driver.find_element(By.ID, "review-actions").text
    shot(driver, "review-q4")

    # Printed: the report alone, without the navigation or the agenda form.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not driver.find_element(By.CSS_SELECTOR, ".bo-nav").is_displayed()
    assert not driver.find_element(By.ID, "review-agenda").is_displayed()
    assert driver.find_element(By.ID, "review-plans").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, ".bo-print-title").text == "Laporan tinjauan 2026-Q4"
    shot(driver, "review-q4-print")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # The quarter before, then by month.
    click(driver, "‹ Sebelumnya")
    wait(driver, lambda d: heading(d) == "Laporan tinjauan 2026-Q3")
    wait_text(driver, "1 kewajiban diselesaikan pada periode ini, 0 di antaranya terlambat.")
    click(driver, "Per bulan")
    wait(driver, lambda d: heading(d) == "Laporan tinjauan 2026-07")

    # In English, and on a phone.
    open_app(driver, base_url, "#/review/2026-Q4", "?lang=en")
    wait(driver, lambda d: heading(d) == "Review report 2026-Q4")
    wait_text(driver, "2 obligations settled in the period, 1 of them late.")
    assert "Joined" in driver.find_element(By.ID, "review-people").text
    shot(driver, "review-q4-en")
    size = driver.get_window_size()
    driver.set_window_size(390, 844)
    driver.execute_script("document.getElementById('review-people-h').scrollIntoView()")
    shot(driver, "review-q4-en-phone")
    driver.set_window_size(size["width"], size["height"])

    # Onto the coming meeting's agenda: its minutes are started with one item per part.
    open_app(driver, base_url, "#/review/2026-Q4")
    wait(driver, lambda d: heading(d) == "Laporan tinjauan 2026-Q4")
    options = [o.text for o in Select(driver.find_element(By.ID, "review-meeting")).options]
    assert len(options) == 1 and options[0].endswith("Rapat koordinasi"), options
    click(driver, "Masukkan ke agenda rapat")
    wait_text(driver, "2026-Q4 dimasukkan ke agenda rapat.")
    wait(driver, lambda d: d.current_url.endswith("/minutes/n2"))
    minutes = [m for m in stored_list(driver, "minutes") if m.get("event_id") == "m1"]
    assert len(minutes) == 1 and minutes[0]["date"] == meeting_day, minutes
    titles = [a["title"] for a in minutes[0]["agenda"]]
    # The meeting's own item stays first; one item per part of the report follows.
    assert titles[0] == "Lain-lain" and titles[1] == "2026-Q4 — Rencana kerja" and "2026-Q4 — Kepatuhan" in titles and len(titles) == 9, titles
    assert "Tim Keuangan: 1 dari 3 tugas selesai, 1 lewat tenggat" in minutes[0]["agenda"][1]["notes"]
    # Put on again: the figures are brought up to date where they stand, nothing doubled.
    open_app(driver, base_url, "#/review/2026-Q4")
    wait(driver, lambda d: heading(d) == "Laporan tinjauan 2026-Q4")
    click(driver, "Masukkan ke agenda rapat")
    wait(driver, lambda d: d.current_url.endswith("/minutes/n2"))
    again = [m for m in stored_list(driver, "minutes") if m.get("event_id") == "m1"]
    assert len(again) == 1 and [a["title"] for a in again[0]["agenda"]] == titles, again
