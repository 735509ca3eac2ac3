// EMAIL_SENDER=worker: the web server leaves the outbox to `npm run worker`. Starting the server
// starts no sender (nor housekeeping), and the wake-up a checkout sends after its answer does
// nothing; the worker's sender, with the same options, delivers what waits.
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { db } from "@/lib/db/client";
import { outboxSenderOptions, stopOutboxSender, wakeOutboxSender } from "@/lib/outbox/in-app";
import { sendsInApp } from "@/lib/outbox/sender-mode";
import { enqueueEmails } from "@/lib/outbox/queue";
import { deliverDueEmails } from "@/lib/outbox/sender";
import { register } from "@/instrumentation";

// Read by env() on its first call, which comes after this line.
process.env.EMAIL_SENDER = "worker";
useTestDatabase();

const runtime = process.env.NEXT_RUNTIME;

afterAll(async () => {
  await stopOutboxSender();
  if (runtime === undefined) delete process.env.NEXT_RUNTIME;
  else process.env.NEXT_RUNTIME = runtime;
  delete process.env.EMAIL_SENDER;
});

async function statusOf(to: string) {
  return (await db.outboxEmail.findFirstOrThrow({ where: { to } })).status;
}

describe(`EMAIL_SENDER=worker (${databaseKind})`, () => {
  it("starts no sender with the server and sends nothing on a wake-up; the worker's sender delivers it", async () => {
    await db.$transaction((tx) =>
      enqueueEmails(tx, [
        { template: "welcome", to: "worker@example.se", locale: "sv", payload: { name: "Åsa", setPasswordUrl: "http://localhost:3000/x" } },
      ]),
    );
    expect(sendsInApp()).toBe(false);
    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    wakeOutboxSender();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await statusOf("worker@example.se")).toBe("PENDING");

    const report = await deliverDueEmails(outboxSenderOptions());
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await statusOf("worker@example.se")).toBe("SENT");
  });
});
