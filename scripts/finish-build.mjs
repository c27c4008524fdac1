// Trunk post-build hook, in Trunk's staging folder before it becomes dist/:
// 1. release builds: minifies the JS loaders with terser (Trunk's minifier cannot parse
//    wasm-bindgen's);
// 2. renames the wasm folder (web-pkg/) by a hash of what it holds, pkg-<hash>/, and points
//    index.html at it: after a deploy a browser never mixes one build's shell with another
//    build's area parts, and an unchanged build keeps its name (and its cache);
// 3. adds a Content-Security-Policy allowing the inline scripts by their hashes;
// 4. writes sw.js, the service worker that caches every file of this build (the shell and
//    every area) under the build's own version, so a second visit works offline and
//    downloads nothing when nothing changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const dir = process.env.TRUNK_STAGING_DIR;
const pkg = join(dir, "web-pkg");
const release = process.env.TRUNK_PROFILE === "release";

if (release) {
  const tools = process.env.BO_TOOLS || join(process.env.HOME, ".cache/backoffice");
  let minify = null;
  try {
    ({ minify } = createRequire(join(tools, "terser/"))("terser"));
  } catch {
    console.warn(`[finish-build] terser not found under ${tools}/terser; run scripts/setup.sh. JS left unminified.`);
  }
  for (const name of minify ? readdirSync(pkg).filter((f) => f.endsWith(".js")) : []) {
    const path = join(pkg, name);
    const before = readFileSync(path, "utf8");
    const out = await minify(before, { module: true, compress: true, mangle: true });
    writeFileSync(path, out.code);
    console.log(`[finish-build] ${name}: ${before.length} → ${out.code.length} bytes`);
  }
}

const hash = createHash("sha256");
for (const name of readdirSync(pkg).sort()) {
  hash.update(name).update("\0").update(readFileSync(join(pkg, name))).update("\0");
}
const folder = `pkg-${hash.digest("hex").slice(0, 12)}`;
renameSync(pkg, join(dir, folder));
const htmlPath = join(dir, "index.html");
const html = readFileSync(htmlPath, "utf8");
if (!html.includes("./web-pkg/")) throw new Error("index.html does not load ./web-pkg/");
const linked = html.split("./web-pkg/").join(`./${folder}/`);
console.log(`[finish-build] wasm and loaders in ${folder}/`);

// A Content-Security-Policy: the page runs only this build's own files and its inline
// scripts, each allowed by the hash of its final text (so the policy follows any edit).
const inline = [...linked.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
// Right after the charset, before anything the policy governs (minified HTML has no <head>).
const charset = /<meta charset[^>]*>/i;
if (!charset.test(linked)) throw new Error("index.html has no <meta charset> to put the policy after");
writeFileSync(htmlPath, linked.replace(charset, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`));
console.log(`[finish-build] Content-Security-Policy with ${hashes.length} inline script hashes`);

const files = [];
const walk = (sub) => {
  for (const e of readdirSync(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) walk(rel);
    else if (rel !== "sw.js") files.push(rel);
  }
};
walk("");
files.sort();
const version = createHash("sha256");
for (const f of files) version.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
const sw = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8")
  .replace("__VERSION__", `bo-${version.digest("hex").slice(0, 12)}`)
  .replace("__FILES__", JSON.stringify(["./", ...files.map((f) => `./${f}`)]));
writeFileSync(join(dir, "sw.js"), sw);
console.log(`[finish-build] sw.js caches ${files.length} files`);
