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
  async match(input: Request | string) {
    const entry = this.entries.get(keyOf(input));
    return entry ? new Response(entry.body.slice(0), entry.init) : undefined;
  }
  async put(input: Request | string, response: Response) {
    const body = await response.arrayBuffer();
    this.entries.delete(keyOf(input));
    this.entries.set(keyOf(input), { body, init: { status: response.status, headers: Object.fromEntries(response.headers) } });
  }
  async add(input: Request | string) {
    const response = await world.fetch(typeof input === "string" ? new Request(keyOf(input)) : input);
    await this.put(input, response);
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
    const route = world.routes.get(new URL(request.url).pathname) ?? { status: 404, body: "nope" };
    const response = new Response(route.status === 0 ? null : (route.body ?? ""), {
      status: route.status === 0 ? 200 : (route.status ?? 200),
      headers: { "Content-Type": route.contentType ?? "text/html; charset=utf-8" },
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
  world.online = true;
  world.fetched = [];
  world.routes = new Map<string, Route>([
    ["/offline.html", { body: "<h1>Du är inte uppkopplad</h1>" }],
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
  vm.runInNewContext(source, { self, caches, fetch: world.fetch, Request: ScopeRequest, Response, Headers, URL, Set, Promise, console });
  await caches.open("biljett-static-v0");
  await caches.open("someone-elses-cache");
  await dispatch("install", {});
  await dispatch("activate", {});
});

describe("public/sw.js", () => {
  it("keeps the offline page on install and drops its own older caches on activate", async () => {
    expect(caches.snapshot()).toEqual({ "someone-elses-cache": [], "biljett-offline-v1": ["/offline.html"] });
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
    const post = await dispatch("fetch", { request: new Request(`${origin}/account/tickets/ABC123`, { method: "POST", body: "x" }) });
    const elsewhere = await dispatch("fetch", { request: new Request("https://cdn.example/_next/static/x.js") });
    const data = await dispatch("fetch", { request: new Request(`${origin}/account/tickets/ABC123?_rsc=1`) });
    expect([post, elsewhere, data]).toEqual([undefined, undefined, undefined]);
    expect(world.fetched.filter((line) => !line.includes("offline.html"))).toEqual([]);
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
});
