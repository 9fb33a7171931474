import { getTranslations } from "next-intl/server";
import { hoursOf, type PersonHours } from "@/lib/hours/reads";
import { formatterFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { adjustHoursAction } from "@/lib/hours/actions";

/**
 * One person's sessions and hours in a period, with the month totals. With
 * `adjust`, a planner records each session's hours in place (a plain form:
 * it works without JavaScript).
 */
export async function HoursTable({ person, locale, adjust }: { person: PersonHours; locale: Locale; adjust?: { back: string } }) {
  const t = await getTranslations("plan.hours");
  const format = formatterFor(locale);
  const h = (minutes: number) => format.number(hoursOf(minutes), { maximumFractionDigits: 2 });
  return (
    <table className="mt-3 w-full border-collapse bg-white text-left shadow-sm">
      <caption className="p-2 text-left text-lg font-semibold">
        {person.name} · {t("totalHours", { hours: h(person.minutes) })}
      </caption>
      <thead>
        <tr className="border-b border-stone-300">
          <th scope="col" className="p-2">{t("columns.when")}</th>
          <th scope="col" className="p-2">{t("columns.session")}</th>
          <th scope="col" className="p-2">{t("columns.place")}</th>
          <th scope="col" className="p-2 text-right">{t("columns.hours")}</th>
        </tr>
      </thead>
      <tbody>
        {person.lines.map((l) => (
          <tr key={l.sessionId} className="border-b border-stone-200">
            <td className="p-2">{format.dateTime(l.startsAt, { day: "numeric", month: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" })}</td>
            <td className="p-2">{l.title[locale]}</td>
            <td className="p-2">{l.place}</td>
            <td className="p-2 text-right">
              {adjust ? (
                <form action={adjustHoursAction} className="flex items-center justify-end gap-2">
                  <input type="hidden" name="locale" value={locale} />
                  <input type="hidden" name="back" value={adjust.back} />
                  <input type="hidden" name="sessionId" value={l.sessionId} />
                  <input type="hidden" name="userId" value={person.userId} />
                  <label htmlFor={`h-${person.userId}-${l.sessionId}`} className="sr-only">
                    {t("adjust", { name: person.name, session: l.title[locale] })}
                  </label>
                  <input
                    id={`h-${person.userId}-${l.sessionId}`}
                    name="hours"
                    inputMode="decimal"
                    defaultValue={h(l.minutes)}
                    className="w-20 rounded border border-stone-400 px-2 py-1 text-right"
                  />
                  <button type="submit" className="rounded border border-brand-800 px-2 py-1 text-sm font-medium text-brand-800">
                    {t("save")}
                  </button>
                </form>
              ) : (
                h(l.minutes)
              )}
              {l.adjusted && <span className="ml-1 text-sm text-stone-700">{t("adjusted")}</span>}
            </td>
          </tr>
        ))}
        {person.months.map((m) => (
          <tr key={m.month} className="border-b border-stone-200 font-semibold">
            <th scope="row" colSpan={3} className="p-2">
              {t("monthTotal", { month: format.dateTime(new Date(`${m.month}-15T12:00:00Z`), { month: "long", year: "numeric" }) })}
            </th>
            <td className="p-2 text-right">{h(m.minutes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
