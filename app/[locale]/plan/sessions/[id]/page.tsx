import { tellingWords } from "@/lib/schedule/discreet";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";
import { helsinkiParts } from "@/lib/i18n/time";
import { groupFormValues, planPlaces, sessionForEdit, sessionFormValues } from "@/lib/schedule/plan-reads";
import { assignableStaff } from "@/lib/staff/reads";
import { changedLater } from "@/lib/attendance/history";
import { Link } from "@/i18n/navigation";
import { ClientMessages } from "@/components/ClientMessages";
import { KindBadge } from "@/components/KindBadge";
import { NotFoundView } from "@/components/NotFoundView";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { SessionForm } from "@/components/plan/SessionForm";
import { CancelSessionForm, FacilitatorsForm } from "@/components/plan/SessionActions";
import { CancelSeriesForm } from "@/components/plan/CancelSeriesForm";
import { GroupForm } from "@/components/plan/GroupForm";
import { formatterFor } from "@/lib/i18n/translator";

export const metadata = { robots: { index: false } };

export default async function PlanSessionPage({ params, searchParams }: PageProps<"/[locale]/plan/sessions/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const db = getDb();
  const session = /^\d+$/.test(id) ? sessionForEdit(db, Number(id)) : null;
  if (!session) return <NotFoundView />;
  const query = await searchParams;
  const t = await getTranslations("plan.sessionPage");
  const te = await getTranslations("plan.errors");
  const format = formatterFor(locale as Locale);
  const now = new Date();
  const started = session.startsAt.getTime() <= now.getTime();
  const cancelled = session.status === "cancelled";
  const staff = assignableStaff(db).map((s) => ({ id: s.id, name: s.name ?? s.email ?? "" }));
  const places = planPlaces(db, now).filter((p) => !p.archivedAt || p.id === session.placeId);

  const error = typeof query.error === "string" && te.has(query.error) ? te(query.error) : null;
  const tg = await getTranslations("plan.groupEdit");
  const tsc = await getTranslations("plan.seriesCancel");
  const group = session.groupId !== null ? groupFormValues(db, session.groupId) : null;
  const success =
    query.seriesCancelled !== undefined
      ? tsc("done", { count: Number(query.seriesCancelled) || 0, told: Number(query.told) || 0 })
      : query.groupSaved
        ? tg("saved")
        : query.cancelled !== undefined
      ? t("cancelledNow", { count: Number(query.cancelled) || 0 })
      : query.assigned !== undefined
        ? t("assignedNow", { count: Number(query.assigned) || 0 })
        : query.told !== undefined
          ? t("movedNow", { count: Number(query.told) || 0 })
          : query.saved
            ? t("savedNow")
            : null;
  const promoted = Number(query.promoted) || 0;
  const notice = success && promoted > 0 ? `${success} ${t("promotedNow", { count: promoted })}` : success;
  const capacity = session.groupId !== null ? session.groupCapacity : session.capacity;
  const later = started ? changedLater(db, session.id) : null;

  return (
    <>
      <PlanNav />
      <KindBadge kind={session.kind} />
      <h1 className="mt-1 text-2xl font-bold">{session.title[locale as Locale]}</h1>
      <p className="mt-1 text-lg">
        {format.dateTimeRange(session.startsAt, session.endsAt, { dateStyle: "full", timeStyle: "short" })} · {session.placeName}
      </p>
      <p className="mt-1">
        {capacity === null || capacity === undefined ? t("noBooking") : t("seats", { booked: session.booked, capacity })}
        {session.groupId !== null && ` · ${t("groupMeeting", { count: session.others + 1 })}`}
        {session.groupId === null && session.seriesId !== null && ` · ${t("seriesMeeting")}`}
      </p>
      {cancelled && <p className="mt-2 font-bold text-red-800">{t("isCancelled")}</p>}
      {started && (
        <p className="mt-1">
          {later && (
            <>
              <strong className="text-amber-900" data-testid="changed-later">
                {t("changedLater", { name: later.by ?? "", date: format.dateTime(later.at, { dateStyle: "short" }) })}
              </strong>
              {" · "}
            </>
          )}
          <Link href={`/plan/sessions/${session.id}/history`}>{t("doorHistory")}</Link>
        </p>
      )}
      {!cancelled && (
        <p className="mt-1 text-sm">
          <Link href={`/sessions/${session.id}`}>{t("publicPage")}</Link>
          {!started && (
            <>
              {" · "}
              <Link href={`/plan/places/${session.placeId}/flyer?session=${session.id}`}>{(await getTranslations("flyer"))("link")}</Link>
            </>
          )}
        </p>
      )}
      <div className="mt-4">
        <PageNotice success={notice} error={error} />
      </div>

      {!cancelled && (
        <section aria-labelledby="facilitators" className="mt-6">
          <h2 id="facilitators" className="text-xl font-bold">
            {t("facilitators")}
          </h2>
          <FacilitatorsForm locale={locale} sessionId={session.id} staff={staff} assigned={session.facilitators.map((f) => f.id)} others={session.others} />
        </section>
      )}

      {!cancelled && !started && (
        <>
          <section aria-labelledby="edit" className="mt-10">
            <h2 id="edit" className="text-xl font-bold">
              {t("edit")}
            </h2>
            <p className="mt-1 text-sm">{t("editHint")}</p>
            <ClientMessages namespaces={["plan", "kinds", "professionals"]}>
              <SessionForm mode="edit" locale={locale} places={places} groupMeeting={session.groupId !== null} initial={sessionFormValues(session)}
                titleWords={tellingWords([session.title.fi, session.title.sv, session.title.en])}
              />
            </ClientMessages>
          </section>
          {group && (
            <section aria-labelledby="group" className="mt-10">
              <h2 id="group" className="text-xl font-bold">
                {tg("title")}
              </h2>
              <p className="mt-1 text-sm">{tg("body")}</p>
              <ClientMessages namespaces={["plan"]}>
                <GroupForm
                  locale={locale}
                  sessionId={session.id}
                  initial={group}
                />
              </ClientMessages>
            </section>
          )}
          {session.seriesId !== null && session.groupId === null && (
            <section aria-labelledby="series-cancel" className="mt-10 rounded-lg border border-red-200 bg-white p-4">
              <h2 id="series-cancel" className="text-xl font-bold">
                {tsc("title")}
              </h2>
              <ClientMessages namespaces={["plan"]}>
                <CancelSeriesForm locale={locale} sessionId={session.id} fromDate={helsinkiParts(session.startsAt).date} />
              </ClientMessages>
            </section>
          )}
          <section aria-labelledby="cancel" className="mt-10 rounded-lg border border-red-200 bg-white p-4">
            <h2 id="cancel" className="text-xl font-bold">
              {t("cancel")}
            </h2>
            <CancelSessionForm locale={locale} sessionId={session.id} booked={session.booked} />
          </section>
        </>
      )}
      {started && !cancelled && (
        <p className="mt-6">
          {t("startedHint")} <Link href={`/host/sessions/${session.id}`}>{t("doorLink")}</Link>
        </p>
      )}
    </>
  );
}
