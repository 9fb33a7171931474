import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { firstRun, organisation } from "@/lib/organisation/reads";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { PageNotice } from "@/components/plan/PageNotice";
import { PlanNav } from "@/components/plan/PlanNav";
import { OrganisationForm } from "@/components/plan/OrganisationForm";
import { CountyForm } from "@/components/plan/CountyForm";
import { countyName, listCounties, missingFields } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";

export const metadata = { robots: { index: false } };

function Step({ n, title, done, children }: { n: number; title: string; done: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={`step-${n}`} className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <h2 id={`step-${n}`} className="text-xl font-bold">
        {title}
        {done && <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-900">{done}</span>}
      </h2>
      {children}
    </section>
  );
}

/** A new organisation's first day: who runs the service, the first meeting place, colleagues. */
export default async function WelcomePage({ params, searchParams }: PageProps<"/[locale]/plan/welcome">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const t = await getTranslations("plan.welcome");
  const db = getDb();
  const org = organisation(db);
  const progress = firstRun(db);
  const { saved, county } = await searchParams;
  const counties = listCounties(db);
  const tc = await getTranslations("county");
  // Just saved on this page: the place form opens with it chosen.
  const newCounty = typeof county === "string" && counties.some((c) => String(c.id) === county) ? county : null;
  const done = (yes: boolean) => (yes ? t("done") : null);

  return (
    <>
      <PlanNav current="welcome" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <PageNotice success={saved ? t("saved") : newCounty ? t("countySaved") : null} />

      <Step n={1} title={t("step", { n: 1, title: t("organisationTitle") })} done={done(org.saved)}>
        <p className="mt-1">{t("organisationBody")}</p>
        {actor.role === "admin" ? (
          <ClientMessages namespaces={["plan"]}>
            <OrganisationForm
              locale={locale}
              initial={org.saved ? { name: org.name ?? "", contact: org.contact ?? "" } : {}}
            />
          </ClientMessages>
        ) : (
          <p className="mt-2">{t("adminSets", { name: org.name ?? "–", contact: org.contact ?? "–" })}</p>
        )}
      </Step>

      <Step n={2} title={t("step", { n: 2, title: t("countyTitle") })} done={done(counties.length > 0)}>
        <p className="mt-1">{t("countyBody")}</p>
        {counties.length > 0 && (
          <>
            <p className="mt-2">{t("countyExisting")}</p>
            <ul className="mt-1 list-disc pl-6">
              {counties.map((c) => {
                const missing = missingFields(c);
                return (
                  <li key={c.id}>
                    {countyName(c.name, locale as Locale)}
                    {missing.length > 0 && (
                      <span className="ml-1 font-semibold text-red-800">— {t("countyMissing", { fields: missing.map((m) => tc(`missing_${m}`)).join(", ") })}</span>
                    )}
                  </li>
                );
              })}
            </ul>
            <p className="mt-2">
              <Link href="/plan/counties">{t("countyManage")}</Link>
            </p>
          </>
        )}
        {!progress.hasPlace && (
          <details className="mt-3" open={counties.length === 0}>
            <summary className="cursor-pointer font-semibold">{t("countyNew")}</summary>
            <ClientMessages namespaces={["plan", "county"]}>
              <CountyForm locale={locale} back="welcome" />
            </ClientMessages>
          </details>
        )}
      </Step>

      <Step n={3} title={t("step", { n: 3, title: t("placeTitle") })} done={done(progress.hasPlace)}>
        <p className="mt-1">{progress.hasPlace ? t("placeDone") : t("placeBody")}</p>
        <p className="mt-2">
          <Link href={progress.hasPlace ? "/plan" : newCounty ? `/plan/places/new?county=${newCounty}` : "/plan/places/new"}>{progress.hasPlace ? t("toPlanning") : t("addPlace")}</Link>
        </p>
      </Step>

      <Step n={4} title={t("step", { n: 4, title: t("colleaguesTitle") })} done={done(progress.colleagues > 0)}>
        <p className="mt-1">{progress.colleagues > 0 ? t("colleaguesDone", { count: progress.colleagues }) : t("colleaguesBody")}</p>
        <p className="mt-2">
          <Link href="/plan/staff">{t("invite")}</Link>
        </p>
      </Step>
    </>
  );
}
