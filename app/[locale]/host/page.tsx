import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/guard";
import { isPlanner } from "@/lib/auth/staff";
import { hasPlace } from "@/lib/organisation/reads";
import { hostSessions } from "@/lib/attendance/reads";
import { helsinkiDay } from "@/lib/i18n/time";
import type { Locale } from "@/lib/i18n/locales";
import { KindBadge } from "@/components/KindBadge";
import { formatterFor } from "@/lib/i18n/translator";

export const metadata = { robots: { index: false } };

export default async function HostPage({ params }: PageProps<"/[locale]/host">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  // A new service's first admin lands here after signing in: lead them through the first day.
  if (isPlanner(actor) && !hasPlace(getDb())) redirect(`/${locale}/plan/welcome`);
  const t = await getTranslations("host.list");
  const th = await getTranslations("host.hours");
  const format = formatterFor(locale as Locale);
  const now = new Date();
  const list = hostSessions(getDb(), actor, now);
  const today = helsinkiDay(now);

  const toClose = list.filter((s) => s.toClose);
  const coming = list.filter((s) => !s.toClose);
  const item = (s: (typeof list)[number]) => (
    <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <KindBadge kind={s.kind} />
      {helsinkiDay(s.startsAt) === today && <span className="ml-2 font-semibold">{t("today")}</span>}
      <h3 className="mt-1 text-lg font-semibold">
        {/* A full page load, not a client-side one: the tablet's service worker keeps the door page it sees. */}
        <a href={`/${locale}/host/sessions/${s.id}`}>{s.title[locale as Locale]}</a>
      </h3>
      <p>
        {format.dateTimeRange(s.startsAt, s.endsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" })} ·{" "}
        {s.place}
      </p>
      <p className="text-sm text-stone-700">
        {s.status === "cancelled" ? t("cancelled") : s.closedAt ? t("closed", { count: s.visits }) : t("visits", { count: s.visits })}
      </p>
    </li>
  );

  return (
    <>
      {/* No personal data here: the tablet keeps this list to open the door from offline. */}
      <meta name="kohtaamo-offline" content="keep" />
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1">
        <a href={`/${locale}/host/hours`}>{th("link")}</a>
      </p>
      {toClose.length > 0 && (
        <section aria-labelledby="to-close" className="mt-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4">
          <h2 id="to-close" className="text-xl font-bold">
            {t("toClose", { count: toClose.length })}
          </h2>
          <p className="mt-1">{t("toCloseHint")}</p>
          <ul className="mt-3 space-y-3">{toClose.map(item)}</ul>
        </section>
      )}
      <h2 className="mt-6 text-xl font-bold">{t("coming")}</h2>
      {coming.length === 0 ? <p className="mt-4 rounded-lg bg-white p-4">{t("none")}</p> : <ul className="mt-4 space-y-3">{coming.map(item)}</ul>}
    </>
  );
}
