import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

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
      <section aria-labelledby="removed" className="flex flex-col gap-2">
        <h2 id="removed" className="text-xl font-bold text-zinc-950">
          {t("removedHeading")}
        </h2>
        <ul className="flex list-disc flex-col gap-1 pl-6 text-zinc-800">
          {removed.map((key) => (
            <li key={key}>{t(`removed.${key}`)}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="kept" className="flex flex-col gap-2">
        <h2 id="kept" className="text-xl font-bold text-zinc-950">
          {t("keptHeading")}
        </h2>
        <ul className="flex list-disc flex-col gap-1 pl-6 text-zinc-800">
          {kept.map((key) => (
            <li key={key}>{t(`kept.${key}`)}</li>
          ))}
        </ul>
      </section>
      <p className="text-zinc-800">{t("again")}</p>
      <Button href="/" variant="secondary" className="self-start">
        {t("home")}
      </Button>
    </div>
  );
}
