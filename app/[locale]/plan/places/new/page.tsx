import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePlanner } from "@/lib/auth/guard";
import { getDb } from "@/db/client";
import { countyOptions, listCounties } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/ClientMessages";
import { PlanNav } from "@/components/plan/PlanNav";
import { PlaceForm } from "@/components/plan/PlaceForm";

export const metadata = { robots: { index: false } };

export default async function NewPlacePage({ params, searchParams }: PageProps<"/[locale]/plan/places/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const t = await getTranslations("plan.places");
  const counties = countyOptions(listCounties(getDb()), locale as Locale);
  // The first-run page sends the county it just made (?county=3): it stands chosen.
  const county = (await searchParams).county;
  const picked = typeof county === "string" && counties.some((c) => c.value === county) ? county : "";
  return (
    <>
      <PlanNav current="places" />
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <ClientMessages namespaces={["plan"]}>
        <PlaceForm locale={locale} counties={counties} initial={{ countyId: counties.length === 1 ? counties[0]!.value : picked }} />
      </ClientMessages>
    </>
  );
}
