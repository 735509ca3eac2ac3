import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its content (a wide table) does not fit a narrow screen.
 * Keyboard users must be able to scroll it too, so it takes focus (arrow keys then scroll it)
 * and, being focusable, is a region with a name that says what it holds.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {children}
    </div>
  );
}
