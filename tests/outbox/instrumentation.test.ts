// instrumentation.ts starts the email sender when the server starts: a queued email goes out
// without any page being rendered. Without SMTP_URL (as here) the sender uses the demo's
// mailbox transport, which marks the email sent in the outbox itself.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { stopOutboxSender } from "@/lib/outbox/in-app";
import { enqueueEmails } from "@/lib/outbox/queue";
import { register } from "@/instrumentation";

useTestDatabase();

const runtime = process.env.NEXT_RUNTIME;

afterEach(async () => {
  await stopOutboxSender();
  if (runtime === undefined) delete process.env.NEXT_RUNTIME;
  else process.env.NEXT_RUNTIME = runtime;
});

async function queueWelcome(to: string) {
  await db.$transaction((tx) =>
    enqueueEmails(tx, [{ template: "welcome", to, locale: "sv", payload: { name: "Åsa", setPasswordUrl: "http://localhost:3000/x" } }]),
  );
}

async function statusOf(to: string) {
  return (await db.outboxEmail.findFirstOrThrow({ where: { to } })).status;
}

describe(`instrumentation register() (${databaseKind})`, () => {
  it("starts the in-process sender in the Node.js runtime, which delivers what is queued", async () => {
    await queueWelcome("start@example.se");
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    for (let waited = 0; waited < 20_000 && (await statusOf("start@example.se")) !== "SENT"; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await statusOf("start@example.se")).toBe("SENT");
  });

  it("starts nothing in another runtime", async () => {
    await queueWelcome("edge@example.se");
    process.env.NEXT_RUNTIME = "edge";
    await register();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await statusOf("edge@example.se")).toBe("PENDING");
  });
});
