import "server-only";
import { inArray } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import type { Reader } from "@/db/client";
import { places, type Localized } from "@/db/schema";
import { publicUrl } from "@/lib/config";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { locales, type Locale } from "@/lib/i18n/locales";
import { forParents } from "./audience";
import { getPlace, listSessions, placeColumns } from "./reads";

/*
 * The public schedule where referrers look: an iCalendar feed a phone or a
 * county's web page subscribes to, and a JSON feed shaped after the Linked
 * Events API's event fields, for Lähellä.fi, county sites and PTV. Only what
 * the parents' pages already show of a session and its place: never a
 * booking, a seat holder or a person.
 */

// A place's name and address in both languages, as the parents' pages name it: nothing else of it.
const { id, slug, name, streetAddress, postalCode, city, nameSv, streetAddressSv, citySv } = placeColumns;
const addressOf = { id, slug, name, streetAddress, postalCode, city, nameSv, streetAddressSv, citySv };

/** How far ahead the feeds reach: a subscribed calendar does not need next year's drop-ins. */
const FEED_DAYS = 120;

type FeedPlace = { id: number; slug: string; name: string; streetAddress: string; postalCode: string; city: string; nameSv: string | null; streetAddressSv: string | null; citySv: string | null };

export type FeedSession = {
  id: number;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  title: Localized;
  description: Localized;
  languages: string[];
  capacity: number | null;
  seatsLeft: number | null;
  place: FeedPlace;
};

/** The coming sessions for parents, at one place (by its slug) or at every open place; null for an unknown place. */
export function feedSessions(tx: Reader, now: Date, placeSlug?: string): FeedSession[] | null {
  const until = new Date(now.getTime() + FEED_DAYS * 86_400_000);
  const list = listSessions(tx, now, placeSlug === undefined ? { until } : { placeSlug, until }).filter(forParents);
  const ids = [...new Set(list.map((s) => s.place.id))];
  const rows = ids.length
    ? tx
        .select(addressOf)
        .from(places)
        .where(inArray(places.id, ids))
        .all()
    : [];
  if (placeSlug !== undefined && getPlace(tx, placeSlug) === null) return null;
  const byId = new Map(rows.map((p) => [p.id, p]));
  return list.map((s) => ({
    id: s.id,
    kind: s.kind,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    title: s.groupTitle ?? s.title,
    description: s.groupDescription ?? s.description,
    languages: s.languages,
    capacity: s.capacity,
    seatsLeft: s.seatsLeft,
    place: byId.get(s.place.id)!,
  }));
}

const sessionUrl = (locale: Locale, id: number) => publicUrl(`/${locale}/sessions/${id}`);

/**
 * The feed as an iCalendar file in one language. The UID stays the same for
 * a session for ever, so a subscribed calendar updates a moved session and
 * drops one that is cancelled (it is no longer in the feed).
 */
export function feedCalendar(list: FeedSession[], locale: Locale, calName: string): string {
  const events: EventAttributes[] = list.map((s) => {
    const place = placeIn(s.place, locale);
    return {
      uid: `kohtaamo-session-${s.id}@kohtaamo`,
      start: s.startsAt.getTime(),
      end: s.endsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      endInputType: "utc",
      endOutputType: "utc",
      title: s.title[locale],
      description: `${s.description[locale]}\n\n${sessionUrl(locale, s.id)}`.trim(),
      location: `${place.name}, ${addressLine(place)}`,
      url: sessionUrl(locale, s.id),
      status: "CONFIRMED",
    };
  });
  const { error, value } = createEvents(events, { productId: "kohtaamo", calName });
  if (error || !value) throw error ?? new Error("calendar could not be created");
  return value;
}

const perLocale = <T>(f: (l: Locale) => T) => Object.fromEntries(locales.map((l) => [l, f(l)])) as Record<Locale, T>;

/**
 * The feed as Linked Events shapes an event (name, description, start_time,
 * end_time, location with its address, in_language, offers, info_url), so a
 * site that reads Helsinki's events API reads this one with the same code.
 */
export function feedJson(list: FeedSession[]) {
  return {
    meta: { count: list.length, next: null, previous: null },
    data: list.map((s) => ({
      id: `kohtaamo:${s.id}`,
      name: s.title,
      description: s.description,
      start_time: s.startsAt.toISOString(),
      end_time: s.endsAt.toISOString(),
      event_status: "EventScheduled",
      type: s.kind,
      location: {
        id: `kohtaamo:place:${s.place.slug}`,
        name: perLocale((l) => placeIn(s.place, l).name),
        street_address: perLocale((l) => placeIn(s.place, l).streetAddress),
        postal_code: s.place.postalCode,
        address_locality: perLocale((l) => placeIn(s.place, l).city),
        info_url: perLocale((l) => publicUrl(`/${l}/places/${encodeURIComponent(s.place.slug)}`)),
      },
      in_language: s.languages.map((id) => ({ id })),
      offers: [{ is_free: true, info_url: perLocale((l) => sessionUrl(l, s.id)) }],
      info_url: perLocale((l) => sessionUrl(l, s.id)),
      maximum_attendee_capacity: s.capacity,
      remaining_attendee_capacity: s.seatsLeft,
    })),
  };
}
