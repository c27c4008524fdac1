// Folds the splitter's small chunks into bigger ones (run by scripts/build-wasm.sh on
// wasm-split-cli's output, before binding and optimising).
//
// Why: the splitter makes one chunk per set of parts that share code, so 25 parts give
// ~900 chunks, most a few hundred bytes. Each costs the browser a request, a compile and
// an instantiation (asking for the first area's 83 files took 46 ms of the main thread at
// start-up), and its own headers and imports in every download.
//
// How: a chunk only imports the shared memory, function table and stack pointer, exports
// nothing and puts its functions in the table, and its data in memory, at fixed places, so
// two chunks merged into one module behave as the two did (each member's data is written
// once, when the merged file loads, into its own place). A small chunk goes into a chunk used by every part that
// uses it (and by as few others as possible): no part then downloads less than it needs,
// and the few others download the small one too. The loader (__wasm_split.js) is rewritten
// so each part waits for the merged files instead.
//
//   node scripts/merge-chunks.mjs <split dir>     (wasm-merge on PATH)
import { execFile, execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { readFileSync, writeFileSync, statSync, unlinkSync, renameSync } from "node:fs";
import { join } from "node:path";

// Measured on this app's 25 parts (each part's files brotli-compressed, summed): these
// left 168 files of 891, the first area 14 files instead of 94 and every part smaller;
// merging more made the parts bigger again (the Today view's reminders 270 KB with 86 files).
// A chunk at least this big (bytes, before optimising) stays a file of its own.
const SMALL = 20000;
// At most this many parts that did not use a small chunk download it once merged into its
// host (a host folded in turn into a bigger chunk takes what it holds along)...
const MAX_EXTRA_USERS = 3;
// ...unless it is tiny: then any part that uses its host may download it.
const TINY = 3000;
const FEATURES = ["--enable-bulk-memory", "--enable-bulk-memory-opt", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];

const dir = process.argv[2];
const loaderPath = join(dir, "__wasm_split.js");
let js = readFileSync(loaderPath, "utf8");

// Each chunk's loader is preceded by a comment naming the parts that use it.
const CHUNK = /\/\* ([^*]*) \*\/\nconst __(chunk_\d+) = makeLoad\(\(\) => \{\n[^]*?\n\}\n, \[\]\);\n/g;
const chunks = new Map();
for (const m of js.matchAll(CHUNK)) {
  chunks.set(m[2], { users: new Set(m[1].split(",").map((s) => s.trim())), size: statSync(join(dir, `${m[2]}.wasm`)).size, text: m[0] });
}
// Every chunk loader must have been read whole (a loader with dependencies, which the
// pattern does not expect, would make it run on into the next one).
const defined = (text) => new Set([...text.matchAll(/const __(chunk_\d+) = makeLoad/g)].map((m) => m[1]));
if (chunks.size === 0 || defined(js).size !== chunks.size || [...chunks.values()].some((c) => defined(c.text).size !== 1)) {
  throw new Error("merge-chunks: the chunk loaders in __wasm_split.js are not as expected (has wasm-split-cli's output changed?)");
}

const within = (small, big) => [...small].every((u) => big.has(u));
const host = new Map(); // chunk -> the chunk it was merged into
const members = new Map([...chunks.keys()].map((c) => [c, [c]]));
for (const [name, c] of [...chunks].sort((a, b) => a[1].size - b[1].size)) {
  if (c.size >= SMALL) continue;
  let best;
  for (const [other, o] of chunks) {
    if (other === name || host.has(other) || o.users.size <= c.users.size || !within(c.users, o.users)) continue;
    const extra = o.users.size - c.users.size;
    if (extra > MAX_EXTRA_USERS && c.size >= TINY) continue;
    // Fewest parts downloading it for nothing, then the biggest file to join.
    if (!best || extra < best.extra || (extra === best.extra && o.size > best.size)) best = { other, extra, size: o.size };
  }
  if (best) {
    host.set(name, best.other);
    members.get(best.other).push(...members.get(name));
    members.delete(name);
  }
}

// The shared things every chunk imports, with their limits read from a chunk that has them.
function leb(b, i) {
  let r = 0, s = 0, x;
  do { x = b[i++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80);
  return [r >>> 0, i];
}
function limits(b, i) {
  const flags = b[i++];
  let min, max;
  [min, i] = leb(b, i);
  if (flags & 1) [max, i] = leb(b, i);
  return [{ min, max }, i];
}
function importsOf(file) {
  const b = readFileSync(file);
  const found = {};
  for (let i = 8; i < b.length;) {
    const id = b[i];
    const [len, start] = leb(b, i + 1);
    if (id === 2) {
      let [count, k] = leb(b, start);
      for (; count > 0; count--) {
        let n;
        [n, k] = leb(b, k); const module = b.subarray(k, k + n).toString(); k += n;
        [n, k] = leb(b, k); const field = b.subarray(k, k + n).toString(); k += n;
        const kind = b[k++];
        if (module !== "__wasm_split") throw new Error(`merge-chunks: ${file} imports from ${module}`);
        if (kind === 0) { [, k] = leb(b, k); throw new Error(`merge-chunks: ${file} imports a function (${field})`); }
        if (kind === 1) { const type = b[k++]; let l; [l, k] = limits(b, k); found[field] = { kind: "table", type, ...l }; }
        else if (kind === 2) { let l; [l, k] = limits(b, k); found[field] = { kind: "memory", ...l }; }
        else if (kind === 3) { found[field] = { kind: "global", type: b[k], mutable: b[k + 1] }; k += 2; }
        else throw new Error(`merge-chunks: ${file} imports ${field} of kind ${kind}`);
      }
    }
    i = start + len;
  }
  return found;
}
// The largest minimum any chunk declares: every chunk then finds what it declared.
const shared = {};
for (const name of chunks.keys()) {
  for (const [field, s] of Object.entries(importsOf(join(dir, `${name}.wasm`)))) {
    if (!shared[field] || (s.min ?? 0) > (shared[field].min ?? 0)) shared[field] = s;
  }
}
const kinds = Object.values(shared).map((s) => s.kind);
if (new Set(kinds).size !== kinds.length) throw new Error(`merge-chunks: two shared imports of one kind (${kinds.join(", ")})`);
for (const [field, s] of Object.entries(shared)) {
  if (s.kind === "table" && s.type !== 0x70) throw new Error(`merge-chunks: table ${field} is not funcref`);
  if (s.kind === "global" && (s.type !== 0x7f || s.mutable !== 1)) throw new Error(`merge-chunks: global ${field} is not a mutable i32`);
}

// wasm-merge links imports to a module of that name: a stand-in named "__wasm_split" takes
// the shared things from "__wasm_splix" and hands them on, so the merged module imports each
// once; the name is then put back (same length, so the bytes only change in place).
const lim = (s) => `${s.min}${s.max === undefined ? "" : ` ${s.max}`}`;
const stub = ["(module"];
for (const [field, s] of Object.entries(shared)) {
  const ty = s.kind === "table" ? `(table $${s.kind} ${lim(s)} funcref)` : s.kind === "memory" ? `(memory $${s.kind} ${lim(s)})` : `(global $${s.kind} (mut i32))`;
  stub.push(` (import "__wasm_splix" "${field}" ${ty})`);
}
for (const [field, s] of Object.entries(shared)) stub.push(` (export "${field}" (${s.kind} $${s.kind}))`);
stub.push(")");
const stubWat = join(dir, "merge-stub.wat"), stubWasm = join(dir, "merge-stub.wasm");
writeFileSync(stubWat, stub.join("\n"));
execFileSync("wasm-as", [...FEATURES, stubWat, "-o", stubWasm]);

// One wasm-merge per merged file, as many at once as the machine has cores.
const run = promisify(execFile);
async function merge(name, group) {
  const out = join(dir, `${name}.merged.wasm`);
  const inputs = group.flatMap((m, i) => [join(dir, `${m}.wasm`), `m${i}`]);
  try {
    await run("wasm-merge", [...FEATURES, stubWasm, "__wasm_split", ...inputs, "-o", out], { maxBuffer: 1 << 26 });
  } catch (e) {
    throw new Error(`merge-chunks: wasm-merge of ${group.join(" ")} failed:\n${e.stderr || e.message}`);
  }
  const bytes = readFileSync(out);
  const from = Buffer.from("\x0c__wasm_splix"), to = Buffer.from("\x0c__wasm_split");
  for (let i = bytes.indexOf(from); i !== -1; i = bytes.indexOf(from, i + 1)) to.copy(bytes, i);
  writeFileSync(out, bytes);
  // Read back: the merged module imports the shared things once each, from "__wasm_split".
  const got = Object.keys(importsOf(out)).sort().join();
  if (got !== Object.keys(shared).sort().join()) throw new Error(`merge-chunks: ${name} merged imports ${got}`);
  for (const m of group) unlinkSync(join(dir, `${m}.wasm`));
  renameSync(out, join(dir, `${name}.wasm`));
}
const jobs = [...members].filter(([, group]) => group.length > 1);
const merged = jobs.reduce((n, [, group]) => n + group.length - 1, 0);
await Promise.all(Array.from({ length: availableParallelism() }, async () => {
  for (let job = jobs.shift(); job; job = jobs.shift()) await merge(...job);
}));
unlinkSync(stubWat);
unlinkSync(stubWasm);

// The loader: merged chunks lose their own loader; parts wait for their hosts instead.
const root = (c) => (host.has(c) ? root(host.get(c)) : c);
for (const [name, c] of chunks) if (host.has(name)) js = js.replace(c.text, "");
js = js.replace(/\[((?:__chunk_\d+, ?)*__chunk_\d+,? ?)\]/g, (_, list) => {
  const deps = [...new Set(list.split(",").map((s) => s.trim()).filter(Boolean).map((d) => `__${root(d.slice(2))}`))];
  return `[${deps.join(", ")}]`;
});
const left = defined(js);
for (const m of js.matchAll(/__(chunk_\d+)\b/g)) {
  if (!left.has(m[1])) throw new Error(`merge-chunks: ${m[1]} is named in the loader but no longer loaded`);
}
writeFileSync(loaderPath, js);
console.log(`[merge-chunks] ${chunks.size} chunks -> ${chunks.size - merged} files`);
