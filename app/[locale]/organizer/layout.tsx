import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The messages this area's client components need (lib/i18n/client-namespaces.ts). */
export default function OrganizerLayout({ children }: { children: ReactNode }) {
  return <ClientMessages area="organizer">{children}</ClientMessages>;
}
