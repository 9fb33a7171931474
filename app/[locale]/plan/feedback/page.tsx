import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { sessionKinds } from "@/db/schema";
import { requirePlanner } from "@/lib/auth/guard";
import { concernClockRows, concernQueue, responses } from "@/lib/feedback/reads";
import { concernFigures } from "@/lib/feedback/concern-clock";
import { config } from "@/lib/config";
import { OverdueBadge } from "@/components/feedback/OverdueBadge";
import { parseFeedbackFilter } from "@/lib/feedback/schemas";
import { markHandledAction } from "@/lib/feedback/staff-actions";
import { audit } from "@/lib/privacy/audit";
import { listPlaces } from "@/lib/schedule/reads";
import { Link } from "@/i18n/navigation";
import { DateRange } from "@/components/ui/DateRange";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { ResponseItem } from "@/components/feedback/ResponseItem";
import { SideBySide } from "@/components/feedback/SideBySide";
import { sideBySide } from "@/lib/feedback/professionals";
import { formatterFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";

export const metadata = { robots: { index: false } };

export default async function PlanFeedbackPage({ params, searchParams }: PageProps<"/[locale]/plan/feedback">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const q = await searchParams;
  const t = await getTranslations("feedback.plan");
  const tk = await getTranslations("kinds");
  const format = formatterFor(locale as Locale);
  const db = getDb();
  const places = listPlaces(db);
  const filter = parseFeedbackFilter(q, places.map((p) => p.slug));
  const comments = responses(db, actor, filter, true);
  // requirePlanner let only planners this far; the queue's read logs the look.
  const queue = concernQueue(db, actor) ?? [];
  // The comments are read here: that look is logged too.
  const both = sideBySide(db, filter);
  if (comments.length > 0 || both.parents.comments.length > 0 || both.professionals.answers.length > 0) {
    audit(db, actor, "feedback.view", "responses", comments.length + both.professionals.answers.length);
  }
  const open = queue.filter((c) => c.status !== "resolved");
  const figures = concernFigures(concernClockRows(db, actor, filter) ?? [], new Date());
  const workingDays = config().CONCERN_REPLY_WORKING_DAYS;

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2">
        <Link href="/plan/feedback/publish">{t("published")}</Link>
      </p>

      <section aria-labelledby="concerns" className="mt-6 rounded-lg border-2 border-amber-400 bg-amber-50 p-4">
        <h2 id="concerns" className="text-xl font-bold">
          {t("concerns", { count: open.length })}
        </h2>
        {queue.length === 0 ? (
          <p className="mt-2">{t("noConcerns")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {queue.map((c) => (
              <li key={c.id} className={`rounded bg-white p-3 ${c.overdue ? "border-2 border-red-800" : ""}`}>
                <p>
                  {c.overdue && <OverdueBadge label={t("overdue")} />}
                  <strong>{t(`status_${c.status}`)}</strong> · {format.dateTime(c.createdAt, { dateStyle: "medium" })}
                  {c.place && ` · ${c.place}`}
                  {c.hasContact && ` · ${t("hasContact")}`}
                </p>
                <p className="text-sm text-stone-800">
                  {c.status !== "resolved" && c.dueAt && c.status === "new" && `${t("dueBy", { date: format.dateTime(c.dueAt, { dateStyle: "medium" }) })} · `}
                  {c.owner ? t("owner", { name: c.owner }) : t("noOwner")}
                </p>
                <p className="mt-1 line-clamp-2">{c.text}</p>
                <Link href={`/plan/feedback/concerns/${c.id}`}>{t("open")}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="concern-figures" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="concern-figures" className="text-xl font-bold">
          {t("figures")}
        </h2>
        <p className="mt-1 text-sm text-stone-800">{t("figuresNote")}</p>
        <dl className="mt-3 grid gap-3 sm:grid-cols-4">
          <div>
            <dt className="text-sm font-medium">{t("received")}</dt>
            <dd className="text-2xl font-bold" data-testid="concerns-received">
              {figures.received}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("inTime", { days: workingDays })}</dt>
            <dd className="text-2xl font-bold" data-testid="concerns-in-time">
              {figures.share === null
                ? t("none")
                : t("inTimeValue", { share: format.number(figures.share, { style: "percent" }), count: figures.inTime, total: figures.judged })}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("median")}</dt>
            <dd className="text-2xl font-bold" data-testid="concerns-median">
              {figures.medianDays === null ? t("none") : t("medianValue", { days: figures.medianDays })}
            </dd>
          </div>
          <div>
            <dt className="text-sm font-medium">{t("handedOverFigure")}</dt>
            <dd className="text-2xl font-bold" data-testid="concerns-handed-over">
              {figures.handedOver}
            </dd>
          </div>
        </dl>
      </section>

      <form method="get" aria-label={t("filters")} className="mt-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <DateRange from={typeof q.from === "string" ? q.from : ""} to={typeof q.to === "string" ? q.to : ""} labels={{ from: t("from"), to: t("to") }} />
        <FilterSelect name="place" label={t("place")} value={filter.placeSlug} allLabel={t("allPlaces")} options={places.map((p) => ({ value: p.slug, label: p.name }))} />
        <FilterSelect name="kind" label={t("kind")} value={filter.kind} allLabel={t("allKinds")} options={sessionKinds.map((k) => ({ value: k, label: tk(k) }))} />
        <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white">
          {t("show")}
        </button>
      </form>

      <SideBySide data={both} />

      <section aria-labelledby="comments" className="mt-6">
        <h2 id="comments" className="text-xl font-bold">
          {t("comments")}
        </h2>
        {comments.length === 0 ? (
          <p className="mt-2">{t("noComments")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {comments.map((r) => (
              <ResponseItem key={r.id} r={r}>
                <form action={markHandledAction} className="mt-2 flex items-center gap-3">
                  <input type="hidden" name="responseId" value={r.id} />
                  <input type="hidden" name="handled" value={r.handledAt ? "0" : "1"} />
                  {r.handledAt && <span className="font-medium text-brand-800">✓ {t("handled")}</span>}
                  <button type="submit" className="rounded border border-stone-600 px-3 py-1 text-sm">
                    {r.handledAt ? t("markUnhandled") : t("markHandled")}
                  </button>
                </form>
              </ResponseItem>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
