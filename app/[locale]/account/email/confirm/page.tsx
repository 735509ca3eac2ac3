import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { findEmailChange } from "@/lib/accounts/email-change";
import { requireUser } from "@/lib/guards";
import { ConfirmEmailForm } from "./confirm-form";
import { confirmReturnPath } from "./return-path";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EmailChange.confirm");
  // The address carries the token: referrers name only our origin, never the path. Not
  // "no-referrer": with it a browser posts the form with `Origin: null`, which Next refuses as
  // a cross-site server action, so the button failed without JavaScript.
  return { title: t("title"), robots: { index: false }, referrer: "strict-origin" };
}

/*
 * Where the link in the "confirm your new address" email lands. Loading it changes nothing
 * (scanners fetch links); only the button posts. The account that asked must be signed in,
 * so someone else who gets hold of the link cannot use it.
 */
export default async function ConfirmEmailChangePage({ searchParams }: Props) {
  const query = await searchParams;
  const token = typeof query.token === "string" ? query.token : null;
  const user = await requireUser(confirmReturnPath(token));
  const [t, pending] = await Promise.all([
    getTranslations("EmailChange.confirm"),
    token ? findEmailChange({ userId: user.id, token }) : Promise.resolve(null),
  ]);

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <Card className="flex flex-col gap-4 p-4 sm:p-6">
        {token && pending ? (
          <ConfirmEmailForm token={token} newEmail={pending.newEmail} />
        ) : (
          <>
            <p role="alert" className="text-zinc-900">
              {t("invalid")}
            </p>
            <Button href="/account/email" variant="secondary" className="self-start">
              {t("requestNew")}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
