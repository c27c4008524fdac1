"""Reads and writes the app's localStorage as the app itself lays it out (schema 3): a head
key per collection and lists in packed, deflated, columnar chunks. A second, independent
reading of the format, so a test sees what is really stored."""
import json
import zlib
from datetime import datetime, timezone

BASE = 0x0800


def unpack(text):
    pad = ord(text[0]) - BASE
    bits, n, out = 0, 0, bytearray()
    for ch in text[1:]:
        bits = (bits << 15) | (ord(ch) - BASE)
        n += 15
        while n >= 8:
            n -= 8
            out.append((bits >> n) & 0xFF)
        bits &= (1 << n) - 1
    return bytes(out[: (15 * (len(text) - 1) - pad) // 8])


def pack(data):
    total = len(data) * 8
    pad = (15 - total % 15) % 15
    bits = int.from_bytes(data, "big") << pad if data else 0
    groups = (total + pad) // 15
    return chr(BASE + pad) + "".join(chr(BASE + ((bits >> (15 * (groups - 1 - i))) & 0x7FFF)) for i in range(groups))


def _ts(ms):
    t = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    frac = f".{ms % 1000:03d}" if ms % 1000 else ""
    return t.strftime("%Y-%m-%dT%H:%M:%S") + frac + "Z"


def _column(col, n):
    """A column in full; the forms are those of src/storage/codec.rs."""
    if isinstance(col, list):
        return col
    if "u" in col:
        h = col["u"]
        return [f"{h[i:i+8]}-{h[i+8:i+12]}-{h[i+12:i+16]}-{h[i+16:i+20]}-{h[i+20:i+32]}" for i in range(0, n * 32, 32)]
    if "d" in col:
        return [col["d"][i] for i in col["i"]]
    if "m" in col:
        at, out = 0, []
        for d in col["m"]:
            if d is None:
                out.append("")
                continue
            at += d
            out.append(datetime.fromtimestamp(at * 60, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M"))
        return out
    at, out = 0, []
    for d in col["t"]:
        at += d
        out.append(_ts(at))
    return out


def decode_chunk(raw):
    packed = raw.split(";", 1)[1]
    doc = json.loads(zlib.decompress(unpack(packed), wbits=-15))
    n = doc["n"]
    rows = [{} for _ in range(n)]
    for key, col in zip(doc["k"], doc["c"]):
        for row, v in zip(rows, _column(col, n)):
            if v is not None:
                row[key] = v
    return rows


def encode_chunk(rev, rows):
    keys = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    doc = {"k": keys, "n": len(rows), "c": [[r.get(k) for r in rows] for k in keys]}
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = c.compress(json.dumps(doc, ensure_ascii=False).encode()) + c.flush()
    return f"{rev};{pack(data)}"


def snapshot(driver):
    """Every key of the app and its text."""
    return driver.execute_script(
        "const o = {}; for (const k of Object.keys(localStorage)) if (k.startsWith('bo.')) o[k] = localStorage.getItem(k); return o")


def stored_list(driver, name):
    """The records of a list as stored; [] when there is none."""
    s = snapshot(driver)
    head = s.get(f"bo.c.{name}")
    if head is None:
        return []
    head = json.loads(head)
    if "data" in head:
        return head["data"]
    return [r for cid, _ in head["chunks"] for r in decode_chunk(s[f"bo.k.{name}.{cid}"])]


def rewrite_list(driver, name, change):
    """Applies `change` to every stored record of a list, as another program would."""
    s = snapshot(driver)
    head = json.loads(s[f"bo.c.{name}"])
    for cid, _ in head["chunks"]:
        key = f"bo.k.{name}.{cid}"
        rows = decode_chunk(s[key])
        for r in rows:
            change(r)
        driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", key, encode_chunk(head["rev"], rows))
