import { parseTransferRecipient } from "@/lib/transfers/schemas";
import { transferDeadline, transferRefusal } from "@/lib/transfers/rules";
import { isValidTicketKey, ticketLinkPath } from "@/lib/transfers/ticket-links";

const startsAt = new Date("2027-03-01T18:00:00Z");
const event = { transfersAllowed: true, transferCutoffMinutes: 120, startsAt };
const ticket = { status: "VALID", checkedInAt: null };

describe("transferRefusal", () => {
  it("allows passing on until the cut-off before the start, and not at it", () => {
    expect(transferDeadline(event)).toEqual(new Date("2027-03-01T16:00:00Z"));
    expect(transferRefusal({ event, orderStatus: "PAID", ticket }, new Date("2027-03-01T15:59:59Z"))).toBeNull();
    expect(transferRefusal({ event, orderStatus: "PAID", ticket }, new Date("2027-03-01T16:00:00Z"))).toBe("closed");
  });

  it("refuses a ticket let in, one not valid, one of an unpaid order, and an event that does not allow it", () => {
    const early = new Date("2027-02-01T12:00:00Z");
    expect(transferRefusal({ event, orderStatus: "PAID", ticket: { ...ticket, checkedInAt: early } }, early)).toBe("checked_in");
    expect(transferRefusal({ event, orderStatus: "PAID", ticket: { ...ticket, status: "VOID" } }, early)).toBe("not_valid");
    expect(transferRefusal({ event, orderStatus: "REFUNDED", ticket }, early)).toBe("not_valid");
    expect(transferRefusal({ event: { ...event, transfersAllowed: false }, orderStatus: "PAID", ticket }, early)).toBe("not_allowed");
  });
});

describe("parseTransferRecipient", () => {
  it("keeps a trimmed name and the normalised address", () => {
    expect(parseTransferRecipient({ name: "  Åsa Öst ", email: " Asa.Ost@Example.SE " })).toEqual({
      ok: true,
      data: { name: "Åsa Öst", email: "asa.ost@example.se" },
    });
  });

  it("refuses line breaks and direction overrides in the name, and display names or lists as the address", () => {
    expect(parseTransferRecipient({ name: "Åsa\u202eÖst", email: "a@example.se, b@example.se" })).toEqual({
      ok: false,
      fieldErrors: { name: "name_control_characters", email: "email_not_plain" },
    });
    expect(parseTransferRecipient({ name: "x".repeat(201), email: "" })).toEqual({
      ok: false,
      fieldErrors: { name: "name_too_long", email: "email_empty" },
    });
  });
});

describe("ticket links", () => {
  it("open only with the key made for that transfer and address", () => {
    const target = { id: "0190a5f2-0000-7000-8000-000000000001", toEmail: "tove@example.se" };
    const key = new URLSearchParams(ticketLinkPath(target).split("?")[1]).get("key");
    expect(isValidTicketKey(target, key)).toBe(true);
    expect(isValidTicketKey({ ...target, toEmail: "annan@example.se" }, key)).toBe(false);
    expect(isValidTicketKey({ ...target, id: "0190a5f2-0000-7000-8000-000000000002" }, key)).toBe(false);
    expect(isValidTicketKey(target, "")).toBe(false);
  });
});
