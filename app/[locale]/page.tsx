import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { sessionKinds, type SessionKind } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { listPlaces, listSessionCards, listSessions } from "@/lib/schedule/reads";
import { placeIn } from "@/lib/i18n/place-names";
import { SessionList } from "@/components/SessionList";
import { Link } from "@/i18n/navigation";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { OpeningSoon } from "@/components/OpeningSoon";
import { publicSiteOpen } from "@/lib/organisation/reads";

const LISTED_DAYS = 56;

export default async function HomePage({ params, searchParams }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const l = locale as Locale;
  const query = await searchParams;
  const t = await getTranslations("home");
  const tk = await getTranslations("kinds");
  const format = formatterFor(l);
  const db = getDb();
  if (!publicSiteOpen(db)) return <OpeningSoon />;
  // In the reader's language and its alphabetical order: Dickursby before Träskända in Swedish.
  const places = listPlaces(db)
    .map((p) => placeIn(p, l))
    .sort((a, b) => a.name.localeCompare(b.name, l));

  // Unknown filter values are ignored rather than refused: a stale bookmark still shows sessions.
  const placeSlug = places.some((p) => p.slug === query.place) ? (query.place as string) : undefined;
  const kind = sessionKinds.includes(query.kind as SessionKind) ? (query.kind as SessionKind) : undefined;
  const now = new Date();
  const until = new Date(now.getTime() + LISTED_DAYS * 86_400_000);
  const filtered = Boolean(placeSlug || kind);
  const sessions = listSessionCards(db, now, { placeSlug, kind, until });
  // Filters only when there is something to choose between (or a choice to undo).
  const all = filtered ? listSessionCards(db, now, { until }) : sessions;
  const placeChoice = places.length > 1;
  const kindChoice = new Set(all.map((s) => s.kind)).size > 1;
  const showFilters = filtered || (all.length > 0 && (placeChoice || kindChoice));
  // Each place's next open hours, for the list of places at the top.
  const nextDropIn = new Map<number, { startsAt: Date; endsAt: Date }>();
  for (const s of listSessions(db, now, { kind: "drop_in", until })) if (!nextDropIn.has(s.place.id)) nextDropIn.set(s.place.id, s);

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-lg">{t("lead")}</p>
      <p className="mt-2 text-sm text-stone-700">{t("who")}</p>

      <section className="mt-5" aria-labelledby="places-heading">
        <h2 id="places-heading" className="text-lg font-bold">
          {t("places")}
        </h2>
        <ul className="mt-2 space-y-2">
          {places.map((p) => {
            const next = nextDropIn.get(p.id);
            return (
              <li key={p.slug} className="rounded-lg border border-stone-200 bg-white px-4 py-3" data-testid="place">
                <Link href={`/places/${p.slug}`} className="font-semibold">
                  {p.name}
                </Link>
                <span className="text-stone-700">, {p.city}</span>
                {next && (
                  <p className="text-sm">
                    {t("nextDropIn", {
                      when: format.dateTimeRange(next.startsAt, next.endsAt, {
                        weekday: "short",
                        day: "numeric",
                        month: l === "fi" ? "numeric" : "short",
                        hour: "numeric",
                        minute: "2-digit",
                      }),
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="mt-8" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-bold">
          {t("sessions")}
        </h2>
        {showFilters && (
          <form method="get" className="mt-2 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm" aria-label={t("filters")}>
            {(placeChoice || placeSlug) && (
              <FilterSelect
                name="place"
                label={t("place")}
                value={placeSlug}
                allLabel={t("allPlaces")}
                options={places.map((p) => ({ value: p.slug, label: p.name }))}
              />
            )}
            <FilterSelect
              name="kind"
              label={t("kind")}
              value={kind}
              allLabel={t("allKinds")}
              options={sessionKinds.map((k) => ({ value: k, label: tk(k) }))}
            />
            <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900">
              {t("show")}
            </button>
          </form>
        )}
        <div className="mt-4">
          <SessionList sessions={sessions} filtered={filtered} />
        </div>
      </section>
    </>
  );
}
