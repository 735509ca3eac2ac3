// The browser's install prompt and the visitor's answer to the hint, shared by every page: the
// prompt event comes once per page load, possibly before the page that shows the hint is open,
// so the root layout starts listening (register-service-worker.tsx) and keeps the event here.
import { installHintKind, type InstallHintKind } from "./install-hint-kind";

export const INSTALL_HINT_STORAGE_KEY = "biljett.install-hint";

type BeforeInstallPromptEvent = Event & {
  prompt: () => Promise<unknown>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
};

let waitingPrompt: BeforeInstallPromptEvent | null = null;
let listening = false;
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Starts catching the browser's install prompt on this page load; safe to call again. */
export function listenForInstallPrompt(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("beforeinstallprompt", (event) => {
    // Ours is the offer; the browser's own mini bar would be a second one.
    event.preventDefault();
    waitingPrompt = event as BeforeInstallPromptEvent;
    changed();
  });
  window.addEventListener("appinstalled", () => {
    waitingPrompt = null;
    rememberInstallHintDismissed();
  });
}

export function subscribeToInstallHint(listener: () => void): () => void {
  listenForInstallPrompt();
  listeners.add(listener);
  window.addEventListener("storage", listener);
  const standalone = window.matchMedia("(display-mode: standalone)");
  standalone.addEventListener("change", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
    standalone.removeEventListener("change", listener);
  };
}

function dismissed(): boolean {
  try {
    return window.localStorage.getItem(INSTALL_HINT_STORAGE_KEY) !== null;
  } catch {
    // Storage refused (a private window's settings): better no hint than one that cannot be closed for good.
    return true;
  }
}

export function rememberInstallHintDismissed(): void {
  try {
    window.localStorage.setItem(INSTALL_HINT_STORAGE_KEY, "dismissed");
  } catch {
    // Nothing to keep it in: dismissed() says so already.
  }
  changed();
}

/** The hint this browser gets now; a string, so that React compares snapshots by value. */
export function currentInstallHint(): InstallHintKind {
  return installHintKind({
    standalone: window.matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true,
    dismissed: dismissed(),
    canPrompt: waitingPrompt !== null,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
  });
}

/** Shows the browser's install dialog; whatever the answer, the hint has had its turn. */
export async function showInstallPrompt(): Promise<void> {
  const event = waitingPrompt;
  waitingPrompt = null;
  if (!event) return;
  try {
    await event.prompt();
    await event.userChoice;
  } finally {
    rememberInstallHintDismissed();
  }
}
