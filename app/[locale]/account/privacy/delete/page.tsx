import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { deletionConfirmationMethod, soleOwnedOrganizers } from "@/lib/privacy/delete-account";
import { requireUser } from "@/lib/guards";
import { DeleteAccountForm } from "./delete-account-form";
import { DeletionSummary } from "@/components/privacy/deletion-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

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
      <PageHeader back={{ href: "/account/privacy", label: t("backToPrivacy") }} heading={t("heading")} intro={t("intro")} />

      <DeletionSummary
        removed={{ heading: t("removedHeading"), items: removed.map((key) => t(`removed.${key}`)) }}
        kept={{ heading: t("keptHeading"), items: kept.map((key) => t(`kept.${key}`)) }}
      />

      {orphaned.length > 0 ? (
        <Notice tone="danger">{t("soleOwner", { organizers: orphaned.join(", ") })}</Notice>
      ) : (
        <Card as="section" aria-label={t("formLabel")} className="border-red-200 p-4 sm:p-6">
          <DeleteAccountForm method={method ?? "email"} email={user.email} />
        </Card>
      )}
    </div>
  );
}
