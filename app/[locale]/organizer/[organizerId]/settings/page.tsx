import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrganizerMember } from "@/lib/guards";
import { getOrganizerSettings } from "@/lib/organizers/contact";
import { saveOrganizerContactAction } from "./actions";
import { ContactForm } from "./contact-form";

type Props = { params: Promise<{ organizerId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("OrganizerSettings");
  return { title: t("title"), robots: { index: false } };
}

export const dynamic = "force-dynamic";

/** The organizer's settings: where buyers' replies to order emails go. */
export default async function OrganizerSettingsPage({ params }: Props) {
  const { organizerId } = await params;
  const path = `/organizer/${organizerId}/settings`;
  const { user } = await requireOrganizerMember(organizerId, { permission: "editEvents", returnPath: path });
  const settings = await getOrganizerSettings(user.id, organizerId);
  if (!settings) notFound();
  const t = await getTranslations("OrganizerSettings");
  const texts = {
    label: t("contactLabel"),
    hint: t("contactHint", { email: settings.email }),
    submit: t("save"),
    saving: t("saving"),
    saved: t("saved"),
    errors: { invalid: t("errors.invalid"), too_long: t("errors.too_long"), not_plain: t("errors.not_plain") },
  };
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader back={{ href: `/organizer/${organizerId}`, label: t("backToDashboard") }} heading={t("heading")} />
      <Card as="section" aria-labelledby="organizer-contact" className="flex flex-col gap-3 p-4 sm:p-6">
        <h2 id="organizer-contact" className="text-xl font-bold text-zinc-950">
          {t("contactHeading")}
        </h2>
        <p className="text-zinc-700">{t("contactIntro", { organizer: settings.name })}</p>
        {/* Bound here, not in the client component: see tests/components/server-action-binding.test.ts. */}
        <ContactForm action={saveOrganizerContactAction.bind(null, { organizerId })} current={settings.contactEmail ?? ""} texts={texts} />
      </Card>
    </div>
  );
}
