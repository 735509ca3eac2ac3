// Authorization is checked inside every page, route and server action that touches someone's
// data, never only by a layout or a link not shown. Pages and routes: this reads every such
// entry point under app/ and fails when an exported handler calls none of the guards below.
// Server actions: this imports every actions module and fails when an export was not built
// by the pipeline of lib/actions.ts (which resolves who is asking before anything runs), when
// an account action is not a user action, an organizer action not a member action naming a
// capability of the role matrix, or a public action is not one of those listed with a reason.
// What each guard then allows is tested where it lives (tests/organizer-ops/authorization.test.ts,
// tests/organizer/role-matrix.test.ts, the lib tests, and the journeys in tests/e2e, which ask
// for other people's pages and get 404).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { pipelineActionInfo } from "@/lib/actions";
import { isOrganizerPermission } from "@/lib/organizers/roles";

const root = path.resolve(__dirname, "../..");

/** Calls that decide who is asking (and answer 404 or a sign-in redirect to anybody else). */
const GUARDS = [
  "requireUser", // the signed-in user, or the login page
  "requireSignedIn",
  "requireOrganizerMember", // a member of this organizer, or 404
  "requireOrganizerEvent", // a member, and the event is this organizer's, or 404
  "organizerRouteAccess", // the same for route handlers, which answer with their own responses
  "auth", // Auth.js's session, for routes that answer with their own status codes
  "signedInUser", // the caller's own session or nobody, for a route that answers both (app/api/viewer)
  "isValidOrderKey", // the order's signed link
  "ordersOfThisBrowser", // the signed cookie of the browser that bought the order (lib/orders/buyer-browser.ts)
  "isBoughtProof", // the checkout's short-lived proof that makes that cookie (the order's bought route)
  "findOrderCorrection", // the single-use link sent to a corrected address: looked at, never used, by a GET
  "confirmOrderCorrection", // the same link, used up before the order moves
  "getTicketByLink", // a passed-on ticket's signed link (lib/transfers/ticket-links.ts)
  "myTicketsResponse", // the mobile API: a session or a personal access token (lib/api)
  "myTicketResponse",
];

/** Entry points that are public on purpose, and why. */
const PUBLIC: Record<string, string> = {
  "app/[locale]/account/deleted/page.tsx": "shown after the account is gone; says what remains, shows nothing personal",
  "app/[locale]/u/[handle]/page.tsx": "a public profile: only what its owner made public (lib/profile/queries.ts)",
  "app/media/[id]/route.ts": "pictures of public profiles, under unguessable ids",
  "app/[locale]/logout/route.ts": "signing out needs nobody in particular",
  "app/[locale]/dev/mailbox/page.tsx": "the demo mailbox: lib/outbox/mailbox.ts answers only in development or DEMO_MODE",
  "app/[locale]/dev/mailbox/[id]/page.tsx": "the same",
  "app/[locale]/dev/mailbox/[id]/attachments/[index]/route.ts": "the same",
};

const AREAS = [
  "app/[locale]/account",
  "app/[locale]/organizer",
  "app/api/v1",
  "app/[locale]/likes",
  "app/[locale]/orders",
  "app/[locale]/tickets",
  "app/media",
  "app/[locale]/u",
  "app/api/viewer",
  "app/[locale]/logout",
  "app/[locale]/dev",
];

function entryPoints(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryPoints(relative);
    return /^(page\.tsx|route\.ts)$/.test(entry.name) ? [relative] : [];
  });
}

type Handler = { name: string; body: string };

/** The exported functions of a module that Next.js calls: pages, route methods, server actions. */
function handlers(file: string): Handler[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Handler[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.body) {
      found.push({ name: statement.name?.text ?? "default", body: statement.body.getText(source) });
    }
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          found.push({ name: declaration.name.getText(source), body: init.body.getText(source) });
      }
    }
  }
  // Metadata is about the page's title, not anybody's data; static params are computed at build.
  return found.filter((handler) => !["generateMetadata", "generateStaticParams", "generateViewport"].includes(handler.name));
}

const guardCall = new RegExp(`\\b(${GUARDS.join("|")})\\(`);
const files = AREAS.flatMap(entryPoints).sort();

describe("every page, route and server action that touches someone's data", () => {
  it("are all found", () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((file) => file in PUBLIC)).toEqual(Object.keys(PUBLIC).sort());
  });

  it.each(files.filter((file) => !(file in PUBLIC)))("%s checks who is asking in each handler", (file) => {
    const list = handlers(file);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((handler) => !guardCall.test(handler.body)).map((handler) => handler.name)).toEqual([]);
  });
});

describe("every handler of one organizer's pages", () => {
  // The organizer guards take the capability of the role matrix (lib/organizers/roles.ts) the
  // handler needs; a handler that names none, or a name the matrix lacks, fails here.
  const named = /\b(?:requireOrganizerMember|requireOrganizerEvent)\([^;]*?permission: "(\w+)"|\borganizerRouteAccess\([^,;]+, "(\w+)"/g;
  const organizerFiles = files.filter((file) => file.startsWith("app/[locale]/organizer/[organizerId]/"));

  it("are found", () => expect(organizerFiles.length).toBeGreaterThan(10));

  it.each(organizerFiles)("%s names a capability of the role matrix in each handler", (file) => {
    for (const handler of handlers(file)) {
      const capabilities = [...handler.body.matchAll(named)].map((match) => match[1] ?? match[2]);
      expect({ handler: handler.name, named: capabilities.length > 0 }).toEqual({ handler: handler.name, named: true });
      expect(capabilities.filter((name) => !isOrganizerPermission(name))).toEqual([]);
    }
  });
});

/** Server actions anyone may post, and what stands in for a signed-in user in each. */
const PUBLIC_ACTIONS: Record<string, string> = {
  placeOrderAction: "buying needs no account; placeOrder checks every input again",
  toggleLikeAction: "a visitor is sent to sign in; a signed-in user likes only for themselves",
  signInAction: "signing in",
  forgotPasswordAction: "the same answer for every address; the link goes only to that mailbox",
  sendMyTicketsAction: "the same answer for every address; the tickets go only to that account's mailbox",
  requestOrderCorrectionAction: "the buying browser's signed cookie (ordersOfThisBrowser)",
  cancelOrderAction: "the order's signed key (isValidOrderKey)",
  cancelTicketsAction: "the order's signed key (isValidOrderKey, in cancelTicketsWithOrderKey)",
  requestOrderPasswordLinkAction: "the order's signed key (isValidOrderKey); the link goes only to the order's address",
  confirmOrderCorrectionAction: "the single-use link sent to the corrected address",
  setLocaleAction: "changes only the caller's own cookie and account",
  passTicketOnFromOrderAction: "the order's signed key (isValidOrderKey), and the ticket still the buyer's (lib/transfers)",
  passTicketOnFromLinkAction: "the passed-on ticket's signed key (isValidTicketKey), while its transfer is the latest",
  joinWaitingListAction: "the same answer for every address; a signed-in visitor joins only with their own (lib/waiting-list/join.ts)",
  leaveWaitingListAction: "the email's signed leave link (isValidWaitingListKey)",
};

function actionModules(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionModules(relative);
    return entry.name === "actions.ts" ? [relative] : [];
  });
}

const actionFiles = [...actionModules("app"), "lib/i18n/actions.ts"].sort();

describe("every server action", () => {
  it("are all found", () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(20);
  });

  it.each(actionFiles)("%s exports only actions the pipeline built, of the kind its area needs", async (file) => {
    const exported = Object.entries(await import(path.join(root, file)));
    expect(exported.length).toBeGreaterThan(0);
    for (const [name, value] of exported) {
      const info = pipelineActionInfo(value);
      expect({ name, built: info !== undefined }).toEqual({ name, built: true });
      if (!info) continue;
      if (file.startsWith("app/[locale]/account/")) expect({ name, kind: info.kind }).toEqual({ name, kind: "user" });
      if (file.startsWith("app/[locale]/organizer/")) {
        expect({ name, kind: info.kind }).toEqual({ name, kind: "member" });
        expect(isOrganizerPermission(info.permission)).toBe(true);
      }
      if (info.kind === "public") expect(Object.keys(PUBLIC_ACTIONS)).toContain(name);
    }
  });

  it("lists no public action that no longer exists", async () => {
    const names = (await Promise.all(actionFiles.map(async (file) => Object.keys(await import(path.join(root, file)))))).flat();
    expect(Object.keys(PUBLIC_ACTIONS).filter((name) => !names.includes(name))).toEqual([]);
  });
});
