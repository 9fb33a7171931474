import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { SessionCardItem } from "@/lib/schedule/reads";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { placeIn } from "@/lib/i18n/place-names";
import { KindBadge } from "./KindBadge";
import { SeatsLeft } from "./SeatsLeft";
import { LanguagesSpoken } from "./LanguagesSpoken";

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/**
 * One session, or one whole group, as a card. The whole card opens the session: the title is the
 * card's only link (so a screen reader hears the title once), and its ::after covers the card.
 * `from`: a flyer's channel tag, passed on to the session's page (see lib/referrals).
 */
export async function SessionCard({ session, showPlace = true, from = null }: { session: SessionCardItem; showPlace?: boolean; from?: string | null }) {
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  const t = await getTranslations("sessions");
  const title = (session.groupTitle ?? session.title)[locale];
  const span = session.span;
  // Finnish writes short dates with numbers (2.12.), Swedish and English with the month (2 dec., 2 Dec).
  const day = (d: Date) => format.dateTime(d, locale === "fi" ? { day: "numeric", month: "numeric" } : { day: "numeric", month: "short" });
  return (
    <article className="relative rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-700" data-testid="session-card">
      <KindBadge kind={session.kind} title={title} className="mb-1" />
      <h3 className="text-lg font-semibold">
        <Link
          href={from ? { pathname: `/sessions/${session.id}`, query: { from } } : `/sessions/${session.id}`}
          className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-3 focus-visible:after:outline-offset-2 focus-visible:after:outline-amber-500"
        >
          {title}
        </Link>
      </h3>
      {span && span.count > 1 && (
        <p className="mt-1 font-medium">
          {span.weekday === null
            ? t("groupSpan", { count: span.count, first: day(span.first), last: day(span.last) })
            : t("groupSpanWeekly", { count: span.count, weekday: WEEKDAYS[span.weekday]!, first: day(span.first), last: day(span.last) })}
        </p>
      )}
      <p className="mt-1">
        {format.dateTimeRange(session.startsAt, session.endsAt, { hour: "numeric", minute: "2-digit" })}
        {showPlace && (
          <>
            {" · "}
            <span>{placeIn(session.place, locale).name}</span>
          </>
        )}
      </p>
      <p className="mt-1 text-sm text-stone-700">
        <LanguagesSpoken codes={session.languages} />
      </p>
      <p className="mt-1 text-sm font-medium">
        <SeatsLeft kind={session.kind} seatsLeft={session.seatsLeft} />
      </p>
    </article>
  );
}
