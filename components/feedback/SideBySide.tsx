import { getLocale, getTranslations } from "next-intl/server";
import type { Localized } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";

type Share = { yes: number; answered: number; share: number | null };
type Answer = { id: number; session: Localized; startsAt: Date };
export type SideBySideData = {
  parents: { responses: number; kiosk: number; meanRating: number | null; gotInformation: Share; wouldReturn: Share; comments: (Answer & { text: string | null })[] };
  professionals: { responses: number; learned: Share; answers: (Answer & { learnedText: string | null; willChange: string | null; comment: string | null })[] };
};

/** Parents' and professionals' answers for the same period and place, next to each other (the "parallel review"). */
export async function SideBySide({ data }: { data: SideBySideData }) {
  const t = await getTranslations("professionals.plan");
  const tk = await getTranslations("kiosk");
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  const pct = (s: Share) => (s.share === null ? "–" : `${format.number(s.share, { style: "percent" })} (${s.yes}/${s.answered})`);
  const when = (a: Answer) => `${a.session[locale]}, ${format.dateTime(a.startsAt, { dateStyle: "medium" })}`;
  const { parents: p, professionals: q } = data;
  return (
    <section aria-labelledby="side-by-side" className="mt-6" data-testid="side-by-side">
      <h2 id="side-by-side" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("intro")}</p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="sbs-parents" className="rounded-lg bg-white p-4 shadow-sm" data-testid="sbs-parents">
          <h3 id="sbs-parents" className="text-lg font-bold">
            {t("parents")}
          </h3>
          <dl className="mt-2 space-y-1">
            <div className="flex justify-between gap-2">
              <dt>{t("responses")}</dt>
              <dd className="font-semibold tabular-nums">{p.responses}</dd>
            </div>
            <div className="flex justify-between gap-2 pl-4 text-sm">
              <dt>{tk("planCount")}</dt>
              <dd className="font-semibold tabular-nums" data-testid="sbs-kiosk">
                {p.kiosk}
              </dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt>{t("meanRating")}</dt>
              <dd className="font-semibold tabular-nums">{p.meanRating === null ? "–" : format.number(p.meanRating, { maximumFractionDigits: 1 })}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt>{t("gotInformation")}</dt>
              <dd className="font-semibold tabular-nums">{pct(p.gotInformation)}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt>{t("wouldReturn")}</dt>
              <dd className="font-semibold tabular-nums">{pct(p.wouldReturn)}</dd>
            </div>
          </dl>
          <h4 className="mt-4 font-semibold">{t("parentComments")}</h4>
          {p.comments.length === 0 ? (
            <p className="mt-1">{t("none")}</p>
          ) : (
            <ul className="mt-1 space-y-2">
              {p.comments.map((c) => (
                <li key={c.id} className="border-l-4 border-brand-700 pl-2">
                  <p>{c.text}</p>
                  <p className="text-sm text-stone-700">{when(c)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="sbs-professionals" className="rounded-lg bg-white p-4 shadow-sm" data-testid="sbs-professionals">
          <h3 id="sbs-professionals" className="text-lg font-bold">
            {t("professionals")}
          </h3>
          <dl className="mt-2 space-y-1">
            <div className="flex justify-between gap-2">
              <dt>{t("responses")}</dt>
              <dd className="font-semibold tabular-nums">{q.responses}</dd>
            </div>
            <div className="flex justify-between gap-2">
              <dt>{t("learned")}</dt>
              <dd className="font-semibold tabular-nums">{pct(q.learned)}</dd>
            </div>
          </dl>
          <h4 className="mt-4 font-semibold">{t("proAnswers")}</h4>
          {q.answers.length === 0 ? (
            <p className="mt-1">{t("none")}</p>
          ) : (
            <ul className="mt-1 space-y-2">
              {q.answers.map((a) => (
                <li key={a.id} className="border-l-4 border-sky-700 pl-2">
                  {a.learnedText && (
                    <p>
                      <span className="font-medium">{t("learnedText")}:</span> {a.learnedText}
                    </p>
                  )}
                  {a.willChange && (
                    <p>
                      <span className="font-medium">{t("willChange")}:</span> {a.willChange}
                    </p>
                  )}
                  {a.comment && <p>{a.comment}</p>}
                  <p className="text-sm text-stone-700">{when(a)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
