import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { organisation } from "@/lib/organisation/reads";
import { Link } from "@/i18n/navigation";
import { Notice } from "@/components/ui/Notice";
import { OmbudsmanContact, WhereToTurn } from "@/components/feedback/WhereToTurn";
import { countyOfSession, parentRoutes } from "@/lib/counties/reads";
import { feedbackLink } from "@/lib/feedback/reads";
import type { Locale } from "@/lib/i18n/locales";

export const metadata = { robots: { index: false } };

export default async function ThanksPage({ params, searchParams }: PageProps<"/[locale]/feedback/[key]/thanks">) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("feedback.thanks");
  const td = await getTranslations("develop.offer");
  const c = config();
  const db = getDb();
  const org = organisation(db);
  // The ombudsman and emergency number of the session's own county (none when the link no longer opens).
  const link = feedbackLink(db, key, new Date());
  const routes = link.ok ? parentRoutes(countyOfSession(db, link.sessionId), locale as Locale) : null;
  const tw = await getTranslations("whereToTurn");
  const withContact = query.contact === "1";
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {query.recent === "1" && <p className="mt-3">{(await getTranslations("quiet"))("recentBody")}</p>}
      {query.concern === "1" && (
        <section aria-labelledby="concern-passed" className="mt-4 space-y-3">
          <Notice tone="info" role="status">
            <span id="concern-passed">{t("concern", { organisation: org.name ?? (await getTranslations("emptyStates"))("organisationUnnamed") })}</span>
          </Notice>
          <WhereToTurn routes={routes} id="thanks-where-to-turn" />
          {withContact ? (
            <p>
              <strong>{tw("replyContact", { days: c.CONCERN_REPLY_WORKING_DAYS })}</strong> {tw("contactErased", { days: c.CONCERN_CONTACT_DAYS })}
            </p>
          ) : (
            <p>{tw("replyAnonymous")}</p>
          )}
          <OmbudsmanContact routes={routes} />
        </section>
      )}
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4">
        <Link href="/you-said-we-did">{t("link")}</Link>
      </p>
      {/* After a parent's answer: an offer to take part in developing the service (development clients, client panels). */}
      {query.pro !== "1" && (
        <section aria-labelledby="develop" className="mt-8 rounded-lg bg-white p-4 shadow-sm">
          <h2 id="develop" className="text-lg font-semibold">
            {td("title")}
          </h2>
          <p className="mt-1">{td("intro")}</p>
          <p className="mt-2">
            <Link href={`/feedback/${key}/develop`}>{td("link")}</Link>
          </p>
        </section>
      )}
    </>
  );
}
