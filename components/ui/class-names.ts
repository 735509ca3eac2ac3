/** Joins Tailwind class lists, skipping the ones switched off. */
export function classNames(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(" ");
}
