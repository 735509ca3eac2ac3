// Every form field of the product given a NUL byte and a CR LF: single-line fields refuse both,
// multi-line fields keep the line break (as LF) and refuse the NUL, each with a message next to
// the field, and nothing with a forbidden control character is stored. (Route parameters and
// query values are probed against the running server in tests/e2e/untrusted-input.e2e.ts.)
import { formFields } from "@/lib/forms";
import { randomUUID } from "node:crypto";
import { databaseKind, useTestDatabase } from "../helpers/test-db";
import { eventValues } from "../organizer/helpers";
import { organizerWithTeam } from "../organizer-ops/fixtures";
import { db } from "@/lib/db/client";
import { isMultiLineText, isSingleLineText, multiLineText, singleLineText } from "@/lib/free-text";
import { parseCheckoutForm, quantityField } from "@/lib/orders/checkout-schema";
import { parseEventForm } from "@/lib/organizers/event-form";
import { parseMessageForm } from "@/lib/organizers/message-schema";
import { claimOrder } from "@/lib/organizers/corrections/order-claim";
import { requestOrderCorrection } from "@/lib/organizers/corrections/buyer-correction";
import { checkProfileForm } from "@/lib/profile/update-profile";
import { updatePublicProfile } from "@/lib/profile/public-profile";
import { requestEmailChange } from "@/lib/accounts/email-change";
import { parseBrowseParams } from "@/lib/events/browse-params";
import { TEST_CARDS } from "@/lib/payments/test-provider";

useTestDatabase();

const NUL = "a\u0000b";
const CRLF = "a\r\nb";

describe("free text rules", () => {
  it.each([
    ["plain", "Zdeněk Łukasiewicz", true, true],
    ["NUL", NUL, false, false],
    ["CR LF", CRLF, false, true],
    ["tab", "a\tb", false, true],
    ["escape", "a\u001bb", false, false],
    ["DEL", "a\u007fb", false, false],
    ["C1", "a\u0085b", false, false],
    ["line separator", "a\u2028b", false, false],
    ["right-to-left override", "a\u202eb", false, false],
  ])("%s", (_label, text, single, multi) => {
    expect(isSingleLineText(text)).toBe(single);
    expect(isMultiLineText(text.replace(/\r\n/g, "\n"))).toBe(multi);
  });

  it("turns a textarea's CR LF into LF and refuses the rest with one message", () => {
    expect(multiLineText().safeParse(" Rad 1\r\nRad 2\r\n ").data).toBe("Rad 1\nRad 2");
    expect(
      multiLineText()
        .safeParse(NUL)
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["control_characters"]);
    expect(
      singleLineText()
        .min(5, "required")
        .safeParse(CRLF)
        .error?.issues.map((issue) => issue.message),
    ).toEqual(["control_characters"]);
  });
});

describe("every form field refuses control characters", () => {
  it("checkout: the buyer's name", () => {
    for (const bad of [NUL, CRLF]) {
      const form = new FormData();
      const fields = {
        idempotencyKey: randomUUID(),
        name: bad,
        email: "kalle@example.se",
        emailConfirm: "kalle@example.se",
        terms: "on",
        [quantityField("t1")]: "1",
        cardNumber: TEST_CARDS.succeeds,
        cardExpiry: "12/30",
        cardCvc: "123",
      };
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const result = parseCheckoutForm(formFields(form), {
        ticketTypes: [{ id: "t1", priceMinor: 100, maxQuantity: 5 }],
        cardForm: true,
        maxTicketsPerOrder: 10,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { name: { code: "name_control_characters" } } });
    }
  });

  it("checkout: the email fields", () => {
    for (const bad of [`kalle${NUL}@example.se`, "kalle@example.se\r\nBcc: x@example.se"]) {
      const form = new FormData();
      const fields = {
        idempotencyKey: randomUUID(),
        name: "Kalle",
        email: bad,
        emailConfirm: bad,
        terms: "on",
        [quantityField("t1")]: "1",
      };
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const result = parseCheckoutForm(formFields(form), {
        ticketTypes: [{ id: "t1", priceMinor: 0, maxQuantity: 5 }],
        cardForm: true,
        maxTicketsPerOrder: 10,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { email: { code: expect.stringMatching(/^email_/) } } });
    }
  });

  it("event form: single-line fields refuse both, the description only the NUL", () => {
    for (const field of ["title", "venue", "address", "city"] as const) {
      for (const bad of [NUL, CRLF]) {
        expect(parseEventForm(eventValues({ [field]: bad }))).toMatchObject({ ok: false, fieldErrors: { [field]: "control_characters" } });
      }
    }
    expect(parseEventForm(eventValues({ description: NUL }))).toMatchObject({
      ok: false,
      fieldErrors: { description: "control_characters" },
    });
    const kept = parseEventForm(eventValues({ description: CRLF }));
    expect(kept.ok && kept.data.description).toBe("a\nb");
    expect(parseEventForm(eventValues({ slug: `a${NUL}` }))).toMatchObject({ ok: false, fieldErrors: { slug: "slug_format" } });
    const base = eventValues();
    for (const bad of [NUL, CRLF]) {
      const values = { ...base, ticketTypes: [{ ...base.ticketTypes[0], name: bad }] };
      expect(parseEventForm(values)).toMatchObject({ ok: false, fieldErrors: { "ticketTypes.0.name": "control_characters" } });
    }
  });

  it("organizer message: the subject refuses both, the body only the NUL", () => {
    const requestKey = randomUUID();
    expect(parseMessageForm({ subject: NUL, body: "x", requestKey })).toEqual({ ok: false, fieldErrors: { subject: "one_line" } });
    expect(parseMessageForm({ subject: CRLF, body: "x", requestKey })).toEqual({ ok: false, fieldErrors: { subject: "one_line" } });
    expect(parseMessageForm({ subject: "Info", body: NUL, requestKey })).toEqual({
      ok: false,
      fieldErrors: { body: "control_characters" },
    });
    expect(parseMessageForm({ subject: "Info", body: CRLF, requestKey })).toMatchObject({ ok: true, data: { body: "a\nb" } });
  });

  it("profile: the name", () => {
    expect(checkProfileForm({ name: NUL, locale: "sv" }).fieldErrors).toEqual({ name: "not_plain" });
    expect(checkProfileForm({ name: CRLF, locale: "sv" }).fieldErrors).toEqual({ name: "not_plain" });
  });

  it("event search: the query is dropped and the page says why", () => {
    expect(parseBrowseParams({ q: NUL })).toMatchObject({ query: null, queryProblem: "control_characters" });
    expect(parseBrowseParams({ q: CRLF })).toMatchObject({ query: null, queryProblem: "control_characters" });
  });
});

describe(`nothing with a control character is stored (${databaseKind})`, () => {
  it("public profile: handle and bio", async () => {
    const user = await db.user.create({ data: { email: `profil-${randomUUID().slice(0, 8)}@example.se` } });
    for (const bad of [NUL, CRLF]) {
      expect(await updatePublicProfile({ userId: user.id, handle: `anna${bad}`, bio: "", profilePublic: false })).toMatchObject({
        ok: false,
        fieldErrors: { handle: "invalid_characters" },
      });
    }
    expect(await updatePublicProfile({ userId: user.id, handle: "", bio: NUL, profilePublic: false })).toMatchObject({
      ok: false,
      fieldErrors: { bio: "control_characters" },
    });
    expect(await updatePublicProfile({ userId: user.id, handle: "", bio: CRLF, profilePublic: false })).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).bio).toBe("a\nb");
  });

  it("claim and buyer correction: every field", async () => {
    const team = await organizerWithTeam();
    const user = await db.user.create({ data: { email: `claim-${randomUUID().slice(0, 8)}@example.se`, emailVerified: new Date() } });
    for (const bad of [NUL, CRLF]) {
      expect(await claimOrder({ userId: user.id, form: { orderNumber: bad, amount: bad, last4: bad } })).toEqual({
        ok: false,
        error: "invalid_form",
        fieldErrors: { orderNumber: "invalid", amount: "invalid", last4: "invalid" },
      });
      const order = { id: randomUUID() };
      expect(
        await requestOrderCorrection({ orderId: order.id, browserOrders: new Set([order.id]), email: `x${bad}@example.se`, locale: "sv" }),
      ).toMatchObject({
        ok: false,
        error: "invalid_form",
      });
    }
    expect(await db.orderCorrectionRequest.count({ where: { order: { eventId: team.event.id } } })).toBe(0);
  });

  it("email change: the new address", async () => {
    const user = await db.user.create({ data: { email: `byte-${randomUUID().slice(0, 8)}@example.se` } });
    for (const bad of [`ny${NUL}@example.se`, `ny@example.se\r\nBcc: x@example.se`]) {
      const result = await requestEmailChange({ userId: user.id, sessionToken: null, newEmail: bad, currentPassword: "" });
      expect(result).toMatchObject({ ok: false, error: "invalid_form", fieldErrors: { newEmail: expect.any(String) } });
    }
    expect(await db.emailChangeRequest.count({ where: { userId: user.id } })).toBe(0);
  });
});
