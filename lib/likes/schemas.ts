// The like form's fields and the answer its action gives, shared by the action, the button and tests.
import { z } from "zod";
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

/** The posted like form, or null when it is not one (a crafted or broken post). */
export function parseLikeForm(formData: FormData): LikeForm | null {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = likeFormSchema.safeParse({
    eventId: field("eventId"),
    intent: field("intent"),
    returnTo: field("returnTo") ?? "/",
    enhanced: field("enhanced") || undefined,
  });
  return parsed.success ? parsed.data : null;
}

export type LikeError = "not_found" | "rate_limited" | "invalid";

/** `liked` is always the stored truth after the attempt, so a refused toggle rolls back to it. */
export type LikeResult = { ok: true; liked: boolean } | { ok: false; error: LikeError; liked: boolean };
