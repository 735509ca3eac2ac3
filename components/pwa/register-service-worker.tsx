"use client";
// Registers public/sw.js, which keeps opened tickets for offline use. Rendered on every page
// through service-worker.tsx; shows nothing.
import { useEffect } from "react";

export function RegisterServiceWorker({ signedIn, enabled }: { signedIn: boolean; enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    // updateViaCache "none": a new sw.js is picked up at once, never from the HTTP cache.
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
      // No worker (private mode, a blocked origin): the site works as before, just not offline.
    });
    if (!signedIn) {
      // Signed out, by the menu or because the session ended: kept tickets belong to whoever
      // was signed in, so they go (the logout response's Clear-Site-Data does it too).
      void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "clear-personal-data" }));
    }
  }, [signedIn, enabled]);
  return null;
}
