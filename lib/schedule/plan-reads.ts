import "server-only";
import { and, asc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { bookings, counties, places, sessionFacilitators, sessionGroups, sessions, users } from "@/db/schema";
import type { FormValues } from "@/lib/forms";
import { isLocale } from "@/lib/i18n/locales";
import { helsinkiParts } from "@/lib/i18n/time";
import { placeColumns } from "./reads";

// What the planners' pages read. The parents' reads (reads.ts) show open places and scheduled sessions only;
// planners also see archived places and cancelled sessions.

export function planPlaces(tx: Reader, now: Date) {
  return tx
    .select({
      id: places.id,
      slug: places.slug,
      name: places.name,
      city: places.city,
      county: counties.name,
      archivedAt: places.archivedAt,
      coming: sql<number>`(SELECT count(*) FROM ${sessions} WHERE ${sessions.placeId} = ${places.id} AND ${sessions.status} = 'scheduled' AND ${sessions.endsAt} > ${now.getTime()})`,
    })
    .from(places)
    .leftJoin(counties, eq(counties.id, places.countyId))
    .orderBy(sql`${places.archivedAt} IS NOT NULL`, asc(places.name))
    .all();
}

export function placeForEdit(tx: Reader, id: number) {
  return (
    tx
      .select({ ...placeColumns, roomSize: places.roomSize, archivedAt: places.archivedAt })
      .from(places)
      .leftJoin(counties, eq(counties.id, places.countyId))
      .where(eq(places.id, id))
      .get() ?? null
  );
}

function facilitatorsOf(tx: Reader, sessionIds: number[]) {
  const bySession = new Map<number, { id: string; name: string }[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = tx
    .select({ sessionId: sessionFacilitators.sessionId, id: users.id, name: users.name, email: users.email })
    .from(sessionFacilitators)
    .innerJoin(users, eq(users.id, sessionFacilitators.userId))
    .where(inArray(sessionFacilitators.sessionId, sessionIds))
    .orderBy(asc(users.name))
    .all();
  for (const r of rows) {
    bySession.set(r.sessionId, [...(bySession.get(r.sessionId) ?? []), { id: r.id, name: r.name ?? r.email ?? "" }]);
  }
  return bySession;
}

const seatsBooked = sql<number>`coalesce((SELECT sum(${bookings.partySize}) FROM ${bookings} WHERE ${bookings.status} = 'confirmed' AND (${bookings.sessionId} = ${sessions.id} OR ${bookings.groupId} = ${sessions.groupId})), 0)`;

/** A place's sessions that have not ended, cancelled ones included, with seats booked and who runs them. */
export function comingSessionsAt(tx: Reader, placeId: number, now: Date, limit = 200) {
  const rows = tx
    .select({
      id: sessions.id,
      kind: sessions.kind,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      seriesId: sessions.seriesId,
      groupId: sessions.groupId,
      capacity: sql<number | null>`coalesce(${sessionGroups.capacity}, ${sessions.capacity})`,
      booked: seatsBooked,
    })
    .from(sessions)
    .leftJoin(sessionGroups, eq(sessionGroups.id, sessions.groupId))
    .where(and(eq(sessions.placeId, placeId), gt(sessions.endsAt, now)))
    .orderBy(asc(sessions.startsAt), asc(sessions.id))
    .limit(limit)
    .all();
  const staff = facilitatorsOf(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, facilitators: staff.get(r.id) ?? [] }));
}

export type PlanSessionRow = ReturnType<typeof comingSessionsAt>[number];

export function sessionForEdit(tx: Reader, id: number) {
  const row = tx
    .select({
      id: sessions.id,
      placeId: sessions.placeId,
      kind: sessions.kind,
      title: sessions.title,
      description: sessions.description,
      languages: sessions.languages,
      audience: sessions.audience,
      forProfessionals: sessions.forProfessionals,
      capacity: sessions.capacity,
      maxPartySize: sessions.maxPartySize,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      status: sessions.status,
      seriesId: sessions.seriesId,
      groupId: sessions.groupId,
      groupCapacity: sessionGroups.capacity,
      placeName: places.name,
      booked: seatsBooked,
    })
    .from(sessions)
    .innerJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(sessionGroups, eq(sessionGroups.id, sessions.groupId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  const others =
    row.seriesId !== null || row.groupId !== null
      ? (tx
          .select({ n: sql<number>`count(*)` })
          .from(sessions)
          .where(
            and(
              row.groupId !== null ? eq(sessions.groupId, row.groupId) : eq(sessions.seriesId, row.seriesId!),
              ne(sessions.id, row.id),
              eq(sessions.status, "scheduled"),
            ),
          )
          .get()?.n ?? 0)
      : 0;
  return { ...row, facilitators: facilitatorsOf(tx, [row.id]).get(row.id) ?? [], others };
}

export type SessionForEdit = NonNullable<ReturnType<typeof sessionForEdit>>;

/** A session as the planners' edit form holds it: Helsinki dates and times, one field per language. */
export function sessionFormValues(s: SessionForEdit): FormValues {
  const start = helsinkiParts(s.startsAt);
  return {
    sessionId: String(s.id),
    placeId: String(s.placeId),
    kind: s.kind,
    date: start.date,
    startTime: start.time,
    endTime: helsinkiParts(s.endsAt).time,
    titleFi: s.title.fi,
    titleSv: s.title.sv,
    titleEn: s.title.en,
    descriptionFi: s.description.fi,
    descriptionSv: s.description.sv,
    descriptionEn: s.description.en,
    audienceFi: s.audience?.fi ?? "",
    audienceSv: s.audience?.sv ?? "",
    audienceEn: s.audience?.en ?? "",
    ...(s.forProfessionals ? { forProfessionals: "on" } : {}),
    languages: s.languages.filter(isLocale),
    otherLanguages: s.languages.filter((l) => !isLocale(l)).join(", "),
    capacity: s.capacity === null ? "" : String(s.capacity),
    maxPartySize: String(s.maxPartySize),
  };
}

/** A group's own details as its edit form holds them, or null. */
export function groupFormValues(tx: Reader, groupId: number): FormValues | null {
  const g = tx
    .select({ id: sessionGroups.id, title: sessionGroups.title, description: sessionGroups.description, capacity: sessionGroups.capacity, maxPartySize: sessionGroups.maxPartySize })
    .from(sessionGroups)
    .where(eq(sessionGroups.id, groupId))
    .get();
  if (!g) return null;
  return {
    groupId: String(g.id),
    titleFi: g.title.fi,
    titleSv: g.title.sv,
    titleEn: g.title.en,
    descriptionFi: g.description.fi,
    descriptionSv: g.description.sv,
    descriptionEn: g.description.en,
    capacity: String(g.capacity),
    maxPartySize: String(g.maxPartySize),
  };
}
