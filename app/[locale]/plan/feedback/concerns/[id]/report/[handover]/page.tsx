import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { printableReport } from "@/lib/feedback/handover";
import { organisation } from "@/lib/organisation/reads";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { Link } from "@/i18n/navigation";
import { NotFoundView } from "@/components/NotFoundView";
import { HandoverReportView } from "@/components/feedback/HandoverReportView";

export const metadata = { robots: { index: false } };

/** A hand-over on paper: the same anonymised report the county's link shows, to print. */
export default async function PrintableReportPage({ params }: PageProps<"/[locale]/plan/feedback/concerns/[id]/report/[handover]">) {
  const { locale, id, handover } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const db = getDb();
  const report = /^\d+$/.test(handover) ? printableReport(db, actor, Number(handover)) : null;
  if (!report) return <NotFoundView />;
  const t = await getTranslations("handover.report");
  const tb = await getTranslations("feedback.plan");
  const format = formatterFor(locale as Locale);
  return (
    <>
      <p className="print:hidden">
        <Link href={`/plan/feedback/concerns/${id}#handover`}>{tb("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <HandoverReportView report={report} locale={locale as Locale} organisation={organisation(db).name ?? ""} />
      <p className="mt-6 text-sm text-stone-700">{t("printed", { date: format.dateTime(report.handedAt, { dateStyle: "long" }) })}</p>
    </>
  );
}
