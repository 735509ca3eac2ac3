// Biljett's service worker: keeps the signed-in visitor's ticket pages, so they open in a
// cellar venue without signal, and shows a small offline page for the rest.
//
// What it stores, and nothing else:
//   - /account/tickets and /account/tickets/<code> pages, Swedish or under /en (network first,
//     the cached copy only when the network fails). Kept as they load; when a link inside the
//     app opened one (no page load for us to see), when the page asks; and, as soon as we learn
//     who is signed in, every usable ticket of theirs for an upcoming event, in both views
//     (plain and ?view=door), read from /api/v1/me/tickets: a ticket never opened on this
//     phone, one bought for a friend, opens offline too. They are personal: every page tells
//     us whose they are (an opaque owner id, or nobody), and a change of owner drops them, as
//     does the logout response's Clear-Site-Data. A ticket no longer held or usable goes.
//   - /_next/static/* (cache first: those file names change whenever their content does).
//   - The offline page in each language and the logo it shows.
// Only GET requests of this origin, and only 200 responses that were not redirected.

const VERSION = "v1";
const STATIC_CACHE = `biljett-static-${VERSION}`;
const TICKETS_CACHE = `biljett-tickets-${VERSION}`;
const OFFLINE_CACHE = `biljett-offline-${VERSION}`;
const CURRENT_CACHES = [STATIC_CACHE, TICKETS_CACHE, OFFLINE_CACHE];
const OFFLINE_PAGES = { sv: "/offline.html", en: "/en/offline.html" };
const OFFLINE_LOGO = "/icons/icon-192.png";
const OFFLINE_FILES = [OFFLINE_PAGES.sv, OFFLINE_PAGES.en, OFFLINE_LOGO];
const STATIC_LIMIT = 300;
const TICKETS_API = "/api/v1/me/tickets";
// How often a page view may have us ask the server for the visitor's tickets again: after
// a change of owner at once, on My tickets (where a new purchase shows up) after 15 s, on any
// other page after 10 min. A kept ticket page older than 6 h is fetched afresh.
const SYNC_AFTER_OWNER_MS = 10 * 60_000;
const SYNC_AFTER_LIST_MS = 15_000;
const REFRESH_AFTER_MS = 6 * 60 * 60_000;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(OFFLINE_CACHE);
      await cache.addAll(OFFLINE_FILES.map((url) => new Request(url, { cache: "reload" })));
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
  if (data.type === "owner") {
    const locale = data.locale === "en" ? "en" : "sv";
    event.waitUntil(
      inTurn(async () => {
        const changed = await setOwner(owner);
        if (owner) await syncTickets(locale, changed ? 0 : SYNC_AFTER_OWNER_MS);
      }),
    );
  } else if (data.type === "keep-page" && owner && typeof data.url === "string") {
    event.waitUntil(
      inTurn(async () => {
        await setOwner(owner);
        await keepPage(data.url);
        const url = new URL(data.url, self.location.origin);
        if (url.origin === self.location.origin && ticketPath(url.pathname)?.list) await syncTickets(localeOf(url.pathname), SYNC_AFTER_LIST_MS);
      }),
    );
  }
});

// The owner is stored in the tickets cache itself, so dropping the cache forgets both.
const OWNER_KEY = "/__biljett/offline-owner";
// When the tickets were last read from the API, and in which language their pages were kept.
const SYNCED_KEY = "/__biljett/synced";

/** Settles whose tickets the cache holds; true when that changed (the cache then starts empty). */
async function setOwner(owner) {
  const cache = await caches.open(TICKETS_CACHE);
  const stored = await cache.match(OWNER_KEY);
  // Nobody signed in: nothing personal stays. Pages kept before any owner was named count as
  // someone else's; the ticket pages ask to be kept again anyway.
  if (owner && stored && (await stored.text()) === owner) return false;
  await caches.delete(TICKETS_CACHE);
  if (owner) await (await caches.open(TICKETS_CACHE)).put(OWNER_KEY, new Response(owner));
  return true;
}

/**
 * Reads the signed-in visitor's tickets and keeps a page, plain and door view, for each usable
 * ticket of an upcoming event (the event has not ended), and then My tickets; forgets kept pages of
 * tickets that are no longer theirs or no longer usable (passed on, cancelled, voided). The
 * request carries the session cookie: the answer is the owner's as long as they are signed in,
 * and a page fetched after someone else signed in is a 404, which keeps nothing.
 */
async function syncTickets(locale, notWithinMs) {
  const cache = await caches.open(TICKETS_CACHE);
  const synced = await cache.match(SYNCED_KEY);
  if (synced && notWithinMs > 0) {
    const last = await synced.json().catch(() => ({}));
    if (last.locale === locale && Date.now() - last.at < notWithinMs) return;
  }
  let orders;
  try {
    const answer = await fetch(new Request(TICKETS_API, { credentials: "same-origin", headers: { Accept: "application/json" } }));
    // 401: signed out meanwhile; the next page says so and everything goes.
    if (answer.status !== 200) return;
    orders = (await answer.json()).orders;
    if (!Array.isArray(orders)) return;
  } catch {
    return;
  }
  await cache.put(SYNCED_KEY, new Response(JSON.stringify({ at: Date.now(), locale }), { headers: { "Content-Type": "application/json" } }));

  const usable = new Set();
  const upcoming = [];
  const now = new Date().toISOString();
  for (const order of orders) {
    for (const ticket of Array.isArray(order.tickets) ? order.tickets : []) {
      if (!ticket.usable || typeof ticket.code !== "string") continue;
      usable.add(ticket.code);
      if (order.event && order.event.endsAt > now) upcoming.push(ticket.code);
    }
  }
  for (const request of await cache.keys()) {
    const path = ticketPath(new URL(request.url).pathname);
    if (path && path.code && !usable.has(path.code)) await cache.delete(request, { ignoreVary: true });
  }
  const prefix = locale === "en" ? "/en" : "";
  // My tickets too, where the visitor looks first; nothing at all for someone with nothing ahead.
  const pages = upcoming.length > 0 ? [`${prefix}/account/tickets`] : [];
  for (const code of upcoming) {
    const page = `${prefix}/account/tickets/${encodeURIComponent(code)}`;
    pages.push(page, `${page}?view=door`);
  }
  // One at a time: a large order must not arrive at the server as a burst.
  for (const page of pages) await keepPage(page, REFRESH_AFTER_MS);
}

/**
 * Fetches a ticket page and keeps it, as a page load would have, unless a copy younger than
 * `freshMs` is kept already (by default: kept moments ago by the page load itself).
 */
async function keepPage(href, freshMs = 15_000) {
  const url = new URL(href, self.location.origin);
  if (url.origin !== self.location.origin || !isTicketPage(url)) return;
  const cache = await caches.open(TICKETS_CACHE);
  const kept = await cache.match(url.href, { ignoreVary: true });
  if (kept && Date.now() - Date.parse(kept.headers.get("Date") || "") < freshMs) return;
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

function localeOf(pathname) {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "sv";
}

/**
 * A path under My tickets, in either language: { list } for My tickets itself, { code } for one
 * ticket's page, {} for anything else beneath (an order, a PDF); null outside.
 */
function ticketPath(pathname) {
  const match = /^(?:\/en)?\/account\/tickets(\/.*)?$/.exec(pathname);
  if (!match) return null;
  const rest = match[1] || "";
  if (rest === "" || rest === "/") return { list: true };
  const code = /^\/([^/]+)$/.exec(rest);
  if (code && code[1] !== "orders") {
    try {
      return { code: decodeURIComponent(code[1]) };
    } catch {
      return {};
    }
  }
  return {};
}

function isTicketPage(url) {
  return ticketPath(url.pathname) !== null;
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
  if (request.mode !== "navigate" && OFFLINE_FILES.includes(url.pathname)) {
    // The offline page's logo (and the page itself, asked for directly): kept since install.
    event.respondWith(offlineFile(request, url.pathname));
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
  const url = new URL(request.url);
  const cache = await caches.open(TICKETS_CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch {
    return (await keptTicketPage(cache, request)) || offlinePage(url.pathname);
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
    return offlinePage(new URL(request.url).pathname);
  }
}

/** The offline page in the language of the address the visitor asked for. */
async function offlinePage(pathname) {
  const cached = await caches.match(OFFLINE_PAGES[localeOf(pathname)], { cacheName: OFFLINE_CACHE });
  return cached || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function offlineFile(request, pathname) {
  try {
    return await fetch(request);
  } catch {
    const cached = await caches.match(pathname, { cacheName: OFFLINE_CACHE });
    if (cached) return cached;
    throw new TypeError("Offline");
  }
}
