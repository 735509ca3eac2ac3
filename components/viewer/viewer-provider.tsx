"use client";
// The visitor as the browser knows them: pages are the same for everybody (and cached), so
// the account menu, the hearts and the service worker's owner are filled in here, from one
// request to /api/viewer, made only when the "signed in" hint cookie is there (proxy.ts keeps
// it in step with the http-only session cookie). Without JavaScript the server's plain page
// stands: a way to sign in and empty hearts, which still work as forms.
import { usePathname, useSearchParams } from "next/navigation";
import { createContext, Suspense, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { SIGNED_IN_HINT_COOKIE } from "@/lib/auth/cookie-names";
import type { ViewerSummary } from "@/lib/accounts/viewer";

/** "unknown" until the answer arrives (or during the server's render); then who it is, or nobody. */
export type Viewer = { state: "unknown" } | ({ state: "known" } & ViewerSummary);

const ViewerContext = createContext<Viewer>({ state: "unknown" });

const hintPattern = new RegExp(`(?:^|;\\s*)${SIGNED_IN_HINT_COOKIE}=`);

const nobody: Viewer = { state: "known", user: null, offlineOwner: null, likedEventIds: [] };

export function ViewerProvider({ children }: { children: ReactNode }) {
  // "unknown" on the server and during hydration, so the first render matches the server's HTML.
  const [viewer, setViewer] = useState<Viewer>({ state: "unknown" });
  // Asked on every page shown, the same address with a new query included (a saved profile
  // comes back as "?notice=saved", a password sign-in lands without a full load): a new name or
  // picture, a like made elsewhere, a sign-in or sign-out show without reloading.
  const [visit, setVisit] = useState(0);
  const nextVisit = useCallback(() => setVisit((count) => count + 1), []);

  useEffect(() => {
    if (visit === 0) return;
    let current = true;
    const answer = hintPattern.test(document.cookie)
      ? fetch("/api/viewer", { credentials: "same-origin", cache: "no-store" }).then((response) =>
          response.ok ? (response.json() as Promise<ViewerSummary>) : null,
        )
      : Promise.resolve(null);
    answer
      .then((summary) => {
        if (current) setViewer(summary ? { state: "known", ...summary } : nobody);
      })
      .catch(() => {
        // Offline or the server away: the page stays as it is.
      });
    return () => {
      current = false;
    };
  }, [visit]);

  return (
    <ViewerContext.Provider value={viewer}>
      {/* Reading the query suspends a page rendered ahead of time; the watcher alone waits. */}
      <Suspense fallback={null}>
        <PageWatcher onPage={nextVisit} />
      </Suspense>
      {children}
    </ViewerContext.Provider>
  );
}

function PageWatcher({ onPage }: { onPage: () => void }) {
  const pathname = usePathname();
  const query = useSearchParams()?.toString();
  useEffect(() => onPage(), [pathname, query, onPage]);
  return null;
}

export function useViewer(): Viewer {
  return useContext(ViewerContext);
}

/** Whether the signed-in visitor likes an event; null while unknown (the server's value stands). */
export function useLikedByViewer(eventId: string): boolean | null {
  const viewer = useViewer();
  if (viewer.state !== "known") return null;
  return viewer.likedEventIds.includes(eventId);
}
