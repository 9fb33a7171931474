import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { formatterFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { requirePlanner } from "@/lib/auth/guard";
import { auditActions } from "@/lib/privacy/audit";
import { AUDIT_PAGE_SIZE, auditFilter, readAuditLog } from "@/lib/privacy/audit-reads";
import { PlanNav } from "@/components/plan/PlanNav";
import { DateRange } from "@/components/ui/DateRange";
import { FilterSelect } from "@/components/ui/FilterSelect";

export const metadata = { robots: { index: false } };

/** Who looked at personal data or changed who may, filtered by person, action and period. */
export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/plan/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const q = await searchParams;
  const filter = auditFilter(q);
  const log = readAuditLog(getDb(), actor, filter);
  if (!log) forbidden();
  const t = await getTranslations("plan.audit");
  const format = formatterFor(locale as Locale);
  const value = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : "");

  return (
    <>
      <PlanNav current="audit" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <form method="get" aria-label={t("filters")} className="mt-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <FilterSelect
          name="actor"
          label={t("person")}
          value={value("actor")}
          allLabel={t("everyone")}
          options={[{ value: "system", label: t("system") }, ...log.people.map((p) => ({ value: p.id, label: p.name ?? p.email ?? "" }))]}
        />
        <FilterSelect
          name="action"
          label={t("action")}
          value={value("action")}
          allLabel={t("allActions")}
          options={auditActions.map((a) => ({ value: a, label: t(`actions.${a.replace(".", "_")}` as "actions.roster_view") }))}
        />
        <DateRange from={value("from")} to={value("to")} labels={{ from: t("from"), to: t("to") }} />
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-semibold text-white">
          {t("show")}
        </button>
      </form>

      {log.rows.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-2">{t("when")}</th>
                <th scope="col" className="p-2">{t("person")}</th>
                <th scope="col" className="p-2">{t("action")}</th>
                <th scope="col" className="p-2">{t("subject")}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200 align-top">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="p-2">{r.actorName ?? r.actorEmail ?? t("system")}</td>
                  <td className="p-2">{t(`actions.${r.action.replace(".", "_")}` as "actions.roster_view")}</td>
                  <td className="p-2">
                    {r.subjectType} {r.subjectId}
                    {r.detail && (
                      <span className="block text-stone-700">
                        {Object.entries(r.detail)
                          .map(([k, v]) => `${k}: ${v}`)
                          .join(", ")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {log.rows.length === AUDIT_PAGE_SIZE && <p className="mt-2">{t("more", { count: AUDIT_PAGE_SIZE })}</p>}
        </div>
      )}
    </>
  );
}
