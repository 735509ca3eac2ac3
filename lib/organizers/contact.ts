// Where buyers reach an organizer: the contact address of the settings page, which order emails
// carry as Reply-To (their footer says that replying reaches the organizer). Without one, the
// organizer's own address answers, as organizer messages always did.
import "server-only";
import { z } from "zod";
import { parseEmail } from "../accounts/email-address";
import { db } from "../db/client";
import { fieldErrorsOf } from "../forms";
import { ORGANIZER_CONTACT_SELECT } from "./contact-address";
import { findMembership } from "./membership";

export { ORGANIZER_CONTACT_SELECT, organizerReplyTo } from "./contact-address";

/** Who may change it: the same owners and admins who edit the events it answers for. */
const SETTINGS_PERMISSION = "editEvents";

export type ContactFieldError = "invalid" | "too_long" | "not_plain";

/**
 * The settings form. An empty field means "use the organizer's own address"; anything else is
 * one plain address (the buyer-address rule of lib/accounts/email-address.ts: no display name,
 * no list, no line break that could add a header), stored in its canonical form.
 */
export const contactSettingsSchema = z.object({
  contactEmail: z
    .string()
    .trim()
    .transform((value, ctx): string | null => {
      if (value === "") return null;
      const parsed = parseEmail(value);
      if (parsed.ok) return parsed.email;
      ctx.addIssue({ code: "custom", message: parsed.problem === "empty" ? "invalid" : parsed.problem });
      return z.NEVER;
    }),
});

export type ContactSettings = z.output<typeof contactSettingsSchema>;
export type ContactFieldErrors = { contactEmail?: ContactFieldError };

export function parseContactSettings(values: {
  contactEmail: string;
}): { ok: true; data: ContactSettings } | { ok: false; fieldErrors: ContactFieldErrors } {
  const parsed = contactSettingsSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: fieldErrorsOf<ContactFieldError>(parsed.error) };
}

/** The settings page: the organizer, its own address and the contact address; null when not allowed. */
export async function getOrganizerSettings(userId: string, organizerId: string) {
  const membership = await findMembership(userId, organizerId, SETTINGS_PERMISSION);
  if (!membership) return null;
  return db.organizer.findUniqueOrThrow({
    where: { id: membership.id },
    select: { id: true, name: true, ...ORGANIZER_CONTACT_SELECT },
  });
}

export type SaveContactResult =
  | { ok: true; contactEmail: string | null }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "invalid_form"; fieldErrors: ContactFieldErrors };

export async function saveOrganizerContact({
  userId,
  organizerId,
  contactEmail,
}: {
  userId: string;
  organizerId: string;
  contactEmail: string;
}): Promise<SaveContactResult> {
  const membership = await findMembership(userId, organizerId, SETTINGS_PERMISSION);
  if (!membership) return { ok: false, error: "not_found" };
  const parsed = parseContactSettings({ contactEmail });
  if (!parsed.ok) return { ok: false, error: "invalid_form", fieldErrors: parsed.fieldErrors };
  await db.organizer.update({ where: { id: membership.id }, data: { contactEmail: parsed.data.contactEmail } });
  return { ok: true, contactEmail: parsed.data.contactEmail };
}
