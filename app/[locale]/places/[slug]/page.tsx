import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { NotFoundView, notFoundMetadata } from "@/components/NotFoundView";
import type { Locale } from "@/lib/i18n/locales";
import { getPlace, listSessionCards } from "@/lib/schedule/reads";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { SessionList } from "@/components/SessionList";
import { Details } from "@/components/ui/Details";
import { YouSaidWeDidList } from "@/components/feedback/YouSaidWeDid";
import { publishedEntries } from "@/lib/feedback/reads";
import { passOnTag } from "@/lib/referrals/channels";
import { OpeningSoon } from "@/components/OpeningSoon";
import { publicSiteOpen } from "@/lib/organisation/reads";

const mapSearchUrl = (address: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

export async function generateMetadata({ params }: PageProps<"/[locale]/places/[slug]">) {
  const { locale, slug } = await params;
  const place = getPlace(getDb(), slug);
  if (!place) return notFoundMetadata(locale);
  // A generic word, not the name a planner gave the place: the tab and the history show it to anyone.
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("place") };
}

export default async function PlacePage({ params, searchParams }: PageProps<"/[locale]/places/[slug]">) {
  const { locale, slug } = await params;
  // A flyer's channel tag goes on to the sessions' pages, where it prefills the booking form.
  const from = passOnTag((await searchParams).from);
  setRequestLocale(locale);
  const db = getDb();
  if (!publicSiteOpen(db)) return <OpeningSoon />;
  const found = getPlace(db, slug);
  if (!found) return <NotFoundView />;
  const t = await getTranslations("place");
  const tf = await getTranslations("feedback.public");
  const l = locale as Locale;
  const place = placeIn(found, l);
  const sessions = listSessionCards(db, new Date(), { placeSlug: slug });

  return (
    <>
      <h1 className="text-2xl font-bold">{place.name}</h1>
      <Details
        items={[
          [t("address"), addressLine(place)],
          [t("openingHours"), place.openingHours[l]],
          [t("directions"), place.directions[l]],
          [t("accessibility"), place.accessibility[l]],
          ...(place.countyName ? ([[t("county"), place.countyName[l] || place.countyName.fi]] as [string, string][]) : []),
        ]}
      />
      <p className="mt-2">
        {/* A plain link to a map search with the address: no embedded map, nothing loaded from elsewhere until the parent follows it. */}
        <a href={mapSearchUrl(addressLine(place))} rel="noreferrer" className="underline">
          {t("mapLink")}
        </a>
      </p>
      <section id="contact" aria-labelledby="place-contact" className="mt-6">
        <h2 id="place-contact" className="text-xl font-bold">
          {t("contactTitle")}
        </h2>
        {place.contactPhone || place.contactEmail ? (
          <ul className="mt-2">
            {place.contactPhone && (
              <li>
                {t("phone")}: <a href={`tel:${place.contactPhone.replace(/[^+\d]/g, "")}`}>{place.contactPhone}</a>
              </li>
            )}
            {place.contactEmail && (
              <li>
                {t("email")}: <a href={`mailto:${place.contactEmail}`}>{place.contactEmail}</a>
              </li>
            )}
          </ul>
        ) : (
          <p className="mt-2">{t("contactAtOpeningHours")}</p>
        )}
      </section>
      <h2 className="mt-8 mb-3 text-xl font-bold">{t("upcoming")}</h2>
      <SessionList sessions={sessions} showPlace={false} from={from} />
      <p className="mt-4">
        {/* A file, not a page: a plain link, so the phone offers to add the calendar. */}
        <a href={`/${l}/places/${encodeURIComponent(found.slug)}/calendar.ics`} aria-describedby="subscribe-hint" className="underline">
          {t("subscribe")}
        </a>
      </p>
      <p id="subscribe-hint" className="text-sm text-stone-700">
        {t("subscribeHint")}
      </p>
      <section aria-labelledby="you-said" className="mt-10">
        <h2 id="you-said" className="text-xl font-bold">
          {tf("title")}
        </h2>
        <YouSaidWeDidList entries={publishedEntries(db, place.id)} headingLevel={3} />
      </section>
    </>
  );
}
