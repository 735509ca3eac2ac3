import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { safeReturnPath } from "@/lib/navigation/return-path";
import { AFTER_SIGN_IN_PATH, signInPurpose } from "../destination";
import { queryEmail, queryValue, type PageQuery } from "../query";

type Props = { searchParams: Promise<PageQuery> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ConfirmLinkPage");
  return { title: t("title"), robots: { index: false } };
}

/*
 * Every emailed sign-in link opens this page. Loading it changes nothing: mail scanners fetch
 * links, and a GET that used the token would sign them in and leave the buyer with a dead link.
 * Only the button, a plain POST, goes on to Auth.js's callback, which uses up the token.
 * Auth.js reads token and email from the callback's query string, not from a posted body, so
 * they travel in the form's action URL. The words say what the click does, from the link's way
 * back: sign in, sign in and choose a password, or sign in and save a like.
 */
export default async function ConfirmLinkPage({ searchParams }: Props) {
  const query = await searchParams;
  const t = await getTranslations("ConfirmLinkPage");
  const token = queryValue(query, "token");
  const email = queryEmail(query);
  // The path carries its language already: the one the visitor browsed in when asking for the link.
  const callbackUrl = safeReturnPath(queryValue(query, "callbackUrl"), AFTER_SIGN_IN_PATH);
  const complete = token !== null && /^[A-Za-z0-9_-]{16,256}$/.test(token) && email !== "";
  const action = complete ? `/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl }).toString()}` : "";
  const purpose = signInPurpose(callbackUrl);

  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{complete ? t(`purposes.${purpose}.heading`) : t("heading")}</h1>
      <Card className="flex flex-col gap-4 p-4 sm:p-6">
        {complete ? (
          <form method="post" action={action} className="flex flex-col gap-4">
            <p className="text-zinc-900">{t(`purposes.${purpose}.body`, { email })}</p>
            <Button type="submit" size="lg" fullWidth>
              {t(`purposes.${purpose}.submit`)}
            </Button>
            <p className="text-sm text-zinc-700">{t("scannerNote")}</p>
          </form>
        ) : (
          <>
            <p role="alert" className="text-zinc-900">
              {t("invalid")}
            </p>
            <Button href="/login" variant="secondary">
              {t("requestNew")}
            </Button>
          </>
        )}
      </Card>
    </div>
  );
}
