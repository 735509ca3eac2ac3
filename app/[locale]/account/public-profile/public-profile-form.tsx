"use client";
// Handle, bio and the public switch. A plain form posting to a server action (works without
// JavaScript); a refused post keeps what was typed and names the problem next to its field.
import { failureOf } from "@/lib/action-result";
import { useActionState, useState } from "react";
import { useTranslations } from "@/components/i18n/client-text";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { inputClasses } from "@/components/ui/input";
import { updatePublicProfileAction } from "./actions";

type Props = {
  handle: string;
  bio: string;
  profilePublic: boolean;
  limits: { handleMin: number; handleMax: number; bioMax: number };
};

export function PublicProfileForm({ handle: savedHandle, bio: savedBio, profilePublic: savedPublic, limits }: Props) {
  const t = useTranslations("PublicProfile");
  const [state, formAction, pending] = useActionState(updatePublicProfileAction, null);
  const [handle, setHandle] = useState(savedHandle);
  const [bio, setBio] = useState(savedBio);
  const [profilePublic, setProfilePublic] = useState(savedPublic);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    const failed = failureOf(state);
    if (failed) {
      setHandle(failed.values.handle);
      setBio(failed.values.bio);
      setProfilePublic(failed.values.profilePublic);
    }
  }
  const errors = failureOf(state)?.fieldErrors ?? {};
  const numbers = { min: limits.handleMin, max: limits.handleMax };

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <Field
        id="public-handle"
        name="handle"
        label={t("handleLabel")}
        hint={t("handleHint", numbers)}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={limits.handleMax + 10}
        value={handle}
        onChange={(event) => setHandle(event.currentTarget.value)}
        error={errors.handle ? t(`errors.${errors.handle}`, numbers) : null}
      />
      <Field
        id="public-bio"
        name="bio"
        label={t("bioLabel")}
        hint={t("bioHint", { max: limits.bioMax })}
        error={
          errors.bio === "control_characters"
            ? t("errors.bio_control_characters")
            : errors.bio
              ? t("errors.bio_too_long", { max: limits.bioMax })
              : null
        }
      >
        {(control) => (
          <textarea {...control} rows={4} value={bio} onChange={(event) => setBio(event.currentTarget.value)} className={inputClasses} />
        )}
      </Field>
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-center gap-3 self-start font-semibold text-zinc-900">
          <input
            type="checkbox"
            name="profilePublic"
            checked={profilePublic}
            onChange={(event) => setProfilePublic(event.currentTarget.checked)}
            aria-describedby="public-switch-hint"
            className="size-5 accent-indigo-700"
          />
          {t("publicLabel")}
        </label>
        <p id="public-switch-hint" className="text-sm text-zinc-700">
          {t("publicHint")}
        </p>
      </div>
      <Button type="submit" disabled={pending} aria-disabled={pending} className="self-start">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
