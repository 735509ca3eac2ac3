import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { createOrder, createUser, eventIn } from "../tickets/fixtures";
import { orderPath } from "@/lib/orders/order-links";
import { appleWalletEnabled } from "@/lib/wallet/apple-pass";
import { googleWalletEnabled } from "@/lib/wallet/google-pass";
import { GET as applePass } from "@/app/[locale]/orders/[orderId]/tickets/[code]/apple-wallet/route";
import { GET as googleSave } from "@/app/[locale]/orders/[orderId]/tickets/[code]/google-wallet/route";

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
});
