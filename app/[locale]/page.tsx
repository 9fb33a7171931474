import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { sessionKinds, type SessionKind } from "@/db/schema";
import { listPlaces, listSessions } from "@/lib/schedule/reads";
import { SessionList } from "@/components/SessionList";
import { Link } from "@/i18n/navigation";
import { FilterSelect } from "@/components/ui/FilterSelect";

const LISTED_DAYS = 56;

export default async function HomePage({ params, searchParams }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("home");
  const tk = await getTranslations("kinds");
  const db = getDb();
  const places = listPlaces(db);

  // Unknown filter values are ignored rather than refused: a stale bookmark still shows sessions.
  const placeSlug = places.some((p) => p.slug === query.place) ? (query.place as string) : undefined;
  const kind = sessionKinds.includes(query.kind as SessionKind) ? (query.kind as SessionKind) : undefined;
  const now = new Date();
  const sessions = listSessions(db, now, { placeSlug, kind, until: new Date(now.getTime() + LISTED_DAYS * 86_400_000) });

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-lg">{t("intro")}</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm" aria-label={t("filters")}>
        <FilterSelect
          name="place"
          label={t("place")}
          value={placeSlug}
          allLabel={t("allPlaces")}
          options={places.map((p) => ({ value: p.slug, label: p.name }))}
        />
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

      <div className="mt-6">
        <SessionList sessions={sessions} />
      </div>

      <section className="mt-10" aria-labelledby="places-heading">
        <h2 id="places-heading" className="text-xl font-bold">
          {t("places")}
        </h2>
        <ul className="mt-2 list-disc pl-6">
          {places.map((p) => (
            <li key={p.slug}>
              <Link href={`/places/${p.slug}`}>{p.name}</Link>, {p.city}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
