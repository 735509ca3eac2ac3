// The organizer's event page: the card with the setting for passing tickets on, shown to those
// who may change it (lib/transfers/settings.ts asks the role matrix: editEvents).
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { saveTransferSettingsAction } from "@/app/[locale]/organizer/[organizerId]/events/[eventId]/transfers/actions";
import { getTransferSettings } from "@/lib/transfers/settings";
import { TransferSettingsForm } from "./transfer-settings-form";

export async function TransferSettingsCard({ userId, organizerId, eventId }: { userId: string; organizerId: string; eventId: string }) {
  const [settings, t] = await Promise.all([getTransferSettings(userId, organizerId, eventId), getTranslations("Transfers.settings")]);
  if (!settings) return null;
  return (
    <Card as="section" aria-labelledby="transfer-settings-heading" className="flex flex-col gap-3 p-4 sm:p-6">
      <h2 id="transfer-settings-heading" className="text-xl font-bold text-zinc-950">
        {t("heading")}
      </h2>
      <TransferSettingsForm
        action={saveTransferSettingsAction.bind(null, { organizerId, eventId })}
        current={settings}
        texts={{
          allowedLabel: t("allowedLabel"),
          cutoffLabel: t("cutoffLabel"),
          cutoffHint: t("cutoffHint"),
          submit: t("submit"),
          saving: t("saving"),
          saved: t("saved"),
          cutoffInvalid: t("errors.cutoff_invalid"),
        }}
      />
    </Card>
  );
}
