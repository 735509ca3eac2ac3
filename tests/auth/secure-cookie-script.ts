// Run by tests/auth/secure-cookies.test.ts under tsx (next-auth is ES modules only): asks
// Auth.js for a CSRF token over plain http, as a TLS-terminating proxy forwards requests, and
// prints the cookies it set. SITE_URL comes from the parent.
import { NextRequest } from "next/server";
import { GET } from "@/lib/auth/route-handlers";

async function main() {
  const response = await GET(new NextRequest("http://127.0.0.1:3000/api/auth/csrf"));
  const cookies = response.headers.getSetCookie().map((line) => ({ name: line.split("=")[0], secure: /;\s*secure/i.test(line) }));
  console.log(`@@RESULT@@${JSON.stringify({ status: response.status, cookies })}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
