import "server-only";
import { getDb } from "@/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { placeIn } from "@/lib/i18n/place-names";
import { translatorFor } from "@/lib/i18n/translator";
import { feedCalendar, feedJson, feedSessions } from "./feeds";

// The feeds' answers, shared by their routes. Public and the same for everyone: a calendar app or a
// county's site may keep a copy for a quarter of an hour.
const PUBLIC = { "Cache-Control": "public, max-age=900", "Access-Control-Allow-Origin": "*" };
const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** `/{locale}/calendar.ics` and `/{locale}/places/{slug}/calendar.ics`. */
export function calendarFeed(locale: string, slug?: string): Response {
  if (!isLocale(locale)) return notFound();
  const list = feedSessions(getDb(), new Date(), slug);
  if (list === null) return notFound();
  const { t } = translatorFor(locale);
  const place = slug !== undefined ? list[0]?.place : undefined;
  const name = slug === undefined ? t("calendar.feedAll") : t("calendar.feedPlace", { place: place ? placeIn(place, locale).name : slug });
  return new Response(feedCalendar(list, locale, name), {
    headers: { ...PUBLIC, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="kohtaamo.ics"' },
  });
}

/** `/api/events` (every open place) and `/api/events?place={slug}`. */
export function jsonFeed(slug: string | null): Response {
  const list = feedSessions(getDb(), new Date(), slug ?? undefined);
  if (list === null) return Response.json({ detail: "Not found" }, { status: 404 });
  return Response.json(feedJson(list), { headers: PUBLIC });
}
