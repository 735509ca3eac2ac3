// The checkout's proof that this browser bought an order (lib/orders/buyer-browser.ts): the
// checkout answers with the order's `bought` route carrying it, and only a right, fresh proof
// for that very order makes the route set the buying browser's cookie.
import { randomUUID } from "node:crypto";
import { BOUGHT_PROOF_MS, boughtPath, isBoughtProof } from "@/lib/orders/buyer-browser";

function proofOf(path: string) {
  const url = new URL(path, "https://biljett.example.se");
  return { url, until: url.searchParams.get("until"), proof: url.searchParams.get("proof") };
}

describe("the checkout's proof for the bought route", () => {
  const orderId = randomUUID();
  const orderPath = `/orders/${orderId}?key=abcDEF123_-`;
  const now = new Date("2027-03-01T12:00:00Z");

  it("goes to the order's bought route with the order's key and a proof", () => {
    const { url, until, proof } = proofOf(boughtPath(orderPath, orderId, now));
    expect(url.pathname).toBe(`/orders/${orderId}/bought`);
    expect(url.searchParams.get("key")).toBe("abcDEF123_-");
    expect(Number(until) * 1000).toBe(now.getTime() + BOUGHT_PROOF_MS);
    expect(isBoughtProof(orderId, until, proof, now)).toBe(true);
  });

  it("is refused for another order, another time, a changed signature, once expired, or missing", () => {
    const { until, proof } = proofOf(boughtPath(orderPath, orderId, now));
    expect(isBoughtProof(randomUUID(), until, proof, now)).toBe(false);
    expect(isBoughtProof(orderId, String(Number(until) + 60), proof, now)).toBe(false);
    expect(isBoughtProof(orderId, until, `${proof!.slice(0, -1)}${proof!.endsWith("A") ? "B" : "A"}`, now)).toBe(false);
    expect(isBoughtProof(orderId, until, proof, new Date(now.getTime() + BOUGHT_PROOF_MS))).toBe(false);
    expect(isBoughtProof(orderId, until, null, now)).toBe(false);
    expect(isBoughtProof(orderId, null, proof, now)).toBe(false);
    expect(isBoughtProof(orderId, "soon", proof, now)).toBe(false);
  });
});
