import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatterFor } from "@/lib/i18n/translator";
import { getDb } from "@/db/client";
import { placeIn } from "@/lib/i18n/place-names";
import { feedbackPage } from "@/lib/feedback/reads";
import { offersProfessionalForm } from "@/lib/feedback/professionals";
import type { Locale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/ClientMessages";
import { ProfessionalFeedbackForm } from "@/components/feedback/ProfessionalFeedbackForm";

export const metadata = { robots: { index: false } };

/** The professionals' own short form, through the same link as the parents'. */
export default async function ProfessionalFeedbackPage({ params }: PageProps<"/[locale]/feedback/[key]/pro">) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("professionals.form");
  const tf = await getTranslations("feedback");
  const db = getDb();
  const page = feedbackPage(db, key, new Date());
  const refused = (reason: Extract<typeof page, { ok: false }>["reason"]) => (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{tf(`errors.${reason}`)}</p>
    </>
  );
  if (!page.ok) return refused(page.reason);
  // The professionals' form is only for a session for professionals, or one they came to.
  if (!offersProfessionalForm(db, page.session.id)) return refused("invalid");
  const { session } = page;
  const format = formatterFor(locale as Locale);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-stone-800">
        {session.title[locale as Locale]}, {format.dateTime(session.startsAt, { dateStyle: "long" })}, {placeIn(session.place, locale as Locale).name}
      </p>
      <p className="mt-3">{t("intro")}</p>
      <ClientMessages namespaces={["professionals", "feedback"]}>
        <ProfessionalFeedbackForm feedbackKey={key} locale={locale} />
      </ClientMessages>
    </>
  );
}
