import { getTranslations, setRequestLocale } from "next-intl/server";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { places, sessions } from "@/db/schema";
import { feedbackLink } from "@/lib/feedback/writes";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { placeIn } from "@/lib/i18n/place-names";
import { ClientMessages } from "@/components/ClientMessages";
import { FeedbackForm } from "@/components/feedback/FeedbackForm";

export const metadata = { robots: { index: false } };

export default async function FeedbackPage({ params }: PageProps<"/[locale]/feedback/[key]">) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("feedback");
  const db = getDb();
  const link = feedbackLink(db, key, new Date());
  if (!link.ok) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("form.title")}</h1>
        <p className="mt-3">{t(`errors.${link.reason}`)}</p>
      </>
    );
  }
  const session = db
    .select({ title: sessions.title, startsAt: sessions.startsAt, place: { name: places.name, city: places.city, nameSv: places.nameSv } })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .where(eq(sessions.id, link.sessionId))
    .get()!;
  const format = formatterFor(locale as Locale);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("form.title")}</h1>
      <p className="mt-1 text-stone-800">
        {session.title[locale as Locale]}, {format.dateTime(session.startsAt, { dateStyle: "long" })}, {placeIn(session.place, locale as Locale).name}
      </p>
      <p className="mt-3">{t("form.intro")}</p>
      <ClientMessages namespaces={["feedback"]}>
        <FeedbackForm feedbackKey={key} locale={locale} />
      </ClientMessages>
    </>
  );
}
