// Auth.js's cookies are Secure (and __Secure-/__Host- prefixed) when SITE_URL is https, even
// when the proxy in front forwards plain http without saying so; plain otherwise.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

type Seen = { status: number; cookies: { name: string; secure: boolean }[] };

async function cookiesFor(siteUrl: string): Promise<Seen> {
  const { stdout } = await promisify(execFile)(process.execPath, [require.resolve("tsx/cli"), "tests/auth/secure-cookie-script.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: "", NODE_ENV: "test", SITE_URL: siteUrl },
    timeout: 60_000,
  });
  const line = stdout.split("\n").find((l) => l.startsWith("@@RESULT@@"));
  if (!line) throw new Error(`the script printed no result:\n${stdout}`);
  return JSON.parse(line.slice("@@RESULT@@".length));
}

describe("Auth.js cookies follow SITE_URL", () => {
  it("are Secure and prefixed for an https site behind a proxy that speaks http", async () => {
    const seen = await cookiesFor("https://biljett.example.se");
    expect(seen.status).toBe(200);
    expect(seen.cookies.length).toBeGreaterThan(0);
    expect(seen.cookies.every((cookie) => cookie.secure && /^__(Secure|Host)-/.test(cookie.name))).toBe(true);
  }, 90_000);

  it("are plain for an http site (development)", async () => {
    const seen = await cookiesFor("http://localhost:3000");
    expect(seen.cookies.every((cookie) => !cookie.secure && !cookie.name.startsWith("__"))).toBe(true);
  }, 90_000);
});
