import { expect, it } from "vitest";
import { createBooking, cancelBooking } from "@/lib/booking/writes";
import { addGroup, addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { listSessions } from "./reads";

it("lists the seats left: a session's own, and a group's shared by all its meetings", () => {
  const db = testDb();
  const placeId = addPlace(db).id;
  const evening = addSession(db, { placeId, capacity: 10 }).id;
  const dropIn = addSession(db, { placeId, kind: "drop_in", capacity: null }).id;
  const { sessionIds } = addGroup(db, placeId, 6, 3);
  createBooking(db, bookingInput(evening, { partySize: 3 }));
  const cancelled = createBooking(db, bookingInput(evening, { partySize: 2 }));
  if (cancelled.ok) cancelBooking(db, cancelled.token);
  createBooking(db, bookingInput(sessionIds[1]!, { partySize: 2 }));

  const left = new Map(listSessions(db, new Date()).map((s) => [s.id, s.seatsLeft]));
  expect(left.get(evening)).toBe(7); // the cancelled party freed its seats
  expect(left.get(dropIn)).toBeNull();
  expect(sessionIds.map((id) => left.get(id))).toEqual([4, 4, 4]);
});
