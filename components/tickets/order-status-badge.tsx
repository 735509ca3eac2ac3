import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { AccountOrderStatus } from "@/lib/tickets/account-tickets";

export async function OrderStatusBadge({ status }: { status: AccountOrderStatus }) {
  const t = await getTranslations("Tickets.status");
  return <Badge tone={status === "PAID" ? "success" : "danger"}>{t(status)}</Badge>;
}
