// Reads for the profile pages, shaped for them: only the fields each page shows.
import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Locale } from "../db/types";
import { handleFromPath } from "./handle";

export type ProfileSettings = {
  name: string | null;
  email: string;
  locale: Locale;
  image: string | null;
  handle: string | null;
  bio: string | null;
  profilePublic: boolean;
};

export async function getProfileSettings(userId: string): Promise<ProfileSettings | null> {
  return db.user.findUnique({
    where: { id: userId },
    select: { name: true, email: true, locale: true, image: true, handle: true, bio: true, profilePublic: true },
  });
}

/** What a visitor sees at /u/<handle>: never the email, orders or anything not chosen. */
export type PublicProfile = { handle: string; name: string | null; image: string | null; bio: string | null };

/**
 * The public profile behind a handle in any letter case, or null when there is none or its
 * owner keeps it private: both answers are the same, so a handle's existence does not leak.
 */
export const getPublicProfile = cache(async (segment: string): Promise<PublicProfile | null> => {
  const handle = handleFromPath(segment);
  if (!handle) return null;
  const user = await db.user.findFirst({
    where: { handle, profilePublic: true },
    select: { handle: true, name: true, image: true, bio: true },
  });
  if (!user?.handle) return null;
  return { handle: user.handle, name: user.name, image: user.image, bio: user.bio };
});
