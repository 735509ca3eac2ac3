// What deleting an account removes and what it keeps: shown before the confirmation and again
// after it, so the user reads the same two lists both times.
import type { ReactNode } from "react";

type List = { heading: ReactNode; items: ReactNode[] };

export function DeletionSummary({ removed, kept }: { removed: List; kept: List }) {
  return (
    <>
      {(
        [
          ["removed", removed],
          ["kept", kept],
        ] as const
      ).map(([id, list]) => (
        <section key={id} aria-labelledby={id} className="flex flex-col gap-2">
          <h2 id={id} className="text-xl font-bold text-zinc-950">
            {list.heading}
          </h2>
          <ul className="flex list-disc flex-col gap-1 pl-6 text-zinc-800">
            {list.items.map((item, index) => (
              <li key={index}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
