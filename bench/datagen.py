"""Deterministic, realistic Indonesian office contacts for the benchmark."""
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
        created = base + timedelta(minutes=rnd.randrange(0, 1_400_000))
        updated = created + timedelta(minutes=rnd.randrange(0, 10_000))
        domain = org.split(" ", 1)[1].lower().replace(" ", "") + ".co.id"
        c = {
            "id": str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
            "created_at": created.isoformat().replace("+00:00", "Z"),
            "updated_at": updated.isoformat().replace("+00:00", "Z"),
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
    return out


def backup(records):
    return json.dumps({
        "format": "backoffice-backup",
        "schema_version": 2,
        "exported_at": "2026-11-22T00:00:00Z",
        "collections": {"contacts": records},
    }, ensure_ascii=False)
