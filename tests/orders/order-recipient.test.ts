import { orderRecipient } from "@/lib/orders/order-recipient";
import { mailRecipient } from "@/lib/outbox/transport";

describe("orderRecipient", () => {
  it("follows the account: its current address and name, not the purchase's", () => {
    const order = { buyerEmail: "Kim@Old.example", buyerName: "Kim K", user: { email: "kim@new.example", name: "Kim Nyström" } };
    expect(orderRecipient(order)).toEqual({ email: "kim@new.example", name: "Kim Nyström" });
  });

  it("takes the name typed at purchase when the account has none", () => {
    const order = { buyerEmail: "kim@example.se", buyerName: " Kim K ", user: { email: "kim@example.se", name: null } };
    expect(orderRecipient(order)).toEqual({ email: "kim@example.se", name: "Kim K" });
  });

  it("uses the purchase's address, normalised, for an order without an account", () => {
    expect(orderRecipient({ buyerEmail: " Kim@Example.SE ", buyerName: "Kim", user: null })).toEqual({
      email: "kim@example.se",
      name: "Kim",
    });
  });
});

describe("mailRecipient", () => {
  it("hands nodemailer the name as data, without line breaks or control characters", () => {
    expect(mailRecipient("a@example.se", 'A "B", C\r\nBcc: x@evil.example')).toEqual({
      address: "a@example.se",
      name: 'A "B", C Bcc: x@evil.example',
    });
    expect(mailRecipient("a@example.se", "Åsa\u0000\u2028Öberg")).toEqual({ address: "a@example.se", name: "Åsa Öberg" });
  });

  it("gives the address alone when there is no name", () => {
    expect(mailRecipient("a@example.se", null)).toBe("a@example.se");
    expect(mailRecipient("a@example.se", " \r\n ")).toBe("a@example.se");
  });
});
