import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import * as schema from "@/db/schema";
import { authSessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { createBooking } from "@/lib/booking/writes";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { changeStaffRole, deactivateStaff, inviteStaff } from "@/lib/staff/writes";
import { archivePlace, createPlace, restorePlace, updatePlace } from "./place-writes";
import { placeFormSchema, editFormSchema } from "./schemas";
import { addStaff, groupInput, onceInput, seriesInput } from "./test-helpers";
import { cancelSession, createGroup, createSeries, createSession, setFacilitators, updateSession } from "./writes";

const NOW = new Date("2026-01-01T10:00:00Z");

let db: DB;
let placeId: number;
let emptyPlaceId: number;
let sessionId: number;
let facilitator: Actor;
let planner: Actor;
let colleague: Actor;

beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
  emptyPlaceId = addPlace(db, "empty").id;
  facilitator = addStaff(db, "facilitator");
  planner = addStaff(db, "planner");
  colleague = addStaff(db, "facilitator");
  sessionId = addSession(db, { placeId, startsAt: new Date("2026-02-10T16:00:00Z") }).id;
  const booked = createBooking(db, bookingInput(sessionId, { email: "parent@example.com" }), NOW);
  if (!booked.ok) throw new Error(booked.error);
  db.insert(authSessions).values({ sessionToken: "t1", userId: colleague.id, expires: new Date("2026-01-02T00:00:00Z") }).run();
});

/** Every table as it stands, to show a refusal changed nothing. */
function snapshot() {
  const tables = [
    schema.places,
    schema.sessions,
    schema.sessionGroups,
    schema.series,
    schema.sessionFacilitators,
    schema.bookings,
    schema.outbox,
    schema.users,
    schema.authSessions,
  ];
  return tables.map((t) => db.select().from(t).all());
}

const place = placeFormSchema.parse({ name: "Kohtaamo Espoo", streetAddress: "Kauppakatu 1", postalCode: "02100", city: "Espoo", countyId: "1" });
const edit = () =>
  editFormSchema.parse({
    sessionId: String(sessionId),
    placeId: String(placeId),
    kind: "info_evening",
    titleFi: "Uusi",
    titleSv: "Ny",
    titleEn: "New",
    languages: "fi",
    date: "2026-02-17",
    startTime: "18:00",
    endTime: "20:00",
  });

// Each planner write, and what it must have done when it was allowed.
const writes: [name: string, run: (actor: Actor | null) => { ok: boolean }, effect: () => void][] = [
  ["createPlace", (a) => createPlace(db, a, place), () => expect(db.select().from(schema.places).where(eq(schema.places.slug, "espoo")).get()).toBeDefined()],
  ["updatePlace", (a) => updatePlace(db, a, placeId, place), () => expect(db.select().from(schema.places).where(eq(schema.places.id, placeId)).get()!.name).toBe("Kohtaamo Espoo")],
  ["archivePlace", (a) => archivePlace(db, a, emptyPlaceId, NOW), () => expect(db.select().from(schema.places).where(eq(schema.places.id, emptyPlaceId)).get()!.archivedAt).toEqual(NOW)],
  ["restorePlace", (a) => restorePlace(db, a, emptyPlaceId), () => expect(db.select().from(schema.places).where(eq(schema.places.id, emptyPlaceId)).get()!.archivedAt).toBeNull()],
  ["createSession", (a) => createSession(db, a, onceInput(placeId), NOW), () => expect(db.select().from(schema.sessions).all()).toHaveLength(2)],
  ["createSeries", (a) => createSeries(db, a, seriesInput(placeId), NOW), () => expect(db.select().from(schema.series).all()).toHaveLength(1)],
  ["createGroup", (a) => createGroup(db, a, groupInput(placeId), NOW), () => expect(db.select().from(schema.sessionGroups).all()).toHaveLength(1)],
  ["updateSession", (a) => updateSession(db, a, edit(), NOW), () => expect(db.select().from(schema.outbox).where(eq(schema.outbox.kind, "session_moved")).all()).toHaveLength(1)],
  ["cancelSession", (a) => cancelSession(db, a, sessionId, NOW), () => expect(db.select().from(schema.sessions).where(eq(schema.sessions.id, sessionId)).get()!.status).toBe("cancelled")],
  [
    "setFacilitators",
    (a) => setFacilitators(db, a, { sessionId, facilitators: [facilitator.id], scope: "session" }, NOW),
    () => expect(db.select().from(schema.sessionFacilitators).all()).toEqual([{ sessionId, userId: facilitator.id, minutes: null }]),
  ],
  [
    "inviteStaff",
    (a) => inviteStaff(db, a, { email: "new@example.com", name: "New", role: "facilitator", locale: "sv" }, NOW),
    () => expect(db.select().from(users).where(eq(users.email, "new@example.com")).get()).toMatchObject({ role: "facilitator", locale: "sv" }),
  ],
  ["changeStaffRole", (a) => changeStaffRole(db, a, colleague.id, "planner"), () => expect(db.select().from(users).where(eq(users.id, colleague.id)).get()!.role).toBe("planner")],
  [
    "deactivateStaff",
    (a) => deactivateStaff(db, a, colleague.id, NOW),
    () => {
      expect(db.select().from(users).where(eq(users.id, colleague.id)).get()!.deactivatedAt).toEqual(NOW);
      expect(db.select().from(authSessions).all()).toEqual([]);
    },
  ],
];

describe.each(writes)("%s", (_name, run, effect) => {
  it("refuses an anonymous visitor and changes nothing", () => {
    const before = snapshot();
    expect(run(null)).toEqual({ ok: false, error: "forbidden" });
    expect(snapshot()).toEqual(before);
  });

  it("refuses a facilitator and changes nothing", () => {
    const before = snapshot();
    expect(run(facilitator)).toEqual({ ok: false, error: "forbidden" });
    expect(snapshot()).toEqual(before);
  });

  it("refuses someone who only claims to be a planner: the role is read from the database", () => {
    const before = snapshot();
    expect(run({ ...facilitator, role: "planner" })).toEqual({ ok: false, error: "forbidden" });
    expect(snapshot()).toEqual(before);
  });

  it("refuses a planner who was deactivated a moment ago", () => {
    db.update(users).set({ deactivatedAt: NOW }).where(eq(users.id, planner.id)).run();
    const before = snapshot();
    expect(run(planner)).toEqual({ ok: false, error: "forbidden" });
    expect(snapshot()).toEqual(before);
  });

  it("lets a planner do it", () => {
    if (_name === "restorePlace") archivePlace(db, planner, emptyPlaceId, NOW);
    expect(run(planner).ok).toBe(true);
    effect();
  });
});
