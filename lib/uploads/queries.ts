// Reads of stored pictures for the /media route.
import "server-only";
import { db } from "../db/client";
import { isUuid } from "@/lib/ids";

export type StoredUpload = { contentType: string; data: Uint8Array };

/** The picture with this id, or null for an unknown or malformed one (never a query error). */
export async function getUpload(id: string): Promise<StoredUpload | null> {
  if (!isUuid(id)) return null;
  return db.upload.findUnique({ where: { id: id.toLowerCase() }, select: { contentType: true, data: true } });
}
