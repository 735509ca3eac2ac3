import type { HTMLAttributes } from "react";
import { classNames } from "./class-names";

type CardProps = HTMLAttributes<HTMLElement> & {
  /** The element to render: an article for a self-contained item, a li inside a list. */
  as?: "div" | "article" | "section" | "li";
};

/** A bordered surface grouping related content. */
export function Card({ as: Tag = "div", className, ...props }: CardProps) {
  return <Tag {...props} className={classNames("rounded-2xl border border-zinc-200 bg-white shadow-sm", className)} />;
}
