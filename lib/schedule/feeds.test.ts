import { expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createBooking } from "@/lib/booking/writes";
import { places, sessions } from "@/db/schema";
import { addGroup, addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { feedCalendar, feedJson, feedSessions } from "./feeds";

const text = (s: string) => ({ fi: `${s} fi`, sv: `${s} sv`, en: `${s} en` });

it("lists the coming sessions for parents at a place, and leaves out professionals', co-development and cancelled ones", () => {
  const db = testDb();
  const placeId = addPlace(db).id;
  const other = addPlace(db, "jarvenpaa").id;
  const evening = addSession(db, { placeId, title: text("Info evening"), capacity: 10 }).id;
  addSession(db, { placeId, title: text("For workers"), forProfessionals: true });
  addSession(db, { placeId, kind: "codevelopment", title: text("Panel") });
  addSession(db, { placeId, title: text("Called off"), status: "cancelled" });
  const elsewhere = addSession(db, { placeId: other, title: text("Elsewhere") }).id;
  const { sessionIds } = addGroup(db, placeId, 6, 3);

  const atPlace = feedSessions(db, new Date(), "tikkurila")!;
  expect(atPlace.map((s) => s.id).sort()).toEqual([evening, ...sessionIds].sort());
  expect(feedSessions(db, new Date())!.map((s) => s.id)).toContain(elsewhere);
  expect(feedSessions(db, new Date(), "nowhere")).toBeNull();

  // A subscribed calendar keeps one UID per session and names the place.
  const ics = feedCalendar(atPlace, "en", "Kohtaamo – Tikkurila");
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(atPlace.length);
  expect(ics).toContain(`UID:kohtaamo-session-${evening}@kohtaamo`);
  expect(ics).toContain("SUMMARY:Info evening en");
  expect(ics).toContain("X-WR-CALNAME:Kohtaamo – Tikkurila");
  expect(ics).not.toContain("For workers");
  expect(ics).not.toContain("Panel");
});

it("holds nothing of a booking or a person, in the calendar or in the Linked Events feed", () => {
  const db = testDb();
  const placeId = addPlace(db).id;
  const id = addSession(db, { placeId, title: text("Evening"), capacity: 10 }).id;
  const personal = {
    nickname: "Marjatta-secret",
    email: "marjatta.secret@example.fi",
    phone: "+358401234567",
    interpreterLanguage: "Somali-secret",
    accessibilityNeeds: "wheelchair-secret",
  };
  const booked = createBooking(db, bookingInput(id, { ...personal, partySize: 2 }));
  expect(booked.ok).toBe(true);

  const list = feedSessions(db, new Date())!;
  const out = [feedCalendar(list, "fi", "Kohtaamo"), feedCalendar(list, "sv", "Kohtaamo"), JSON.stringify(feedJson(list))].join("\n");
  for (const value of Object.values(personal)) expect(out).not.toContain(value);
  if (booked.ok) expect(out).not.toContain(booked.token);

  // Exactly the event fields a reader of Linked Events expects, and the seats left as a number.
  const [event] = feedJson(list).data;
  expect(Object.keys(event!).sort()).toEqual(
    ["description", "end_time", "event_status", "id", "in_language", "info_url", "location", "maximum_attendee_capacity", "name", "offers", "remaining_attendee_capacity", "start_time", "type"].sort(),
  );
  expect(event).toMatchObject({ name: text("Evening"), remaining_attendee_capacity: 8, offers: [{ is_free: true }], location: { postal_code: "01300" } });
});

it("names the place in Swedish in the Swedish calendar, and a moved session keeps its UID", () => {
  const db = testDb();
  const placeId = addPlace(db).id;
  db.update(places).set({ nameSv: "Dickursby", citySv: "Vanda", streetAddressSv: "Stationsvägen 10" }).where(eq(places.id, placeId)).run();
  const id = addSession(db, { placeId, title: text("Evening") }).id;
  expect(feedCalendar(feedSessions(db, new Date())!, "sv", "Kohtaamo")).toContain("LOCATION:Dickursby\\, Stationsvägen 10\\, 01300 Vanda");

  const later = new Date(Date.now() + 9 * 86_400_000);
  db.update(sessions).set({ startsAt: later, endsAt: new Date(later.getTime() + 3_600_000) }).where(eq(sessions.id, id)).run();
  const moved = feedCalendar(feedSessions(db, new Date())!, "fi", "Kohtaamo");
  expect(moved.match(new RegExp(`UID:kohtaamo-session-${id}@kohtaamo`, "g"))).toHaveLength(1);
});
