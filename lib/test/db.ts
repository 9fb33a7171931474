import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase, setDb, type DB } from "@/db/client";
import { sql } from "drizzle-orm";
import { counties, places, sessionFacilitators, sessionGroups, sessions, users } from "@/db/schema";
import { startOfHelsinkiDay } from "@/lib/i18n/time";

/** A real SQLite file with the real migrations, fresh for each test. */
export function testDb(): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-test-"));
  const db = openDatabase(path.join(dir, "test.db"));
  migrateDatabase(db);
  setDb(db);
  return db;
}

const text = (s: string) => ({ fi: s, sv: s, en: s });
const HOUR = 3_600_000;

/**
 * A moment `hours` before now, but never before today's midnight in Helsinki: the door counts only on
 * a session's own day, so "a session that started three hours ago" must not fall on yesterday when a
 * test runs just after midnight.
 */
export function earlierToday(hours: number, now = new Date()): Date {
  return new Date(Math.max(now.getTime() - hours * HOUR, startOfHelsinkiDay(now).getTime()));
}

/** A county with only its names, or with what `o` sets (its ombudsman, numbers, client-safety contact). */
export function addCounty(db: DB, name = "Vantaa", o: Partial<typeof counties.$inferInsert> = {}) {
  return db.insert(counties).values({ name: text(name), ...o }).returning().get();
}

/** A meeting place, in `countyId` or in a county "Vantaa" made (once) for it. */
export function addPlace(db: DB, slug = "tikkurila", countyId?: number) {
  const county = countyId ?? db.select({ id: counties.id }).from(counties).where(sql`json_extract(${counties.name}, '$.fi') = 'Vantaa'`).get()?.id ?? addCounty(db).id;
  return db
    .insert(places)
    .values({
      slug,
      name: `Kohtaamo ${slug}`,
      countyId: county,
      streetAddress: "Asematie 10",
      postalCode: "01300",
      city: "Vantaa",
      directions: text("directions"),
      accessibility: text("accessibility"),
      openingHours: text("hours"),
    })
    .returning()
    .get();
}

type SessionOptions = Partial<typeof sessions.$inferInsert> & { placeId: number };

export function addSession(db: DB, o: SessionOptions) {
  const startsAt = o.startsAt ?? new Date(Date.now() + 7 * 24 * HOUR);
  return db
    .insert(sessions)
    .values({
      kind: "info_evening",
      title: text("Info evening"),
      description: text("About the services"),
      languages: ["fi"],
      capacity: 10,
      ...o,
      startsAt,
      endsAt: o.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR),
    })
    .returning()
    .get();
}

export function addGroup(db: DB, placeId: number, capacity: number, meetings: number, firstStart = new Date(Date.now() + 7 * 24 * HOUR)) {
  const group = db
    .insert(sessionGroups)
    .values({ placeId, title: text("Peer group"), description: text("Six meetings"), capacity, maxPartySize: 2 })
    .returning()
    .get();
  const ids = [];
  for (let i = 0; i < meetings; i++) {
    const startsAt = new Date(firstStart.getTime() + i * 7 * 24 * HOUR);
    ids.push(addSession(db, { placeId, groupId: group.id, kind: "group", capacity: null, startsAt }).id);
  }
  return { group, sessionIds: ids };
}

/** A valid booking form as the schema outputs it; tests override what they need. */
export function bookingInput(sessionId: number, o: Record<string, unknown> = {}) {
  return {
    sessionId,
    nickname: null,
    partySize: 1,
    email: null,
    phone: null,
    interpreterLanguage: null,
    accessibilityNeeds: null,
    childcare: false,
    visitorCode: null,
    locale: "fi" as const,
    ...o,
  };
}

let staffCounter = 0;

/** A member of staff as the domain sees them (an Actor), stored in the users table. */
export function addStaff(db: DB, role: "facilitator" | "planner" | "admin" = "facilitator") {
  const email = `staff${++staffCounter}@example.com`;
  const row = db.insert(users).values({ email, name: `Staff ${staffCounter}`, role }).returning().get();
  return { id: row.id, email, name: row.name, role };
}

export function assign(db: DB, sessionId: number, userId: string) {
  db.insert(sessionFacilitators).values({ sessionId, userId }).run();
}
