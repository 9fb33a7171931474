import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { countyById, countyName, countyValues, missingFields } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { NotFoundView } from "@/components/NotFoundView";
import { PlanNav } from "@/components/plan/PlanNav";
import { CountyForm } from "@/components/plan/CountyForm";
import { CountySummary } from "@/components/plan/CountySummary";

export const metadata = { robots: { index: false } };

export default async function CountyPage({ params }: PageProps<"/[locale]/plan/counties/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const county = /^\d+$/.test(id) ? countyById(getDb(), Number(id)) : null;
  if (!county) return <NotFoundView />;
  const t = await getTranslations("county");
  return (
    <>
      <PlanNav current="counties" />
      <p>
        <Link href="/plan/counties">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("editTitle", { name: countyName(county.name, locale as Locale) })}</h1>
      <CountySummary county={county} missing={missingFields(county)} onlyMissing />
      <ClientMessages namespaces={["plan", "county"]}>
        <CountyForm locale={locale} countyId={county.id} initial={countyValues(county)} />
      </ClientMessages>
    </>
  );
}
