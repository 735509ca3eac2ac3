import Link from "next/link";
import { useTranslations } from "next-intl";

export type ComingSoonFeature = "tickets" | "liked" | "profile" | "publicProfile";

/** A signed-in account page whose feature is not built yet: says so and leads back. */
export function ComingSoon({ feature }: { feature: ComingSoonFeature }) {
  const t = useTranslations("ComingSoon");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-6 sm:px-6 sm:py-10">
      <Link href="/account" className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
        {t("backToAccount")}
      </Link>
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t(`${feature}.title`)}</h1>
      <p className="text-lg text-zinc-800">{t(`${feature}.body`)}</p>
      <p className="text-zinc-700">{t("meanwhile")}</p>
    </div>
  );
}
