import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { MAGIC_LINK_MAX_AGE_S } from "@/lib/auth/magic-link";
import { queryEmail, type PageQuery } from "../query";
import { ForgotForm } from "./forgot-form";

type Props = { searchParams: Promise<PageQuery> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ForgotPage");
  return { title: t("title"), robots: { index: false } };
}

export default async function ForgotPasswordPage({ searchParams }: Props) {
  const email = queryEmail(await searchParams);
  const t = await getTranslations("ForgotPage");
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro")}</p>
      </div>
      <Card className="p-4 sm:p-6">
        <ForgotForm initialEmail={email} linkMinutes={MAGIC_LINK_MAX_AGE_S / 60} />
      </Card>
    </div>
  );
}
