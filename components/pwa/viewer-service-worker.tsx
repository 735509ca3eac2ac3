"use client";
// The service worker's owner comes from /api/viewer (components/viewer/viewer-provider.tsx),
// since the page itself is the same for every visitor.
import { useViewer } from "@/components/viewer/viewer-provider";
import { RegisterServiceWorker } from "./register-service-worker";

export function ViewerServiceWorker({ enabled }: { enabled: boolean }) {
  const viewer = useViewer();
  return <RegisterServiceWorker owner={viewer.state === "known" ? viewer.offlineOwner : undefined} enabled={enabled} />;
}
