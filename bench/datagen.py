"""Deterministic, realistic Indonesian office data for the benchmark: contacts, the front
desk's logs, calendar items, supplies with their stock ledger and purchase orders, and
assets with their history, in the proportions two or three years of a small office produce."""
import json
import random
import uuid
from datetime import datetime, timedelta, timezone

import prose

FIRST, LAST, ORG_KIND, ORG_WORD = prose.FIRST, prose.LAST, prose.ORG_KIND, prose.ORG_WORD
CITY = ["Jakarta", "Bandung", "Surabaya", "Medan", "Semarang", "Makassar", "Denpasar", "Yogyakarta", "Malang"]
ROLE = ["Direktur", "Manajer Keuangan", "Staf Admin", "Pembelian", "Sales", "HRD", "Sekretaris", ""]
TAGS = ["vip", "langganan", "baru", "jakarta", "ekspor", "pemerintah", "prioritas"]
KINDS = ["client", "client", "client", "supplier", "supplier", "partner", "other"]

# Ids as the app makes them (src/domain/ids.rs): UUIDs of version 8 holding the time, a
# counter for ids of one millisecond and the node of the browser that made them. Most of
# an office's records are made in its own browser; one in ten came in from two colleagues'
# backups, interleaved with the rest.
_ID_RND = random.Random(97)
_NODES = [_ID_RND.getrandbits(62) for _ in range(3)]
_COUNTERS = {}


def _reset_ids():
    """Each data set makes the same ids whatever was generated before it in the process."""
    _ID_RND.seed(98)
    _COUNTERS.clear()


def app_id(created):
    if isinstance(created, str):
        created = datetime.fromisoformat(created.replace("Z", "+00:00"))
    ms = round(created.timestamp() * 1000)
    node = _NODES[0] if _ID_RND.random() < 0.9 else _ID_RND.choice(_NODES[1:])
    while _COUNTERS.get((node, ms), -1) >= 0x0FFF:
        ms += 1
    counter = _COUNTERS.get((node, ms), -1) + 1
    _COUNTERS[(node, ms)] = counter
    return str(uuid.UUID(int=(ms << 80) | (0x8 << 76) | (counter << 64) | (0b10 << 62) | node))


def contacts(n, seed=42):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        org = f"{rnd.choice(ORG_KIND)} {rnd.choice(ORG_WORD)} {rnd.choice(ORG_WORD)}"
        created, meta = _stamp(rnd, base)
        domain = org.split(" ", 1)[1].lower().replace(" ", "") + ".co.id"
        c = {
            **meta,
            "party": "person",
            "kind": rnd.choice(KINDS),
            "name": f"{first} {last}",
            "organisation": org if rnd.random() < 0.8 else "",
            "role": rnd.choice(ROLE),
            "emails": [f"{first.lower()}.{last.lower()}{i % 97}@{domain}"] if rnd.random() < 0.85 else [],
            "phones": [f"+62 8{rnd.randrange(11, 99)} {rnd.randrange(1000, 9999)} {rnd.randrange(1000, 9999)}"],
            "address": prose.address(rnd) if rnd.random() < 0.7 else "",
            "tags": rnd.sample(TAGS, rnd.randrange(0, 3)),
            "notes": prose.note(rnd, 40, 300) if rnd.random() < 0.15 else "",
        }
        out.append(c)
    return _in_order(out)


DEPTS = ["Keuangan", "HRD", "Pemasaran", "Gudang", "Direksi", "IT", "Umum"]
MSG = ["Mohon telepon balik", "Menanyakan status pesanan", "Konfirmasi jadwal rapat", "Tagihan bulan ini",
       "Minta penawaran harga", "Pengiriman terlambat", "Ingin bertemu minggu depan", "Menanyakan faktur pajak",
       "Dokumen sudah dikirim lewat email", "Tolong hubungi sebelum jam 3"]
PURPOSE = ["Rapat", "Antar dokumen", "Wawancara kerja", "Servis AC", "Kirim barang", "Tagihan", "Presentasi produk"]


def _stamp(rnd, base):
    created = base + timedelta(minutes=rnd.randrange(0, 1_400_000), milliseconds=rnd.randrange(0, 1000))
    updated = created + timedelta(minutes=rnd.randrange(0, 600))
    return created, {"id": app_id(created),
                     "created_at": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                     "updated_at": updated.isoformat(timespec="milliseconds").replace("+00:00", "Z")}


def _in_order(records):
    """The app appends records as they are made, so stored order is creation order."""
    return sorted(records, key=lambda r: r["created_at"])


def calls(n, contact_ids, seed=7):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for _ in range(n):
        created, meta = _stamp(rnd, base)
        local = created + timedelta(hours=7)
        linked = rnd.random() < 0.4
        status = rnd.choice(["closed"] * 6 + ["called_back", "passed_on", "new"])
        out.append({**meta,
                    "at": local.strftime("%Y-%m-%dT%H:%M"),
                    "caller": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                    "number": f"08{rnd.randrange(11, 99)}{rnd.randrange(1000, 9999)}{rnd.randrange(1000, 9999)}" if rnd.random() < 0.9 else "",
                    "contact_id": rnd.choice(contact_ids) if linked and contact_ids else "",
                    "for_whom": rnd.choice(DEPTS) if rnd.random() < 0.3 else f"{rnd.choice(FIRST)} ({rnd.choice(DEPTS)})",
                    "message": (rnd.choice(MSG) if rnd.random() < 0.5 else prose.note(rnd, 30, 200)) if rnd.random() < 0.8 else "",
                    "urgency": rnd.choice(["normal"] * 5 + ["high", "urgent", "low"]),
                    "status": status,
                    "follow_up": (local + timedelta(days=rnd.randrange(1, 8))).strftime("%Y-%m-%d") if rnd.random() < 0.2 else ""})
    return _in_order(out)


def visitors(n, seed=11):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for _ in range(n):
        created, meta = _stamp(rnd, base)
        local = created + timedelta(hours=7)
        out.append({**meta,
                    "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                    "company": f"{rnd.choice(ORG_KIND)} {rnd.choice(ORG_WORD)} {rnd.choice(ORG_WORD)}" if rnd.random() < 0.7 else "",
                    "host": f"{rnd.choice(FIRST)} ({rnd.choice(DEPTS)})",
                    "purpose": rnd.choice(PURPOSE),
                    "check_in": local.strftime("%Y-%m-%dT%H:%M"),
                    "check_out": (local + timedelta(minutes=rnd.randrange(10, 240))).strftime("%Y-%m-%dT%H:%M")})
    return _in_order(out)


TITLES = ["Rapat tim mingguan", "Kunjungan klien", "Rapat anggaran", "Presentasi vendor", "Wawancara kandidat",
          "Pelatihan K3", "Review kuartal", "Servis printer", "Audit internal", "Rapat direksi"]
ROOMS = ["Ruang Melati", "Ruang Mawar", "Ruang Anggrek", "Zoom", ""]
ITEM_NAMES = ["Kertas A4 80g", "Kertas F4", "Pulpen biru", "Spidol papan", "Map plastik", "Toner HP 85A", "Tinta Epson",
              "Klip kertas", "Stapler", "Isi stapler", "Amplop coklat", "Lakban", "Baterai AA", "Air mineral galon",
              "Kopi sachet", "Teh celup", "Gula 1 kg", "Tisu", "Sabun cuci tangan", "Kantong sampah"]
UNITS = ["rim", "pcs", "box", "pak", "botol", "galon"]
PLACES = ["Gudang", "Lantai 2", "Pantry", "Resepsionis"]


def events(n, seed=13):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for _ in range(n):
        created, meta = _stamp(rnd, base)
        start = (created + timedelta(days=rnd.randrange(0, 30))).replace(hour=rnd.randrange(1, 10), minute=rnd.choice([0, 30]))
        meeting = rnd.random() < 0.5
        repeat = rnd.choice(["", "", "", "", "weekly", "monthly"]) if meeting else ""
        out.append({**meta, "title": rnd.choice(TITLES), "kind": "meeting" if meeting else "appointment",
                    "start": start.strftime("%Y-%m-%dT%H:%M"), "end": (start + timedelta(minutes=rnd.choice([30, 60, 90]))).strftime("%Y-%m-%dT%H:%M"),
                    "all_day": False, "location": rnd.choice(ROOMS),
                    "attendees": "\n".join(f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" for _ in range(rnd.randrange(0, 4))),
                    "notes": prose.note(rnd, 40, 400) if rnd.random() < 0.2 else "", "repeat": repeat, "interval": None, "weekdays": "", "until": "",
                    "count": rnd.choice([None, 4, 12]) if repeat else None, "except": [], "series_id": "", "occurrence": None, "uid": ""})
    return _in_order(out)


def items(n, supplier_ids, seed=17):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        _, meta = _stamp(rnd, base)
        out.append({**meta, "code": f"ATK-{i + 1:04d}", "name": f"{ITEM_NAMES[i % len(ITEM_NAMES)]} {i // len(ITEM_NAMES) + 1}",
                    "category": rnd.choice(["ATK", "Printer", "Pantry", "Kebersihan"]), "unit": rnd.choice(UNITS),
                    "location": rnd.choice(PLACES), "reorder_point": rnd.randrange(2, 20), "reorder_qty": rnd.randrange(10, 60),
                    "supplier_id": rnd.choice(supplier_ids) if supplier_ids else "", "unit_cost": rnd.randrange(1, 400) * 500,
                    "notes": "", "active": "1"})
    return _in_order(out)


def stock(n, item_ids, seed=19):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for _ in range(n):
        created, meta = _stamp(rnd, base)
        kind = rnd.choice(["receive", "issue", "issue", "issue", "transfer", "adjust"])
        out.append({**meta, "at": (created + timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M"), "item_id": rnd.choice(item_ids), "kind": kind,
                    "qty": rnd.randrange(1, 40) if kind == "receive" else rnd.randrange(1, 5) * (rnd.choice([1, -1]) if kind == "adjust" else 1),
                    "location": rnd.choice(PLACES), "to_location": rnd.choice(PLACES) if kind == "transfer" else "",
                    "to_whom": rnd.choice(DEPTS) if kind == "issue" else "", "reason": "Stock opname" if kind == "adjust" else "",
                    "unit_cost": rnd.randrange(1, 400) * 500 if kind == "receive" else None, "order_id": "", "order_line": ""})
    return _in_order(out)


def orders(n, item_ids, supplier_ids, seed=23):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        created, meta = _stamp(rnd, base)
        lines = [{"id": app_id(created), "item_id": rnd.choice(item_ids), "description": rnd.choice(ITEM_NAMES),
                  "qty": rnd.randrange(1, 50), "price": rnd.randrange(1, 400) * 500} for _ in range(rnd.randrange(1, 6))]
        out.append({**meta, "number": f"PO-{created.year}-{i + 1:04d}", "supplier_id": rnd.choice(supplier_ids) if supplier_ids else "",
                    "date": created.strftime("%Y-%m-%d"), "expected": "", "status": rnd.choice(["received"] * 6 + ["ordered", "draft", "cancelled"]),
                    "tax": "11", "notes": "", "lines": lines})
    return _in_order(out)


def assets(n, seed=29):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        created, meta = _stamp(rnd, base)
        cat = rnd.choice(["it", "it", "furniture", "vehicle", "machine", "other"])
        out.append({**meta, "tag": f"INV-{i + 1:04d}", "name": rnd.choice(["Laptop", "Monitor", "Kursi", "Meja", "Motor", "Printer", "Proyektor"]),
                    "category": cat, "serial": f"SN{rnd.randrange(10**7, 10**8)}", "model": "", "supplier_id": "",
                    "purchase_date": created.strftime("%Y-%m-%d"), "cost": rnd.randrange(5, 300) * 100_000, "warranty_end": "",
                    "location": rnd.choice(PLACES), "assigned_to": f"{rnd.choice(FIRST)} ({rnd.choice(DEPTS)})" if rnd.random() < 0.6 else "",
                    "status": rnd.choice(["in_use"] * 5 + ["in_storage", "in_repair", "retired"]), "life_months": rnd.choice([36, 48, 60, 96]),
                    "salvage": 0, "every": rnd.choice([None, 6, 12]), "every_unit": "months", "notes": ""})
    return _in_order(out)


def asset_log(n, asset_ids, seed=31):
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    out = []
    for _ in range(n):
        created, meta = _stamp(rnd, base)
        kind = rnd.choice(["checkout", "checkin", "repair", "maintenance"])
        out.append({**meta, "asset_id": rnd.choice(asset_ids), "kind": kind, "date": created.strftime("%Y-%m-%d"),
                    "who": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" if kind == "checkout" else "", "due": "",
                    "problem": "Tidak menyala" if kind == "repair" else "", "action": "Servis rutin" if kind != "checkout" else "",
                    "vendor": "", "cost": rnd.randrange(0, 20) * 50_000 if kind in ("repair", "maintenance") else None,
                    "downtime": None, "notes": ""})
    return _in_order(out)


def employees(n, seed=37):
    rnd = random.Random(seed)
    base = datetime(2023, 1, 1, tzinfo=timezone.utc)
    out = []
    for i in range(n):
        created, meta = _stamp(rnd, base)
        pkwt = rnd.random() < 0.3
        out.append({**meta, "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", "number": f"{101 + i}", "position": rnd.choice(["Staf", "Supervisor", "Manajer"]),
                    "department": rnd.choice(DEPTS), "manager_id": "", "grade": "", "location": "Kantor pusat", "status": "active",
                    "joined": created.strftime("%Y-%m-%d"), "contract": "pkwt" if pkwt else "pkwtt",
                    "contract_start": "2026-01-01" if pkwt else "", "contract_end": "2026-12-31" if pkwt else "",
                    "nik": f"3174{rnd.randrange(10**11, 10**12)}", "npwp": "", "ptkp": rnd.choice(["TK/0", "K/0", "K/1", "K/2"]),
                    "bpjs_health": "", "bpjs_work": "", "birth_date": "", "phone": "", "email": "", "address": prose.address(rnd), "emergency": "",
                    "bank": "BCA", "account": str(rnd.randrange(10**9, 10**10)), "left_on": "", "left_reason": "", "notes": ""})
    return out


def attendance(people, days, seed=41):
    """A working day per employee for the last `days` weekdays, as a fingerprint machine
    import leaves them: times, a few late or sick, some approved overtime."""
    rnd = random.Random(seed)
    out = []
    day = datetime(2026, 11, 30, tzinfo=timezone.utc)
    dates = []
    while len(dates) < days:
        if day.weekday() < 5:
            dates.append(day)
        day -= timedelta(days=1)
    for d in reversed(dates):
        for e in people:
            stamp = d.replace(hour=10)
            meta = {"id": app_id(stamp), "created_at": stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                    "updated_at": stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
            status = rnd.choice(["present"] * 40 + ["late"] * 4 + ["sick", "leave"])
            came = status in ("present", "late")
            overtime = rnd.choice([None] * 8 + [60, 120]) if came else None
            out.append({**meta, "employee_id": e["id"], "date": d.strftime("%Y-%m-%d"), "status": status,
                        "check_in": f"{7 if status == 'present' else 8:02d}:{rnd.randrange(10, 59):02d}" if came else "",
                        "check_out": f"17:{rnd.randrange(10, 59):02d}" if came else "", "overtime": overtime,
                        "overtime_approved": overtime is not None, "note": ""})
    return out


def payroll(people, seed=43):
    """Payroll for 2026: a pay structure per employee, January to November posted (and a THR
    run in March) with their payslips, December still a draft to compute."""
    rnd = random.Random(seed)
    stamp = "2026-01-02T09:00:00.000Z"

    def meta():
        return {"id": app_id(stamp), "created_at": stamp, "updated_at": stamp}

    pay = [{**meta(), "employee_id": e["id"], "from": "2026-01-01", "basic": rnd.randrange(50, 200) * 100_000,
            "fixed_allowance": rnd.choice([0, 500_000, 1_000_000]), "meal_per_day": 25_000, "transport_per_day": 20_000,
            "loan": None, "coop": rnd.choice([None, 50_000]), "zakat": None, "note": ""} for e in people]
    runs, slips = [], []
    months = [(m, "regular") for m in range(1, 12)] + [(3, "thr")]
    for m, kind in months:
        run = {**meta(), "month": f"2026-{m:02d}", "kind": kind, "holiday": "Idul Fitri" if kind == "thr" else "",
               "paid_on": f"2026-{m:02d}-{13 if kind == 'thr' else 25}", "status": "posted", "note": "", "posted_on": f"2026-{m:02d}-25"}
        runs.append(run)
        for e, p in zip(people, pay):
            wage = p["basic"] + p["fixed_allowance"]
            earn = wage + (0 if kind == "thr" else 21 * 45_000)
            benefits = 0 if kind == "thr" else wage * 454 // 10_000
            tax = (earn + benefits) * 2 // 100
            contrib = {} if kind == "thr" else {"kes_employee": min(wage, 12_000_000) // 100, "jht_employee": wage // 50, "jp_employee": min(wage, 11_086_300) // 100,
                                                 "kes_employer": min(wage, 12_000_000) // 25, "jht_employer": wage * 37 // 1000, "jp_employer": min(wage, 11_086_300) // 50,
                                                 "jkk": wage * 24 // 10_000, "jkm": wage * 3 // 1000}
            net = earn - tax - sum(v for k, v in contrib.items() if k.endswith("_employee"))
            slips.append({"id": f"{run['id']}-{e['id']}", "created_at": stamp, "updated_at": stamp, "run_id": run["id"], "employee_id": e["id"],
                          "month": run["month"], "kind": kind, "earnings": earn, "thr": wage if kind == "thr" else 0, "benefits": benefits,
                          "gross": earn + benefits, "tax": tax, "other_deductions": 0, "zakat": 0, "net": net, **contrib,
                          "lines": f"e\tpay.line.basic\t{p['basic']}\n", "bank": e["bank"], "account": e["account"]})
    runs.append({**meta(), "month": "2026-12", "kind": "regular", "holiday": "", "paid_on": "2026-12-24", "status": "draft", "note": "", "posted_on": ""})
    return pay, runs, slips


# The shipped chart's codes, kinds and whether each is cash or bank (src/domain/finance/accounts.rs).
CHART = [("1101", "asset", "Kas", True), ("1102", "asset", "Kas kecil", True), ("1111", "asset", "Bank", True),
         ("1201", "asset", "Piutang usaha", False), ("1401", "asset", "PPN masukan", False), ("1501", "asset", "Aset tetap", False),
         ("2101", "liability", "Utang usaha", False), ("2201", "liability", "PPN keluaran", False), ("2301", "liability", "Utang gaji", False),
         ("3101", "equity", "Modal", False), ("3900", "equity", "Ekuitas saldo awal", False),
         ("4101", "income", "Pendapatan usaha", False), ("4201", "income", "Pendapatan lain-lain", False),
         ("6101", "expense", "Gaji dan tunjangan", False), ("6201", "expense", "Sewa", False), ("6202", "expense", "Listrik, air dan internet", False),
         ("6301", "expense", "ATK dan perlengkapan kantor", False), ("6401", "expense", "Transportasi dan perjalanan", False),
         ("6501", "expense", "Pemeliharaan dan perbaikan", False), ("6701", "expense", "Biaya administrasi bank", False),
         ("6901", "expense", "Konsumsi dan jamuan", False), ("6999", "expense", "Biaya lain-lain", False)]


def finance(n, contact_ids, seed=47):
    """The chart and `n` entries over three years (2024-2026): sales with PPN into the bank,
    expenses paid from the bank or the till, cash drawn from the bank."""
    rnd = random.Random(seed)
    base = datetime(2024, 1, 1, 8, 0, tzinfo=timezone.utc)
    accounts = []
    for code, kind, name, money in CHART:
        _, m = _stamp(rnd, base)
        opening = 100_000_000 if code == "1111" else None
        accounts.append({**m, "code": code, "name": name, "kind": kind, "money": money, "bank": "BCA" if code == "1111" else "",
                         "number": "", "opening": opening, "opening_on": "2024-01-01" if opening else "", "note": ""})
    by = {a["code"]: a["id"] for a in accounts}
    expenses = [c for c, k, _, _ in CHART if k == "expense"]
    out = []
    for i in range(n):
        # A clerk records a payment on its day or the next: entries are made in date order.
        day = base + timedelta(days=rnd.randrange(365 * 3))
        created = day + timedelta(minutes=rnd.randrange(0, 2 * 24 * 60), milliseconds=rnd.randrange(0, 1000))
        m = {"id": app_id(created),
             "created_at": created.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
             "updated_at": created.isoformat(timespec="milliseconds").replace("+00:00", "Z")}
        r = rnd.random()
        e = {**m, "date": day.strftime("%Y-%m-%d"), "account_id": by["1111"], "category_id": "", "to_account_id": "", "tax": None,
             "contact_id": rnd.choice(contact_ids) if contact_ids and rnd.random() < 0.5 else "", "reference": f"BKT-{i:05d}",
             "source": "", "reverses": "", "lines": []}
        if r < 0.3:
            amount = rnd.randrange(10, 500) * 111_000
            e.update(kind="in", category_id=by["4101"], amount=amount, tax=amount // 111 * 11, description=f"Penjualan jasa {i}")
        elif r < 0.9:
            e.update(kind="out", category_id=by[rnd.choice(expenses)], amount=rnd.randrange(1, 300) * 25_000,
                     account_id=by[rnd.choice(["1111", "1101"])], description=f"Biaya {i}")
        else:
            e.update(kind="transfer", to_account_id=by["1101"], amount=rnd.randrange(1, 20) * 500_000, description=f"Ambil tunai {i}")
        out.append(e)
    return accounts, _in_order(out)


def client_events(n, contact_ids, guests_each, seed=53):
    """`n` client events over two years with their guests, timelines, vendors and run
    sheets, as a planning coordinator keeps them: most held and closed, some still coming."""
    rnd = random.Random(seed)
    base = datetime(2025, 1, 1, tzinfo=timezone.utc)
    kinds = ["wedding", "seminar", "conference", "gathering", "meeting"]
    events, tasks, guests, vendors, run = [], [], [], [], []

    def meta(stamp):
        s = stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return {"id": app_id(stamp), "created_at": s, "updated_at": s}

    for i in range(n):
        created = base + timedelta(days=i * 700 // max(n, 1), hours=rnd.randrange(8, 17))
        day = created + timedelta(days=rnd.randrange(30, 180))
        kind = rnd.choice(kinds)
        stage = "closed" if day < datetime(2026, 11, 1, tzinfo=timezone.utc) else rnd.choice(["enquiry", "proposal", "confirmed", "preparation"])
        e = {**meta(created), "name": f"{kind.title()} {rnd.choice(LAST)} {i}", "client_id": rnd.choice(contact_ids) if contact_ids else "",
             "kind": kind, "date": day.strftime("%Y-%m-%d"), "end_date": "", "guests": guests_each, "formality": rnd.choice(["casual", "smart", "formal"]),
             "venue": rnd.choice(["Hotel Santika", "Gedung Serbaguna", "Balai Kartini", "Kantor klien"]), "stage": stage,
             "brief": prose.note(rnd, 100, 600), "notes": "",
             "went_well": "Tamu tepat waktu." if stage == "closed" else "", "lessons": "Konfirmasi katering H-3." if stage == "closed" else ""}
        events.append(e)
        for t, (title, before) in enumerate([("Tempat acara dipesan", 90), ("Vendor utama dikontrak", 60), ("Undangan dikirim", 30),
                                             ("Daftar tamu final", 14), ("Susunan acara final", 7), ("Gladi", 1), ("Laporan ke klien", -7)]):
            tasks.append({**meta(created), "event_id": e["id"], "title": title, "days_before": before, "due": "", "owner": rnd.choice(FIRST),
                          "done": stage == "closed" or t < 2, "notes": ""})
        for g in range(guests_each):
            rsvp = rnd.choice(["confirmed"] * 7 + ["declined", "invited"])
            guests.append({**meta(created), "event_id": e["id"], "name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", "group": rnd.choice(["Keluarga", "Kantor", "VIP", "Teman"]),
                           "rsvp": rsvp, "party": rnd.choice([None, None, 2, 3]), "diet": rnd.choice(["regular"] * 8 + ["vegetarian", "allergy"]),
                           "table": f"Meja {g // 10 + 1}", "phone": "", "arrived": stage == "closed" and rsvp == "confirmed", "notes": ""})
        for v, (vkind, price) in enumerate([("venue", 15_000_000), ("catering", 250_000 * guests_each), ("decoration", 8_000_000), ("documentation", 5_000_000)]):
            quote = price + rnd.randrange(0, 10) * 500_000
            vendors.append({**meta(created), "event_id": e["id"], "kind": vkind, "contact_id": rnd.choice(contact_ids) if contact_ids else "",
                            "supplies": f"{vkind.title()} {e['name']}", "estimate": price, "quote": quote, "contract": "signed",
                            "deposit": quote * 3 // 10, "deposit_due": (day - timedelta(days=60)).strftime("%Y-%m-%d"), "deposit_paid": True,
                            "balance_due": (day - timedelta(days=7)).strftime("%Y-%m-%d"), "balance_paid": stage == "closed",
                            "charged": quote * 12 // 10, "notes": ""})
        for r, (title, minutes) in enumerate([("Registrasi", 30), ("Pembukaan", 15), ("Sambutan", 20), ("Acara inti", 90), ("Makan siang", 60),
                                              ("Hiburan", 45), ("Doa dan penutup", 15), ("Foto bersama", 20)]):
            run.append({**meta(created), "event_id": e["id"], "seq": r + 1, "day": "", "starts": "09:00" if r == 0 else "", "minutes": minutes,
                        "title": title, "place": "Ruang utama", "pic": rnd.choice(FIRST), "equipment": "", "notes": ""})
    return {"client_events": events, "event_tasks": tasks, "event_guests": guests, "event_vendors": vendors, "run_items": run}


def letters(n, seed=59):
    """`n` letters over two years, half received and half sent: the received ones passed on
    with a date to act by (most done), the sent ones numbered in three yearly series."""
    rnd = random.Random(seed)
    base = datetime(2025, 1, 1, tzinfo=timezone.utc)
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]

    def meta(stamp):
        s = stamp.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        return {"id": app_id(stamp), "created_at": s, "updated_at": s}

    series = [{**meta(base), "code": code, "name": name, "unit": unit, "pattern": "{seq:03}/{code}/{unit}/{month:roman}/{year}",
               "restart": "yearly", "last_seq": None, "note": "", "last_period": ""}
              for code, name, unit in [("SK", "Surat Keputusan", "HRD"), ("UND", "Undangan", "UMUM"), ("SP", "Surat Pengantar", "KEU")]]
    received, sent, seq, agenda = [], [], {}, {}
    for i in range(n):
        stamp = base + timedelta(minutes=i * 700 * 24 * 60 // max(n, 1))
        day = stamp.strftime("%Y-%m-%d")
        if i % 2 == 0:
            done = stamp < datetime(2026, 11, 1, tzinfo=timezone.utc)
            agenda[stamp.year] = agenda.get(stamp.year, 0) + 1
            received.append({**meta(stamp), "agenda": agenda[stamp.year],
                             "received": day, "sender": f"PT {rnd.choice(LAST)} {rnd.choice(['Abadi', 'Jaya', 'Makmur'])}",
                             "their_number": f"{rnd.randrange(1, 500):03}/EXT/{stamp.year}", "letter_date": day,
                             "subject": rnd.choice(["Undangan rapat", "Penawaran harga", "Konfirmasi pesanan", "Pemberitahuan libur"]),
                             "addressed_to": "Direktur", "disposition_to": rnd.choice(FIRST), "instruction": "Tindak lanjuti",
                             "due": (stamp + timedelta(days=7)).strftime("%Y-%m-%d"), "status": "done" if done else "disposed",
                             "note": prose.note(rnd, 40, 250) if rnd.random() < 0.3 else ""})
        else:
            s = rnd.choice(series)
            key = (s["id"], stamp.year)
            seq[key] = seq.get(key, 0) + 1
            sent.append({**meta(stamp), "series_id": s["id"], "number": f"{seq[key]:03}/{s['code']}/{s['unit']}/{roman[stamp.month - 1]}/{stamp.year}",
                         "date": day, "to": f"Bapak {rnd.choice(FIRST)} {rnd.choice(LAST)}", "address": "Jl. Merdeka 1, Jakarta",
                         "subject": rnd.choice(["Pengangkatan karyawan", "Undangan rapat tahunan", "Pengantar dokumen"]),
                         "signer": "Dewi Lestari", "status": "sent", "body": f"Dengan hormat,\n\n{prose.note(rnd, 300, 1500)}\n\nHormat kami,",
                         "note": "", "seq": seq[key], "period": str(stamp.year)})
    return {"letter_series": series, "letters_in": received, "letters_out": sent}


def minutes(n, meetings, seed=61):
    """`n` meetings' minutes, the text an office keeps most of: an agenda of three to six
    items whose notes come to 2-5 KB, who was there, decisions and action items."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        ev = meetings[i % len(meetings)] if meetings else {"id": "", "title": "Rapat", "start": "2026-01-05T09:00"}
        held = datetime.strptime(ev["start"][:10], "%Y-%m-%d").replace(tzinfo=timezone.utc) + timedelta(days=7 * (i // max(len(meetings), 1)))
        stamp = (held + timedelta(hours=10)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        items = rnd.randrange(3, 7)
        total = rnd.randrange(2000, 5001)
        agenda = [{"title": rnd.choice(prose.TOPICS).capitalize(), "owner": rnd.choice(FIRST), "minutes": str(rnd.choice([10, 15, 20, 30])),
                   "notes": prose.note(rnd, total // items - 150, total // items + 150)} for _ in range(items)]
        actions = [{"id": app_id(stamp), "text": prose.note(rnd, 30, 120), "owner": rnd.choice(FIRST),
                    "due": (held + timedelta(days=rnd.randrange(3, 21))).strftime("%Y-%m-%d"), "status": rnd.choice(["done", "done", "open", "carried"]),
                    "from": ""} for _ in range(rnd.randrange(1, 6))]
        out.append({"id": app_id(stamp), "created_at": stamp, "updated_at": stamp,
                    "title": ev["title"], "date": held.strftime("%Y-%m-%d"), "chair": prose.person(rnd),
                    "present": "\n".join(prose.person(rnd) for _ in range(rnd.randrange(4, 11))),
                    "decisions": "\n".join(prose.note(rnd, 40, 160) for _ in range(rnd.randrange(1, 5))),
                    "event_id": ev["id"], "agenda": agenda, "actions": actions})
    return _in_order(out)


def mixed(n):
    """What two or three years of a small office add up to: a third contacts (the list the
    keystroke target searches), the front desk's logs, the calendar with meetings' minutes,
    the stock ledger with its items and orders, the equipment with its history, people,
    payroll, the books, client events and letters; the text as long as people write it
    (full addresses, notes, letter bodies, minutes of 2-5 KB: `prose.py`)."""
    _reset_ids()
    # Three years of the books (20,000 entries at full size) take their room from the front
    # desk's logs and the contacts, so the whole stays n records.
    counts = {"contacts": n * 45 // 100, "calls": n * 6 // 100, "visitors": n // 25, "events": n * 3 // 100,
              "items": max(1, n * 3 // 1000), "orders": max(1, n * 6 // 1000), "assets": max(1, n * 2 // 1000), "asset_log": n * 29 // 1000}
    # The office's people: 50 with a year of attendance each at full size.
    counts["employees"] = 50 if n >= 50_000 else 2
    counts["attendance"] = counts["employees"] * (250 if n >= 50_000 else 100)
    # A year of payroll: a structure each, twelve posted runs with their payslips, a draft.
    counts["pay"] = counts["employees"]
    counts["payroll_runs"] = 13
    counts["payslips"] = counts["employees"] * 12
    # Three years of the books: the chart and 20,000 entries at full size.
    counts["accounts"] = len(CHART)
    counts["entries"] = 20_000 if n >= 50_000 else n // 50
    # The planning coordinator's events: 300 at full size, each with 20 guests, 7 tasks,
    # 4 vendors and an 8-item run sheet (12,000 records, taken from the contacts: 35,000).
    n_events, guests_each = (300, 20) if n >= 50_000 else (10, 10)
    counts["client_events"] = n_events * (1 + guests_each + 7 + 4 + 8)
    counts["contacts"] -= counts["client_events"] * 5 // 6
    # Two years of correspondence: 2,000 letters at full size.
    counts["letters"] = 2_000 if n >= 50_000 else n // 100
    # Three years of meetings' minutes, 900 at full size (the text an office keeps most of),
    # also taken from the contacts.
    counts["minutes"] = 900 if n >= 50_000 else n // 100
    counts["contacts"] -= counts["minutes"]
    counts["stock"] = n - sum(counts.values())
    cs = contacts(counts["contacts"])
    ids = [c["id"] for c in cs[:2000]]
    suppliers = [c["id"] for c in cs[:2000] if c["kind"] == "supplier"]
    its = items(counts["items"], suppliers)
    item_ids = [i["id"] for i in its]
    ast = assets(counts["assets"])
    emps = employees(counts["employees"])
    pay, runs, slips = payroll(emps)
    accounts, entries = finance(counts["entries"], ids)
    evs = events(counts["events"])
    return {"contacts": cs, "calls": calls(counts["calls"], ids), "visitors": visitors(counts["visitors"]),
            "events": evs, "minutes": minutes(counts["minutes"], [e for e in evs if e["kind"] == "meeting"]), "items": its, "stock": stock(counts["stock"], item_ids),
            "orders": orders(counts["orders"], item_ids, suppliers), "assets": ast,
            "asset_log": asset_log(counts["asset_log"], [a["id"] for a in ast]), "employees": emps,
            "attendance": attendance(emps, counts["attendance"] // counts["employees"]),
            "pay": pay, "payroll_runs": runs, "payslips": slips, "accounts": accounts, "entries": entries,
            **client_events(n_events, ids, guests_each), **letters(counts["letters"])}


def backup(collections, schema_version=4):
    return json.dumps({
        "format": "backoffice-backup",
        "schema_version": schema_version,
        "exported_at": "2026-11-22T00:00:00Z",
        "collections": collections,
    }, ensure_ascii=False)
