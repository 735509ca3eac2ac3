import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_S } from "@/lib/auth/magic-link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CheckEmailPage");
  return { title: t("title"), robots: { index: false } };
}

// Auth.js's verifyRequest page, and where "email me a link" ends. It names no address: the
// same page follows every request, whoever the address belongs to.
export default async function CheckEmailPage() {
  const t = await getTranslations("CheckEmailPage");
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <Card className="flex flex-col gap-3 p-4 sm:p-6">
        <p role="status" className="text-zinc-900">
          {t("body", { minutes: MAGIC_LINK_MAX_AGE_S / 60 })}
        </p>
        <p className="text-zinc-700">{t("spam")}</p>
        <Link href="/login" className="self-start font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          {t("backToLogin")}
        </Link>
      </Card>
    </div>
  );
}
