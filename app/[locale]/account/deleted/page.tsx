import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DeletionSummary } from "@/components/privacy/deletion-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccountDeleted");
  return { title: t("title"), robots: { index: false } };
}

const removed = ["account", "profile", "liked", "emails"] as const;
const kept = ["orders", "tickets", "consents"] as const;

/**
 * Where a deleted account ends up. Outside the signed-in pages on purpose: there is no session
 * any more. It names nobody, so anyone may load it.
 */
export default async function AccountDeletedPage() {
  const t = await getTranslations("AccountDeleted");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p role="status" className="text-zinc-800">
          {t("intro")}
        </p>
      </div>
      <DeletionSummary
        removed={{ heading: t("removedHeading"), items: removed.map((key) => t(`removed.${key}`)) }}
        kept={{ heading: t("keptHeading"), items: kept.map((key) => t(`kept.${key}`)) }}
      />
      <p className="text-zinc-800">{t("again")}</p>
      <Button href="/" variant="secondary" className="self-start">
        {t("home")}
      </Button>
    </div>
  );
}
