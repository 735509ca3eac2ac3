import { describeOnPostgres, useTestDatabase } from "../helpers/test-db";
useTestDatabase();

import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { handleFromPath, parseHandle } from "@/lib/profile/handle";
import { cleanBio, HANDLE_TRIES, parsePublicProfileForm, updatePublicProfile } from "@/lib/profile/public-profile";
import { getPublicProfile } from "@/lib/profile/queries";

const tag = () => randomBytes(3).toString("hex");
const newUser = (name = "Selma Lagerlöf") => db.user.create({ data: { email: `pp-${tag()}@example.se`, name } });

describe("parseHandle", () => {
  it("stores a handle in lower case, without a leading @", () => {
    expect(parseHandle("  Selma_L ")).toEqual({ ok: true, handle: "selma_l" });
    expect(parseHandle("@Anna99")).toEqual({ ok: true, handle: "anna99" });
    expect(parseHandle("9lives")).toEqual({ ok: true, handle: "9lives" });
  });

  it("names the problem with a handle that cannot be one", () => {
    expect(parseHandle("ab")).toEqual({ ok: false, problem: "too_short" });
    expect(parseHandle("a".repeat(31))).toEqual({ ok: false, problem: "too_long" });
    expect(parseHandle("a".repeat(30))).toEqual({ ok: true, handle: "a".repeat(30) });
    for (const bad of ["_anna", "anna berg", "åsa", "anna.berg", "anna/berg", "аnna" /* Cyrillic а */, "anna-berg"]) {
      expect(parseHandle(bad)).toEqual({ ok: false, problem: "invalid_characters" });
    }
  });

  it("keeps the site's own words", () => {
    for (const word of ["admin", "Account", "api", "organizer", "login", "ADMIN", "ad_min"]) {
      expect(parseHandle(word)).toEqual({ ok: false, problem: "reserved" });
    }
  });
});

describe("handleFromPath", () => {
  it("reads a URL segment in any letter case and refuses what no handle looks like", () => {
    expect(handleFromPath("Selma_L")).toBe("selma_l");
    expect(handleFromPath("%E5sa")).toBeNull();
    expect(handleFromPath("%")).toBeNull();
    expect(handleFromPath("x")).toBeNull();
  });
});

describe("cleanBio", () => {
  it("keeps paragraphs with LF line breaks and at most one blank line", () => {
    expect(cleanBio("  Hej!\r\n\r\n\r\n\r\nJag gillar jazz. ")).toBe("Hej!\n\nJag gillar jazz.");
  });

  it("leaves control and direction characters for updatePublicProfile to refuse", async () => {
    const user = await db.user.create({ data: { email: `bio-${tag()}@example.se` } });
    expect(await updatePublicProfile({ userId: user.id, handle: "", bio: "Jazz.\u0007\u202e", profilePublic: false })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { bio: "control_characters" },
    });
  });
});

describe("parsePublicProfileForm", () => {
  it("reads a ticked switch as public and a missing one as private", () => {
    const form = new FormData();
    form.set("handle", "Selma");
    form.set("bio", "Hej");
    expect(parsePublicProfileForm(form)).toEqual({ handle: "Selma", bio: "Hej", profilePublic: false });
    form.set("profilePublic", "on");
    expect(parsePublicProfileForm(form).profilePublic).toBe(true);
  });
});

describe("updatePublicProfile", () => {
  it("saves handle, bio and the switch", async () => {
    const user = await newUser();
    const handle = `Selma_${tag()}`;
    expect(await updatePublicProfile({ userId: user.id, handle, bio: "Författare.", profilePublic: true })).toEqual({
      ok: true,
      handle: handle.toLowerCase(),
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.handle, stored.bio, stored.profilePublic]).toEqual([handle.toLowerCase(), "Författare.", true]);
  });

  it("refuses a handle another account has, in any letter case", async () => {
    const first = await newUser();
    const second = await newUser();
    const handle = `nils_${tag()}`;
    expect((await updatePublicProfile({ userId: first.id, handle, bio: "", profilePublic: false })).ok).toBe(true);
    expect(await updatePublicProfile({ userId: second.id, handle: handle.toUpperCase(), bio: "", profilePublic: true })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { handle: "taken" },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: second.id } })).handle).toBeNull();
    // Keeping one's own handle is not "taken".
    expect((await updatePublicProfile({ userId: first.id, handle: handle.toUpperCase(), bio: "Ny", profilePublic: true })).ok).toBe(true);
  });

  it("needs a handle to go public, and refuses a long bio and a reserved handle", async () => {
    const user = await newUser();
    expect(await updatePublicProfile({ userId: user.id, handle: " ", bio: "x".repeat(281), profilePublic: true })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { handle: "required_for_public", bio: "too_long" },
    });
    expect(await updatePublicProfile({ userId: user.id, handle: "Admin", bio: "", profilePublic: false })).toEqual({
      ok: false,
      error: "invalid_form",
      fieldErrors: { handle: "reserved" },
    });
    // 280 characters count as characters, not bytes.
    expect((await updatePublicProfile({ userId: user.id, handle: "", bio: "ö".repeat(280), profilePublic: false })).ok).toBe(true);
  });

  it("clears the handle and makes the profile private when the handle is emptied", async () => {
    const user = await newUser();
    await updatePublicProfile({ userId: user.id, handle: `tom_${tag()}`, bio: "", profilePublic: true });
    expect(await updatePublicProfile({ userId: user.id, handle: "", bio: "", profilePublic: false })).toEqual({ ok: true, handle: null });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.handle, stored.profilePublic, stored.bio]).toEqual([null, false, null]);
  });
});

describe("getPublicProfile", () => {
  it("shows a public profile by its handle in any letter case, and nothing but what was chosen", async () => {
    const user = await newUser("Greta Garbo");
    const handle = `greta_${tag()}`;
    await db.user.update({ where: { id: user.id }, data: { handle, bio: "Skådespelerska", profilePublic: true, image: "/media/x" } });
    const profile = await getPublicProfile(handle.toUpperCase());
    expect(profile).toEqual({ handle, name: "Greta Garbo", image: "/media/x", bio: "Skådespelerska" });
    expect(JSON.stringify(profile)).not.toContain(user.email);
  });

  it("gives the same answer for a private profile and an unknown handle", async () => {
    const user = await newUser();
    const handle = `privat_${tag()}`;
    await db.user.update({ where: { id: user.id }, data: { handle, bio: "Hemlig", profilePublic: false } });
    expect(await getPublicProfile(handle)).toBeNull();
    expect(await getPublicProfile(`okand_${tag()}`)).toBeNull();
    expect(await getPublicProfile("..%2F")).toBeNull();
  });
});

describeOnPostgres("updatePublicProfile, two accounts at once (PostgreSQL)", () => {
  it("gives a handle to exactly one of two accounts claiming it at the same moment", async () => {
    const [a, b] = await Promise.all([newUser(), newUser()]);
    const handle = `race_${tag()}`;
    const results = await Promise.all([
      updatePublicProfile({ userId: a.id, handle, bio: "", profilePublic: true }),
      updatePublicProfile({ userId: b.id, handle: handle.toUpperCase(), bio: "", profilePublic: true }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: "invalid_form", fieldErrors: { handle: "taken" } });
    expect(await db.user.count({ where: { handle } })).toBe(1);
  });
});

describe("trying handles", () => {
  it("stops an account from probing many handles, while the bio under its own handle still saves", async () => {
    const user = await newUser();
    const mine = `egen_${tag()}`;
    expect(await updatePublicProfile({ userId: user.id, handle: mine, bio: "", profilePublic: false })).toMatchObject({ ok: true });
    for (let i = 1; i < HANDLE_TRIES.limit; i++) {
      await updatePublicProfile({ userId: user.id, handle: `prov_${i}_${tag()}`, bio: "", profilePublic: false });
    }
    const refused = await updatePublicProfile({ userId: user.id, handle: `sista_${tag()}`, bio: "", profilePublic: false });
    expect(refused).toEqual({ ok: false, error: "invalid_form", fieldErrors: { handle: "too_many_tries" } });

    const stored = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).handle!;
    expect(await updatePublicProfile({ userId: user.id, handle: stored, bio: "Ny bio", profilePublic: true })).toEqual({
      ok: true,
      handle: stored,
    });
  });
});
