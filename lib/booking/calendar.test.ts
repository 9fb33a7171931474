import { expect, it } from "vitest";
import { bookingCalendar } from "./calendar";

it("makes a calendar file whose title names only Kohtaamo and the place, in UTC", () => {
  const ics = bookingCalendar({
    code: "ABC-123",
    locale: "sv",
    place: { name: "Kohtaamo Tikkurila", streetAddress: "Asematie 10", postalCode: "01300", city: "Vantaa" },
    meetings: [
      // 17:30 in Helsinki on 25 November 2026 (UTC+2).
      { id: 1, startsAt: new Date("2026-11-25T15:30:00Z"), endsAt: new Date("2026-11-25T17:00:00Z"), status: "scheduled" },
      { id: 2, startsAt: new Date("2026-12-02T15:30:00Z"), endsAt: new Date("2026-12-02T17:00:00Z"), status: "cancelled" },
    ],
  });
  expect(ics).toContain("SUMMARY:Kohtaamo Tikkurila");
  expect(ics).toContain("DTSTART:20261125T153000Z");
  expect(ics).toContain("Bokningskod ABC-123");
  // The cancelled meeting is marked so, under its UID, so a calendar that had it cancels it too.
  const events = ics.split("BEGIN:VEVENT").slice(1);
  expect(events).toHaveLength(2);
  expect(events[0]).toContain("STATUS:CONFIRMED");
  expect(events[1]).toContain("STATUS:CANCELLED");
  expect(events[1]).toContain("UID:kohtaamo-ABC-123-2@kohtaamo");
  expect(ics).not.toMatch(/barnskydd|manage/i);
});
