// The short page proxy.ts answers a refused request with, in the language of its address.
import { createTranslator } from "next-intl";
import type { AppLocale } from "../i18n/locales";
import { localizePath } from "../i18n/paths";
import { messages } from "../i18n/messages";
import { MAX_UPLOAD_BYTES } from "../uploads/image-rules";
import { PICTURE_FORM_PATH, type GuardRefusal } from "./request-guard";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/** `locale` is the language of the refused address ("/en/…" is English). */
export function refusalPage(refusal: GuardRefusal, locale: AppLocale): Response {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "RequestRefused" });
  let title: string, body: string, link: { href: string; text: string };
  if (refusal.status === 403) {
    [title, body] = [t("forbiddenTitle"), t("forbiddenBody")];
  } else if (refusal.picture) {
    // Only a picture makes the profile form this large: say so, and lead back to the form.
    const maxMb = MAX_UPLOAD_BYTES / (1024 * 1024);
    [title, body] = [t("pictureTooLargeTitle"), t("pictureTooLargeBody", { maxMb })];
    link = { href: localizePath(PICTURE_FORM_PATH, locale), text: t("backToProfile") };
  } else {
    [title, body] = [t("tooLargeTitle"), t("tooLargeBody", { size: size(refusal.limit) })];
  }
  link ??= { href: localizePath("/", locale), text: t("home") };
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p></body></html>`;
  return new Response(html, {
    status: refusal.status,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      // Whatever of the body is still coming is not wanted: close instead of reading it all.
      connection: "close",
    },
  });
}
