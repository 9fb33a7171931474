import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken } from "@/lib/booking/reads";
import { cancelBookingAction } from "@/lib/booking/actions";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { Link } from "@/i18n/navigation";
import { BadLinkNotice, manageLinkMetadata } from "@/components/booking/BadLinkNotice";

export async function generateMetadata({ params }: PageProps<"/[locale]/manage/[token]/cancel">) {
  const { locale, token } = await params;
  return manageLinkMetadata(locale, token);
}

/** The confirm step: cancelling is one more deliberate press, never a stray tap on a link. */
export default async function CancelPage({ params }: PageProps<"/[locale]/manage/[token]/cancel">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("manage");
  const format = formatterFor(locale as Locale);
  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  if (!found.ok) return <BadLinkNotice reason={found.reason} />;
  const b = found.booking;
  // A group booking is cancelled for all its meetings still on: say how many and from when to when.
  const meetings = b.meetings.filter((m) => m.status === "scheduled");
  const first = meetings[0] ?? b.meetings[0]!;

  if (b.status === "cancelled") {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("cancelledTitle")}</h1>
        <p className="mt-4">
          <Link href={`/manage/${token}`}>{t("back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t("cancelConfirmTitle")}</h1>
      {meetings.length > 1 ? (
        <>
          <p className="mt-3">
            {t("cancelConfirmGroupBody", {
              what: b.title[locale as Locale],
              count: meetings.length,
              span: format.dateTimeRange(meetings[0]!.startsAt, meetings.at(-1)!.startsAt, { day: "numeric", month: "short" }),
            })}
          </p>
          <p className="mt-2">{t("cancelGroupOneMeeting")}</p>
        </>
      ) : (
        <p className="mt-3">
          {t("cancelConfirmBody", {
            what: b.title[locale as Locale],
            when: format.dateTime(first.startsAt, { dateStyle: "full", timeStyle: "short" }),
          })}
        </p>
      )}
      <form action={cancelBookingAction} className="mt-6 flex flex-wrap items-center gap-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="rounded bg-red-800 px-4 py-3 font-semibold text-white hover:bg-red-900">
          {t("cancelConfirm")}
        </button>
        <Link href={`/manage/${token}`}>{t("keep")}</Link>
      </form>
    </>
  );
}
