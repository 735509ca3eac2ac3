import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ComingSoon } from "@/components/account/coming-soon";
import { requireUser } from "../require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ComingSoon");
  return { title: t("publicProfile.title"), robots: { index: false } };
}

// A placeholder until its own issue lands; it is signed-in only already.
export default async function PublicProfilePage() {
  await requireUser("/account/public-profile");
  return <ComingSoon feature="publicProfile" />;
}
