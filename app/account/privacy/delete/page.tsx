import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { deletionConfirmationMethod, soleOwnedOrganizers } from "@/lib/privacy/delete-account";
import { requireUser } from "../../require-user";
import { DeleteAccountForm } from "./delete-account-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PrivacyDelete");
  return { title: t("title"), robots: { index: false } };
}

const removed = ["account", "profile", "liked", "tokens", "emails"] as const;
const kept = ["orders", "tickets", "consents"] as const;

/** The confirm step of deleting an account: what goes, what stays, and the typed confirmation. */
export default async function DeleteAccountPage() {
  const user = await requireUser("/account/privacy/delete");
  const [t, method, orphaned] = await Promise.all([
    getTranslations("PrivacyDelete"),
    deletionConfirmationMethod(user.id),
    soleOwnedOrganizers(user.id),
  ]);

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <div className="flex flex-col gap-2">
        <Link href="/account/privacy" className="self-start text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          {t("backToPrivacy")}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
        <p className="text-zinc-700">{t("intro")}</p>
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

      {orphaned.length > 0 ? (
        <p role="alert" className="rounded-lg border border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">
          {t("soleOwner", { organizers: orphaned.join(", ") })}
        </p>
      ) : (
        <Card as="section" aria-label={t("formLabel")} className="border-red-200 p-4 sm:p-6">
          <DeleteAccountForm method={method ?? "email"} email={user.email} />
        </Card>
      )}
    </div>
  );
}
