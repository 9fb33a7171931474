import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { NotFoundView, notFoundMetadata } from "@/components/NotFoundView";
import { config } from "@/lib/config";
import { textMessagesOn } from "@/lib/sms/provider";
import { countryNames } from "@/lib/sms/phone";
import { upperFirst, type Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { getPlace, getSession, groupMeetings } from "@/lib/schedule/reads";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { Link } from "@/i18n/navigation";
import { KindBadge } from "@/components/KindBadge";
import { LanguagesSpoken } from "@/components/LanguagesSpoken";
import { SeatsLeft } from "@/components/SeatsLeft";
import { BookingForm } from "@/components/booking/BookingForm";
import { Notice } from "@/components/ui/Notice";
import { largestParty } from "@/lib/booking/bookable";
import { channelFromTag } from "@/lib/referrals/channels";
import { OpeningSoon } from "@/components/OpeningSoon";
import { publicSiteOpen } from "@/lib/organisation/reads";

function sessionId(raw: string): number | null {
  return /^\d{1,10}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/sessions/[id]">) {
  const { locale, id } = await params;
  const n = sessionId(id);
  const session = n === null ? null : getSession(getDb(), n);
  if (!session) return notFoundMetadata(locale);
  // Never the session's own title: the tab and the history of a shared phone show it to anyone.
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("session") };
}

export default async function SessionPage({ params, searchParams }: PageProps<"/[locale]/sessions/[id]">) {
  const { locale, id } = await params;
  // A flyer's QR link (?from=flyer-…) prefills "a flyer" in "how did you hear of Kohtaamo".
  const heardFrom = channelFromTag((await searchParams).from);
  setRequestLocale(locale);
  const n = sessionId(id);
  const db = getDb();
  if (!publicSiteOpen(db)) return <OpeningSoon />;
  const session = n === null ? null : getSession(db, n);
  if (!session) return <NotFoundView />;
  const t = await getTranslations("session");
  const tm = await getTranslations("manage");
  const l = locale as Locale;
  const format = formatterFor(l);
  const found = getPlace(db, session.place.slug);
  const place = found && placeIn(found, l);
  const placeName = placeIn(session.place, l).name;

  const meetings = session.groupId !== null ? groupMeetings(db, session.groupId) : [];
  const opensUntil = meetings[0]?.startsAt ?? session.startsAt;
  const now = new Date();
  const bookable = session.capacity !== null;
  const closed = opensUntil.getTime() <= now.getTime();
  const title = session.groupTitle ?? session.title;
  const description = session.groupDescription ?? session.description;
  const when = format.dateTimeRange(session.startsAt, session.endsAt, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "numeric",
    minute: "2-digit",
  });

  return (
    <>
      <KindBadge kind={session.kind} title={title[l]} className="mb-1" />
      <h1 className="text-2xl font-bold">{title[l]}</h1>
      <p className="mt-2 text-lg">{upperFirst(when, l)}</p>
      <p className="mt-1">
        <Link href={`/places/${session.place.slug}`}>{placeName}</Link>
        {place && `, ${addressLine(place)}`}
      </p>
      <p className="mt-1 text-stone-700">
        <LanguagesSpoken codes={session.languages} />
      </p>
      <p className="mt-4">{description[l]}</p>

      {meetings.length > 0 && (
        <section className="mt-4" aria-labelledby="meetings">
          <h2 id="meetings" className="text-lg font-bold">
            {t("groupMeetings", { count: meetings.length })}
          </h2>
          <ol className="mt-1 list-decimal pl-6">
            {meetings.map((m) => (
              <li key={m.id}>
                {format.dateTimeRange(m.startsAt, m.endsAt, {
                  weekday: "short",
                  day: "numeric",
                  month: "numeric",
                  hour: "numeric",
                  minute: "2-digit",
                })}
              </li>
            ))}
          </ol>
        </section>
      )}

      <div className="mt-6">
        {session.status === "cancelled" ? (
          <Notice tone="warning">{t("cancelled")}</Notice>
        ) : session.endsAt.getTime() <= now.getTime() ? (
          <Notice tone="info">{t("past")}</Notice>
        ) : session.kind === "drop_in" ? (
          <Notice tone="success" title={t("dropInTitle")}>
            <p>{t("dropInBody", { when, place: placeName })}</p>
            {place && <p className="mt-2">{place.directions[l]}</p>}
          </Notice>
        ) : !bookable ? (
          <Notice tone="info">{t("noBooking")}</Notice>
        ) : closed ? (
          <Notice tone="info">{t("bookingClosed")}</Notice>
        ) : (
          <section aria-labelledby="book" className="rounded-lg bg-white p-4 shadow-sm">
            <h2 id="book" className="text-xl font-bold">
              {session.seatsLeft === 0 ? t("joinWaitlist") : t("book")}
            </h2>
            <p className="mt-1 font-medium">
              <SeatsLeft kind={session.kind} seatsLeft={session.seatsLeft} />
            </p>
            {session.groupId !== null && <p className="mt-1">{t("groupBookingCovers")}</p>}
            <BookingForm
              sessionId={session.id}
              locale={l}
              maxPartySize={largestParty(session)}
              full={session.seatsLeft === 0}
              retentionDays={config().EMAIL_RETENTION_DAYS}
              heardFrom={heardFrom}
              textMessages={textMessagesOn(config())}
              smsCountries={countryNames(config().SMS_COUNTRIES, locale)}
            />
            <p className="mt-4">
              <Link href="/manage">{tm("lostLink")}</Link>
            </p>
          </section>
        )}
      </div>
    </>
  );
}
