#!/usr/bin/env python3
"""What a part of the release wasm is made of: its code by crate and module, after the same
split, binding and optimisation as scripts/build-wasm.sh, but with function names kept.

    python bench/wasm_parts.py                      # the shell, by crate
    python bench/wasm_parts.py --depth 3 --only backoffice
    python bench/wasm_parts.py --part split_contacts --depth 2
    python bench/wasm_parts.py --copies reminders               # code built once per closure or type
    python bench/wasm_parts.py --copies contacts --after reminders

Run after a release build (`release trunk build --release`, scripts/setup.sh). Each group's
brotli figure is the group compressed alone: a guide to where the bytes are, not a sum of
the part's size (compressed together, the part is smaller).

`--copies` reads the split before optimising (fast, sizes raw): a part's own file and every
chunk it loads, less those `--after` loaded first, grouped by function with its hash and
generic arguments left out. Many copies of one function are code built again for each
closure or type it is given: `LocalKey::with` inside a generic function, `RwSignal::with`
per closure, a keyed `<For>` per item type (README, "Size")."""
import argparse
import collections
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parent.parent
WASM = ROOT / "target/release-wasm/wasm32-unknown-unknown/release/backoffice.wasm"
FEATURES = ["--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
            "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]
        n, j = leb(b, i + 1)
        yield sid, j, n
        i = j + n


def functions(path):
    """(name, body bytes) of every function defined in the module, and its data's size."""
    b = Path(path).read_bytes()
    imported, bodies, names, data = 0, [], {}, 0
    for sid, s, n in sections(b):
        if sid == 2:  # imports: functions among them come first in the index space
            count, j = leb(b, s)
            for _ in range(count):
                for _ in range(2):
                    ln, j = leb(b, j)
                    j += ln
                kind = b[j]
                j += 1
                if kind == 0:
                    _, j = leb(b, j)
                    imported += 1
                elif kind in (1, 2):
                    j += 1 if kind == 1 else 0
                    flags, j = leb(b, j)
                    _, j = leb(b, j)
                    if flags & 1:
                        _, j = leb(b, j)
                elif kind == 3:
                    j += 2
                elif kind == 4:
                    j += 1
                    _, j = leb(b, j)
        elif sid == 10:
            count, j = leb(b, s)
            for _ in range(count):
                ln, j = leb(b, j)
                bodies.append(b[j:j + ln])
                j += ln
        elif sid == 11:
            data = n
        elif sid == 0:
            ln, j = leb(b, s)
            if b[j:j + ln] == b"name":
                j += ln
                while j < s + n:
                    sub = b[j]
                    size, j = leb(b, j + 1)
                    if sub == 1:
                        count, k = leb(b, j)
                        for _ in range(count):
                            idx, k = leb(b, k)
                            ln, k = leb(b, k)
                            names[idx] = b[k:k + ln].decode("utf-8", "replace")
                            k += ln
                    j += size
    return [(names.get(imported + i, "?"), body) for i, body in enumerate(bodies)], data


def path_of(name):
    """A mangled name's path (crate::module::…), legacy or v0 mangling, roughly."""
    if name.startswith("_ZN") or name.startswith("ZN"):
        i, parts = name.index("ZN") + 2, []
        while i < len(name) and name[i].isdigit():
            j = i
            while name[j].isdigit():
                j += 1
            ln = int(name[i:j])
            parts.append(name[j:j + ln])
            i = j + ln
        parts = [p.replace("$LT$", "<").replace("$GT$", ">").replace("$u20$", " ").replace("..", "::") for p in parts]
        if parts and parts[0].lstrip("_").startswith("<"):
            # An impl: named by the type it is for.
            parts = [p for p in parts[0].lstrip("_<").split(" as ")[0].split("::") if p] + parts[1:]
        return parts
    if name.startswith("_R"):
        return [m.group(2)[:int(m.group(1))] for m in re.finditer(r"(\d+)([A-Za-z_]\w*)", name)]
    return [name]


def optimised_part(part):
    """The part split, bound and optimised as the release build does, names kept."""
    tmp = Path(tempfile.mkdtemp(prefix="bo-parts-"))
    try:
        subprocess.run(["wasm-split-cli", "--target", "web", "--out-name", "backoffice", str(WASM), str(tmp / "split")],
                       check=True, stdout=subprocess.DEVNULL)
        src = tmp / "split" / f"{part}.wasm"
        if part == "backoffice":
            subprocess.run(["wasm-bindgen", "--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript",
                            "--out-dir", str(tmp / "bg"), "--out-name", "backoffice", str(src)], check=True)
            src = tmp / "bg" / "backoffice_bg.wasm"
        out = tmp / "named.wasm"
        wasm_opt = os.environ.get("WASM_OPT", "wasm-opt")
        subprocess.run([wasm_opt, *FEATURES, "-g", "-Oz", "--reorder-functions-by-name", str(src), "-o", str(out)],
                       check=True, stderr=subprocess.DEVNULL)
        return out.read_bytes(), functions(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def part_files(split_dir, part):
    """A part's own file and the chunks it loads, from the splitter's loader."""
    js = (split_dir / "__wasm_split.js").read_text()
    m = re.search(r"__wasm_split_load_" + part + r' = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\./(\w+)\.wasm".*?\n, \[([^\]]*)\]',
                  js, re.S)
    if not m:
        raise SystemExit(f"no part named {part} in {split_dir}")
    return [m.group(1)] + [c.strip().replace("__chunk_", "chunk_") for c in m.group(2).split(",") if c.strip()]


def copies(part, after):
    tmp = Path(tempfile.mkdtemp(prefix="bo-parts-"))
    try:
        subprocess.run(["wasm-split-cli", "--target", "web", "--out-name", "backoffice", str(WASM), str(tmp)],
                       check=True, stdout=subprocess.DEVNULL)
        seen = set(part_files(tmp, after)) if after else set()
        files = [f for f in part_files(tmp, part) if f not in seen]
        groups = collections.defaultdict(list)
        for f in files:
            for name, body in functions(tmp / f"{f}.wasm")[0]:
                key = re.sub(r"17h[0-9a-f]{16}E.*$", "", name)
                groups[re.sub(r"\$LT\$[^:]*\$GT\$", "<>", key)[:150]].append(len(body))
        total = sum(sum(v) for v in groups.values())
        print(f"{part}{' after ' + after if after else ''}: {len(files)} files, {total:,} B of code before optimising")
        print(f"{'code':>9} {'copies':>6}  function")
        for key, sizes in sorted(groups.items(), key=lambda g: -sum(g[1]))[:40]:
            print(f"{sum(sizes):9,} {len(sizes):6}  {key}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", metavar="PART", help="a part's code by function, with how many copies of each")
    ap.add_argument("--after", metavar="PART", help="with --copies: less what this part loaded first")
    ap.add_argument("--part", default="backoffice", help="backoffice (the shell), split_<area> or chunk_<n>")
    ap.add_argument("--depth", type=int, default=1, help="path segments a group keeps")
    ap.add_argument("--only", help="only functions of this crate")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    if args.copies:
        return copies(args.copies, args.after)
    whole, (funcs, data) = optimised_part(args.part)
    groups = collections.defaultdict(list)
    for name, body in funcs:
        p = path_of(name)
        if args.only and (not p or p[0] != args.only):
            continue
        groups["::".join(p[:args.depth])].append(body)
    code = sum(len(b) for _, b in funcs)
    print(f"{args.part}: {len(whole):,} B, brotli {len(brotli.compress(whole, quality=11)):,} B; "
          f"code {code:,} B in {len(funcs):,} functions, data {data:,} B")
    print(f"{'code':>9} {'brotli':>8}  group")
    ranked = sorted(groups.items(), key=lambda g: -sum(map(len, g[1])))
    for key, bodies in ranked[:args.top]:
        joined = b"".join(bodies)
        print(f"{len(joined):9,} {len(brotli.compress(joined, quality=11)):8,}  {key}")


if __name__ == "__main__":
    main()
