import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { planPlaces } from "@/lib/schedule/plan-reads";
import { Link } from "@/i18n/navigation";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import type { Locale } from "@/lib/i18n/locales";

export const metadata = { robots: { index: false } };

export default async function PlacesPage({ params, searchParams }: PageProps<"/[locale]/plan/places">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const query = await searchParams;
  const t = await getTranslations("plan.places");
  const places = planPlaces(getDb(), new Date());
  const saved = places.find((p) => String(p.id) === query.saved);

  return (
    <>
      <PlanNav current="places" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <PageNotice success={saved ? t("saved", { name: saved.name }) : null} />
      <p className="mt-2">
        <Link href="/plan/places/new">{t("new")}</Link>
      </p>
      {places.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {places.map((p) => (
            <li key={p.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/plan/places/${p.id}`}>{p.name}</Link>
                {p.archivedAt && <span className="ml-2 text-sm font-medium text-stone-700">({t("archived")})</span>}
              </h2>
              <p>
                {p.city}
                {p.county && ` · ${p.county[locale as Locale] || p.county.fi}`}
              </p>
              <p className="text-sm text-stone-700">
                {t("coming", { count: p.coming })}
                {!p.archivedAt && (
                  <>
                    {" · "}
                    <Link href={`/plan?place=${p.id}`}>{t("schedule")}</Link>
                    {" · "}
                    <Link href={`/places/${p.slug}`}>{t("publicPage")}</Link>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
