import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** An event that does not exist, is not published yet or was cancelled. */
export default async function EventNotFound() {
  const t = await getTranslations("EventNotFound");
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <p className="text-lg text-zinc-700">{t("body")}</p>
      <Button href="/events">{t("allEvents")}</Button>
    </div>
  );
}
