// The language switcher's action redirects only to a path on this site (lib/navigation/return-path).
// An unknown locale skips the cookie and the account, which need a request, and still redirects.
import { setLocaleAction } from "@/lib/i18n/actions";

async function redirectOf(returnTo: string): Promise<string> {
  const form = new FormData();
  form.set("locale", "xx");
  form.set("returnTo", returnTo);
  try {
    await setLocaleAction(form);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT;")) return digest.split(";")[2];
    throw error;
  }
  throw new Error("setLocaleAction did not redirect");
}

describe("setLocaleAction", () => {
  it("returns to the page the switcher was on", async () => {
    expect(await redirectOf("/events?city=Lund#x")).toBe("/events?city=Lund#x");
  });

  it.each(["//evil.example", "/.//evil.example", "/./\\evil.example", "/%2e/%2f/evil.example", "javascript:alert(1)"])(
    "sends %s to the home page",
    async (returnTo) => {
      expect(await redirectOf(returnTo)).toBe("/");
    },
  );
});
