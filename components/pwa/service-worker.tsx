// The root layout's hook for the service worker: on in production builds only, because the
// development server's scripts are not content-hashed and a cache-first worker would serve
// stale code there.
import { env } from "@/lib/env";
import { RegisterServiceWorker } from "./register-service-worker";

export function ServiceWorker({ signedIn }: { signedIn: boolean }) {
  return <RegisterServiceWorker signedIn={signedIn} enabled={env().NODE_ENV === "production"} />;
}
