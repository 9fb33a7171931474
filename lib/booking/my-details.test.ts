import { describe, expect, it } from "vitest";
import { bookings } from "@/db/schema";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { eraseMyDetails, myDetails } from "./my-details";
import { createBooking } from "./writes";

describe("a parent's own details, reached with the manage link", () => {
  const db = testDb();
  const session = addSession(db, { placeId: addPlace(db).id });
  const booked = createBooking(db, bookingInput(session.id, { email: "maija@example.com", phone: "+358401234567", nickname: "Maija", accessibilityNeeds: "pyörätuoli", childcare: true, heardFrom: "peer" }));
  if (!booked.ok) throw new Error("booking failed");
  const now = new Date();

  it("downloads everything stored about the booking", () => {
    const d = myDetails(db, booked.token, now, 30)!;
    expect(d.booking).toMatchObject({ code: booked.code, nickname: "Maija", email: "maija@example.com", phone: "+358401234567", accessibilityNeeds: "pyörätuoli", childcare: true, partySize: 1, heardFrom: "peer" });
    expect(d.emails.map((m) => m.recipient)).toContain("maija@example.com");
    // The text messages queued for the number are listed with the e-mails.
    expect(d.emails.filter((m) => m.channel === "sms").map((m) => [m.kind, m.recipient])).toEqual([
      ["booking_confirmed", "+358401234567"],
      ["booking_reminder", "+358401234567"],
    ]);
    expect(myDetails(db, "not-a-token", now, 30)).toBeNull();
  });

  it("erases the details at once and keeps the seat", () => {
    expect(eraseMyDetails(db, "x".repeat(43), now, 30)).toEqual({ ok: false, reason: "invalid" });
    expect(eraseMyDetails(db, booked.token, now, 30)).toEqual({ ok: true });
    const [row] = db.select().from(bookings).all();
    expect(row).toMatchObject({ nickname: null, email: null, phone: null, accessibilityNeeds: null, childcare: false, status: "confirmed", partySize: 1 });
    const d = myDetails(db, booked.token, now, 30)!;
    expect(JSON.stringify(d)).not.toMatch(/Maija|maija@|pyörätuoli|358401234567/);
  });
});
