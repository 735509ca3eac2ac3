// What the pages' scripts learn about the visitor, in one answer (app/api/viewer/route.ts):
// the account menu, whether to offer the organizer pages, the hearts, and whose tickets the
// service worker keeps. Public pages are the same for every visitor and served from a cache;
// this is how the per-visitor parts reach them.
import "server-only";
import type { SessionUser } from "../auth/callbacks";
import { listAllLikedEventIds } from "../likes/queries";
import { isOrganizerMember } from "../organizers/membership";
import { offlineOwner } from "../tickets/offline-owner";

export type ViewerSummary = {
  user: { name: string | null; email: string; image: string | null; isOrganizer: boolean } | null;
  /** An HMAC of the user id for the service worker (lib/tickets/offline-owner.ts); null when signed out. */
  offlineOwner: string | null;
  likedEventIds: string[];
};

export const nobody: ViewerSummary = { user: null, offlineOwner: null, likedEventIds: [] };

export async function viewerSummary(user: SessionUser | null): Promise<ViewerSummary> {
  if (!user) return nobody;
  const [isOrganizer, likedEventIds] = await Promise.all([isOrganizerMember(user.id), listAllLikedEventIds(user.id)]);
  return {
    user: { name: user.name, email: user.email, image: user.image, isOrganizer },
    offlineOwner: offlineOwner(user.id),
    likedEventIds,
  };
}
