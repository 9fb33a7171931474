import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { sessionKinds, type SessionKind } from "@/db/schema";
import { listPlaces, listSessions } from "@/lib/schedule/reads";
import { SessionList } from "@/components/SessionList";
import { Link } from "@/i18n/navigation";

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
        <div>
          <label htmlFor="place" className="block text-sm font-medium">
            {t("place")}
          </label>
          <select id="place" name="place" defaultValue={placeSlug ?? ""} className="mt-1 rounded border border-stone-400 bg-white p-2">
            <option value="">{t("allPlaces")}</option>
            {places.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kind" className="block text-sm font-medium">
            {t("kind")}
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ""} className="mt-1 rounded border border-stone-400 bg-white p-2">
            <option value="">{t("allKinds")}</option>
            {sessionKinds.map((k) => (
              <option key={k} value={k}>
                {tk(k)}
              </option>
            ))}
          </select>
        </div>
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
