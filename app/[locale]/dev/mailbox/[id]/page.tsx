import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMailboxEmail } from "@/lib/outbox/mailbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Mailbox");
  return { title: t("title"), robots: { index: false } };
}

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const email = await getMailboxEmail(id);
  if (!email) notFound();
  const t = await getTranslations("Mailbox");

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-5 px-4 py-8 sm:px-6">
      <Link href="/dev/mailbox" className="text-sm text-violet-800 underline">
        {t("back")}
      </Link>
      <div>
        <h1 className="text-2xl font-bold text-zinc-950">{email.subject}</h1>
        <p className="mt-1 text-zinc-700">
          {t("to")}: <span className="break-all">{email.to}</span>
        </p>
      </div>
      {email.attachments.length > 0 ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments" className="text-lg font-semibold text-zinc-950">
            {t("attachments")}
          </h2>
          <ul className="mt-1 list-disc pl-5">
            {email.attachments.map((attachment) => (
              <li key={attachment.index}>
                <a className="text-violet-800 underline" href={`/dev/mailbox/${email.id}/attachments/${attachment.index}`}>
                  {attachment.filename}
                </a>{" "}
                <span className="text-sm text-zinc-600">({t("size", { size: attachment.size })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* The email's own HTML, sandboxed: no scripts, and links open outside the mailbox. */}
      <iframe
        title={t("previewTitle")}
        srcDoc={email.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
        className="h-[80vh] w-full rounded-xl border border-zinc-300 bg-white"
      />
      <details>
        <summary className="cursor-pointer font-medium text-zinc-900">{t("plainText")}</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-zinc-100 p-4 text-sm text-zinc-900">{email.text}</pre>
      </details>
    </div>
  );
}
