import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";
import { placeIn } from "@/lib/i18n/place-names";
import { formatterFor } from "@/lib/i18n/translator";
import { flyerFor, flyerOptionsSchema } from "@/lib/schedule/flyer";
import { flyerTags } from "@/lib/referrals/channels";
import { NotFoundView } from "@/components/NotFoundView";
import { PlanNav } from "@/components/plan/PlanNav";
import { PrintButton } from "@/components/reach/PrintButton";
import { Link } from "@/i18n/navigation";

export const metadata = { robots: { index: false } };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A printable flyer for a place (or one of its sessions), in any of the three languages, A4 or A5. */
export default async function FlyerPage({ params, searchParams }: PageProps<"/[locale]/plan/places/[id]/flyer">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await requirePlanner(locale);
  const q = await searchParams;
  const parsed = flyerOptionsSchema.parse({ lang: first(q.lang), size: first(q.size), tag: first(q.tag), session: first(q.session) });
  const options = { ...parsed, lang: parsed.lang ?? (locale as Locale) };
  const flyer = /^\d+$/.test(id) ? await flyerFor(getDb(), Number(id), options) : null;
  if (!flyer) return <NotFoundView />;

  const t = await getTranslations("flyer");
  const tp = await getTranslations({ locale: options.lang, namespace: "flyer" });
  const tk = await getTranslations({ locale: options.lang, namespace: "kinds" });
  const format = formatterFor(options.lang);
  const { session, coming } = flyer;
  // The flyer names the place in its own language (Dickursby on a Swedish one); the page around it in the reader's.
  const place = placeIn(flyer.place, options.lang);
  const l = options.lang;
  const when = (s: { startsAt: Date; endsAt: Date }) =>
    format.dateTimeRange(s.startsAt, s.endsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" });
  const select = "mt-1 block rounded border border-stone-400 bg-white px-2 py-1";

  return (
    <>
      <div className="no-print">
        <PlanNav current="places" />
        <h1 className="text-2xl font-bold">
          {session ? t("sessionTitle", { session: (session.groupTitle ?? session.title)[locale as Locale] }) : t("title", { place: flyer.place.name })}
        </h1>
        <p className="mt-1">
          <Link href={`/plan/places/${place.id}`}>{flyer.place.name}</Link>
        </p>
        <p className="mt-2">{t("intro")}</p>
        <form method="get" className="mt-4 flex flex-wrap items-end gap-4" aria-label={t("options")}>
          {session && <input type="hidden" name="session" value={session.id} />}
          <div>
            <label htmlFor="flyer-lang" className="font-medium">
              {t("language")}
            </label>
            <select id="flyer-lang" name="lang" defaultValue={l} className={select}>
              <option value="fi">Suomi</option>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </div>
          <div>
            <label htmlFor="flyer-size" className="font-medium">
              {t("size")}
            </label>
            <select id="flyer-size" name="size" defaultValue={options.size} className={select}>
              <option value="a4">A4</option>
              <option value="a5">A5</option>
            </select>
          </div>
          <div>
            <label htmlFor="flyer-tag" className="font-medium">
              {t("tag")}
            </label>
            <select id="flyer-tag" name="tag" defaultValue={options.tag} className={select}>
              {flyerTags.map((tag) => (
                <option key={tag} value={tag}>
                  {t(`tags.${tag}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand-800 px-3 py-1 font-medium text-white">
            {t("show")}
          </button>
          <PrintButton label={t("print")} />
        </form>
        <p className="mt-2 text-sm text-stone-700">{t("printHint")}</p>
      </div>

      <article lang={l} data-print-flyer className={`flyer flyer-${options.size} mt-6`} data-testid="flyer" aria-labelledby="flyer-headline">
        <p className="flyer-place">{place.name}</p>
        <h2 id="flyer-headline" className="flyer-headline">
          {tp("headline")}
        </h2>
        <p className="flyer-lead">{tp("lead")}</p>
        <p className="flyer-lead">{tp("anonymous")}</p>
        {session && (
          <section className="flyer-session" aria-label={(session.groupTitle ?? session.title)[l]}>
            <p className="flyer-kind">{tk(session.kind)}</p>
            <p className="flyer-session-title">{(session.groupTitle ?? session.title)[l]}</p>
            <p>{when(session)}</p>
          </section>
        )}
        <div className="flyer-body">
          <section aria-labelledby="flyer-coming">
            <h3 id="flyer-coming" className="flyer-subhead">
              {tp("coming")}
            </h3>
            {coming.length === 0 ? (
              <p>{tp("noSessions")}</p>
            ) : (
              <ul className="flyer-list">
                {coming.map((s) => (
                  <li key={s.id}>
                    <span className="flyer-when">{when(s)}</span> {(s.groupTitle ?? s.title)[l]}
                  </li>
                ))}
              </ul>
            )}
            <h3 className="flyer-subhead">{tp("address")}</h3>
            <p>
              {place.streetAddress}, {place.postalCode} {place.city}
            </p>
            <h3 className="flyer-subhead">{tp("openingHours")}</h3>
            <p>{place.openingHours[l]}</p>
          </section>
          <figure className="flyer-qr">
            <div role="img" aria-label={tp("scan")} className="flyer-qr-code" dangerouslySetInnerHTML={{ __html: flyer.qr }} />
            <figcaption>
              {tp("scan")}
              <span className="flyer-url" data-testid="flyer-url">
                {flyer.url}
              </span>
            </figcaption>
          </figure>
        </div>
      </article>
    </>
  );
}
