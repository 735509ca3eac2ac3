import { classNames } from "./class-names";

/** Up to two letters for someone without a picture: "Anna Berg" → "AB", "kim@…" → "K". */
export function initialsOf(name: string | null, email: string): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  const letters = words.length >= 2 ? [words[0], words[words.length - 1]].map((w) => Array.from(w)[0]) : [Array.from(words[0] ?? email)[0]];
  return letters.join("").toLocaleUpperCase();
}

/**
 * A person's picture, or their initials. Decorative: put it next to their name, which is what
 * assistive technology reads.
 */
export function Avatar({
  name,
  email,
  image,
  size = 32,
  className,
}: {
  name: string | null;
  email: string;
  image: string | null;
  size?: number;
  className?: string;
}) {
  const style = { width: size, height: size };
  if (image) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- pictures come from our upload route and OAuth providers
      <img
        src={image}
        alt=""
        width={size}
        height={size}
        style={style}
        className={classNames("shrink-0 rounded-full object-cover", className)}
      />
    );
  }
  // The initials are drawn by CSS, so they are not text: a button holding the avatar is then
  // named by its own label alone, which contains all of its visible text (WCAG 2.5.3).
  return (
    <span
      aria-hidden="true"
      data-initials={initialsOf(name, email)}
      style={{ ...style, fontSize: Math.round(size * 0.4) }}
      className={classNames(
        "inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-700 font-semibold text-white before:content-[attr(data-initials)]",
        className,
      )}
    />
  );
}
