// The "add to home screen" hint's logic: whether this browser gets it, the visitor's answer,
// and the browser's own prompt, which install-prompt-event.ts caught on page load. Loaded with
// the hint (My tickets, a ticket page), not on every page.
import {
  INSTALL_HINT_STORAGE_KEY,
  installPromptChanged,
  listenForInstallPrompt,
  onInstallPromptChange,
  takeInstallPrompt,
  waitingInstallPrompt,
} from "./install-prompt-event";
import { installHintKind, type InstallHintKind } from "./install-hint-kind";

export function subscribeToInstallHint(listener: () => void): () => void {
  listenForInstallPrompt();
  const stopListening = onInstallPromptChange(listener);
  window.addEventListener("storage", listener);
  const standalone = window.matchMedia("(display-mode: standalone)");
  standalone.addEventListener("change", listener);
  return () => {
    stopListening();
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
  installPromptChanged();
}

/** The hint this browser gets now; a string, so that React compares snapshots by value. */
export function currentInstallHint(): InstallHintKind {
  return installHintKind({
    standalone: window.matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true,
    dismissed: dismissed(),
    canPrompt: waitingInstallPrompt() !== null,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
  });
}

/** Shows the browser's install dialog; whatever the answer, the hint has had its turn. */
export async function showInstallPrompt(): Promise<void> {
  const event = takeInstallPrompt();
  if (!event) return;
  try {
    await event.prompt();
    await event.userChoice;
  } finally {
    rememberInstallHintDismissed();
  }
}
