// The browser's install prompt event, caught on every page: it comes once per page load,
// possibly before a page that shows the "add to home screen" hint is open, so the root layout
// starts listening (register-service-worker.tsx) and keeps the event here. Only this much runs
// on every page; the hint's own logic (install-prompt.ts) loads with the hint.

/** Where the visitor's answer to the hint is kept (install-prompt.ts reads it). */
export const INSTALL_HINT_STORAGE_KEY = "biljett.install-hint";

export type BeforeInstallPromptEvent = Event & {
  prompt: () => Promise<unknown>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
};

let waiting: BeforeInstallPromptEvent | null = null;
let listening = false;
const listeners = new Set<() => void>();

/** Tells whoever shows the hint that the prompt or the visitor's answer changed. */
export function installPromptChanged(): void {
  for (const listener of listeners) listener();
}

export function onInstallPromptChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The event the browser offered on this page load, if it is still unused. */
export function waitingInstallPrompt(): BeforeInstallPromptEvent | null {
  return waiting;
}

/** Hands the waiting event over for use; it can be shown only once. */
export function takeInstallPrompt(): BeforeInstallPromptEvent | null {
  const event = waiting;
  waiting = null;
  return event;
}

/** Starts catching the browser's install prompt on this page load; safe to call again. */
export function listenForInstallPrompt(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("beforeinstallprompt", (event) => {
    // Ours is the offer; the browser's own mini bar would be a second one.
    event.preventDefault();
    waiting = event as BeforeInstallPromptEvent;
    installPromptChanged();
  });
  window.addEventListener("appinstalled", () => {
    waiting = null;
    try {
      window.localStorage.setItem(INSTALL_HINT_STORAGE_KEY, "installed");
    } catch {
      // Nothing to keep it in: the hint then stays away for want of storage anyway.
    }
    installPromptChanged();
  });
}
