import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { doorHistory } from "@/lib/attendance/history";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { sessionForEdit } from "@/lib/schedule/plan-reads";
import { Link } from "@/i18n/navigation";
import { NotFoundView } from "@/components/NotFoundView";
import { PlanNav } from "@/components/plan/PlanNav";
import { DoorHistoryTable } from "@/components/plan/DoorHistoryTable";

export const metadata = { robots: { index: false } };

/** The audited changes to a session's figures after its day, in order: when, who, what. */
export default async function DoorHistoryPage({ params }: PageProps<"/[locale]/plan/sessions/[id]/history">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const db = getDb();
  const session = /^\d+$/.test(id) ? sessionForEdit(db, Number(id)) : null;
  if (!session) return <NotFoundView />;
  const history = doorHistory(db, actor, session.id);
  if (!history) forbidden();
  const t = await getTranslations("plan.doorHistory");
  const format = formatterFor(locale as Locale);
  return (
    <>
      <PlanNav />
      <h1 className="text-2xl font-bold">
        {t("title")}: {session.title[locale as Locale]}
      </h1>
      <p className="mt-1 text-lg">
        {format.dateTimeRange(session.startsAt, session.endsAt, { dateStyle: "full", timeStyle: "short" })} · {session.placeName}
      </p>
      <p className="mt-2">{t("intro")}</p>
      {history.length === 0 ? <p className="mt-4">{t("none")}</p> : <DoorHistoryTable locale={locale as Locale} history={history} />}
      <p className="mt-6">
        <Link href={`/plan/sessions/${session.id}`}>{t("back")}</Link>
      </p>
    </>
  );
}
