// On My tickets and a ticket page: the install hint, with its words in the page's language.
import { getTranslations } from "next-intl/server";
import { InstallHint } from "./install-hint";

export async function AddToHomeScreen() {
  const t = await getTranslations("Pwa.install");
  return (
    <InstallHint
      text={{
        heading: t("heading"),
        text: t("text"),
        add: t("add"),
        iosSteps: t("iosSteps"),
        dismiss: t("dismiss"),
        iosDismiss: t("iosDismiss"),
      }}
    />
  );
}
