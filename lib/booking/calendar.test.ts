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
  expect(ics).toContain("SUMMARY:Kohtaamo: Kohtaamo Tikkurila");
  expect(ics).toContain("DTSTART:20261125T153000Z");
  expect(ics).toContain("Bokningskod ABC-123");
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1); // the cancelled meeting is left out
  expect(ics).not.toMatch(/barnskydd|manage/i);
});
