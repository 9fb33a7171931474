import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { countyName, listCounties, missingFields, placeCounts } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { CountyForm } from "@/components/plan/CountyForm";
import { CountySummary } from "@/components/plan/CountySummary";

export const metadata = { robots: { index: false } };

/** The wellbeing services counties: what parents are shown of each, and what is still missing. */
export default async function CountiesPage({ params, searchParams }: PageProps<"/[locale]/plan/counties">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const t = await getTranslations("county");
  const db = getDb();
  const counties = listCounties(db);
  const counts = placeCounts(db);
  const { saved } = await searchParams;

  return (
    <>
      <PlanNav current="counties" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <PageNotice success={saved ? t("saved") : null} />
      <p className="mt-2">{t("intro")}</p>
      {counties.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {counties.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">{countyName(c.name, locale as Locale)}</h2>
              <p className="text-sm text-stone-700">{t("places", { count: counts.get(c.id) ?? 0 })}</p>
              <CountySummary county={c} missing={missingFields(c)} />
              <p className="mt-2">
                <Link href={`/plan/counties/${c.id}`}>{t("edit")}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-county" className="mt-8 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="new-county" className="text-xl font-bold">
          {t("new")}
        </h2>
        <ClientMessages namespaces={["plan", "county"]}>
          <CountyForm locale={locale} />
        </ClientMessages>
      </section>
    </>
  );
}
