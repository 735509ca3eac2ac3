// The like form's fields and the answer its action gives, shared by the action, the button and tests.
import { z } from "zod";
import type { ActionResult } from "../action-result";
import { form } from "../forms";
import { safeReturnPath } from "../navigation/return-path";

export const likeFormSchema = z.object({
  eventId: z.uuid(),
  intent: z.enum(["like", "unlike"]),
  // Where a browser without JavaScript is sent back to; only a path on this site.
  returnTo: z.string().transform((value) => safeReturnPath(value, "/")),
  // Present only once the page runs JavaScript: the button then wants an answer, not a redirect.
  enhanced: z.literal("1").optional(),
});

export type LikeForm = z.infer<typeof likeFormSchema>;

/** The like form as posted (lib/forms.ts readers: missing fields read as ""). */
export const likeFieldsSchema = z.object({
  eventId: form.text(100),
  intent: form.text(16),
  returnTo: form.text(2_048),
  enhanced: form.text(4),
});
export type LikeFields = z.infer<typeof likeFieldsSchema>;

/** The posted like form, or null when it is not one (a crafted or broken post). */
export function parseLikeForm(fields: Partial<LikeFields>): LikeForm | null {
  const parsed = likeFormSchema.safeParse({
    eventId: fields.eventId,
    intent: fields.intent,
    returnTo: fields.returnTo || "/",
    enhanced: fields.enhanced || undefined,
  });
  return parsed.success ? parsed.data : null;
}

export type LikeError = "not_found" | "rate_limited" | "invalid";

/** `liked` is always the stored truth after the attempt, so a refused toggle rolls back to it. */
export type LikeResult = { ok: true; liked: boolean } | { ok: false; error: LikeError; liked: boolean };

/** The heart's action's answer (lib/action-result.ts's shape): setLike's result as the button reads it. */
export type LikeAnswer = ActionResult<{ liked: boolean }, LikeError, { liked: boolean }>;
