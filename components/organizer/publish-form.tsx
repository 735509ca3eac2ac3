"use client";
// Publish or unpublish an event. Taking back an event with sold tickets asks for a tick first.
import { useActionState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import type { PublishFormState } from "@/lib/organizers/event-form";

type PublishFormProps = {
  action: (previous: PublishFormState | null, formData: FormData) => Promise<PublishFormState | null>;
  published: boolean;
  hasSales: boolean;
};

export function PublishForm({ action, published, hasSales }: PublishFormProps) {
  const t = useTranslations("OrganizerEvents");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="intent" value={published ? "unpublish" : "publish"} />
      {state ? (
        <p role="alert" className="font-semibold text-red-700">
          {t(`errors.${state.error}`)}
        </p>
      ) : null}
      {published && hasSales ? (
        <>
          <p className="text-zinc-800">{t("unpublishWarning")}</p>
          <label className="flex min-h-11 items-center gap-3 self-start">
            <input type="checkbox" name="confirmSold" className="size-5 accent-indigo-700" />
            {t("confirmUnpublish")}
          </label>
        </>
      ) : null}
      <Button type="submit" variant={published ? "secondary" : "primary"} disabled={pending} className="self-start">
        {published ? t("unpublish") : t("publish")}
      </Button>
    </form>
  );
}
