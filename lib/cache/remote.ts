// Work outside a request (the worker releasing expired holds, scripts) cannot expire Next's
// cache itself: revalidateTag needs a request of the web server. It asks the web servers instead,
// with a signed POST to /internal/revalidate on each address in REVALIDATE_URLS (by default
// SITE_URL). With REDIS_URL the servers share one cache and one address is enough; without it
// each server keeps its own and all must be listed. Best effort: a server that does not answer
// shows the change anyway once the few seconds' revalidate of availability pass.
import { env } from "@/lib/env";
import { tagsForEvents } from "./event-tags";
import { REVALIDATE_PATH, SIGNATURE_HEADER, signRevalidation } from "./signature";

const TIMEOUT_MS = 2_000;

export type Announcement = { url: string; ok: boolean; status?: number; error?: string };

/** Asks every web server to expire `tags`; says per server how it went, and never throws. */
export async function announceTagsChanged(
  tags: readonly string[],
  { urls = env().REVALIDATE_URLS ?? [env().SITE_URL], secret = env().AUTH_SECRET }: { urls?: string[]; secret?: string } = {},
): Promise<Announcement[]> {
  if (tags.length === 0) return [];
  const { body, signature } = signRevalidation([...tags], secret);
  return Promise.all(
    urls.map(async (base): Promise<Announcement> => {
      const url = `${base}${REVALIDATE_PATH}`;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: "manual",
        });
        await response.body?.cancel();
        return { url, ok: response.ok, status: response.status };
      } catch (error) {
        return { url, ok: false, error: (error as Error).message };
      }
    }),
  );
}

/** After tickets of these events came back on sale (or ran out) outside a request. */
export async function announceEventsChanged(
  eventIds: readonly string[],
  options?: Parameters<typeof announceTagsChanged>[1],
): Promise<Announcement[]> {
  if (eventIds.length === 0) return [];
  return announceTagsChanged(await tagsForEvents(eventIds), options);
}
