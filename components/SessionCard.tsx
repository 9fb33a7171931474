import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { SessionListItem } from "@/lib/schedule/reads";
import type { Locale } from "@/lib/i18n/locales";
import { KindBadge } from "./KindBadge";
import { SeatsLeft } from "./SeatsLeft";
import { LanguagesSpoken } from "./LanguagesSpoken";

/** `from`: a flyer's channel tag, passed on to the session's page (see lib/referrals). */
export async function SessionCard({ session, showPlace = true, from = null }: { session: SessionListItem; showPlace?: boolean; from?: string | null }) {
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  const t = await getTranslations("sessions");
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      <KindBadge kind={session.kind} />
      <h3 className="mt-1 text-lg font-semibold">
        <Link href={from ? { pathname: `/sessions/${session.id}`, query: { from } } : `/sessions/${session.id}`}>{session.title[locale]}</Link>
      </h3>
      <p className="mt-1">
        {format.dateTimeRange(session.startsAt, session.endsAt, { hour: "numeric", minute: "2-digit" })}
        {showPlace && (
          <>
            {" · "}
            <span>{t("at", { place: session.place.name })}</span>
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
