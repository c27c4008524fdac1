"""Reads and writes the app's localStorage as the app itself lays it out (schema 5): a head
key per collection and lists in packed, deflated, binary columnar chunks. A second, independent
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
    return _ymd(t) + t.strftime("T%H:%M:%S") + frac + "Z"


def _ymd(t):
    # strftime's %Y drops the leading zeros of years before 1000 on Linux.
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d}"


class _Reader:
    """The binary columns of src/storage/columns.rs, read independently."""

    def __init__(self, b):
        self.b, self.at = b, 0

    def byte(self):
        self.at += 1
        return self.b[self.at - 1]

    def varint(self):
        n = shift = 0
        while True:
            x = self.byte()
            n |= (x & 0x7F) << shift
            shift += 7
            if not x & 0x80:
                return n

    def zigzag(self, n):
        return (n >> 1) ^ -(n & 1)

    def text(self, n):
        self.at += n
        return self.b[self.at - n:self.at].decode()

    def opt(self, read):
        n = self.varint()
        return None if n == 0 else read(n - 1)


def _uuid_text(b):
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _our_ids(r, n):
    """Ids the app made (UUID version 8: time, counter, browser): a time delta and the
    index of a browser already seen in the column, or the 16 bytes."""
    tails, prev, out = [], 0, []
    for _ in range(n):
        tag = r.varint()
        if tag == 0:
            b = r.b[r.at:r.at + 16]
            r.at += 16
            if b[6] >> 4 == 8 and b[8] >> 6 == 2:
                prev = int.from_bytes(b[:6], "big")
                if len(tails) < 8:
                    tails.append(b[8:])
            out.append(_uuid_text(b))
            continue
        v = tag - 1
        tail, step = tails[v & 7], v >> 3
        counter = r.varint() if step & 1 else 0
        prev += r.zigzag(step >> 1)
        head = prev.to_bytes(6, "big") + bytes([0x80 | counter >> 8, counter & 0xFF])
        out.append(_uuid_text(head + tail))
    return out


def _column(r, n):
    kind = r.byte()
    if kind == 0:
        return [r.opt(lambda k: json.loads(r.text(k))) for _ in range(n)]
    if kind == 1:
        return [r.opt(r.text) for _ in range(n)]
    if kind == 2:
        out = []
        for _ in range(n):
            out.append(_uuid_text(r.b[r.at:r.at + 16]))
            r.at += 16
        return out
    if kind == 3:
        at, out = 0, []
        for _ in range(n):
            at += r.zigzag(r.varint())
            out.append(_ts(at))
        return out
    if kind == 4:
        at, out = 0, []
        for _ in range(n):
            d = r.varint()
            if d == 0:
                out.append("")
                continue
            at += r.zigzag(d - 1)
            t = datetime.fromtimestamp(at * 60, tz=timezone.utc)
            out.append(_ymd(t) + t.strftime("T%H:%M"))
        return out
    if kind == 5:
        distinct = [r.opt(lambda k: json.loads(r.text(k))) for _ in range(r.varint())]
        return [distinct[r.varint()] for _ in range(n)]
    if kind == 6:
        return [r.opt(lambda k: [r.text(r.varint()) for _ in range(k)]) for _ in range(n)]
    if kind == 7:
        return _our_ids(r, n)
    raise ValueError(f"unknown column kind {kind}")


def decode_chunk(raw):
    r = _Reader(zlib.decompress(unpack(raw.split(";", 1)[1]), wbits=-15))
    assert r.byte() == 0xB1, "not a chunk"
    n = r.varint()
    rows = [{} for _ in range(n)]
    for _ in range(r.varint()):
        key = r.text(r.varint())
        for row, v in zip(rows, _column(r, n)):
            if v is not None:
                row[key] = v
    assert r.at == len(r.b)
    return rows


def _varint(n):
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _zigzag(n):
    return n << 1 if n >= 0 else ((-n) << 1) - 1


def _minute_column(rows, key):
    """Local date-times as the app stores them (kind 4): minutes since 1970, as deltas."""
    out, prev = bytearray([4]), 0
    for r in rows:
        text = r.get(key) or ""
        if not text:
            out += _varint(0)
            continue
        t = datetime.strptime(text, "%Y-%m-%dT%H:%M").replace(tzinfo=timezone.utc)
        m = int((t - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds()) // 60
        out += _varint(_zigzag(m - prev) + 1)
        prev = m
    return out


def encode_chunk(rev, rows, minutes=()):
    """Every column as JSON cells (kind 0), valid if not the smallest form; the keys named in
    `minutes` as local date-time columns (kind 4), as the app writes them."""
    keys = []
    for r in rows:
        keys += [k for k in r if k not in keys]
    out = bytearray([0xB1]) + _varint(len(rows)) + _varint(len(keys))
    for k in keys:
        out += _varint(len(k.encode())) + k.encode()
        if k in minutes:
            out += _minute_column(rows, k)
            continue
        out += bytes([0])
        for r in rows:
            if r.get(k) is None:
                out += _varint(0)
            else:
                cell = json.dumps(r[k], ensure_ascii=False).encode()
                out += _varint(len(cell) + 1) + cell
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = c.compress(bytes(out)) + c.flush()
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
    chunks = {cid: decode_chunk(s[f"bo.k.{name}.{cid}"]) for cid, _ in head["chunks"]}
    # The last saved records (schema 6), each named by its chunk and place, over those.
    if "patch" in head:
        for (cid, i), r in zip(head["patched"], decode_chunk(s[f"bo.k.{name}.{head['patch']}"]), strict=True):
            chunks[cid][i] = r
    return [r for cid, _ in head["chunks"] for r in chunks[cid]]


def rewrite_list(driver, name, change):
    """Applies `change` to every stored record of a list, as another program would."""
    s = snapshot(driver)
    head = json.loads(s[f"bo.c.{name}"])
    ids = [cid for cid, _ in head["chunks"]] + ([head["patch"]] if "patch" in head else [])
    for cid in ids:
        key = f"bo.k.{name}.{cid}"
        rows = decode_chunk(s[key])
        for r in rows:
            change(r)
        driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", key, encode_chunk(head["rev"], rows))
