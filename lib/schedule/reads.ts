import "server-only";
import { and, asc, eq, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, places, sessionGroups, sessions, type SessionKind } from "@/db/schema";

type Tx = Pick<DB, "select">;

// Confirmed seats per session and per group, computed once per query rather than per row.
function takenSeats(tx: Tx) {
  const bySession = tx
    .select({ sessionId: bookings.sessionId, taken: sql<number>`sum(${bookings.partySize})`.as("s_taken") })
    .from(bookings)
    .where(and(eq(bookings.status, "confirmed"), sql`${bookings.sessionId} IS NOT NULL`))
    .groupBy(bookings.sessionId)
    .as("by_session");
  const byGroup = tx
    .select({ groupId: bookings.groupId, taken: sql<number>`sum(${bookings.partySize})`.as("g_taken") })
    .from(bookings)
    .where(and(eq(bookings.status, "confirmed"), sql`${bookings.groupId} IS NOT NULL`))
    .groupBy(bookings.groupId)
    .as("by_group");
  return { bySession, byGroup };
}

export type SessionFilter = { placeSlug?: string; kind?: SessionKind; sessionId?: number; until?: Date };

/** Upcoming, scheduled sessions at open places, soonest first, with the seats still free. */
export function listSessions(tx: Tx, now: Date, filter: SessionFilter = {}) {
  const { bySession, byGroup } = takenSeats(tx);
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
      taken: sql<number>`coalesce(${byGroup.taken}, ${bySession.taken}, 0)`,
      place: { id: places.id, slug: places.slug, name: places.name, city: places.city },
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(sessionGroups, eq(sessionGroups.id, sessions.groupId))
    .leftJoin(bySession, eq(bySession.sessionId, sessions.id))
    .leftJoin(byGroup, eq(byGroup.groupId, sessions.groupId))
    .where(and(...conditions))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .all();

  return rows.map(({ taken, ...row }) => ({
    ...row,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - taken),
  }));
}

export type SessionListItem = ReturnType<typeof listSessions>[number];

export function getSession(tx: Tx, id: number) {
  return listSessions(tx, new Date(0), { sessionId: id })[0] ?? null;
}

export function groupMeetings(tx: Tx, groupId: number) {
  return tx
    .select({ id: sessions.id, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
    .from(sessions)
    .where(and(eq(sessions.groupId, groupId), eq(sessions.status, "scheduled")))
    .orderBy(asc(sessions.startsAt))
    .all();
}

export function listPlaces(tx: Tx) {
  return tx
    .select({ id: places.id, slug: places.slug, name: places.name, city: places.city })
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
  county: places.county,
  streetAddress: places.streetAddress,
  postalCode: places.postalCode,
  city: places.city,
  directions: places.directions,
  accessibility: places.accessibility,
  openingHours: places.openingHours,
};

export function getPlace(tx: Tx, slug: string) {
  return (
    tx
      .select(placeColumns)
      .from(places)
      .where(and(eq(places.slug, slug), isNull(places.archivedAt)))
      .get() ?? null
  );
}
