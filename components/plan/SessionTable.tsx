import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/lib/i18n/locales";
import type { PlanSessionRow } from "@/lib/schedule/plan-reads";
import { KindBadge } from "@/components/KindBadge";
import { formatterFor } from "@/lib/i18n/translator";

/** A place's coming sessions for planners: when, what, seats booked, who runs it. */
export async function SessionTable({ sessions, caption }: { sessions: PlanSessionRow[]; caption: string }) {
  const t = await getTranslations("plan.schedule");
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  if (sessions.length === 0) return <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p>;
  return (
    <div className="mt-4 overflow-x-auto rounded-lg bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-stone-300">
          <tr>
            <th scope="col" className="p-2">{t("when")}</th>
            <th scope="col" className="p-2">{t("what")}</th>
            <th scope="col" className="p-2">{t("booked")}</th>
            <th scope="col" className="p-2">{t("facilitators")}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} className="border-b border-stone-200 align-top">
              <td className="p-2 whitespace-nowrap">
                {format.dateTimeRange(s.startsAt, s.endsAt, { weekday: "short", day: "numeric", month: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" })}
              </td>
              <td className="p-2">
                <KindBadge kind={s.kind} title={s.title[locale]} />{" "}
                <Link href={`/plan/sessions/${s.id}`}>{s.title[locale]}</Link>
                {s.status === "cancelled" && <strong className="ml-2 text-red-800">{t("cancelled")}</strong>}
              </td>
              <td className="p-2 whitespace-nowrap">{s.capacity === null ? t("noBooking") : t("seats", { booked: s.booked, capacity: s.capacity })}</td>
              <td className="p-2">{s.facilitators.length ? s.facilitators.map((f) => f.name).join(", ") : <span className="text-red-800">{t("nobody")}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
