// Biljett's service worker: keeps the ticket pages a signed-in visitor has opened, so they
// open in a cellar venue without signal, and shows a small offline page for the rest.
//
// What it stores, and nothing else:
//   - /account/tickets and /account/tickets/<code> pages (network first, the cached copy only
//     when the network fails), kept as they load or, when a link inside the app opened them
//     (no page load for us to see), when the page asks. They are personal: every page tells
//     us whose they are (an opaque owner id, or nobody), and a change of owner drops them, as
//     does the logout response's Clear-Site-Data.
//   - /_next/static/* (cache first: those file names change whenever their content does).
//   - /offline.html.
// Only GET requests of this origin, and only 200 responses that were not redirected.

const VERSION = "v1";
const STATIC_CACHE = `biljett-static-${VERSION}`;
const TICKETS_CACHE = `biljett-tickets-${VERSION}`;
const OFFLINE_CACHE = `biljett-offline-${VERSION}`;
const CURRENT_CACHES = [STATIC_CACHE, TICKETS_CACHE, OFFLINE_CACHE];
const OFFLINE_URL = "/offline.html";
const STATIC_LIMIT = 300;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(OFFLINE_CACHE);
      await cache.add(new Request(OFFLINE_URL, { cache: "reload" }));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of earlier versions (ours start with "biljett-") go; a new version starts clean.
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith("biljett-") && !CURRENT_CACHES.includes(name)).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// Messages are handled one after another: a page's "owner" must be settled before its
// "keep-page" stores anything, or a change of owner could drop the page just kept.
let messages = Promise.resolve();
function inTurn(task) {
  messages = messages.then(task, task).catch(() => undefined);
  return messages;
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const owner = typeof data.owner === "string" && data.owner !== "" ? data.owner : null;
  if (data.type === "owner") event.waitUntil(inTurn(() => setOwner(owner)));
  else if (data.type === "keep-page" && owner && typeof data.url === "string") {
    event.waitUntil(inTurn(() => setOwner(owner).then(() => keepPage(data.url))));
  }
});

// The owner is stored in the tickets cache itself, so dropping the cache forgets both.
const OWNER_KEY = "/__biljett/offline-owner";

async function setOwner(owner) {
  const cache = await caches.open(TICKETS_CACHE);
  const stored = await cache.match(OWNER_KEY);
  // Nobody signed in: nothing personal stays. Pages kept before any owner was named count as
  // someone else's; the ticket pages ask to be kept again anyway.
  if (owner && stored && (await stored.text()) === owner) return;
  await caches.delete(TICKETS_CACHE);
  if (owner) await (await caches.open(TICKETS_CACHE)).put(OWNER_KEY, new Response(owner));
}

/** Fetches a ticket page the visitor has just seen and keeps it, as a page load would have. */
async function keepPage(href) {
  const url = new URL(href, self.location.origin);
  if (url.origin !== self.location.origin || !isTicketPage(url)) return;
  const cache = await caches.open(TICKETS_CACHE);
  // Kept moments ago by the page load itself: no second download.
  const kept = await cache.match(url.href, { ignoreVary: true });
  if (kept && Date.now() - Date.parse(kept.headers.get("Date") || "") < 15_000) return;
  let response;
  try {
    response = await fetch(new Request(url.href, { credentials: "same-origin" }));
  } catch {
    return;
  }
  await keepOrForget(cache, url.href, response);
}

/**
 * What a fresh answer means for the kept copy of a ticket page: a whole page is kept, with the
 * scripts and styles it names (it must open offline even when they were loaded before this
 * worker took control); a redirect to the login page (signed out) or a 404 (no longer this
 * visitor's ticket) removes the old copy, which must not outlive that. A 5xx changes nothing.
 */
async function keepOrForget(cache, key, response) {
  if (cacheable(response) && isHtml(response)) {
    // Copies taken before anything is awaited: the caller may hand the original to the page.
    const copy = response.clone();
    const forAssets = response.clone();
    await cache.put(key, copy);
    await cacheAssetsOf(forAssets);
  } else if (!cacheable(response) && response.status < 500) {
    await cache.delete(key, { ignoreVary: true });
  }
}

function isTicketPage(url) {
  return url.pathname === "/account/tickets" || url.pathname.startsWith("/account/tickets/");
}

function isStaticAsset(url) {
  return url.pathname.startsWith("/_next/static/");
}

/** A response worth keeping: a whole 200 from our own server, not a redirect to somewhere else. */
function cacheable(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

/** Pages only: a ticket's PDF download under the same path is not kept. */
function isHtml(response) {
  return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (isStaticAsset(url)) {
    event.respondWith(staticAsset(request));
    return;
  }
  // Only whole-page loads: Next's own data requests (RSC) fail offline and it then falls back
  // to loading the page, which comes here.
  if (request.mode !== "navigate") return;
  if (isTicketPage(url)) {
    event.respondWith(ticketPage(event));
    return;
  }
  event.respondWith(anyPage(request));
});

async function staticAsset(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) {
    await cache.put(request, response.clone());
    trimStatic(cache);
  }
  return response;
}

async function trimStatic(cache) {
  const keys = await cache.keys();
  // Oldest first: keys come back in the order they were stored.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - STATIC_LIMIT)).map((key) => cache.delete(key)));
}

/**
 * The kept copy of a ticket page: this very address, or else the same ticket in another view
 * (the door view, say, when only the normal page was opened while online), which still shows
 * the QR code.
 */
async function keptTicketPage(cache, request) {
  return (await cache.match(request, { ignoreVary: true })) || (await cache.match(request, { ignoreVary: true, ignoreSearch: true }));
}

async function ticketPage(event) {
  const { request } = event;
  const cache = await caches.open(TICKETS_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch {
    return (await keptTicketPage(cache, request)) || offlinePage();
  }
  if (response.status >= 500) {
    // The server is down rather than the network: a kept ticket still beats an error page.
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
  }
  // Stored beside the page's own download rather than before it, so the page is not slowed.
  event.waitUntil(keepOrForget(cache, request, response));
  return response;
}

async function cacheAssetsOf(response) {
  try {
    const html = await response.text();
    const paths = new Set(html.match(/\/_next\/static\/[^"'\s()<>\\]+/g) || []);
    const cache = await caches.open(STATIC_CACHE);
    await Promise.all(
      [...paths].map(async (path) => {
        const asset = new Request(path);
        if (await cache.match(asset)) return;
        try {
          const fetched = await fetch(asset);
          if (cacheable(fetched)) await cache.put(asset, fetched);
        } catch {
          // Offline again already: the next visit fills the gap.
        }
      }),
    );
  } catch {
    // Not worth failing the page for.
  }
}

async function anyPage(request) {
  try {
    return await fetch(request);
  } catch {
    return offlinePage();
  }
}

async function offlinePage() {
  const cached = await caches.match(OFFLINE_URL, { cacheName: OFFLINE_CACHE });
  return cached || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
