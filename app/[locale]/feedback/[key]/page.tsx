import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { feedbackPage } from "@/lib/feedback/reads";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { placeIn } from "@/lib/i18n/place-names";
import { ClientMessages } from "@/components/ClientMessages";
import { FeedbackForm } from "@/components/feedback/FeedbackForm";
import { Notice } from "@/components/ui/Notice";
import { config } from "@/lib/config";
import { countyOfSession, parentRoutes } from "@/lib/counties/reads";
import { WhereToTurn } from "@/components/feedback/WhereToTurn";

export const metadata = { robots: { index: false } };

export default async function FeedbackPage({ params, searchParams }: PageProps<"/[locale]/feedback/[key]">) {
  const { locale, key } = await params;
  // After an answer from a parent whose visitor code answered recently: thanks, and the concern channel alone.
  const recent = (await searchParams).recent === "1";
  setRequestLocale(locale);
  const t = await getTranslations("feedback");
  const db = getDb();
  const page = feedbackPage(db, key, new Date());
  if (!page.ok) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("form.title")}</h1>
        <p className="mt-3">{t(`errors.${page.reason}`)}</p>
      </>
    );
  }
  const { session } = page;
  const format = formatterFor(locale as Locale);
  const tq = await getTranslations("quiet");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("form.title")}</h1>
      <p className="mt-1 text-stone-800">
        {session.title[locale as Locale]}, {format.dateTime(session.startsAt, { dateStyle: "long" })}, {placeIn(session.place, locale as Locale).name}
      </p>
      {recent ? (
        <Notice tone="success" role="status" title={tq("recentTitle")}>
          <p>{tq("recentBody")}</p>
        </Notice>
      ) : (
        <p className="mt-3">{t("form.intro")}</p>
      )}
      <ClientMessages namespaces={["feedback", "quiet", "whereToTurn"]}>
        <FeedbackForm
          feedbackKey={key}
          locale={locale}
          concernOnly={recent}
          quietDays={config().FEEDBACK_QUIET_DAYS}
          whereToTurn={<WhereToTurn routes={parentRoutes(countyOfSession(db, session.id), locale as Locale)} />}
        />
      </ClientMessages>
    </>
  );
}
