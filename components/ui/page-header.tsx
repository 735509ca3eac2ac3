import { Link } from "@/components/i18n/link";
import type { ReactNode } from "react";

/** The top of a page: a way back to where it belongs, its one h1, and an optional line of intro. */
export function PageHeader({ back, heading, intro }: { back?: { href: string; label: ReactNode }; heading: ReactNode; intro?: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      {back ? (
        <Link href={back.href} className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          {back.label}
        </Link>
      ) : null}
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{heading}</h1>
      {intro ? <p className="text-zinc-700">{intro}</p> : null}
    </div>
  );
}
