import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireDoorView } from "@/lib/attendance/page-gate";
import { feedbackQr } from "@/lib/feedback/qr";
import { Link } from "@/i18n/navigation";
import { locales } from "@/lib/i18n/locales";
import { PrintButton } from "@/components/reach/PrintButton";

export const metadata = { robots: { index: false } };

/**
 * A printable A6 card with the session's feedback QR code, for the table or
 * the wall. Neutral on purpose: no session title, place or organisation, and
 * nothing about child protection, as anyone in the room may read it.
 */
export default async function QrCardPage({ params }: PageProps<"/[locale]/host/sessions/[id]/card">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { view } = await requireDoorView(locale, id);
  const t = await getTranslations("qrCard");
  const qr = view.feedbackKey ? await feedbackQr(view.feedbackKey) : null;
  const qrLabel = (await getTranslations("qrScreen"))("label");
  const others = await Promise.all(
    locales
      .filter((l) => l !== locale)
      .map(async (lang) => {
        const tl = await getTranslations({ locale: lang, namespace: "qrCard" });
        return { lang, title: tl("title"), line: tl("line") };
      }),
  );
  return (
    <>
      <div className="no-print mb-4">
        <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
        <p className="mt-1">
          <Link href={`/host/sessions/${view.session.id}`}>{t("back")}</Link>
        </p>
        <p className="mt-2">{qr ? t("hint") : t("none")}</p>
        {qr && (
          <p className="mt-3">
            <PrintButton label={t("print")} />
          </p>
        )}
      </div>
      {qr && (
        <article className="qr-card" data-print-card aria-label={t("pageTitle")}>
          <h2 className="text-3xl font-bold">{t("title")}</h2>
          <div className="qr-card-code" role="img" aria-label={qrLabel} dangerouslySetInnerHTML={{ __html: qr.qr }} />
          <p className="text-lg">{t("line")}</p>
          {/* The form opens in the phone's own language: the card says so in the other two as well. */}
          {others.map((o) => (
            <p key={o.lang} lang={o.lang} className="text-sm">
              <strong>{o.title}</strong> {o.line}
            </p>
          ))}
        </article>
      )}
    </>
  );
}
