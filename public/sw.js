// Kohtaamo's door, kept on the tablet so that today's session screen opens
// without a network. Written by hand rather than with a library: what is kept
// is a rule of ours, not a build's file list. Nothing is precached; only:
//
// - the staff door pages (/{locale}/host and /{locale}/host/sessions/{id}),
//   network first, the last good copy when the network is away. A page is
//   kept only when it says so (<meta name="kohtaamo-offline" content="keep">,
//   which a door page renders only while its session is open: the roster's
//   nicknames are on it). Any other answer removes the kept copy. A door
//   page never kept here answers, without a network, with a short page in
//   the staff member's language (its words come from the door page, which
//   has the translations), not the browser's own error.
// - Next's own files under /_next/static, cache first: their names carry a
//   hash of their content, so a kept copy is never stale, and a new build
//   asks for new names.
//
// Nothing else is touched: API answers (the door's live state, the changes
// sent from IndexedDB), parents' pages and everything else go to the network
// as if there were no service worker. Signing out deletes both caches
// (components/host/door/outbox.ts).

const PAGES = "door-pages-v1";
const STATIC = "door-static-v1";
const STATIC_MAX = 300;
const DOOR_PAGE = /^\/(fi|sv|en)\/host(\/sessions\/\d+)?\/?$/;
const KEEP = /<meta name="kohtaamo-offline" content="keep"/;
/** Where the "no network" page of each language is kept, beside the door pages: not a route of the app. */
const offlineKey = (lang) => `/${lang}/host/offline`;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of an earlier version of this file go.
      for (const name of await caches.keys()) if (name.startsWith("door-") && name !== PAGES && name !== STATIC) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) event.respondWith(cacheFirst(request));
  else if (request.mode === "navigate" && DOOR_PAGE.test(url.pathname)) event.respondWith(networkFirst(event, url.pathname));
});

/** The page keeps working on the network; a copy is kept, or dropped, by what the page says of itself. */
async function networkFirst(event, key) {
  try {
    const response = await fetch(event.request);
    // Read and kept beside the page as it streams to the screen, not before it.
    event.waitUntil(keepOrDrop(key, response.clone()));
    return response;
  } catch {
    const pages = await caches.open(PAGES);
    return (await pages.match(key)) ?? (await pages.match(offlineKey(key.split("/")[1]))) ?? Response.error();
  }
}

async function keepOrDrop(key, response) {
  const pages = await caches.open(PAGES);
  // A redirect (signed out) or an error is never kept, and the copy from before goes.
  const keep = response.ok && response.type === "basic" && !response.redirected && KEEP.test(await response.clone().text());
  if (keep) await pages.put(key, response);
  else await pages.delete(key);
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    await trim(cache);
  }
  return response;
}

/** Files of old builds pile up: the oldest go first once there are too many. */
async function trim(cache) {
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - STATIC_MAX))) await cache.delete(old);
}

// The door page, once loaded, names itself and the files it loaded before this worker was in charge
// (the first visit, or a client-side navigation that fetched no HTML): they are fetched and kept now.
self.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "keep") return;
  event.waitUntil(
    (async () => {
      if (data.offline) await keepOfflinePage(data.offline);
      const cache = await caches.open(STATIC);
      for (const asset of data.assets ?? []) {
        const url = new URL(asset, self.location.origin);
        if (url.origin !== self.location.origin || !url.pathname.startsWith("/_next/static/")) continue;
        if (!(await cache.match(url.href))) {
          const response = await fetch(url.href).catch(() => null);
          if (response?.ok) await cache.put(url.href, response);
        }
      }
      await trim(cache);
      if (typeof data.page === "string" && DOOR_PAGE.test(data.page) && !(await (await caches.open(PAGES)).match(data.page))) {
        const response = await fetch(data.page, { credentials: "same-origin", redirect: "manual" }).catch(() => null);
        if (response) await keepOrDrop(data.page, response);
      }
    })(),
  );
});

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The "no network" page: plain HTML, no script or style, a link that tries the same address again. */
async function keepOfflinePage({ lang, title, body, retry }) {
  if (!["fi", "sv", "en"].includes(lang)) return;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Kohtaamo</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="">${escapeHtml(retry)}</a></p></main></body></html>`;
  const headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  };
  await (await caches.open(PAGES)).put(offlineKey(lang), new Response(html, { headers }));
}
