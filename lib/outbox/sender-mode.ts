// Who delivers the outbox: this web server (EMAIL_SENDER=web) or `npm run worker` on its own
// process. Apart from the sender (in-app.ts) so that a server action can ask without loading
// the email templates.
import { env } from "../env";

/** Whether this web server delivers the outbox itself (EMAIL_SENDER=web) or leaves it to `npm run worker`. */
export function sendsInApp(): boolean {
  return env().EMAIL_SENDER === "web";
}
