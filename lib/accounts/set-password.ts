// Setting (or changing) the password of an account: the guest's claim of the account a purchase
// created, and later changes. Everyone else signed in as this user is signed out.
import { db } from "../db/client";
import { env } from "../env";
import { enqueueEmails } from "../outbox/queue";
import { checkPasswordPolicy, hashPassword, type PasswordProblem } from "./passwords";

export type SetPasswordResult = { ok: true } | { ok: false; error: PasswordProblem | "no_such_user" };

export async function setPassword({
  userId,
  password,
  currentSessionToken,
  now = new Date(),
}: {
  userId: string;
  password: string;
  /** The session making the change; it stays signed in. Null signs out every session. */
  currentSessionToken: string | null;
  now?: Date;
}): Promise<SetPasswordResult> {
  const policy = checkPasswordPolicy(password);
  if (!policy.ok) return { ok: false, error: policy.problem };
  // Hashing takes tens of milliseconds of CPU: done before the transaction, which stays short.
  const passwordHash = await hashPassword(password);

  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true, passwordHash: true } });
    if (!user) return { ok: false, error: "no_such_user" } as const;
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordSetAt: now } });
    // A thief's session (or a shared computer's) must not outlive the new password; the sessions
    // are rows, so deleting them signs them out on their next request.
    await tx.session.deleteMany({
      where: currentSessionToken ? { userId, sessionToken: { not: currentSessionToken } } : { userId },
    });
    // So must a sign-in link still lying unused in the mailbox, and an app's access token (one
    // a thief made with a stolen session would otherwise keep reading the tickets).
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.personalAccessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    await enqueueEmails(tx, [
      {
        template: "password-set",
        to: user.email,
        locale: user.locale,
        // A first password is news to confirm; replacing one is what a thief would do, so that
        // email warns (read inside the transaction, so two first choices cannot both say "first").
        payload: {
          name: user.name,
          setAt: now.toISOString(),
          signInUrl: `${env().SITE_URL}/login`,
          firstPassword: user.passwordHash === null,
        },
      },
    ]);
    return { ok: true } as const;
  });
}
