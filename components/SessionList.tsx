import { getLocale, getTranslations } from "next-intl/server";
import type { SessionCardItem } from "@/lib/schedule/reads";
import { upperFirst, type Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { helsinkiDay } from "@/lib/i18n/time";
import { SessionCard } from "./SessionCard";

/**
 * Sessions grouped under the Helsinki day they happen on (a group under its first meeting's day).
 * `filtered`: the reader chose filters, so an empty list is "none with these choices"; otherwise it
 * says what is true, that nothing has been published yet.
 */
export async function SessionList({
  sessions,
  showPlace = true,
  from = null,
  filtered = false,
}: {
  sessions: SessionCardItem[];
  showPlace?: boolean;
  from?: string | null;
  filtered?: boolean;
}) {
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  const t = await getTranslations("sessions");
  if (sessions.length === 0) {
    const empty = filtered ? t("none") : (await getTranslations("emptyStates"))("noSessionsYet");
    return <p className="rounded-lg bg-white p-4">{empty}</p>;
  }

  const days = new Map<string, SessionCardItem[]>();
  for (const s of sessions) {
    const key = helsinkiDay(s.startsAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return (
    <div className="space-y-6">
      {[...days].map(([key, list]) => {
        const heading = format.dateTime(list[0]!.startsAt, { weekday: "long", day: "numeric", month: "long" });
        return (
          <section key={key} aria-labelledby={`day-${key}`}>
            <h2 id={`day-${key}`} className="mb-2 text-lg font-bold">
              {upperFirst(heading, locale)}
            </h2>
            <ul className="space-y-3">
              {list.map((s) => (
                <li key={s.id}>
                  <SessionCard from={from} session={s} showPlace={showPlace} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
