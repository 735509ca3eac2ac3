// The one rule for where buyers' replies to an order email go. Kept free of server-only code:
// the email sender (`npm run worker`, plain Node) builds payloads with it too.

/** The columns organizerReplyTo reads: select them wherever an order email's payload is made. */
export const ORGANIZER_CONTACT_SELECT = { email: true, contactEmail: true } as const;

/** The Reply-To of an email about an order: the organizer's contact address, else its own address. */
export function organizerReplyTo(organizer: { email: string; contactEmail: string | null }): string {
  return organizer.contactEmail ?? organizer.email;
}
