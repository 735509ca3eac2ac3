"use client";
// Extras of the door view when JavaScript runs: a full-screen button and a wake lock so the
// phone does not dim while the queue moves. Without JavaScript the view works as it is.
import { useEffect, useState, useSyncExternalStore } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";

const subscribeNothing = () => () => {};

function subscribeFullscreen(onChange: () => void) {
  document.addEventListener("fullscreenchange", onChange);
  return () => document.removeEventListener("fullscreenchange", onChange);
}

export function DoorModeControls() {
  const t = useTranslations("Tickets.door");
  const canFullscreen = useSyncExternalStore(
    subscribeNothing,
    () => typeof document.documentElement.requestFullscreen === "function" && document.fullscreenEnabled,
    () => false,
  );
  const fullscreen = useSyncExternalStore(
    subscribeFullscreen,
    () => document.fullscreenElement !== null,
    () => false,
  );
  const [awake, setAwake] = useState(false);

  useEffect(() => {
    if (!("wakeLock" in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      try {
        sentinel = await navigator.wakeLock.request("screen");
        if (cancelled) {
          await sentinel.release();
          return;
        }
        setAwake(true);
        sentinel.addEventListener("release", () => setAwake(false));
      } catch {
        // Refused (battery saver, hidden tab): the view works anyway.
        setAwake(false);
      }
    };
    // The browser drops the lock whenever the page is hidden; take it again on return.
    const onVisibility = () => {
      if (document.visibilityState === "visible") void acquire();
    };
    void acquire();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisibility);
      void sentinel?.release().catch(() => {});
    };
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void document.documentElement.requestFullscreen().catch(() => {});
  };

  return (
    <div className="flex flex-col items-center gap-2">
      {canFullscreen ? (
        <Button variant="secondary" onClick={toggleFullscreen} aria-pressed={fullscreen}>
          {fullscreen ? t("exitFullscreen") : t("fullscreen")}
        </Button>
      ) : null}
      {awake ? (
        <p role="status" className="text-base text-black">
          {t("wakeLockOn")}
        </p>
      ) : null}
    </div>
  );
}
