import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { reportByToken } from "@/lib/feedback/handover";
import { acknowledgeAction } from "@/lib/feedback/handover-actions";
import { organisation } from "@/lib/organisation/reads";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { HandoverReportView } from "@/components/feedback/HandoverReportView";
import { Notice } from "@/components/ui/Notice";

export const metadata = { robots: { index: false } };

/** The county's client-safety contact reads a handed-over concern through its link (valid 14 days) and acknowledges it. */
export default async function HandoverReportPage({ params }: PageProps<"/[locale]/report/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("handover.report");
  const db = getDb();
  const report = reportByToken(db, decodeURIComponent(token));
  if (!report) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-3">{t("invalid")}</p>
      </>
    );
  }
  const format = formatterFor(locale as Locale);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeStyle: "short" });
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <HandoverReportView report={report} locale={locale as Locale} organisation={organisation(db).name ?? ""} />
      <div className="mt-6">
        {report.acknowledgedAt ? (
          <Notice tone="success" role="status">
            <p>{t("acknowledged", { date: date(report.acknowledgedAt) })}</p>
          </Notice>
        ) : (
          <form action={acknowledgeAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t("acknowledge")}
            </button>
          </form>
        )}
      </div>
      {report.expiresAt && <p className="mt-4 text-sm text-stone-700">{t("until", { date: date(report.expiresAt) })}</p>}
    </>
  );
}
