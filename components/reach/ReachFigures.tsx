import type { ReactNode } from "react";
import type { ReachReport } from "@/lib/reach/access";
import { reachFormat } from "@/lib/reach/format";
import { bucketUnfinished, rangeLength } from "@/lib/reach/period";
import type { Locale } from "@/lib/i18n/locales";
import { Notice } from "@/components/ui/Notice";
import { ReachChart } from "./ReachChart";
import { channelKeys } from "@/lib/referrals/channels";

const th = "border-b border-stone-300 px-2 py-1 text-left font-semibold";
const td = "border-b border-stone-200 px-2 py-1";
const num = `${td} text-right tabular-nums`;

function Table({ caption, head, rows, testId }: { caption: string; head: string[]; rows: ReactNode[][]; testId?: string }) {
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={i ? `${th} text-right` : th}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className={`${td} text-left font-normal`}>
                    {c}
                  </th>
                ) : (
                  <td key={i} className={num}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Everything the dashboard and the printed report show, for one view. */
export function ReachFigures({ report, locale }: { report: ReachReport; locale: Locale }) {
  const f = reachFormat(locale);
  const t = f.t;
  const { reach, published: p, places } = report;
  const from = f.date(reach.range.from);
  const to = f.date(reach.range.to);

  if (!reach.hasData) {
    return (
      <div className="mt-6">
        <Notice tone="info" title={t("reach.empty.title")}>
          <p>{t("reach.empty.body", { from, to })}</p>
        </Notice>
      </div>
    );
  }

  const placeName = (id: number) => places.find((pl) => pl.id === id)?.name ?? String(id);
  const cur = p.current;
  const prev = p.previous;
  const headline: [string, string, string, string][] = [
    ["parentsReached", t("reach.headline.parentsReached"), f.count(cur.parentsReached), f.count(prev.parentsReached)],
    ["newParents", t("reach.headline.newParents"), f.count(cur.newParents), f.count(prev.newParents)],
    ["visits", t("reach.headline.visits"), f.count(cur.visits), f.count(prev.visits)],
    ["sessionsHeld", t("reach.headline.sessionsHeld"), f.count(cur.sessionsHeld), f.count(prev.sessionsHeld)],
    ["averageAttendance", t("reach.headline.averageAttendance"), f.decimal(cur.averageAttendance), f.decimal(prev.averageAttendance)],
    ["fillRate", t("reach.headline.fillRate"), f.percent(cur.fillRate), f.percent(prev.fillRate)],
    ["noShowRate", t("reach.headline.noShowRate"), f.percent(cur.noShowRate), f.percent(prev.noShowRate)],
    ["professionals", t("reach.headline.professionals"), f.count(cur.professionals), f.count(prev.professionals)],
  ];
  const unfinished = (b: { from: number; to: number }) => bucketUnfinished(b, report.today);
  const bucketLabel = (b: { key: number; from: number; to: number }) =>
    f.bucket(reach.unit === "month" ? f.month(b.key) : t("reach.chart.week", { date: f.date(b.from) }), unfinished(b));
  const shortLabel = (b: { key: number; from: number; to: number }) =>
    f.bucket(reach.unit === "month" ? f.monthShort(b.key) : f.date(b.from).replace(/\.?\d{4}$/, ""), unfinished(b));
  const chartTitle = reach.unit === "month" ? t("reach.chart.titleMonth") : t("reach.chart.titleWeek");
  const columns = [t("reach.columns.sessionsHeld"), t("reach.columns.visits"), t("reach.columns.parentsReached"), t("reach.columns.newParents")];
  const fb = p.feedback;

  return (
    <div className="reach-figures">
      <section aria-labelledby="headline" className="mt-6">
        <h2 id="headline" className="text-xl font-bold">
          {t("reach.headline.title")}
        </h2>
        {/* Said once above the cards, not on each of them. */}
        {!reach.previousHasData && (
          <p className="mt-2 text-sm text-stone-700" data-testid="previous-none">
            {t("reach.headline.previousNone")}
          </p>
        )}
        <dl className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 print:grid-cols-2">
          {headline.map(([key, label, value, before]) => (
            <div key={key} className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm print:shadow-none">
              <dt className="text-sm font-medium text-stone-800">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid={`figure-${key}`}>
                {value}
              </dd>
              {reach.previousHasData && <dd className="text-sm text-stone-700">{t("reach.headline.previous", { value: before })}</dd>}
            </div>
          ))}
        </dl>
        <p className="mt-2 text-sm text-stone-700">
          {t("reach.headline.previousRange", { days: rangeLength(reach.range), from: f.date(reach.previousRange.from), to: f.date(reach.previousRange.to) })}
        </p>
      </section>

      <section aria-labelledby="series" className="mt-8 break-inside-avoid">
        <h2 id="series" className="text-xl font-bold">
          {chartTitle}
        </h2>
        <ReachChart
          series={p.series}
          labels={p.series.map(shortLabel)}
          names={{ visits: t("reach.chart.visits"), parentsReached: t("reach.chart.parentsReached"), newParents: t("reach.chart.newParents") }}
          summary={t("reach.chart.summary", { from, to })}
        />
        <Table
          caption={chartTitle}
          testId="series-table"
          head={[t("reach.chart.bucket"), t("reach.chart.visits"), t("reach.chart.parentsReached"), t("reach.chart.newParents")]}
          rows={p.series.map((b) => [bucketLabel(b), f.count(b.visits), f.count(b.parentsReached), f.count(b.newParents)])}
        />
      </section>

      <section aria-labelledby="by-place" className="mt-8 break-inside-avoid">
        <h2 id="by-place" className="text-xl font-bold">
          {t("reach.byPlace.title")}
        </h2>
        <Table
          caption={t("reach.byPlace.title")}
          testId="by-place"
          head={[t("reach.byPlace.place"), ...columns]}
          rows={p.byPlace.map((r) => [placeName(r.placeId), f.count(r.sessionsHeld), f.count(r.visits), f.count(r.parentsReached), f.count(r.newParents)])}
        />
      </section>

      <section aria-labelledby="by-kind" className="mt-8 break-inside-avoid">
        <h2 id="by-kind" className="text-xl font-bold">
          {t("reach.byKind.title")}
        </h2>
        <Table
          caption={t("reach.byKind.title")}
          head={[t("reach.byKind.kind"), ...columns]}
          rows={p.byKind.map((r) => [t(`reach.kinds.${r.kind}`), f.count(r.sessionsHeld), f.count(r.visits), f.count(r.parentsReached), f.count(r.newParents)])}
        />
        <p className="mt-2 text-sm text-stone-700">{t("reach.notAdditive")}</p>
      </section>

      <section aria-labelledby="arrivals" className="mt-8 break-inside-avoid">
        <h2 id="arrivals" className="text-xl font-bold">
          {t("reach.arrivals.title")}
        </h2>
        <Table
          caption={t("reach.arrivals.title")}
          head={[t("reach.arrivals.which"), t("reach.arrivals.count")]}
          rows={[
            [t("reach.arrivals.firstTime"), f.count(p.arrivals.firstTime)],
            [t("reach.arrivals.returning"), f.count(p.arrivals.returning)],
            [t("reach.arrivals.notAsked"), f.count(p.arrivals.notAsked)],
            [t("reach.arrivals.total"), f.count(p.arrivals.total)],
          ]}
        />
      </section>

      <section aria-labelledby="channels" className="mt-8 break-inside-avoid">
        <h2 id="channels" className="text-xl font-bold">
          {t("referral.reach.title")}
        </h2>
        <Table
          caption={t("referral.reach.title")}
          head={[t("referral.reach.channel"), t("referral.reach.count")]}
          testId="channels"
          rows={[
            ...channelKeys.map((k) => [k === "untold" ? t("referral.untold") : t(`referral.channels.${k}`), f.count(p.newByChannel[k])]),
            [t("referral.reach.total"), f.count(p.current.newParents)],
          ]}
        />
        <p className="mt-2 text-sm text-stone-700">{t("referral.reach.note")}</p>
      </section>

      <section aria-labelledby="feedback" className="mt-8 break-inside-avoid">
        <h2 id="feedback" className="text-xl font-bold">
          {t("reach.feedback.title")}
        </h2>
        {reach.feedback.responses === 0 ? (
          <p className="mt-2">{t("reach.feedback.none")}</p>
        ) : (
          <>
            <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-4">
              {[
                [t("reach.feedback.responses"), f.count(fb.responses), "responses"],
                [t("quiet.reach.asked"), f.count(fb.asked), "asked"],
                [t("reach.feedback.responseRate"), f.percent(fb.responseRate), "responseRate"],
                [t("reach.feedback.meanRating"), f.decimal(fb.meanRating), "meanRating"],
              ].map(([label, value, key]) => (
                <div key={key} className="rounded-lg border border-stone-200 bg-white p-3">
                  <dt className="text-sm font-medium">{label}</dt>
                  <dd className="text-xl font-bold tabular-nums" data-testid={`feedback-${key}`}>
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-4 font-semibold">{t("reach.feedback.ratings")}</h3>
            <Table
              caption={t("reach.feedback.ratings")}
              head={[t("reach.feedback.rating"), t("reach.feedback.count")]}
              rows={fb.ratings.map((n, i) => [f.rating((i + 1) as 1 | 2 | 3 | 4), f.count(n)])}
            />
            <h3 className="mt-4 font-semibold">{t("reach.feedback.questions")}</h3>
            <Table
              caption={t("reach.feedback.questions")}
              head={[t("reach.feedback.question"), t("reach.feedback.yesShare")]}
              rows={[
                [t("reach.feedback.gotInformation"), f.percent(fb.gotInformation)],
                [t("reach.feedback.lessAlone"), f.percent(fb.lessAlone)],
                [t("reach.feedback.wouldReturn"), f.percent(fb.wouldReturn)],
              ]}
            />
          </>
        )}
      </section>
    </div>
  );
}

/** How each figure is counted, in plain words. */
export function ReachNotes({ locale }: { locale: Locale }) {
  const { t } = reachFormat(locale);
  return (
    <section aria-labelledby="notes" className="mt-8 break-inside-avoid">
      <h2 id="notes" className="text-xl font-bold">
        {t("reach.notes.title")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {(["visits", "reached", "newParents", "professionals", "rates", "feedback"] as const).map((k) => (
          <li key={k}>{t(`reach.notes.${k}`)}</li>
        ))}
      </ul>
    </section>
  );
}
