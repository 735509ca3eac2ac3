// public/sw.js run in a stand-in for the browser's service worker scope: the Cache API and
// fetch are in-memory fakes with the browser's semantics for what the worker uses. The real
// browser run is tests/e2e/offline-tickets.e2e.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

const source = readFileSync(path.resolve(__dirname, "../../public/sw.js"), "utf8");
const origin = "https://biljett.example";

type Handler = (event: unknown) => void;

function keyOf(input: Request | string): string {
  return new URL(typeof input === "string" ? input : input.url, origin).href;
}

class FakeCache {
  entries = new Map<string, { body: ArrayBuffer; init: ResponseInit }>();
  async match(input: Request | string, options: { ignoreSearch?: boolean } = {}) {
    let key = keyOf(input);
    if (options.ignoreSearch && !this.entries.has(key)) {
      const bare = (url: string) => url.replace(/\?.*$/, "");
      key = [...this.entries.keys()].find((stored) => bare(stored) === bare(key)) ?? key;
    }
    const entry = this.entries.get(key);
    return entry ? new Response(entry.body.slice(0), entry.init) : undefined;
  }
  async put(input: Request | string, response: Response) {
    const body = await response.arrayBuffer();
    this.entries.delete(keyOf(input));
    this.entries.set(keyOf(input), { body, init: { status: response.status, headers: Object.fromEntries(response.headers) } });
  }
  async add(input: Request | string) {
    const response = await world.fetch(typeof input === "string" ? new Request(keyOf(input)) : input);
    if (!response.ok) throw new TypeError(`${response.status} for ${keyOf(input)}`);
    await this.put(input, response);
  }
  async addAll(inputs: (Request | string)[]) {
    for (const input of inputs) await this.add(input);
  }
  async delete(input: Request | string) {
    return this.entries.delete(keyOf(input));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

class FakeCacheStorage {
  stores = new Map<string, FakeCache>();
  async open(name: string) {
    if (!this.stores.has(name)) this.stores.set(name, new FakeCache());
    return this.stores.get(name)!;
  }
  async keys() {
    return [...this.stores.keys()];
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  async match(input: Request | string, options: { cacheName?: string } = {}) {
    for (const [name, cache] of this.stores) {
      if (options.cacheName && options.cacheName !== name) continue;
      const found = await cache.match(input);
      if (found) return found;
    }
    return undefined;
  }
  /** Every URL kept, by cache name. */
  snapshot() {
    return Object.fromEntries(
      [...this.stores].map(([name, cache]) => [name, [...cache.entries.keys()].map((url) => url.replace(origin, ""))]),
    );
  }
}

type Route = { status?: number; type?: string; body?: string; contentType?: string };

const world = {
  online: true,
  routes: new Map<string, Route>(),
  fetched: [] as string[],
  async fetch(request: Request): Promise<Response> {
    world.fetched.push(`${request.method} ${request.url.replace(origin, "")}`);
    if (!world.online) throw new TypeError("Failed to fetch");
    const url = new URL(request.url);
    const route = world.routes.get(`${url.pathname}${url.search}`) ?? world.routes.get(url.pathname) ?? { status: 404, body: "nope" };
    const response = new Response(route.status === 0 ? null : (route.body ?? ""), {
      status: route.status === 0 ? 200 : (route.status ?? 200),
      headers: { "Content-Type": route.contentType ?? "text/html; charset=utf-8", Date: new Date(now).toUTCString() },
    });
    // What a navigation's manual redirect looks like to a worker: opaque, status 0.
    Object.defineProperty(response, "type", { value: route.type ?? "basic" });
    if (route.status === 0) Object.defineProperty(response, "status", { value: 0 });
    return response;
  },
};

/** In a worker, relative URLs resolve against its own location. */
class ScopeRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === "string" ? new URL(input, origin).href : input, init);
  }
}

let caches: FakeCacheStorage;
let handlers: Map<string, Handler[]>;
// The worker's clock, moved by the tests.
let now = Date.parse("2026-12-06T12:00:00Z");
class ClockDate extends Date {
  constructor(...args: unknown[]) {
    super(...((args.length ? args : [now]) as [number]));
  }
  static now() {
    return now;
  }
}

async function dispatch(type: string, fields: Record<string, unknown>) {
  const pending: Promise<unknown>[] = [];
  let responded: Promise<Response> | undefined;
  const event = {
    ...fields,
    waitUntil: (promise: Promise<unknown>) => pending.push(promise),
    respondWith: (promise: Promise<Response>) => (responded = promise),
  };
  for (const handler of handlers.get(type) ?? []) handler(event);
  const response = await responded;
  await Promise.all(pending);
  // Work started inside waitUntil callbacks may add more; give it a turn to settle.
  await new Promise((resolve) => setTimeout(resolve, 10));
  return response;
}

function navigate(pathname: string) {
  // Only the browser may make a navigation request; a plain one is marked as one here.
  const request = new Request(`${origin}${pathname}`);
  Object.defineProperty(request, "mode", { value: "navigate" });
  return dispatch("fetch", { request });
}

beforeEach(async () => {
  caches = new FakeCacheStorage();
  handlers = new Map();
  now = Date.parse("2026-12-06T12:00:00Z");
  world.online = true;
  world.fetched = [];
  world.routes = new Map<string, Route>([
    ["/offline.html", { body: "<h1>Du är inte uppkopplad</h1>" }],
    ["/en/offline.html", { body: "<h1>You are offline</h1>" }],
    ["/icons/icon-192.png", { body: "PNG", contentType: "image/png" }],
    ["/account/tickets/ABC123", { body: '<h1>Biljett ABC123</h1><script src="/_next/static/chunks/app.js"></script>' }],
    ["/account/tickets", { body: "<h1>Mina biljetter</h1>" }],
    ["/account/tickets/ABC123/pdf", { body: "%PDF", contentType: "application/pdf" }],
    ["/_next/static/chunks/app.js", { body: "console.log(1)", contentType: "text/javascript" }],
    ["/events", { body: "<h1>Evenemang</h1>" }],
  ]);
  const self = {
    location: new URL(origin),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, [...(handlers.get(type) ?? []), handler]),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined },
  };
  vm.runInNewContext(source, {
    self,
    caches,
    fetch: world.fetch,
    Request: ScopeRequest,
    Response,
    Headers,
    URL,
    Set,
    Promise,
    Date: ClockDate,
    console,
  });
  await caches.open("biljett-static-v0");
  await caches.open("someone-elses-cache");
  await dispatch("install", {});
  await dispatch("activate", {});
});

describe("public/sw.js", () => {
  it("keeps the offline page on install and drops its own older caches on activate", async () => {
    expect(caches.snapshot()).toEqual({
      "someone-elses-cache": [],
      "biljett-offline-v1": ["/offline.html", "/en/offline.html", "/icons/icon-192.png"],
    });
  });

  it("shows the offline page in the language of the address, with its logo", async () => {
    world.online = false;
    const swedish = await (await navigate("/events"))!.text();
    const english = await (await navigate("/en/events"))!.text();
    expect([swedish, english]).toEqual(["<h1>Du är inte uppkopplad</h1>", "<h1>You are offline</h1>"]);
    expect(await (await navigate("/en"))!.text()).toContain("You are offline");
    expect(await (await navigate("/en/account/tickets/NEVERSEEN"))!.text()).toContain("You are offline");
    expect(await (await navigate("/account/tickets/NEVERSEEN"))!.text()).toContain("Du är inte uppkopplad");
    const logo = await dispatch("fetch", { request: new Request(`${origin}/icons/icon-192.png`) });
    expect([logo!.status, logo!.headers.get("Content-Type"), await logo!.text()]).toEqual([200, "image/png", "PNG"]);
  });

  it("serves an opened ticket page from the cache when the network is gone, with its scripts", async () => {
    const online = await navigate("/account/tickets/ABC123");
    expect(await online!.text()).toContain("Biljett ABC123");
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual(["/account/tickets/ABC123"]);
    // The scripts the page names were fetched for it, even though the page did not ask the worker.
    expect(caches.snapshot()["biljett-static-v1"]).toEqual(["/_next/static/chunks/app.js"]);

    world.online = false;
    const offline = await navigate("/account/tickets/ABC123");
    expect(await offline!.text()).toContain("Biljett ABC123");
    const script = await dispatch("fetch", { request: new Request(`${origin}/_next/static/chunks/app.js`) });
    expect(await script!.text()).toBe("console.log(1)");
  });

  it("tries the network first for a ticket page, so a fresh copy replaces the kept one", async () => {
    await navigate("/account/tickets/ABC123");
    world.routes.set("/account/tickets/ABC123", { body: "<h1>Biljett ABC123 incheckad</h1>" });
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("incheckad");
    world.online = false;
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("incheckad");
  });

  it("shows the offline page for a page that was never kept", async () => {
    world.online = false;
    expect(await (await navigate("/events"))!.text()).toContain("Du är inte uppkopplad");
    expect(await (await navigate("/account/tickets/NEVERSEEN"))!.text()).toContain("Du är inte uppkopplad");
  });

  it("keeps no other page, even one visited online", async () => {
    await navigate("/events");
    world.online = false;
    expect(await (await navigate("/events"))!.text()).toContain("Du är inte uppkopplad");
    expect(caches.snapshot()["biljett-tickets-v1"]).toBeUndefined();
  });

  it("never keeps a 404, a redirect or a PDF, and a 404 or redirect removes the kept copy", async () => {
    await navigate("/account/tickets/ABC123");
    world.routes.set("/account/tickets/ABC123", { status: 404, body: "<h1>Hittades inte</h1>" });
    expect((await navigate("/account/tickets/ABC123"))!.status).toBe(404);
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual([]);

    await navigate("/account/tickets");
    world.routes.set("/account/tickets", { status: 0, type: "opaqueredirect" });
    await navigate("/account/tickets");
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual([]);

    await navigate("/account/tickets/ABC123/pdf");
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual([]);
  });

  it("falls back to the kept ticket when the server answers with an error", async () => {
    await navigate("/account/tickets/ABC123");
    world.routes.set("/account/tickets/ABC123", { status: 502, body: "Bad gateway" });
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("Biljett ABC123");
  });

  it("leaves non-GET requests and other origins to the browser", async () => {
    world.fetched = [];
    const post = await dispatch("fetch", { request: new Request(`${origin}/account/tickets/ABC123`, { method: "POST", body: "x" }) });
    const elsewhere = await dispatch("fetch", { request: new Request("https://cdn.example/_next/static/x.js") });
    const data = await dispatch("fetch", { request: new Request(`${origin}/account/tickets/ABC123?_rsc=1`) });
    expect([post, elsewhere, data]).toEqual([undefined, undefined, undefined]);
    expect(world.fetched).toEqual([]);
  });

  it("keeps a ticket page the app opened with a link, when the page asks, with its scripts", async () => {
    await dispatch("message", { data: { type: "keep-page", url: "/account/tickets/ABC123", owner: "anna" } });
    expect(world.fetched).toContain("GET /account/tickets/ABC123");
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual(["/__biljett/offline-owner", "/account/tickets/ABC123"]);
    expect(caches.snapshot()["biljett-static-v1"]).toEqual(["/_next/static/chunks/app.js"]);
    world.online = false;
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("Biljett ABC123");
  });

  it("keeps nothing a page asks for outside the ticket pages, or for nobody", async () => {
    world.fetched = [];
    await dispatch("message", { data: { type: "keep-page", url: "/events", owner: "anna" } });
    await dispatch("message", { data: { type: "keep-page", url: "https://evil.example/account/tickets/ABC123", owner: "anna" } });
    await dispatch("message", { data: { type: "keep-page", url: "/account/tickets/ABC123" } });
    expect(world.fetched).toEqual([]);
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual(["/__biljett/offline-owner"]);
  });

  it("drops the kept tickets when someone else signs in on the device without signing out", async () => {
    await dispatch("message", { data: { type: "keep-page", url: "/account/tickets/ABC123", owner: "anna" } });
    // The same owner again (every page says so) keeps them.
    await dispatch("message", { data: { type: "owner", owner: "anna" } });
    expect(caches.snapshot()["biljett-tickets-v1"]).toContain("/account/tickets/ABC123");

    await dispatch("message", { data: { type: "owner", owner: "bertil" } });
    expect(caches.snapshot()["biljett-tickets-v1"]).toEqual(["/__biljett/offline-owner"]);
    world.online = false;
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("Du är inte uppkopplad");
  });

  it("drops the kept tickets when the page says the visitor signed out", async () => {
    await navigate("/account/tickets/ABC123");
    await dispatch("message", { data: { type: "owner", owner: null } });
    expect(caches.snapshot()["biljett-tickets-v1"]).toBeUndefined();
    world.online = false;
    expect(await (await navigate("/account/tickets/ABC123"))!.text()).toContain("Du är inte uppkopplad");
    // Scripts are not personal and stay.
    expect(caches.snapshot()["biljett-static-v1"]).toEqual(["/_next/static/chunks/app.js"]);
  });

  describe("every ticket of the signed-in visitor, opened on this phone or not", () => {
    const upcoming = { title: "Vårkonsert", startsAt: "2027-03-01T18:00:00.000Z", endsAt: "2027-03-01T21:00:00.000Z" };
    const ended = { title: "Höstkonsert", startsAt: "2026-10-01T18:00:00.000Z", endsAt: "2026-10-01T21:00:00.000Z" };
    const ticket = (code: string, usable = true) => ({ code, usable, path: `/account/tickets/${code}` });
    function answerWith(orders: unknown[]) {
      world.routes.set("/api/v1/me/tickets", { body: JSON.stringify({ orders }), contentType: "application/json" });
    }
    const apiCalls = () => world.fetched.filter((line) => line === "GET /api/v1/me/tickets").length;
    const kept = () =>
      caches
        .snapshot()
        ["biljett-tickets-v1"]?.filter((url) => !url.startsWith("/__biljett/"))
        .sort();

    beforeEach(() => {
      for (const code of ["FRIEND1", "FRIEND2", "VOID1", "OLD1"]) {
        world.routes.set(`/account/tickets/${code}`, { body: `<h1>Biljett ${code}</h1>` });
        world.routes.set(`/account/tickets/${code}?view=door`, { body: `<h1>Entré ${code}</h1>` });
        world.routes.set(`/en/account/tickets/${code}`, { body: `<h1>Ticket ${code}</h1>` });
        world.routes.set(`/en/account/tickets/${code}?view=door`, { body: `<h1>Door ${code}</h1>` });
      }
      world.routes.set("/en/account/tickets", { body: "<h1>My tickets</h1>" });
      answerWith([
        { id: "o1", event: upcoming, tickets: [ticket("FRIEND1"), ticket("FRIEND2"), ticket("VOID1", false)] },
        { id: "o2", event: ended, tickets: [ticket("OLD1")] },
      ]);
    });

    it("keeps each usable ticket of an upcoming event, in both views, as soon as it learns the owner", async () => {
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      expect(kept()).toEqual([
        "/account/tickets",
        "/account/tickets/FRIEND1",
        "/account/tickets/FRIEND1?view=door",
        "/account/tickets/FRIEND2",
        "/account/tickets/FRIEND2?view=door",
      ]);
      world.online = false;
      expect(await (await navigate("/account/tickets/FRIEND2?view=door"))!.text()).toBe("<h1>Entré FRIEND2</h1>");
      expect(await (await navigate("/account/tickets/FRIEND1"))!.text()).toBe("<h1>Biljett FRIEND1</h1>");
      expect(await (await navigate("/account/tickets/VOID1"))!.text()).toContain("Du är inte uppkopplad");
    });

    it("keeps the English pages for a visitor reading in English", async () => {
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "en" } });
      expect(kept()).toEqual([
        "/en/account/tickets",
        "/en/account/tickets/FRIEND1",
        "/en/account/tickets/FRIEND1?view=door",
        "/en/account/tickets/FRIEND2",
        "/en/account/tickets/FRIEND2?view=door",
      ]);
      world.online = false;
      expect(await (await navigate("/en/account/tickets/FRIEND1?view=door"))!.text()).toBe("<h1>Door FRIEND1</h1>");
    });

    it("asks the server once per owner, again after a while, and soon again on My tickets", async () => {
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      expect(apiCalls()).toBe(1);
      // Nothing is downloaded twice while the kept copies are fresh.
      const pageLoads = world.fetched.filter((line) => line.startsWith("GET /account/tickets/")).length;

      now += 16_000;
      await dispatch("message", { data: { type: "keep-page", url: "/account/tickets", owner: "anna" } });
      expect(apiCalls()).toBe(2);
      await dispatch("message", { data: { type: "keep-page", url: "/account/tickets/FRIEND1", owner: "anna" } });
      expect(apiCalls()).toBe(2);
      expect(world.fetched.filter((line) => line.startsWith("GET /account/tickets/")).length).toBe(pageLoads + 1);

      now += 11 * 60_000;
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      expect(apiCalls()).toBe(3);
      await dispatch("message", { data: { type: "owner", owner: "bertil", locale: "sv" } });
      expect(apiCalls()).toBe(4);
    });

    it("forgets a kept ticket once it is passed on or voided, and keeps a new one", async () => {
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      answerWith([{ id: "o1", event: upcoming, tickets: [ticket("FRIEND1", false), ticket("FRIEND3")] }]);
      world.routes.set("/account/tickets/FRIEND3", { body: "<h1>Biljett FRIEND3</h1>" });
      world.routes.set("/account/tickets/FRIEND3?view=door", { body: "<h1>Entré FRIEND3</h1>" });
      now += 16_000;
      await dispatch("message", { data: { type: "keep-page", url: "/account/tickets", owner: "anna" } });
      expect(kept()).toEqual(["/account/tickets", "/account/tickets/FRIEND3", "/account/tickets/FRIEND3?view=door"]);
    });

    it("keeps nothing when the server does not know the visitor or there is nothing ahead, and nothing at all once signed out", async () => {
      world.routes.set("/api/v1/me/tickets", { status: 401, body: "{}", contentType: "application/json" });
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      expect(kept()).toEqual([]);
      answerWith([{ id: "o2", event: ended, tickets: [ticket("OLD1")] }]);
      now += 11 * 60_000;
      await dispatch("message", { data: { type: "owner", owner: "anna", locale: "sv" } });
      expect(kept()).toEqual([]);

      answerWith([{ id: "o1", event: upcoming, tickets: [ticket("FRIEND1")] }]);
      await dispatch("message", { data: { type: "owner", owner: "bertil", locale: "sv" } });
      expect(kept()).toHaveLength(3);
      world.fetched = [];
      await dispatch("message", { data: { type: "owner", owner: null } });
      expect([kept(), world.fetched]).toEqual([undefined, []]);
    });
  });
});
