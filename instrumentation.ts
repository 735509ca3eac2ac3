// Start-up work, run once by Next when a server starts (`next start`, `next dev`) and before it
// serves a request: the in-process email sender and housekeeping (lib/outbox/in-app.ts) start
// with the server rather than with the first page it renders.
export async function register(): Promise<void> {
  // They need Node (the database, SMTP); the import stays inside the check, so no other
  // runtime's bundle includes them.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { loopbackBindProblem } = await import("./lib/server/listen-address");
    const problem = loopbackBindProblem(process.argv);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    const { ensureOutboxSender } = await import("./lib/outbox/in-app");
    ensureOutboxSender();
  }
}
