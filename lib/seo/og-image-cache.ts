// The last few drawn pictures, kept in this process: drawing one costs about 0.2 s of CPU, and
// a shared link brings every social site's crawler at once. The key holds the event's last
// update, so an edit draws afresh; each app server keeps its own copies, which is only speed.
import { createHash } from "node:crypto";

const MAX_ENTRIES = 48;
const entries = new Map<string, Buffer>();

/** A strong validator for the picture drawn from `key`, for ETag and If-None-Match. */
export function ogImageEtag(key: string): string {
  return `"${createHash("sha256").update(key).digest("base64url").slice(0, 27)}"`;
}

/** The PNG for `key`, drawn by `draw` only when this process does not hold it yet. */
export async function cachedOgImage(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const hit = entries.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const png = await draw();
  entries.set(key, png);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return png;
}
