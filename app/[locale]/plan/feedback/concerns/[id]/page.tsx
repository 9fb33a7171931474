import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { concernDetail } from "@/lib/feedback/reads";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { NotFoundView } from "@/components/NotFoundView";
import { ClientMessages } from "@/components/ClientMessages";
import { ConcernActionForm } from "@/components/feedback/ConcernActionForm";
import { formatterFor } from "@/lib/i18n/translator";
import { assignableStaff } from "@/lib/staff/reads";
import { assignConcernAction, takeConcernAction } from "@/lib/feedback/staff-actions";
import { PageNotice } from "@/components/plan/PageNotice";
import { OverdueBadge } from "@/components/feedback/OverdueBadge";
import { ConcernHandover } from "@/components/feedback/ConcernHandover";

const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export const metadata = { robots: { index: false } };

const buttonClass = "rounded border border-stone-600 bg-white px-3 py-1.5 font-medium hover:bg-stone-100";

export default async function ConcernPage({ params, searchParams }: PageProps<"/[locale]/plan/feedback/concerns/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  // A notice's link leads here; signing in brings the planner back (lib/auth/guard.ts).
  const actor = await requirePlanner(locale);
  const query = await searchParams;
  const db = getDb();
  // The read logs each look (a concern is about how a person was treated, with or without contact details).
  const concern = /^\d+$/.test(id) ? concernDetail(db, actor, Number(id)) : null;
  if (!concern) return <NotFoundView />;
  const t = await getTranslations("feedback.plan");
  const format = formatterFor(locale as Locale);
  const planners = assignableStaff(db).filter((s) => s.role !== "facilitator");
  const done = query.done === "taken" ? t("taken") : query.done === "assigned" ? t("assigned") : null;
  const failed = typeof query.error === "string" ? t("forbidden") : null;

  return (
    <>
      <p>
        <Link href="/plan/feedback">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("concernTitle", { id: concern.id })}</h1>
      <PageNotice success={done} error={failed} />
      <p className="mt-1 text-stone-800">
        {concern.overdue && <OverdueBadge label={t("overdue")} />}
        <strong>{t(`status_${concern.status}`)}</strong> · {format.dateTime(concern.createdAt, { dateStyle: "medium" })}
        {concern.place && ` · ${concern.place}`}
        {concern.session?.title && ` · ${concern.session.title[locale as Locale]}`}
      </p>
      <p className="mt-1">
        {concern.firstResponseAt
          ? t("answeredOn", { date: format.dateTime(concern.firstResponseAt, { dateStyle: "medium" }) })
          : concern.dueAt && t("dueBy", { date: format.dateTime(concern.dueAt, { dateStyle: "full" }) })}
        {" · "}
        {concern.owner ? t("owner", { name: concern.owner }) : t("noOwner")}
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        {concern.ownerId !== actor.id && (
          <form action={takeConcernAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="concernId" value={concern.id} />
            <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t("take")}
            </button>
          </form>
        )}
        <form action={assignConcernAction} className="flex items-end gap-2">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="concernId" value={concern.id} />
          <div>
            <label htmlFor="ownerId" className="block text-sm font-medium">
              {t("assignTo")}
            </label>
            <select id="ownerId" name="ownerId" defaultValue={concern.ownerId ?? ""} className="mt-1 rounded border border-stone-500 bg-white p-1.5">
              {planners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name ?? p.email}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass}>
            {t("assign")}
          </button>
        </form>
      </div>
      <blockquote className="mt-4 rounded-lg border-l-4 border-amber-400 bg-white p-4 whitespace-pre-line">{concern.text}</blockquote>
      <p className="mt-3">
        <strong>{t("contact")}:</strong> {concern.contact ?? t("noContact")}
      </p>

      <section aria-labelledby="actions" className="mt-6">
        <h2 id="actions" className="text-xl font-bold">
          {t("actions")}
        </h2>
        {concern.actions.length === 0 ? (
          <p className="mt-2">{t("noActions")}</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {concern.actions.map((a) => (
              <li key={a.id} className="rounded bg-white p-3 shadow-sm">
                <p className="text-sm text-stone-700">
                  {t("actionBy", {
                    name: a.by ?? a.email ?? "",
                    date: format.dateTime(a.at, { dateStyle: "medium", timeStyle: "short" }),
                    status: t(`status_${a.status}`),
                  })}
                </p>
                <p className="mt-1 whitespace-pre-line">{a.note}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ClientMessages namespaces={["feedback", "errors"]}>
        <ConcernActionForm concernId={concern.id} status={concern.status} />
      </ClientMessages>
      <ConcernHandover concernId={concern.id} locale={locale as Locale} notice={single(query.handover)} />
    </>
  );
}
