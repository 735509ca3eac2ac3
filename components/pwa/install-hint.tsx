"use client";
// "Add to home screen" on My tickets and a ticket page: the site installs as an app whose
// tickets open without signal, and nothing else says so. Shown after the page has loaded, only
// where the browser can do it (install-hint-kind.ts), until the visitor answers it once.
// The words come from the page (server side), so no message namespace reaches the browser for it.
import { useSyncExternalStore } from "react";
import { currentInstallHint, rememberInstallHintDismissed, showInstallPrompt, subscribeToInstallHint } from "./install-prompt";

export type InstallHintText = {
  heading: string;
  text: string;
  add: string;
  iosSteps: string;
  dismiss: string;
  iosDismiss: string;
};

const button =
  "inline-flex min-h-11 items-center rounded-lg px-3 font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export function InstallHint({ text }: { text: InstallHintText }) {
  const kind = useSyncExternalStore(subscribeToInstallHint, currentInstallHint, () => null);
  if (!kind) return null;
  return (
    <aside
      aria-labelledby="install-hint-heading"
      className="flex flex-col gap-2 rounded-xl border border-indigo-200 bg-indigo-50 px-4 py-3 text-zinc-900"
    >
      <h2 id="install-hint-heading" className="font-bold text-zinc-950">
        {text.heading}
      </h2>
      <p>{kind === "ios" ? text.iosSteps : text.text}</p>
      <div className="flex flex-wrap gap-2">
        {kind === "prompt" ? (
          <button
            type="button"
            onClick={() => void showInstallPrompt()}
            className={`${button} bg-indigo-700 text-white hover:bg-indigo-800`}
          >
            {text.add}
          </button>
        ) : null}
        <button
          type="button"
          onClick={rememberInstallHintDismissed}
          className={`${button} border border-zinc-400 bg-white hover:bg-zinc-100`}
        >
          {kind === "ios" ? text.iosDismiss : text.dismiss}
        </button>
      </div>
    </aside>
  );
}
