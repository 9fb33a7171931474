import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken, bookingChanges, heldMessages } from "@/lib/booking/reads";
import { listSessions } from "@/lib/schedule/reads";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { manageUrl } from "@/lib/booking/writes";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { Link } from "@/i18n/navigation";
import { Notice } from "@/components/ui/Notice";
import { BadLinkNotice, manageLinkMetadata } from "@/components/booking/BadLinkNotice";
import { VisitorCodeSection } from "@/components/booking/VisitorCodeSection";
import { MyDetailsSection, givenDetails } from "@/components/booking/MyDetailsSection";
import { CopyShareButtons } from "@/components/booking/CopyShareButtons";

export async function generateMetadata({ params }: PageProps<"/[locale]/manage/[token]">) {
  const { locale, token } = await params;
  return manageLinkMetadata(locale, token);
}

export default async function ManagePage({ params, searchParams }: PageProps<"/[locale]/manage/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("manage");
  const l = locale as Locale;
  const format = formatterFor(l);

  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  if (!found.ok) return <BadLinkNotice reason={found.reason} />;
  const b = found.booking;
  const place = placeIn(b.place, l);
  const link = manageUrl(l, token);
  const now = new Date();
  const changes = bookingChanges(b);
  // Held only while the address or number is still kept: "Delete my details" leaves nothing to tell.
  const held = heldMessages(getDb(), b.id);
  const heldEmail = Boolean(b.email) && held.has("email");
  const heldSms = Boolean(b.phone) && held.has("sms");
  const live = b.status !== "cancelled" && !changes.allCancelled;
  const meetingTime = (m: { startsAt: Date; endsAt: Date }) => format.dateTimeRange(m.startsAt, m.endsAt, { dateStyle: "full", timeStyle: "short" });
  // A cancelled session's parent is offered the place's other coming sessions (not those of this booking).
  const mine = new Set(b.meetings.map((m) => m.id));
  const others = changes.allCancelled
    ? listSessions(getDb(), now, { placeSlug: b.place.slug })
        .filter((s) => !mine.has(s.id) && s.status === "scheduled")
        .slice(0, 5)
    : [];

  return (
    <>
      {query.new === "1" && b.status !== "cancelled" && (
        <div className="mb-6">
          <Notice tone="success" role="status" title={b.status === "confirmed" ? t("confirmedTitle") : t("waitlistedTitle")}>
            <p>{b.status === "confirmed" ? t("confirmedBody") : t("waitlistedBody", { position: b.position ?? 1 })}</p>
            {b.email && !heldEmail && <p className="mt-2">{t("emailSent")}</p>}
            {b.phone && !heldSms && <p className="mt-2">{t("smsSent")}</p>}
          </Notice>
        </div>
      )}
      {live && (heldEmail || heldSms) && (
        <div className="mb-6">
          <Notice tone="warning" title={t("heldTitle")}>
            <p>{t("heldBody")}</p>
          </Notice>
        </div>
      )}
      {query.erased === "1" && (
        <div className="mb-6">
          <Notice tone="success" role="status" title={t("erasedTitle")}>
            <p>{t("erasedBody")}</p>
          </Notice>
        </div>
      )}
      {query.cancelled === "1" && (
        <div className="mb-6">
          <Notice tone="info" role="status" title={t("cancelledTitle")}>
            <p>{t("cancelledBody")}</p>
          </Notice>
        </div>
      )}

      {changes.allCancelled && b.status !== "cancelled" && (
        <div className="mb-6">
          <Notice tone="warning" role="status" title={t("sessionCancelledTitle")}>
            <p>{t("sessionCancelledBody")}</p>
          </Notice>
        </div>
      )}
      {live && changes.cancelledMeetings.length > 0 && (
        <div className="mb-6">
          <Notice tone="info" title={t("meetingsCancelledTitle", { count: changes.cancelledMeetings.length })}>
            <ul>
              {changes.cancelledMeetings.map((m) => (
                <li key={m.id}>{meetingTime(m)}</li>
              ))}
            </ul>
            <p className="mt-2">{t("meetingsCancelledBody")}</p>
          </Notice>
        </div>
      )}
      {live && changes.movedMeetings.length > 0 && (
        <div className="mb-6">
          <Notice tone="info" title={t("movedTitle")}>
            <p>{t("movedBody")}</p>
            <ul className="mt-1 font-semibold">
              {changes.movedMeetings.map((m) => (
                <li key={m.id}>{meetingTime(m)}</li>
              ))}
            </ul>
          </Notice>
        </div>
      )}

      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-lg">
        {t("code")}: <strong className="font-mono text-2xl tracking-wider">{b.code}</strong>
      </p>
      <p className="mt-1">
        {t("status")}:{" "}
        <strong>
          {b.status !== "cancelled" && changes.allCancelled
            ? t("status_sessionCancelled")
            : b.status === "waitlisted"
              ? t("statusWaitlisted", { position: b.position ?? 1 })
              : t(`status_${b.status}`)}
        </strong>
      </p>

      {/* Term and value side by side: the booking and its two buttons fit a phone's first screen. */}
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded-lg bg-white p-4 shadow-sm">
        <div className="contents">
          <dt className="font-semibold">{t("what")}</dt>
          <dd>{b.title[l]}</dd>
        </div>
        <div className="contents">
          <dt className="font-semibold">{t("when")}</dt>
          <dd>
            <ul>
              {b.meetings.map((m) => (
                <li key={m.id}>
                  <span className={m.status === "cancelled" ? "line-through" : undefined}>{meetingTime(m)}</span>
                  {m.status === "cancelled" && <strong> ({t("meetingCancelled")})</strong>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="contents">
          <dt className="font-semibold">{t("where")}</dt>
          <dd>
            <Link href={`/places/${b.place.slug}`}>{place.name}</Link>, {addressLine(place)}
          </dd>
        </div>
        <div className="contents">
          <dt className="font-semibold">{t("people")}</dt>
          <dd>
            {b.partySize}
            {b.nickname && ` (${b.nickname})`}
          </dd>
        </div>
        {(b.interpreterLanguage || b.accessibilityNeeds || b.childcare) && (
          <div className="contents">
            <dt className="font-semibold">{t("needs")}</dt>
            <dd>
              <ul>
                {b.interpreterLanguage && <li>{t("interpreter", { language: b.interpreterLanguage })}</li>}
                {b.accessibilityNeeds && <li>{b.accessibilityNeeds}</li>}
                {b.childcare && <li>{t("childcare")}</li>}
              </ul>
            </dd>
          </div>
        )}
      </dl>

      {/* What a parent came for comes first: the calendar and cancelling, right under the booking. */}
      {live && (
        <div className="mt-6 flex flex-wrap gap-3">
          <a
            href={`/${l}/manage/${token}/calendar.ics`}
            download="kohtaamo.ics"
            className="rounded border border-brand-800 px-4 py-2 font-medium no-underline"
          >
            {t("calendar")}
          </a>
          <Link href={`/manage/${token}/cancel`} className="rounded border border-red-800 px-4 py-2 font-medium text-red-800 no-underline">
            {t("cancel")}
          </Link>
        </div>
      )}

      {others.length > 0 && (
        <section aria-labelledby="others" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="others" className="text-lg font-bold">
            {t("otherSessions", { place: place.name })}
          </h2>
          <ul className="mt-2 space-y-1">
            {others.map((s) => (
              <li key={s.id}>
                <Link href={`/sessions/${s.id}`}>{(s.groupTitle ?? s.title)[l]}</Link>, {meetingTime(s)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.allCancelled && others.length === 0 && b.status !== "cancelled" && (
        <p className="mt-6">
          <Link href="/">{t("toSessions")}</Link>
        </p>
      )}

      {live && (
        <>
          <section className="mt-6 rounded-lg bg-white p-4 shadow-sm" aria-labelledby="keep">
            <h2 id="keep" className="text-lg font-bold">
              {t("keepTitle")}
            </h2>
            <p className="mt-1">{t("keepBody")}</p>
            <label htmlFor="manage-link" className="mt-3 block font-medium">
              {t("linkLabel")}
            </label>
            {/* Readonly, not plain text: a parent can select it (and copy it) without JavaScript too. */}
            <input
              id="manage-link"
              type="url"
              readOnly
              value={link}
              className="mt-1 w-full rounded border border-stone-400 bg-stone-100 p-2 font-mono text-sm"
              data-testid="manage-link"
            />
            <CopyShareButtons
              url={link}
              title={t("shareTitle")}
              labels={{ copy: t("copyLink"), copied: t("copied"), copyFailed: t("copyFailed"), share: t("share") }}
            />
          </section>
          <VisitorCodeSection token={token} locale={l} code={b.visitorCode} />
        </>
      )}

      <MyDetailsSection token={token} locale={l} given={givenDetails(b)} cancelled={b.status === "cancelled"} />
    </>
  );
}
