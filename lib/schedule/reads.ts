import "server-only";
import { and, asc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { bookings, counties, places, sessionGroups, sessions, type SessionKind } from "@/db/schema";
import { bookingsOf } from "@/lib/booking/bookable";
import { oneCardPerGroup } from "./group-span";

/**
 * Confirmed seats of a listed session: its group's when it is a group meeting.
 * Summed per row from the (target, status, party size) indexes, so the cost
 * follows the sessions shown, not every booking ever made.
 */
const takenSeats = sql<number>`coalesce((SELECT sum(${bookings.partySize}) FROM ${bookings}
    WHERE ${bookingsOf({ sessionId: sessions.id, groupId: sessions.groupId }, "confirmed")}), 0)`;

export type SessionFilter = { placeSlug?: string; kind?: SessionKind; sessionId?: number; until?: Date };

/** Upcoming, scheduled sessions at open places, soonest first, with the seats still free. */
export function listSessions(tx: Reader, now: Date, filter: SessionFilter = {}) {
  // One session is shown whatever its state, so its page can say it was cancelled or is over.
  const conditions: SQL[] =
    filter.sessionId === undefined
      ? [eq(sessions.status, "scheduled"), isNull(places.archivedAt), gt(sessions.endsAt, now)]
      : [eq(sessions.id, filter.sessionId)];
  if (filter.until) conditions.push(lt(sessions.startsAt, filter.until));
  if (filter.placeSlug) conditions.push(eq(places.slug, filter.placeSlug));
  if (filter.kind) conditions.push(eq(sessions.kind, filter.kind));

  const rows = tx
    .select({
      id: sessions.id,
      kind: sessions.kind,
      forProfessionals: sessions.forProfessionals,
      status: sql<"scheduled" | "cancelled">`case when ${sessionGroups.status} = 'cancelled' then 'cancelled' else ${sessions.status} end`,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      title: sessions.title,
      description: sessions.description,
      languages: sessions.languages,
      audience: sessions.audience,
      groupId: sessions.groupId,
      groupTitle: sessionGroups.title,
      groupDescription: sessionGroups.description,
      capacity: sql<number | null>`coalesce(${sessionGroups.capacity}, ${sessions.capacity})`,
      maxPartySize: sql<number>`coalesce(${sessionGroups.maxPartySize}, ${sessions.maxPartySize})`,
      taken: takenSeats,
      place: { id: places.id, slug: places.slug, name: places.name, city: places.city, nameSv: places.nameSv, citySv: places.citySv },
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(sessionGroups, eq(sessionGroups.id, sessions.groupId))
    .where(and(...conditions))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all();

  return rows.map(({ taken, ...row }) => ({
    ...row,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - taken),
  }));
}


export function getSession(tx: Reader, id: number) {
  return listSessions(tx, new Date(0), { sessionId: id })[0] ?? null;
}

/** The parents' lists: as listSessions, but each group once, with how many meetings it has and when. */
export function listSessionCards(tx: Reader, now: Date, filter: SessionFilter = {}) {
  const list = listSessions(tx, now, filter);
  const groupIds = [...new Set(list.flatMap((s) => (s.groupId === null ? [] : [s.groupId])))];
  const meetings = groupIds.length
    ? tx
        .select({ groupId: sessions.groupId, startsAt: sessions.startsAt })
        .from(sessions)
        .where(and(inArray(sessions.groupId, groupIds), eq(sessions.status, "scheduled")))
        .all()
    : [];
  return oneCardPerGroup(list, (id) => meetings.filter((m) => m.groupId === id));
}

export type SessionCardItem = ReturnType<typeof listSessionCards>[number];

export function groupMeetings(tx: Reader, groupId: number) {
  return tx
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.groupId, groupId), eq(sessions.status, "scheduled")))
    .orderBy(asc(sessions.startsAt))
    .all();
}

export function listPlaces(tx: Reader) {
  return tx
    .select({ id: places.id, slug: places.slug, name: places.name, city: places.city, nameSv: places.nameSv, citySv: places.citySv })
    .from(places)
    .where(isNull(places.archivedAt))
    .orderBy(asc(places.name))
    .all();
}

/** What a meeting place's page shows, and what the planners' form edits. */
export const placeColumns = {
  id: places.id,
  slug: places.slug,
  name: places.name,
  countyId: places.countyId,
  /** The county's name in each language (counties); null only for a place saved before it had one. */
  countyName: counties.name,
  streetAddress: places.streetAddress,
  postalCode: places.postalCode,
  city: places.city,
  nameSv: places.nameSv,
  streetAddressSv: places.streetAddressSv,
  citySv: places.citySv,
  directions: places.directions,
  accessibility: places.accessibility,
  openingHours: places.openingHours,
  contactPhone: places.contactPhone,
  contactEmail: places.contactEmail,
};

export function getPlace(tx: Reader, slug: string) {
  return (
    tx
      .select(placeColumns)
      .from(places)
      .leftJoin(counties, eq(counties.id, places.countyId))
      .where(and(eq(places.slug, slug), isNull(places.archivedAt)))
      .get() ?? null
  );
}
