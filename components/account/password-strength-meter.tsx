"use client";
// The meter under a new-password field: four bars and a word, updated as the person types.
// The word sits in a polite live region, so a screen reader says it when the level changes.
import { useTranslations } from "@/components/i18n/client-text";
import { classNames } from "@/components/ui/class-names";
import { estimatePasswordStrength } from "@/lib/accounts/password-strength";

const barColours = ["bg-red-700", "bg-red-700", "bg-amber-600", "bg-green-700", "bg-green-700"] as const;

export function PasswordStrengthMeter({ password, id }: { password: string; id?: string }) {
  const t = useTranslations("Auth.strength");
  const strength = estimatePasswordStrength(password);
  const empty = password.length === 0;
  return (
    <div id={id} className="flex flex-col gap-1.5">
      <div aria-hidden="true" className="grid grid-cols-4 gap-1">
        {[1, 2, 3, 4].map((bar) => (
          <span
            key={bar}
            className={classNames(
              "h-1.5 rounded-full",
              !empty && (strength >= bar || (bar === 1 && strength === 0)) ? barColours[strength] : "bg-zinc-200",
            )}
          />
        ))}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-zinc-700">
        {empty ? null : (
          <>
            {t("label")}: <span className="font-semibold text-zinc-900">{t(String(strength) as "0" | "1" | "2" | "3" | "4")}</span>
          </>
        )}
      </p>
    </div>
  );
}
