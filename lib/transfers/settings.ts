// The organizer's setting for passing tickets on, per event: allowed or not, and how many hours
// before the start it closes. Owners and admins (roles.ts: editEvents) change it.
import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { findMemberEvent } from "../organizers/membership";
import { MAX_TRANSFER_CUTOFF_HOURS } from "./rules";

export type TransferSettingsFieldErrors = { cutoffHours?: "cutoff_invalid" };

export const transferSettingsSchema = z.object({
  allowed: z.boolean(),
  cutoffHours: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: "cutoff_invalid" })
    .transform(Number)
    .refine((hours) => hours <= MAX_TRANSFER_CUTOFF_HOURS, { error: "cutoff_invalid" }),
});

export type SaveTransferSettingsResult =
  | { ok: true; allowed: boolean; cutoffHours: number }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid_form"; fieldErrors: TransferSettingsFieldErrors };

export async function saveTransferSettings({
  userId,
  organizerId,
  eventId,
  allowed,
  cutoffHours,
}: {
  userId: string;
  organizerId: string;
  eventId: string;
  allowed: boolean;
  cutoffHours: string;
}): Promise<SaveTransferSettingsResult> {
  const found = await findMemberEvent(userId, organizerId, eventId, "editEvents");
  if (!found) return { ok: false, error: "not_found" };
  const parsed = transferSettingsSchema.safeParse({ allowed, cutoffHours });
  if (!parsed.success) return { ok: false, error: "invalid_form", fieldErrors: { cutoffHours: "cutoff_invalid" } };
  await db.event.update({
    where: { id: found.event.id },
    data: { transfersAllowed: parsed.data.allowed, transferCutoffMinutes: parsed.data.cutoffHours * 60 },
  });
  return { ok: true, allowed: parsed.data.allowed, cutoffHours: parsed.data.cutoffHours };
}

/** What the settings form shows; null when the user may not change it. */
export async function getTransferSettings(userId: string, organizerId: string, eventId: string) {
  const found = await findMemberEvent(userId, organizerId, eventId, "editEvents");
  if (!found) return null;
  const event = await db.event.findUniqueOrThrow({
    where: { id: found.event.id },
    select: { transfersAllowed: true, transferCutoffMinutes: true },
  });
  return { allowed: event.transfersAllowed, cutoffHours: Math.round(event.transferCutoffMinutes / 60) };
}
