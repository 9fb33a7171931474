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
import { ReachFilters } from "@/components/reach/ReachFilters";

export const metadata = { robots: { index: false } };

export default async function ReachPage({ params, searchParams }: PageProps<"/[locale]/plan/reach">) {
  const { locale } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const result = reachReport(getDb(), actor, await searchParams);
  if (!result.ok) forbidden();
  const { report } = result;
  const { t } = reachFormat(locale);
  const { period, filters } = periodText(report, locale);
  const query = viewQuery(report.view);

  return (
    <>
      <h1 className="text-2xl font-bold">{t("reach.title")}</h1>
      <p className="mt-2">{t("reach.intro")}</p>
      <ReachFilters report={report} locale={locale} />
      <p className="mt-4 font-medium" data-testid="view-summary">
        {period} · {filters.join(" · ")}
      </p>
      {report.view.publish && <p className="mt-1 text-sm">{t("reach.publishing")}</p>}
      <nav aria-label={t("reach.downloads.label")} className="mt-3">
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          <li>
            <a href={`/${locale}/plan/reach/export?${viewQuery(report.view, { format: "csv" })}`} download>
              {t("reach.downloads.csv")}
            </a>
          </li>
          <li>
            <a href={`/${locale}/plan/reach/export?${viewQuery(report.view, { format: "xlsx" })}`} download>
              {t("reach.downloads.xlsx")}
            </a>
          </li>
          <li>
            <Link href={`/plan/reach/report?${query}`}>{t("reach.downloads.report")}</Link>
          </li>
        </ul>
      </nav>
      <ReachFigures report={report} locale={locale} />
      <ReachNotes locale={locale} />
    </>
  );
}
