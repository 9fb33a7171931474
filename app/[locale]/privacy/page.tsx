import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { organisation } from "@/lib/organisation/reads";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "privacy" });
  return { title: t("title") };
}

const SECTIONS = ["dropIn", "booking", "feedback", "concern", "development", "whoSees", "remove"] as const;

/** Who runs the service and what happens to a parent's data, from the configuration. */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("privacy");
  const c = config();
  const org = organisation(getDb());
  const values = {
    organisation: org.name,
    contact: org.contact,
    days: c.EMAIL_RETENTION_DAYS,
    concernDays: c.CONCERN_CONTACT_DAYS,
    quietDays: c.FEEDBACK_QUIET_DAYS,
  };
  const own = org.statement[locale as Locale];
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="privacy-who" className="mt-6">
        <h2 id="privacy-who" className="text-xl font-bold">
          {t("whoTitle")}
        </h2>
        <p className="mt-2">{t("who", values)}</p>
      </section>
      <section aria-labelledby="privacy-statement" className="mt-6">
        <h2 id="privacy-statement" className="text-xl font-bold">
          {t("statementTitle")}
        </h2>
        <p className="mt-2 whitespace-pre-line">{own || t("statementDefault", values)}</p>
      </section>
      {SECTIONS.map((s) => (
        <section key={s} id={s} aria-labelledby={`privacy-${s}`} className="mt-6">
          <h2 id={`privacy-${s}`} className="text-xl font-bold">
            {t(`${s}Title`)}
          </h2>
          <p className="mt-2">{t(s, values)}</p>
        </section>
      ))}
    </>
  );
}
