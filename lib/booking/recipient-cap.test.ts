import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { bookings, outbox, recipientDaily } from "@/db/schema";
import { offerFormSchema } from "@/lib/development/schemas";
import { offerToDevelop } from "@/lib/development/writes";
import { countToday } from "@/lib/mail/daily-share";
import { queueMail } from "@/lib/mail/outbox";
import { runRetention } from "@/lib/privacy/retention";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { heldMessages } from "./reads";
import { cancelBooking, createBooking } from "./writes";

/*
 * Nobody can make Kohtaamo mail or text a stranger without limit: at most
 * MESSAGES_PER_RECIPIENT_DAY (5 by default) confirmations and offers reach
 * one address or number in a Helsinki day. The booking itself is still made.
 */

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const DAY = 86_400_000;
const VICTIM = "victim@example.com";
const PHONE = "+358401234567";

let db: DB;
let placeId: number;
beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
});

// Noon in Helsinki on 10 March 2027 (EET, UTC+2); the sessions are weeks ahead, so each booking also gets a reminder.
const noon = new Date("2027-03-10T10:00:00Z");
let n = 0;
const book = (o: Record<string, unknown>, at: Date) => {
  const session = addSession(db, { placeId, startsAt: new Date(at.getTime() + (20 + ++n) * DAY) });
  const r = createBooking(db, bookingInput(session.id, { email: VICTIM, ...o }), at);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const queued = (kind: "booking_confirmed" | "booking_reminder" | "booking_promoted", channel: "email" | "sms" = "email") =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, kind), eq(outbox.channel, channel), isNull(outbox.droppedAt)))
    .all();

describe("the per-recipient cap on confirmations and offers", () => {
  it("queues no sixth confirmation to one address in a Helsinki day, and keeps the booking", () => {
    const made = Array.from({ length: 6 }, () => book({}, noon));
    expect(queued("booking_confirmed").map((r) => r.bookingId)).toEqual(made.slice(0, 5).map((b) => b.bookingId));
    const sixth = made[5]!;
    expect(db.select({ status: bookings.status, email: bookings.email }).from(bookings).where(eq(bookings.id, sixth.bookingId)).get()).toEqual({
      status: "confirmed",
      email: VICTIM,
    });
    // Its page is told that no message went; the first five are not.
    expect([...heldMessages(db, sixth.bookingId)]).toEqual(["email"]);
    expect(heldMessages(db, made[0]!.bookingId).size).toBe(0);
    // The held row keeps neither the address nor a body.
    const held = db.select().from(outbox).where(eq(outbox.bookingId, sixth.bookingId)).all().find((r) => r.kind === "booking_confirmed")!;
    expect(held).toMatchObject({ recipient: null, textBody: null, subject: null });
    expect(held.droppedAt).not.toBeNull();
  });

  it("caps a phone number the same way, and another address is not held back", () => {
    for (let i = 0; i < 6; i++) book({ email: null, phone: PHONE }, noon);
    book({ email: "someone.else@example.com" }, noon);
    expect(queued("booking_confirmed", "sms")).toHaveLength(5);
    expect(queued("booking_confirmed").map((r) => r.recipient)).toEqual(["someone.else@example.com"]);
  });

  it("counts an address in any case as one address", () => {
    for (let i = 0; i < 3; i++) book({}, noon);
    expect(countToday(db, "unasked", "Victim@Example.COM", noon)).toBe(3);
  });

  it("starts the count again the next Helsinki day", () => {
    // 23:30 in Helsinki: the last half hour of the day (in UTC and in Los Angeles it is the same day after midnight too).
    const late = new Date("2027-03-10T21:30:00Z");
    for (let i = 0; i < 6; i++) book({}, late);
    expect(queued("booking_confirmed")).toHaveLength(5);
    const afterMidnight = new Date("2027-03-10T22:30:00Z");
    book({}, afterMidnight);
    expect(queued("booking_confirmed")).toHaveLength(6);
  });

  it("does not cap reminders: they answer the parent's own booking", () => {
    for (let i = 0; i < 7; i++) book({}, noon);
    expect(queued("booking_confirmed")).toHaveLength(5);
    expect(queued("booking_reminder")).toHaveLength(7);
  });

  it("counts a waiting-list offer too: past the share the seat is still given, without the message", () => {
    const session = addSession(db, { placeId, capacity: 1, startsAt: new Date(noon.getTime() + 30 * DAY) });
    const first = createBooking(db, bookingInput(session.id, { email: "first@example.com" }), noon);
    const waiting = createBooking(db, bookingInput(session.id, { email: VICTIM }), noon);
    if (!first.ok || !waiting.ok) throw new Error("not booked");
    expect(waiting.status).toBe("waitlisted");
    for (let i = 0; i < 4; i++) book({}, noon); // the waiting-list confirmation and these four: five for the day
    expect(cancelBooking(db, first.token, noon)).toMatchObject({ ok: true, promoted: [waiting.bookingId] });
    expect(queued("booking_promoted")).toEqual([]);
    expect([...heldMessages(db, waiting.bookingId)]).toEqual(["email"]);
  });

  it("counts development-client confirmations to one address", () => {
    const form = offerFormSchema.parse({ email: VICTIM, languages: ["fi"], otherLanguages: "", consent: "on" });
    const mailed = Array.from({ length: 7 }, () => offerToDevelop(db, form, "fi", noon).mailed);
    expect(mailed).toEqual([true, true, true, true, true, false, false]);
    const sent = db.select().from(outbox).where(and(eq(outbox.kind, "development_confirm"), isNull(outbox.lastError))).all();
    expect(sent).toHaveLength(5);
  });

  it("counts nothing for a booking that is rolled back", () => {
    expect(() =>
      db.transaction((tx) => {
        queueMail(tx, { kind: "booking_confirmed", recipient: VICTIM, notBefore: noon }, noon);
        throw new Error("the booking failed half way");
      }),
    ).toThrow();
    expect(countToday(db, "unasked", VICTIM, noon)).toBe(0);
    expect(db.select().from(outbox).all()).toEqual([]);
  });

  it("keeps only a keyed marker and a count, never the address or the number, and forgets them when the day is over", () => {
    for (let i = 0; i < 6; i++) book({ phone: PHONE }, noon);
    const kept = db.select().from(recipientDaily).all();
    expect(kept).toHaveLength(2);
    expect(kept.map((r) => r.count)).toEqual([6, 6]);
    expect(JSON.stringify(kept)).not.toMatch(/victim|example|358|401234567/i);
    expect(runRetention(db, new Date(noon.getTime() + DAY), { retentionDays: 90, concernContactDays: 90 }).dailyShares).toBe(2);
    expect(db.select().from(recipientDaily).all()).toEqual([]);
  });
});
