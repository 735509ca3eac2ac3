import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { orderPath } from "@/lib/orders/order-links";
import { appleWalletEnabled } from "@/lib/wallet/apple-pass";
import { googleWalletEnabled } from "@/lib/wallet/google-pass";
import { GET as applePass } from "@/app/[locale]/orders/[orderId]/tickets/[code]/apple-wallet/route";
import { GET as googleSave } from "@/app/[locale]/orders/[orderId]/tickets/[code]/google-wallet/route";
import { GET as linkedApplePass } from "@/app/[locale]/tickets/[transferId]/apple-wallet/route";
import { GET as linkedGoogleSave } from "@/app/[locale]/tickets/[transferId]/google-wallet/route";
import { organizerWithTeam, paidOrder } from "../organizer-ops/fixtures";
import { passTicketOn } from "@/lib/transfers/pass-ticket-on";
import { ticketLinkUrl } from "@/lib/transfers/ticket-links";

for (const name of Object.keys(process.env)) if (/^(APPLE_PASS_|APPLE_WWDR_|GOOGLE_WALLET_)/.test(name)) delete process.env[name];

useTestDatabase();

describe(`a site without wallet settings (${databaseKind})`, () => {
  it("offers no passes: both wallet routes answer 404 even to the order's own key", async () => {
    expect(appleWalletEnabled()).toBe(false);
    expect(googleWalletEnabled()).toBe(false);
    const user = await createUser();
    const order = await createOrder({ ...(await eventIn(5)), userId: user.id, buyerEmail: user.email });
    const key = new URL(orderPath(order), "http://localhost").searchParams.get("key")!;
    const code = order.tickets[0].code;
    const params = Promise.resolve({ locale: "sv", orderId: order.id, code });
    const notFound = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    await expect(
      applePass(new Request(`http://localhost/orders/${order.id}/tickets/${code}/apple-wallet?key=${key}`), { params }),
    ).rejects.toEqual(notFound);
    await expect(
      googleSave(new Request(`http://localhost/orders/${order.id}/tickets/${code}/google-wallet?key=${key}`), { params }),
    ).rejects.toEqual(notFound);
  });

  it("offers no passes of a passed-on ticket either, even to its holder's own link", async () => {
    const team = await organizerWithTeam();
    const order = await paidOrder(
      { eventId: team.event.id, ticketTypeId: team.ticketTypes[0].id },
      { email: "greta@example.se", name: "Greta" },
    );
    const passed = await passTicketOn({
      sender: { via: "order", orderId: order.id, key: new URL(orderPath(order), "http://localhost").searchParams.get("key")! },
      code: order.tickets[0].code,
      recipient: { name: "Tove", email: "tove.unconfigured@example.se" },
      locale: "sv",
    });
    if (!passed.ok) throw new Error(passed.error);
    const key = new URL(ticketLinkUrl({ id: passed.transferId, toEmail: passed.toEmail })).searchParams.get("key")!;
    const params = Promise.resolve({ locale: "sv", transferId: passed.transferId });
    const notFound = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });
    for (const [route, wallet] of [
      [linkedApplePass, "apple-wallet"],
      [linkedGoogleSave, "google-wallet"],
    ] as const) {
      await expect(route(new Request(`http://localhost/tickets/${passed.transferId}/${wallet}?key=${key}`), { params })).rejects.toEqual(
        notFound,
      );
    }
  });
});
