import { isValidOrderKey, orderCancelPath, orderPath, orderUrl } from "@/lib/orders/order-links";

const order = { id: "01a2159d-66a7-766f-9055-55a29deb0191", buyerEmail: "greta@example.se" };
const keyOf = (path: string) => new URLSearchParams(path.split("?")[1]).get("key");

describe("order links", () => {
  it("open the order they were made for, at the address it belongs to", () => {
    const key = keyOf(orderPath(order));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(isValidOrderKey(order, key)).toBe(true);
    expect(keyOf(orderCancelPath(order))).toBe(key);
    expect(orderUrl(order)).toMatch(new RegExp(`^https?://[^/]+/orders/${order.id}\\?key=${key}$`));
  });

  it("open nothing for another order, another address, a changed key or none", () => {
    const key = keyOf(orderPath(order));
    expect(isValidOrderKey({ ...order, id: "01a2159d-66a7-766f-9055-55a29deb0192" }, key)).toBe(false);
    // An email correction moves the order to another address: links sent to the old one die.
    expect(isValidOrderKey({ ...order, buyerEmail: "greta@gmail.com" }, key)).toBe(false);
    expect(isValidOrderKey(order, `${key!.slice(0, -1)}${key!.endsWith("A") ? "B" : "A"}`)).toBe(false);
    expect(isValidOrderKey(order, key!.slice(0, 10))).toBe(false);
    expect(isValidOrderKey(order, "")).toBe(false);
    expect(isValidOrderKey(order, null)).toBe(false);
  });
});
