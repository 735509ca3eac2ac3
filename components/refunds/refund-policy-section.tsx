// The refund policy's part of an event's edit page: heading, what it means, and the form bound
// to the event here (a server component), never in the client form.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getRefundPolicyForEditing, refundPolicyValues } from "@/lib/refunds/refund-policy-settings";
import { saveRefundPolicyAction } from "@/app/[locale]/organizer/[organizerId]/events/[eventId]/edit/actions";
import { RefundPolicyForm } from "./refund-policy-form";

export async function RefundPolicySection({ userId, organizerId, eventId }: { userId: string; organizerId: string; eventId: string }) {
  const policy = await getRefundPolicyForEditing(userId, organizerId, eventId);
  if (!policy) return null;
  const t = await getTranslations("RefundPolicyForm");
  return (
    <Card as="section" aria-labelledby="refund-policy-heading" className="flex flex-col gap-3 p-4 sm:p-6">
      <h2 id="refund-policy-heading" className="text-xl font-bold text-zinc-950">
        {t("heading")}
      </h2>
      <p className="text-zinc-700">{t("intro")}</p>
      <RefundPolicyForm
        action={saveRefundPolicyAction.bind(null, { organizerId, eventId })}
        current={refundPolicyValues(policy)}
        texts={{
          kind: t("kind"),
          kindNone: t("kindNone"),
          kindUntil: t("kindUntil"),
          daysBefore: t("daysBefore"),
          daysBeforeHint: t("daysBeforeHint"),
          feeKind: t("feeKind"),
          feeNone: t("feeNone"),
          feeFixed: t("feeFixed"),
          feePercent: t("feePercent"),
          feeValue: t("feeValue"),
          feeValueHint: t("feeValueHint"),
          save: t("save"),
          saved: t("saved"),
          errors: { days: t("errors.days"), fee: t("errors.fee"), percent: t("errors.percent") },
        }}
      />
    </Card>
  );
}
