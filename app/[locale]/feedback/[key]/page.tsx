import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { feedbackPage } from "@/lib/feedback/reads";
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
  const page = feedbackPage(getDb(), key, new Date());
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
