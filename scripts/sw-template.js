// Back Office's service worker (scripts/finish-build.mjs fills in the version and the
// files). Cache first: this build's files never change under their names, and a new build
// is a new version with its own cache.
const VERSION = "__VERSION__";
const FILES = __FILES__;

self.addEventListener("install", (e) => {
  // Not skipWaiting(): a new version waits until the page's user chooses to reload.
  e.waitUntil(caches.open(VERSION).then((c) => c.addAll(FILES)));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("bo-") && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (e) => {
  if (e.data === "activate") self.skipWaiting();
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || new URL(req.url).origin !== location.origin) return;
  // A page load (any ?lang=…) is the app's index.html.
  const key = req.mode === "navigate" ? new URL("./", self.registration.scope).href : req;
  e.respondWith(caches.open(VERSION).then((c) => c.match(key, { ignoreSearch: req.mode === "navigate" })).then((hit) => hit || fetch(req)));
});
