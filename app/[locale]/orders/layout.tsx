import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The order pages' client messages (lib/i18n/client-namespaces.ts). */
export default function OrdersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="orders">{children}</ClientMessages>;
}
