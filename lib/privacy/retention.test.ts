import { beforeEach, expect, it } from "vitest";
import { asc } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import { addGroup, addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { eraseExpiredEmails } from "./retention";

let db: DB;
beforeEach(() => {
  db = testDb();
});

it("erases e-mail addresses a set time after the last meeting and keeps the anonymous booking", () => {
  const place = addPlace(db);
  const now = Date.now();
  const session = addSession(db, { placeId: place.id, startsAt: new Date(now + 86_400_000) });
  const { sessionIds } = addGroup(db, place.id, 10, 3, new Date(now + 86_400_000));
  createBooking(db, bookingInput(session.id, { email: "one@example.com" }));
  createBooking(db, bookingInput(sessionIds[0]!, { email: "group@example.com" }));

  const justAfterSession = new Date(session.endsAt.getTime() + 31 * 86_400_000);
  expect(eraseExpiredEmails(db, justAfterSession, 30)).toBe(1);
  const rows = db.select().from(bookings).orderBy(asc(bookings.id)).all();
  expect(rows[0]).toMatchObject({ email: null, status: "confirmed", partySize: 1 });
  expect(rows[0]!.emailErasedAt).not.toBeNull();
  // The group's last meeting is two weeks later: its address stays until 30 days after that.
  expect(rows[1]!.email).toBe("group@example.com");
  expect(eraseExpiredEmails(db, new Date(justAfterSession.getTime() + 15 * 86_400_000), 30)).toBe(1);
  expect(db.select().from(bookings).all().every((b) => b.email === null)).toBe(true);
});
