import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guard";
import { hostSessions } from "@/lib/attendance/reads";
import { helsinkiDay } from "@/lib/i18n/time";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { KindBadge } from "@/components/KindBadge";

export const metadata = { robots: { index: false } };

export default async function HostPage({ params }: PageProps<"/[locale]/host">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const t = await getTranslations("host.list");
  const format = await getFormatter();
  const now = new Date();
  const list = hostSessions(getDb(), actor, now);
  const today = helsinkiDay(now);

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {list.length === 0 ? (
        <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {list.map((s) => (
            <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <KindBadge kind={s.kind} />
              {helsinkiDay(s.startsAt) === today && <span className="ml-2 font-semibold">{t("today")}</span>}
              <h2 className="mt-1 text-lg font-semibold">
                <Link href={`/host/sessions/${s.id}`}>{s.title[locale as Locale]}</Link>
              </h2>
              <p>
                {format.dateTimeRange(s.startsAt, s.endsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" })} ·{" "}
                {s.place}
              </p>
              <p className="text-sm text-stone-700">
                {s.status === "cancelled" ? t("cancelled") : s.closedAt ? t("closed", { count: s.visits }) : t("visits", { count: s.visits })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
