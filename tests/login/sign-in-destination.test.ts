// What the sign-in page and the page an emailed link opens say the click will do, read from the
// way back, and where signing in lands without one.
import { AFTER_SIGN_IN_PATH, signInPurpose } from "@/app/[locale]/login/destination";
import { pendingLikeCompletionPath } from "@/lib/likes/pending-like";

describe("signInPurpose", () => {
  it("lands on My tickets when no page asked", () => {
    expect(AFTER_SIGN_IN_PATH).toBe("/account/tickets");
    expect(signInPurpose(null)).toBe("tickets");
    expect(signInPurpose("/account/tickets")).toBe("tickets");
    expect(signInPurpose("/en/account/tickets/")).toBe("tickets");
  });

  it("says a link to the set-password page is for choosing a password, in either language and with any query", () => {
    expect(signInPurpose("/account/password")).toBe("password");
    expect(signInPurpose("/en/account/password?notice=x#top")).toBe("password");
  });

  it("says a way back through the like completion saves the like", () => {
    expect(signInPurpose(pendingLikeCompletionPath("beethovens-nionde-symfoni"))).toBe("like");
    expect(signInPurpose(`/en${pendingLikeCompletionPath("a-b")}`)).toBe("like");
  });

  it("is a plain sign-in for any other page", () => {
    expect(signInPurpose("/")).toBe("signIn");
    expect(signInPurpose("/events/beethovens-nionde-symfoni")).toBe("signIn");
    expect(signInPurpose("/account/password-help")).toBe("signIn");
    expect(signInPurpose("/likes/completed")).toBe("signIn");
  });
});
