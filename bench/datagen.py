"""Deterministic, realistic Indonesian office data for the benchmark: contacts, the call log
and the visitor log in the proportions two or three years of a small office produce."""
import json
import random
import uuid
from datetime import datetime, timedelta, timezone

FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Ani", "Joko", "Sri", "Hendra", "Wati", "Andi", "Rina",
         "Bambang", "Yuni", "Eko", "Lestari", "Fajar", "Indah", "Putu", "Made", "Wayan", "Nyoman", "Citra", "Dian"]
LAST = ["Santoso", "Wijaya", "Rahma", "Saputra", "Kusuma", "Pratama", "Hidayat", "Siregar", "Nasution",
        "Simanjuntak", "Gunawan", "Setiawan", "Lubis", "Harahap", "Wibowo", "Sari", "Putri", "Halim"]
ORG_KIND = ["PT", "CV", "UD", "Koperasi", "Yayasan"]
ORG_WORD = ["Maju", "Jaya", "Sejahtera", "Abadi", "Makmur", "Sentosa", "Karya", "Mandiri", "Nusantara",
            "Sinar", "Terang", "Bersama", "Utama", "Prima", "Cahaya", "Indah"]
CITY = ["Jakarta", "Bandung", "Surabaya", "Medan", "Semarang", "Makassar", "Denpasar", "Yogyakarta", "Malang"]
ROLE = ["Direktur", "Manajer Keuangan", "Staf Admin", "Pembelian", "Sales", "HRD", "Sekretaris", ""]
TAGS = ["vip", "langganan", "baru", "jakarta", "ekspor", "pemerintah", "prioritas"]
KINDS = ["client", "client", "client", "supplier", "supplier", "partner", "other"]


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
            "address": f"Jl. {rnd.choice(ORG_WORD)} No. {rnd.randrange(1, 200)}, {rnd.choice(CITY)}" if rnd.random() < 0.5 else "",
            "tags": rnd.sample(TAGS, rnd.randrange(0, 3)),
            "notes": "Kontak dari pameran." if rnd.random() < 0.1 else "",
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
    return created, {"id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
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
                    "message": rnd.choice(MSG) if rnd.random() < 0.8 else "",
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


def mixed(n):
    """Half contacts (the list the keystroke target searches), then calls and visitors."""
    cs = contacts(n // 2)
    ids = [c["id"] for c in cs[:2000]]
    return {"contacts": cs, "calls": calls(n * 3 // 10, ids), "visitors": visitors(n - n // 2 - n * 3 // 10)}


def backup(collections, schema_version=2):
    return json.dumps({
        "format": "backoffice-backup",
        "schema_version": schema_version,
        "exported_at": "2026-11-22T00:00:00Z",
        "collections": collections,
    }, ensure_ascii=False)
