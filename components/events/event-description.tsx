/**
 * An event's description as paragraphs: a blank line starts a new paragraph, a single line
 * break stays a line break.
 */
export function EventDescription({ text }: { text: string }) {
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <div className="flex max-w-prose flex-col gap-4 text-lg leading-relaxed text-zinc-800">
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="whitespace-pre-line">
          {paragraph}
        </p>
      ))}
    </div>
  );
}
