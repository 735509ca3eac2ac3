// `npm run worker`: delivers the outbox (rendering each order confirmation, its QR codes and PDF
// from the order, so no checkout request does), releases expired ticket holds every 30 s,
// completes pending refunds, works through cancelled events' orders in batches, queues the
// reminders a day before events and clears expired rows, for deployments where several app servers share one PostgreSQL. Any
// number may run; none sends an email twice.
import { announceEventsChanged } from "../../cache/remote";
import { disconnectDb } from "../../db/client";
import { env } from "../../env";
import { startHousekeeping } from "../../maintenance/housekeeping";
import { outboxSenderOptions } from "../in-app";
import { startSender } from "../sender";

// WORKER_CPU_SHARE: a whole core on a machine of its own, less where it shares one with buyers.
const sender = startSender({ ...outboxSenderOptions(), intervalMs: 2_000, keepProcessAlive: true, cpuShare: env().WORKER_CPU_SHARE });
const housekeeping = startHousekeeping({
  intervalMs: 30_000,
  keepProcessAlive: true,
  log: (line) => console.error(`worker: ${line}`),
  // The web servers' cached pages learn of tickets back on sale at once (REVALIDATE_URLS).
  onHoldsReleased: async (eventIds) => {
    for (const told of await announceEventsChanged(eventIds))
      if (!told.ok) console.error(`worker: ${told.url} did not take the news of tickets back on sale (${told.status ?? told.error})`);
  },
});
console.log("worker: delivering emails, releasing expired holds and clearing expired rows (Ctrl-C to stop)");

async function shutdown() {
  await housekeeping.stop();
  await sender.stop();
  await disconnectDb();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
