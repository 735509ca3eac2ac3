// Authorization is checked inside every page, route and server action that touches someone's
// data, never only by a layout or a link not shown. This reads every such entry point under
// app/ and fails when an exported handler calls none of the guards below. What each guard then
// allows is tested where it lives (tests/organizer-ops/authorization.test.ts, the lib tests,
// and the journeys in tests/e2e, which ask for other people's pages and get 404).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
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
  "isValidOrderKey", // the order's signed link
  "ordersOfThisBrowser", // the signed cookie of the browser that bought the order (lib/orders/buyer-browser.ts)
  "findOrderCorrection", // the single-use link sent to a corrected address: looked at, never used, by a GET
  "confirmOrderCorrection", // the same link, used up before the order moves
  "myTicketsResponse", // the mobile API: a session or a personal access token (lib/api)
  "myTicketResponse",
];

/** Entry points that are public on purpose, and why. */
const PUBLIC: Record<string, string> = {
  "app/account/deleted/page.tsx": "shown after the account is gone; says what remains, shows nothing personal",
  "app/u/[handle]/page.tsx": "a public profile: only what its owner made public (lib/profile/queries.ts)",
  "app/media/[id]/route.ts": "pictures of public profiles, under unguessable ids",
  "app/logout/route.ts": "signing out needs nobody in particular",
  "app/dev/mailbox/page.tsx": "the demo mailbox: lib/outbox/mailbox.ts answers only in development or DEMO_MODE",
  "app/dev/mailbox/[id]/page.tsx": "the same",
  "app/dev/mailbox/[id]/attachments/[index]/route.ts": "the same",
};

const AREAS = ["app/account", "app/organizer", "app/api/v1", "app/likes", "app/orders", "app/media", "app/u", "app/logout", "app/dev"];

function entryPoints(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entryPoints(relative);
    return /^(page\.tsx|route\.ts|actions\.ts)$/.test(entry.name) ? [relative] : [];
  });
}

type Handler = { name: string; body: string };

/** The exported functions of a module that Next.js calls: pages, route methods, server actions. */
function handlers(file: string): Handler[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Handler[] = [];
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.body) {
      found.push({ name: statement.name?.text ?? "default", body: statement.body.getText(source) });
    }
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) found.push({ name: declaration.name.getText(source), body: init.body.getText(source) });
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
    expect(files.length).toBeGreaterThan(50);
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
  const organizerFiles = files.filter((file) => file.startsWith("app/organizer/[organizerId]/"));

  it("are found", () => expect(organizerFiles.length).toBeGreaterThan(10));

  it.each(organizerFiles)("%s names a capability of the role matrix in each handler", (file) => {
    for (const handler of handlers(file)) {
      const capabilities = [...handler.body.matchAll(named)].map((match) => match[1] ?? match[2]);
      expect({ handler: handler.name, named: capabilities.length > 0 }).toEqual({ handler: handler.name, named: true });
      expect(capabilities.filter((name) => !isOrganizerPermission(name))).toEqual([]);
    }
  });
});
