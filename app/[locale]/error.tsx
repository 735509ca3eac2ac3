"use client";
// Shown when a page fails to render; the header and footer of the root layout stay in place.
import { useEffect } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("ErrorPage");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto flex max-w-2xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight text-zinc-950">{t("heading")}</h1>
      <p className="text-lg text-zinc-700">{t("body")}</p>
      {digest ? <p className="text-sm text-zinc-700">{t("reference", { digest })}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => retry()}>{t("retry")}</Button>
        <Button href="/" variant="secondary">
          {t("home")}
        </Button>
      </div>
    </div>
  );
}
