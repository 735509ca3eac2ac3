import { confirmReturnPath } from "@/app/[locale]/account/email/confirm/return-path";
import { safeReturnPath } from "@/lib/navigation/return-path";

describe("confirmReturnPath", () => {
  it("brings a signed-out visitor back to the same confirmation link after signing in", () => {
    const encoded = encodeURIComponent(confirmReturnPath("abcDEF123_-xyz"));
    const callbackUrl = new URLSearchParams(`callbackUrl=${encoded}`).get("callbackUrl");
    expect(callbackUrl).toBe("/account/email/confirm?token=abcDEF123_-xyz");
    expect(safeReturnPath(callbackUrl, null)).toBe(callbackUrl);
  });

  it("falls back to the change page for anything that is not a token", () => {
    for (const token of [null, "", "a&callbackUrl=https://evil.example", "../x", "x".repeat(300)]) {
      expect(new URLSearchParams(`callbackUrl=${encodeURIComponent(confirmReturnPath(token))}`).get("callbackUrl")).toBe("/account/email");
    }
  });
});
