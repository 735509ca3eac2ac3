// Which "add to home screen" hint a browser gets (components/pwa/install-hint-kind.ts). The
// browser journey is tests/e2e/offline-tickets.e2e.ts.
import { installHintKind, isIosSafari } from "@/components/pwa/install-hint-kind";

const ua = {
  iPhoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  iPadDesktopSafari:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  iPhoneChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
  iPhoneFirefox:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
  iPhoneInstagram:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 357.0.0.25.101 (iPhone15,3; iOS 18_1; sv_SE)",
  android: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
};

const browser = { standalone: false, dismissed: false, canPrompt: false, userAgent: ua.android, maxTouchPoints: 5 };

describe("isIosSafari", () => {
  it("knows Safari on an iPhone and on an iPad that asks for desktop pages", () => {
    expect(isIosSafari(ua.iPhoneSafari, 5)).toBe(true);
    expect(isIosSafari(ua.iPadDesktopSafari, 5)).toBe(true);
  });

  it("leaves out a Mac's Safari, other browsers on iOS, in-app browsers and Android", () => {
    expect(isIosSafari(ua.iPadDesktopSafari, 0)).toBe(false);
    expect([ua.iPhoneChrome, ua.iPhoneFirefox, ua.iPhoneInstagram, ua.android].map((agent) => isIosSafari(agent, 5))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("installHintKind", () => {
  it("offers the browser's own prompt where one is waiting", () => {
    expect(installHintKind({ ...browser, canPrompt: true })).toBe("prompt");
  });

  it("gives the Share-menu steps on an iPhone's Safari", () => {
    expect(installHintKind({ ...browser, userAgent: ua.iPhoneSafari })).toBe("ios");
  });

  it("says nothing where the browser can neither prompt nor follow the steps", () => {
    expect(installHintKind(browser)).toBeNull();
    expect(installHintKind({ ...browser, userAgent: ua.iPhoneChrome })).toBeNull();
  });

  it("says nothing once dismissed, or when already running from the home screen", () => {
    for (const userAgent of [ua.iPhoneSafari, ua.android]) {
      expect(installHintKind({ ...browser, userAgent, canPrompt: true, dismissed: true })).toBeNull();
      expect(installHintKind({ ...browser, userAgent, canPrompt: true, standalone: true })).toBeNull();
    }
  });
});
