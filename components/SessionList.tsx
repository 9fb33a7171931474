import { getFormatter, getTranslations } from "next-intl/server";
import type { SessionListItem } from "@/lib/schedule/reads";
import { helsinkiDay } from "@/lib/i18n/time";
import { SessionCard } from "./SessionCard";

/** Sessions grouped under the Helsinki day they happen on. */
export async function SessionList({ sessions, showPlace = true, from = null }: { sessions: SessionListItem[]; showPlace?: boolean; from?: string | null }) {
  const format = await getFormatter();
  const t = await getTranslations("sessions");
  if (sessions.length === 0) return <p className="rounded-lg bg-white p-4">{t("none")}</p>;

  const days = new Map<string, SessionListItem[]>();
  for (const s of sessions) {
    const key = helsinkiDay(s.startsAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return (
    <div className="space-y-6">
      {[...days.values()].map((list) => (
        <section key={helsinkiDay(list[0]!.startsAt)} aria-labelledby={`day-${helsinkiDay(list[0]!.startsAt)}`}>
          <h2 id={`day-${helsinkiDay(list[0]!.startsAt)}`} className="mb-2 text-lg font-bold capitalize">
            {format.dateTime(list[0]!.startsAt, { weekday: "long", day: "numeric", month: "long" })}
          </h2>
          <ul className="space-y-3">
            {list.map((s) => (
              <li key={s.id}>
                <SessionCard from={from} session={s} showPlace={showPlace} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
