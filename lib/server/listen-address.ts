// Next.js 16 treats the language rewrite of proxy.ts ("/" → "/sv") as a rewrite to another
// server when `next start` binds a loopback address written as an IP (`-H 127.0.0.1`,
// `-H ::1`): it writes the rewrite's host as "localhost" but compares it with the literal
// address, then fetches "/sv" over HTTP, which sends it back to "/", forever
// (vercel/next.js#94745, open). Binding to "localhost", a non-loopback address, or every
// interface (no -H) is unaffected, so a server started the broken way refuses to start and
// says what to do instead of serving a redirect loop.

const LOOPBACK_LITERAL = /^(?:127(?:\.\d{1,3}){3}|\[?::1\]?|\[?::ffff:127(?:\.\d{1,3}){3}\]?)$/i;

/** The address `next start` was told to bind (`-H x`, `-Hx`, `--hostname x`, `--hostname=x`), if any. */
export function boundHostname(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-H" || arg === "--hostname") return argv[i + 1];
    if (arg.startsWith("--hostname=")) return arg.slice("--hostname=".length);
    if (arg.startsWith("-H") && arg.length > 2) return arg.slice(2);
  }
  return undefined;
}

/** Whether `hostname` is a loopback address written as an IP (127.0.0.1, ::1), not by name. */
export function isLoopbackLiteral(hostname: string): boolean {
  return LOOPBACK_LITERAL.test(hostname);
}

/** Why this process must not serve, when it binds a loopback IP literal; undefined otherwise. */
export function loopbackBindProblem(argv: readonly string[]): string | undefined {
  const hostname = boundHostname(argv);
  if (hostname === undefined || !isLoopbackLiteral(hostname)) return undefined;
  return (
    `next start -H ${hostname}: Next.js would answer every page with a redirect loop on this address ` +
    `(vercel/next.js#94745). Use -H localhost to listen on this machine only, or leave -H out.`
  );
}
