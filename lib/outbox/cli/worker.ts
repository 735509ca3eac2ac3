// `npm run worker`: delivers the outbox and releases expired ticket holds, for deployments
// where several app servers share one PostgreSQL. Any number may run; none sends an email twice.
import { disconnectDb } from "../../db/client";
import { releaseExpiredHolds } from "../../orders/place-order";
import { outboxSenderOptions } from "../in-app";
import { startSender } from "../sender";

const sender = startSender({ ...outboxSenderOptions(), intervalMs: 2_000, keepProcessAlive: true });
const holds = setInterval(() => {
  releaseExpiredHolds().catch((error: Error) => console.error(`worker: releasing holds failed: ${error.message}`));
}, 30_000);
console.log("worker: delivering emails and releasing expired holds (Ctrl-C to stop)");

async function shutdown() {
  clearInterval(holds);
  await sender.stop();
  await disconnectDb();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
