import { forbidden } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { reachReport } from "@/lib/reach/access";
import { periodText } from "@/lib/reach/export";
import { reachFormat } from "@/lib/reach/format";
import { viewQuery } from "@/lib/reach/query";
import { isLocale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { ReachFigures, ReachNotes } from "@/components/reach/ReachFigures";
import { PrintButton } from "@/components/reach/PrintButton";

export const metadata = { robots: { index: false } };


export default async function ReachReportPage({ params, searchParams }: PageProps<"/[locale]/plan/reach/report">) {
  const { locale } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const result = reachReport(getDb(), actor, await searchParams);
  if (!result.ok) forbidden();
  const { report } = result;
  const f = reachFormat(locale);
  const { period, filters } = periodText(report, locale);

  return (
    <article data-print-report>
      <p className="no-print mb-4 flex flex-wrap gap-4">
        <Link href={`/plan/reach?${viewQuery(report.view)}`}>{f.t("reach.report.back")}</Link>
        <PrintButton label={f.t("reach.report.print")} />
      </p>
      <h1 className="text-2xl font-bold">{f.t("reach.report.title")}</h1>
      <p className="mt-2 text-lg font-medium">{period}</p>
      <ul className="mt-1">
        {filters.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      {report.view.publish && <p className="mt-2 text-sm">{f.t("reach.publishing")}</p>}
      <p className="mt-1 text-sm text-stone-700">{f.t("reach.report.made", { date: f.date(report.today) })}</p>
      <ReachFigures report={report} locale={locale} />
      <ReachNotes locale={locale} />
    </article>
  );
}
