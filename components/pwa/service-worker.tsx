// The hooks for the service worker: on in production builds only, because the development
// server's scripts are not content-hashed and a cache-first worker would serve stale code there.
import { env } from "@/lib/env";
import { offlineOwner } from "@/lib/tickets/offline-owner";
import { KeepPageOffline } from "./register-service-worker";
import { ViewerServiceWorker } from "./viewer-service-worker";

/** In the root layout: registers the worker and tells it who is signed in (or nobody) once the page knows. */
export function ServiceWorker() {
  return <ViewerServiceWorker enabled={env().NODE_ENV === "production"} />;
}

/** On a ticket page: keeps it for offline use, however the visitor got there. */
export function KeepOffline({ userId }: { userId: string }) {
  return <KeepPageOffline owner={offlineOwner(userId)} enabled={env().NODE_ENV === "production"} />;
}
