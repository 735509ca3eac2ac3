import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";

export default async function HomePage() {
  const t = await getTranslations("Site");
  const count = await db.event.count();
  return <main className="p-8 text-xl">{t("name")} {count}</main>;
}
