// Where sign-in sends someone back to when they open a confirmation link signed out: the same
// link, so that they can confirm once signed in. signInPath (lib/guards.ts) encodes it whole,
// since it travels as one query parameter (callbackUrl) of the sign-in page.
const TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

export function confirmReturnPath(token: string | null): string {
  return token && TOKEN.test(token) ? `/account/email/confirm?token=${token}` : "/account/email";
}
