import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { hoursView } from "@/lib/hours/reads";
import { audit } from "@/lib/privacy/audit";
import { hoursQuerySchema } from "@/lib/hours/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { assignableStaff } from "@/lib/staff/reads";
import { HoursPeriodForm } from "@/components/hours/HoursPeriodForm";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { HoursTable } from "@/components/hours/HoursTable";
import { PageNotice } from "@/components/plan/PageNotice";
import { PlanNav } from "@/components/plan/PlanNav";

export const metadata = { robots: { index: false } };

/** Each experience expert's held sessions and hours for a period, for their fees; recorded and exported here. */
export default async function HoursPage({ params, searchParams }: PageProps<"/[locale]/plan/hours">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const t = await getTranslations("plan.hours");
  const raw = await searchParams;
  const query = hoursQuerySchema.parse(raw);
  const db = getDb();
  const view = hoursView(db, actor, query);
  if (!view.ok) forbidden();
  // Other people's hours (their fees) are personal data: a planner's look is logged.
  if (view.people.length > 0) audit(db, actor, "hours.view", "hours", `${view.period.from}..${view.period.to}${query.person ? `:${query.person}` : ""}`);
  const staff = assignableStaff(db);
  const back = new URLSearchParams({ from: view.period.from, to: view.period.to, ...(query.person ? { person: query.person } : {}) });
  const error = typeof raw.error === "string" && t.has(`errors.${raw.error}`) ? t(`errors.${raw.error}` as "errors.hoursInvalid") : null;

  return (
    <>
      <PlanNav current="hours" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <HoursPeriodForm from={view.period.from} to={view.period.to}>
        <FilterSelect
          name="person"
          label={t("person")}
          value={query.person ?? ""}
          allLabel={t("everyone")}
          options={staff.map((s) => ({ value: String(s.id), label: s.name ?? s.email ?? "" }))}
        />
      </HoursPeriodForm>
      <div className="mt-4">
        <PageNotice success={raw.saved ? t("saved") : null} error={error} />
      </div>
      <p className="mt-2 flex flex-wrap gap-4">
        <a href={`/${locale}/plan/hours/export?format=csv&${back}`}>{t("download")}</a>
        <a href={`/${locale}/plan/hours/export?format=xlsx&${back}`}>{t("downloadXlsx")}</a>
      </p>
      {view.people.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p>
      ) : (
        view.people.map((p) => <HoursTable key={p.userId} person={p} locale={locale as Locale} adjust={{ back: back.toString() }} />)
      )}
    </>
  );
}
