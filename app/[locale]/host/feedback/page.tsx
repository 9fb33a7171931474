import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guard";
import { hostFeedback, MIN_ANSWERS_FOR_DETAIL } from "@/lib/feedback/reads";
import type { Locale } from "@/lib/i18n/locales";
import { audit } from "@/lib/privacy/audit";
import { ResponseItem } from "@/components/feedback/ResponseItem";
import { formatterFor } from "@/lib/i18n/translator";

export const metadata = { robots: { index: false } };

const RATINGS = [1, 2, 3, 4] as const;
const QUESTIONS = ["gotInformation", "lessAlone", "wouldReturn"] as const;

/**
 * A facilitator reads the answers about the sessions they ran, never a concern;
 * a session with few answers shows its totals only (see hostFeedback).
 */
export default async function HostFeedbackPage({ params }: PageProps<"/[locale]/host/feedback">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const t = await getTranslations("feedback");
  const format = formatterFor(locale as Locale);
  const db = getDb();
  const list = hostFeedback(db, actor);
  // Parents' own words about sessions: a look at them is logged, as on the planners' page.
  const shown = list.filter((s) => s.responses).length;
  if (shown > 0) audit(db, actor, "feedback.view", "responses", `host:${shown}`);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("host.title")}</h1>
      {list.length === 0 ? (
        <p className="mt-4">{t("host.none")}</p>
      ) : (
        list.map((s) => (
          <section key={s.session.id} aria-labelledby={`session-${s.session.id}`} className="mt-6">
            <h2 id={`session-${s.session.id}`} className="text-lg font-semibold">
              {s.session.title[locale as Locale]}, {format.dateTime(s.session.startsAt, { dateStyle: "medium" })}, {s.place} · {t("host.answers", { count: s.answers })}
            </h2>
            {s.responses ? (
              <ul className="mt-2 space-y-3">
                {s.responses.map((r) => (
                  <ResponseItem key={r.id} r={r} />
                ))}
              </ul>
            ) : (
              <div className="mt-2 rounded-lg bg-white p-4 shadow-sm" data-testid="feedback-totals">
                <p className="text-sm text-stone-700">{t("host.totalsOnly", { min: MIN_ANSWERS_FOR_DETAIL })}</p>
                <ul className="mt-2">
                  {RATINGS.map((n) => (
                    <li key={n}>{t("host.ratingCount", { face: t(`form.rating${n}`), count: s[`rating${n}`] })}</li>
                  ))}
                  {QUESTIONS.map((q) => (
                    <li key={q}>{t("host.yesCount", { question: t(`form.${q}`), count: s[q] })}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        ))
      )}
    </>
  );
}
