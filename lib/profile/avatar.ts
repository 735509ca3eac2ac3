// The account's profile picture: upload (or replace) and remove. The old picture is deleted in
// the same transaction that stops pointing at it, so no orphan is left behind and no user ever
// points at a deleted picture.
import type { DbTransaction } from "../db/client";
import { db } from "../db/client";
import { processAvatarImage } from "../uploads/process-image";
import type { UploadProblem } from "../uploads/image-rules";
import { mediaUrl } from "../uploads/media-url";

export type SetAvatarResult = { ok: true; uploadId: string; image: string } | { ok: false; problem: UploadProblem | "no_such_user" };

/** Locks the user's row so that two uploads at once replace each other in turn. */
async function lockCurrentAvatar(tx: DbTransaction, userId: string): Promise<{ avatarId: string | null } | null> {
  const rows = await tx.$queryRaw<{ avatarId: string | null }[]>`
    SELECT "avatarId"::text AS "avatarId" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

async function deleteOldAvatar(tx: DbTransaction, userId: string, avatarId: string | null): Promise<void> {
  // Only a picture this user uploaded: an avatar id never points at someone else's, but the
  // owner check costs nothing.
  if (avatarId) await tx.upload.deleteMany({ where: { id: avatarId, ownerId: userId } });
}

export async function setAvatar({ userId, bytes }: { userId: string; bytes: Uint8Array }): Promise<SetAvatarResult> {
  // Decoding and encoding happen before the transaction: no CPU-heavy work while holding locks.
  const processed = await processAvatarImage(bytes);
  if (!processed.ok) return processed;
  const { image } = processed;
  return db.$transaction(async (tx) => {
    const current = await lockCurrentAvatar(tx, userId);
    if (!current) return { ok: false, problem: "no_such_user" } as const;
    const upload = await tx.upload.create({
      data: {
        ownerId: userId,
        contentType: image.contentType,
        byteSize: image.data.length,
        width: image.width,
        height: image.height,
        data: new Uint8Array(image.data),
      },
      select: { id: true },
    });
    const url = mediaUrl(upload.id);
    await tx.user.update({ where: { id: userId }, data: { avatarId: upload.id, image: url } });
    await deleteOldAvatar(tx, userId, current.avatarId);
    return { ok: true, uploadId: upload.id, image: url } as const;
  });
}

export async function removeAvatar({ userId }: { userId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockCurrentAvatar(tx, userId);
    if (!current) return;
    await tx.user.update({ where: { id: userId }, data: { avatarId: null, image: null } });
    await deleteOldAvatar(tx, userId, current.avatarId);
  });
}
