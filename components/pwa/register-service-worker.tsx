"use client";
// Registers public/sw.js, which keeps the signed-in visitor's tickets for offline use, and
// tells it whose they are; also starts catching the browser's install prompt for the "add to
// home screen" hint (install-prompt-event.ts). Rendered on every page through service-worker.tsx;
// shows nothing.
import { useEffect } from "react";
import { listenForInstallPrompt } from "./install-prompt-event";

/** `owner` undefined: not known yet (the page is still asking /api/viewer), so nothing is said. */
export function RegisterServiceWorker({ owner, enabled }: { owner: string | null | undefined; enabled: boolean }) {
  useEffect(() => {
    // On every page: the browser offers its install prompt once per load, wherever that is.
    listenForInstallPrompt();
    if (!enabled || !("serviceWorker" in navigator)) return;
    // updateViaCache "none": a new sw.js is picked up at once, never from the HTTP cache.
    navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" }).catch(() => {
      // No worker (private mode, a blocked origin): the site works as before, just not offline.
    });
    if (owner === undefined) return;
    // Signed out (owner null), or someone else signed in on this device without signing out
    // first: the worker drops the tickets it kept for the previous owner. Signed in: it keeps
    // all of their upcoming tickets, in the language of this page.
    const locale = document.documentElement.lang;
    void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "owner", owner, locale }));
  }, [owner, enabled]);
  return null;
}

/**
 * On a ticket page: asks the worker to keep this page for offline use. A page reached by a
 * link inside the app is not a full page load, so the worker never sees it go by.
 */
export function KeepPageOffline({ owner, enabled }: { owner: string; enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    const url = `${window.location.pathname}${window.location.search}`;
    void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "keep-page", url, owner }));
  }, [owner, enabled]);
  return null;
}
