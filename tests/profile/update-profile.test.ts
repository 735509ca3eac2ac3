import { useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { checkProfileForm, parseProfileForm, saveAccountLocale, updateProfile } from "@/lib/profile/update-profile";

describe("checkProfileForm", () => {
  it("tidies the name and reads an empty one as none", () => {
    expect(checkProfileForm({ name: "  Anna   Berg ", locale: "en" })).toEqual({ fieldErrors: {}, name: "Anna Berg", locale: "en" });
    expect(checkProfileForm({ name: "   ", locale: "sv" })).toEqual({ fieldErrors: {}, name: null, locale: "sv" });
  });

  it("refuses an over-long name, control characters and an unknown language", () => {
    expect(checkProfileForm({ name: "x".repeat(101), locale: "sv" }).fieldErrors).toEqual({ name: "too_long" });
    expect(checkProfileForm({ name: "Anna\u0000", locale: "de" }).fieldErrors).toEqual({ name: "not_plain", locale: "invalid" });
  });

  it("reads missing fields as empty", () => {
    expect(parseProfileForm(new FormData())).toEqual({ name: "", locale: "" });
  });
});

describe("updateProfile", () => {
  it("saves the name and the language of the account", async () => {
    const user = await db.user.create({ data: { email: `prof-${randomBytes(4).toString("hex")}@example.se` } });
    expect(await updateProfile({ userId: user.id, name: "Karin Boye", locale: "en" })).toEqual({ ok: true, locale: "en" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.name, stored.locale]).toEqual(["Karin Boye", "en"]);
  });

  it("changes nothing when a field is refused", async () => {
    const user = await db.user.create({ data: { email: `prof-${randomBytes(4).toString("hex")}@example.se`, name: "Före" } });
    const result = await updateProfile({ userId: user.id, name: "Efter", locale: "fi" });
    expect(result).toEqual({ ok: false, error: "invalid_form", fieldErrors: { locale: "invalid" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Före");
  });
});

describe("saveAccountLocale", () => {
  it("gives the account the language chosen in the footer, and touches no other account", async () => {
    const user = await db.user.create({ data: { email: `prof-${randomBytes(4).toString("hex")}@example.se`, locale: "sv" } });
    const other = await db.user.create({ data: { email: `prof-${randomBytes(4).toString("hex")}@example.se`, locale: "sv" } });
    await saveAccountLocale(user.id, "en");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).locale).toBe("sv");
  });

  it("does nothing for an account that is gone", async () => {
    await expect(saveAccountLocale(randomUUID(), "en")).resolves.toBeUndefined();
  });
});
