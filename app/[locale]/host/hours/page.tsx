import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guard";
import { hoursView } from "@/lib/hours/reads";
import { hoursQuerySchema } from "@/lib/hours/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { HoursPeriodForm } from "@/components/hours/HoursPeriodForm";
import { HoursTable } from "@/components/hours/HoursTable";

export const metadata = { robots: { index: false } };

/** An experience expert's own sessions and hours, this month or a period they choose. */
export default async function MyHoursPage({ params, searchParams }: PageProps<"/[locale]/host/hours">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const t = await getTranslations("host.hours");
  const tp = await getTranslations("plan.hours");
  const view = hoursView(getDb(), actor, { ...hoursQuerySchema.parse(await searchParams), person: actor.id });
  if (!view.ok) forbidden();
  const mine = view.people.find((p) => p.userId === actor.id);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <HoursPeriodForm from={view.period.from} to={view.period.to} />
      {mine ? <HoursTable person={mine} locale={locale as Locale} /> : <p className="mt-4 rounded-lg bg-white p-4">{tp("none")}</p>}
    </>
  );
}
