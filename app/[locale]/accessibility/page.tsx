import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { publicUrl } from "@/lib/config";
import { axeTags, conformance, dates, exceptions, feedbackAnswerDays, methods, nextReview, supervisor, wcag22Met } from "@/lib/accessibility/statement";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { organisation } from "@/lib/organisation/reads";
import { TextSection } from "@/components/ui/TextSection";

export async function generateMetadata({ params }: PageProps<"/[locale]/accessibility">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "a11yStatement" });
  return { title: t("title") };
}

/**
 * The accessibility statement (306/2019). Its facts are lib/accessibility/statement.ts; shown even
 * before the service opens, since the law asks for it on every page.
 */
export default async function AccessibilityPage({ params }: PageProps<"/[locale]/accessibility">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("a11yStatement");
  const format = formatterFor(locale as Locale);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { day: "numeric", month: "numeric", year: "numeric" });
  const org = organisation(getDb());
  const url = publicUrl("");
  const days = feedbackAnswerDays;
  const section = (id: string, title: string, body: React.ReactNode) => (
    <TextSection headingId={`a11y-${id}`} title={title}>
      {body}
    </TextSection>
  );
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{org.name ? t("intro", { url, organisation: org.name }) : t("introUnnamed", { url })}</p>
      {section(
        "status",
        t("statusTitle"),
        <>
          <p className="mt-2">{t("status", { wcag: conformance.wcag, level: conformance.level })}</p>
          <p className="mt-2">{t("wcag22")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {wcag22Met.map((c) => (
              <li key={c}>{t(`criteria.${c.replaceAll(".", "_")}`)}</li>
            ))}
          </ul>
        </>,
      )}
      {section(
        "exceptions",
        t("exceptionsTitle"),
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {exceptions.map((e) => (
            <li key={e}>{t(`exceptions.${e}`)}</li>
          ))}
        </ul>,
      )}
      {section(
        "methods",
        t("methodsTitle"),
        <>
          <p className="mt-2">{t("methodsIntro", { assessed: day(dates.assessed) })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {methods.map((m) => (
              <li key={m}>{t(`methods.${m}`, { tags: axeTags.join(", ") })}</li>
            ))}
          </ul>
        </>,
      )}
      {section("dates", t("datesTitle"), <p className="mt-2">{t("dates", { prepared: day(dates.prepared), reviewed: day(dates.reviewed), next: day(nextReview()) })}</p>)}
      {section(
        "feedback",
        t("feedbackTitle"),
        <p className="mt-2">{org.name && org.contact ? t("feedback", { organisation: org.name, contact: org.contact, days }) : t("feedbackUnnamed", { days })}</p>,
      )}
      {section(
        "supervisor",
        t("supervisorTitle"),
        <>
          <p className="mt-2">{t("supervisor", { days })}</p>
          <p className="mt-2">
            {t("supervisorWeb")}: <a href={supervisor.url}>{supervisor.url.replace(/^https:\/\//, "")}</a>
          </p>
          <p className="mt-1">
            {t("supervisorEmail")}: <a href={`mailto:${supervisor.email}`}>{supervisor.email}</a>
          </p>
        </>,
      )}
    </>
  );
}
