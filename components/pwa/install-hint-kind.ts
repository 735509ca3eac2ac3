// Which "add to home screen" hint a browser gets, if any: the browser's own install prompt
// where it offers one (beforeinstallprompt: Chrome, Edge, Samsung Internet), short steps on an
// iPhone's or iPad's Safari (which has no prompt, only "Add to Home Screen" in its Share menu),
// nothing where neither applies or the app is already open from the home screen.

export type InstallHintKind = "prompt" | "ios" | null;

export type InstallHintBrowser = {
  /** Running installed: display-mode standalone, or Safari's navigator.standalone. */
  standalone: boolean;
  /** The visitor closed the hint, said yes or no to the prompt, or installed the app. */
  dismissed: boolean;
  /** A beforeinstallprompt event is waiting to be used. */
  canPrompt: boolean;
  userAgent: string;
  maxTouchPoints: number;
};

export function installHintKind(browser: InstallHintBrowser): InstallHintKind {
  if (browser.standalone || browser.dismissed) return null;
  if (browser.canPrompt) return "prompt";
  return isIosSafari(browser.userAgent, browser.maxTouchPoints) ? "ios" : null;
}

// Chrome, Firefox, Edge, Opera and the Google app on iOS name themselves; in-app browsers
// (Instagram, Facebook) leave out "Safari/". Their menus differ from Safari's, so the steps would mislead.
const OTHER_IOS_BROWSER = /\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|GSA|YaBrowser|DuckDuckGo|Instagram|FBAN|FBAV)\b/;

/** Safari on an iPhone, iPod or iPad (an iPad asks for desktop pages as a Mac with a touch screen). */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
  const iosDevice = /\b(iPhone|iPod|iPad)\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  return iosDevice && /\bSafari\//.test(userAgent) && /\bVersion\//.test(userAgent) && !OTHER_IOS_BROWSER.test(userAgent);
}
