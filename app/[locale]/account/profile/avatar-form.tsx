"use client";
// Uploading a profile picture. Works without JavaScript (the server checks everything); with it,
// a file over the size limit is refused before it is sent, with the same message.
import { failureOf } from "@/lib/action-result";
import { useActionState, useState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { uploadAvatarAction } from "./actions";

type Props = { hasPicture: boolean; maxBytes: number; maxSide: number; maxMegapixels: number };

export function AvatarForm({ hasPicture, maxBytes, maxSide, maxMegapixels }: Props) {
  const t = useTranslations("Profile.picture");
  const [state, formAction, pending] = useActionState(uploadAvatarAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    setTooLarge(false);
  }
  const maxMb = Math.round(maxBytes / (1024 * 1024));
  const problem = tooLarge ? "too_large" : failureOf(state)?.error;

  return (
    <form
      action={formAction}
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        if (tooLarge) event.preventDefault();
      }}
    >
      <Field
        id="profile-avatar"
        name="avatar"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        label={t("fileLabel")}
        hint={t("fileHint", { maxMb })}
        error={problem ? t(`errors.${problem}`, { maxMb, maxSide, maxMegapixels }) : null}
        className="[&_input]:py-2"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          setTooLarge(file !== undefined && file.size > maxBytes);
        }}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("uploading") : hasPicture ? t("replace") : t("upload")}
      </Button>
    </form>
  );
}
