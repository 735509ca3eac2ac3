import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The checkout form's messages (lib/i18n/client-namespaces.ts). */
export default function CheckoutLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="checkout">{children}</ClientMessages>;
}
