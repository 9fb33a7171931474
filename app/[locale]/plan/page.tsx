import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { hasPlace } from "@/lib/organisation/reads";
import { requirePlanner } from "@/lib/auth/guard";
import { comingSessionsAt, planPlaces } from "@/lib/schedule/plan-reads";
import { Link } from "@/i18n/navigation";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { SessionTable } from "@/components/plan/SessionTable";
import { Notice } from "@/components/ui/Notice";
import { OverdueBadge } from "@/components/feedback/OverdueBadge";
import { overdueConcernCount } from "@/lib/feedback/reads";

export const metadata = { robots: { index: false } };

export default async function PlanPage({ params, searchParams }: PageProps<"/[locale]/plan">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  // A new service's first admin lands here after signing in: lead them through the first day.
  if (!hasPlace(getDb())) redirect(`/${locale}/plan/welcome`);
  const query = await searchParams;
  const t = await getTranslations("plan.schedule");
  const tf = await getTranslations("feedback.plan");
  const db = getDb();
  const now = new Date();
  const places = planPlaces(db, now).filter((p) => !p.archivedAt);
  const place = places.find((p) => String(p.id) === query.place) ?? places[0];
  const sessions = place ? comingSessionsAt(db, place.id, now) : [];
  const created = Number(query.created);
  const overdue = overdueConcernCount(db, actor, now);

  return (
    <>
      <PlanNav current="schedule" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <PageNotice success={created > 0 ? t("created", { count: created }) : null} />
      {overdue > 0 && (
        <div className="mt-4">
          <Notice tone="warning" role="status">
            <p>
              <OverdueBadge label={tf("overdue")} />
              {t("overdueConcerns", { count: overdue })} <Link href="/plan/feedback">{t("seeConcerns")}</Link>
            </p>
          </Notice>
        </div>
      )}
      {places.length === 0 ? (
        <p className="mt-4">
          {t("noPlaces")} <Link href="/plan/places/new">{t("addPlace")}</Link>
        </p>
      ) : (
        <>
          <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm" aria-label={t("filter")}>
            <FilterSelect
              name="place"
              label={t("place")}
              value={place ? String(place.id) : undefined}
              allLabel={t("choosePlace")}
              options={places.map((p) => ({ value: String(p.id), label: p.name }))}
            />
            <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t("show")}
            </button>
          </form>
          {place && (
            <section aria-labelledby="coming" className="mt-6">
              <h2 id="coming" className="text-xl font-bold">
                {t("coming", { place: place.name })}
              </h2>
              <p className="mt-1 text-sm">
                <Link href={`/plan/sessions/new?mode=once&place=${place.id}`}>{t("addOnce")}</Link> ·{" "}
                <Link href={`/plan/sessions/new?mode=series&place=${place.id}`}>{t("addSeries")}</Link> ·{" "}
                <Link href={`/plan/sessions/new?mode=group&place=${place.id}`}>{t("addGroup")}</Link>
              </p>
              <SessionTable sessions={sessions} caption={t("coming", { place: place.name })} />
            </section>
          )}
        </>
      )}
    </>
  );
}
