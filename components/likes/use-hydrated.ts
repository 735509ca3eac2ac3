import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/** False in the server's HTML and during hydration, true once the page runs JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
