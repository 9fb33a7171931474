import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { inviteAction } from "@/lib/development/actions";
import { comingPanels, developmentList } from "@/lib/development/reads";
import type { Locale } from "@/lib/i18n/locales";
import { PlanNav } from "@/components/plan/PlanNav";
import { PageNotice } from "@/components/plan/PageNotice";
import { filterFieldClass } from "@/components/ui/FilterSelect";
import { formatterFor } from "@/lib/i18n/translator";

export const metadata = { robots: { index: false } };

const th = "border-b border-stone-300 px-2 py-1 text-left font-semibold";
const td = "border-b border-stone-200 px-2 py-1";

/** Development clients (audited on every view) and invitations to a client panel: a codevelopment session. */
export default async function PanelPage({ params, searchParams }: PageProps<"/[locale]/plan/panel">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const q = await searchParams;
  const t = await getTranslations("develop.plan");
  const format = formatterFor(locale as Locale);
  const db = getDb();
  const people = developmentList(db, actor) ?? [];
  const panels = comingPanels(db);
  const title = (id: number) => panels.find((p) => p.id === id)?.title[locale as Locale];
  const error = typeof q.error === "string" && t.has(`errors.${q.error}`) ? t(`errors.${q.error}` as "errors.forbidden") : null;
  const sent = typeof q.sent === "string" && /^\d+$/.test(q.sent) ? t("sent", { count: Number(q.sent) }) : null;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  // After a refused form: the same people and session chosen again.
  const chosen = new Set(typeof q.chosen === "string" ? q.chosen.split(",") : []);
  const chosenPanel = typeof q.session === "string" ? q.session : "";

  return (
    <>
      <PlanNav current="panel" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1">{t("intro")}</p>
      <div className="mt-3">
        <PageNotice success={sent} error={error} />
      </div>
      {people.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <form action={inviteAction} className="mt-4 space-y-4">
          <input type="hidden" name="locale" value={locale} />
          <div className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-sm" data-testid="development-clients">
              <caption className="sr-only">{t("title")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={th}>
                    <span className="sr-only">{t("invite")}</span>
                  </th>
                  <th scope="col" className={th}>
                    {t("email")}
                  </th>
                  <th scope="col" className={th}>
                    {t("languages")}
                  </th>
                  <th scope="col" className={th}>
                    {t("since")}
                  </th>
                  <th scope="col" className={th}>
                    {t("until")}
                  </th>
                  <th scope="col" className={th}>
                    {t("invited")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <td className={td}>
                      <input type="checkbox" name="clients" value={p.id} defaultChecked={chosen.has(String(p.id))} aria-label={t("choose", { email: p.email })} className="size-5" />
                    </td>
                    <th scope="row" className={`${td} text-left font-normal`}>
                      {p.email}
                    </th>
                    <td className={td}>{p.languages.join(", ")}</td>
                    <td className={td}>{day(p.consentedOn)}</td>
                    <td className={td}>{day(p.deleteAfter)}</td>
                    <td className={td}>{p.invitedTo.map((id) => title(id) ?? `#${id}`).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="rounded border border-stone-300 bg-white p-3">
            <legend className="px-1 font-semibold">{t("invite")}</legend>
            <p id="panel-hint" className="text-sm text-stone-700">
              {t("inviteHint")}
            </p>
            {panels.length === 0 ? (
              <p className="mt-2">{t("noPanels")}</p>
            ) : (
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <div>
                  <label htmlFor="sessionId" className="block font-medium">
                    {t("panel")}
                  </label>
                  <select id="sessionId" name="sessionId" defaultValue={chosenPanel} aria-describedby="panel-hint" className={filterFieldClass}>
                    <option value="">{t("choosePanel")}</option>
                    {panels.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title[locale as Locale]}, {format.dateTime(s.startsAt, { dateStyle: "medium", timeStyle: "short" })}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white">
                  {t("send")}
                </button>
              </div>
            )}
          </fieldset>
        </form>
      )}
    </>
  );
}
