import { BODY_SEAL } from "@/lib/mail/outbox";
import { unseal } from "@/lib/secret";
import { beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, outbox } from "@/db/schema";
import { addGroup, addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { bookingByToken } from "./reads";
import { cancelBooking, createBooking } from "./writes";
import { hashToken } from "./token";

let db: DB;
let placeId: number;
beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
});

const allBookings = () => db.select().from(bookings).orderBy(asc(bookings.id)).all();
const book = (sessionId: number, o: Record<string, unknown> = {}) => {
  const r = createBooking(db, bookingInput(sessionId, o));
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe("taking seats", () => {
  it("confirms exactly the capacity when 60 parents book at once, and queues the rest in arrival order", async () => {
    const session = addSession(db, { placeId, capacity: 30 });
    book(session.id, { partySize: 4 }); // 26 seats left before the rush
    book(session.id, { partySize: 4 }); // 22 left

    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        // Arrive in a shuffled order, as requests do.
        await new Promise((r) => setTimeout(r, Math.random() * 20));
        return { i, result: createBooking(db, bookingInput(session.id, { nickname: `p${i}` })) };
      }),
    );

    const rows = allBookings();
    const confirmedSeats = rows.filter((b) => b.status === "confirmed").reduce((n, b) => n + b.partySize, 0);
    expect(confirmedSeats).toBe(30);
    const rush = rows.slice(2);
    expect(rush.filter((b) => b.status === "confirmed")).toHaveLength(22);
    // Arrival order is the id order: the first 22 arrivals got seats, every later one waits.
    expect(rush.map((b) => b.status)).toEqual([...Array(22).fill("confirmed"), ...Array(38).fill("waitlisted")]);
    expect(results.every((r) => r.result.ok)).toBe(true);
  });

  it("waitlists a party that does not fit even when some seats are free", () => {
    const session = addSession(db, { placeId, capacity: 3 });
    book(session.id, { partySize: 2 });
    const r = book(session.id, { partySize: 2 });
    expect(r.status).toBe("waitlisted");
    expect(book(session.id, { partySize: 1 }).status).toBe("confirmed");
  });

  it("books a whole group as one: one booking holds a seat in every meeting", () => {
    const { group, sessionIds } = addGroup(db, placeId, 2, 6);
    const r = book(sessionIds[3]!, { partySize: 2 });
    expect(r.status).toBe("confirmed");
    const row = allBookings()[0]!;
    expect(row.groupId).toBe(group.id);
    expect(row.sessionId).toBeNull();
    // Full from any of its meetings.
    expect(book(sessionIds[0]!).status).toBe("waitlisted");
  });

  it("stores the manage token only as its hash", () => {
    const session = addSession(db, { placeId });
    const r = book(session.id);
    const row = allBookings()[0]!;
    expect(r.token.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    expect(row.tokenHash).toBe(hashToken(r.token));
    expect(JSON.stringify(row)).not.toContain(r.token);
  });
});

describe("refusing bad bookings without changing anything", () => {
  it.each([
    ["an unknown session", (): number => 99999, {}, "unknownSession"],
    ["a past session", () => addSession(db, { placeId, startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) }).id, {}, "sessionPast"],
    ["a cancelled session", () => addSession(db, { placeId, status: "cancelled" }).id, {}, "sessionCancelled"],
    ["a drop-in", () => addSession(db, { placeId, kind: "drop_in", capacity: null }).id, {}, "notBookable"],
    ["too many people", () => addSession(db, { placeId, maxPartySize: 4 }).id, { partySize: 5 }, "partySizeTooLarge"],
    // A party of 4 for 3 seats would wait in a queue no cancellation could ever serve.
    ["a party larger than the whole session", () => addSession(db, { placeId, capacity: 3, maxPartySize: 4 }).id, { partySize: 4 }, "partyLargerThanSession"],
    ["a party larger than the whole group", () => addGroup(db, placeId, 1, 2).sessionIds[0]!, { partySize: 2 }, "partyLargerThanSession"],
  ] as const)("refuses %s", (_name, makeSession, extra, error) => {
    const result = createBooking(db, bookingInput(makeSession(), { email: "a@example.com", ...extra }));
    expect(result).toMatchObject({ ok: false, error });
    expect(allBookings()).toHaveLength(0);
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });

  it("refuses a group whose first meeting has started", () => {
    const { sessionIds } = addGroup(db, placeId, 10, 3, new Date(Date.now() - 3_600_000));
    expect(createBooking(db, bookingInput(sessionIds[2]!))).toMatchObject({ ok: false, error: "sessionPast" });
  });
});

describe("cancelling and the waiting list", () => {
  it("frees the seats at once and promotes in queue order, skipping a party that does not fit", () => {
    const session = addSession(db, { placeId, capacity: 4 });
    const first = book(session.id, { partySize: 3 });
    book(session.id, { partySize: 1 });
    const big = book(session.id, { partySize: 4, email: "big@example.com" }); // waits, too big for 3
    const small = book(session.id, { partySize: 2, email: "small@example.com" }); // waits
    const smaller = book(session.id, { partySize: 1 }); // waits
    expect([big.status, small.status, smaller.status]).toEqual(["waitlisted", "waitlisted", "waitlisted"]);

    const result = cancelBooking(db, first.token);
    expect(result).toMatchObject({ ok: true, promoted: [small.bookingId, smaller.bookingId] });
    const byId = new Map(allBookings().map((b) => [b.id, b.status]));
    expect(byId.get(first.bookingId)).toBe("cancelled");
    expect(byId.get(big.bookingId)).toBe("waitlisted"); // skipped, not dropped
    expect(byId.get(small.bookingId)).toBe("confirmed");
    expect(byId.get(smaller.bookingId)).toBe("confirmed");
    // The promoted parent is told; the one still waiting is not.
    const promotedMail = db.select().from(outbox).where(eq(outbox.kind, "booking_promoted")).all();
    expect(promotedMail.map((m) => m.recipient)).toEqual(["small@example.com"]);
    // The big party is still first in the queue.
    const lookup = bookingByToken(db, big.token, new Date(), 30);
    expect(lookup.ok && lookup.booking.position).toBe(1);
  });

  it("cancelling twice changes nothing the second time, nor frees its seats twice", () => {
    const session = addSession(db, { placeId, capacity: 1 });
    const a = book(session.id);
    const b = book(session.id);
    expect(cancelBooking(db, a.token)).toEqual({ ok: true, promoted: [b.bookingId], freed: { bookable: `session:${session.id}`, seats: 1 } });
    expect(cancelBooking(db, a.token)).toEqual({ ok: true, promoted: [], freed: null });
  });

  it("drops the unsent reminder of a cancelled booking", () => {
    const session = addSession(db, { placeId });
    const a = book(session.id, { email: "a@example.com" });
    cancelBooking(db, a.token);
    const rows = db.select().from(outbox).all().filter((r) => r.kind !== "booking_cancelled");
    expect(rows.map((r) => r.kind).sort()).toEqual(["booking_confirmed", "booking_reminder"]);
    expect(rows.every((r) => r.droppedAt !== null)).toBe(true);
  });

  it("refuses a forged or expired token and changes nothing", () => {
    const session = addSession(db, { placeId, capacity: 1 });
    const a = book(session.id);
    const forged = a.token.slice(0, -2) + (a.token.endsWith("AA") ? "BB" : "AA");
    expect(cancelBooking(db, forged)).toEqual({ ok: false, reason: "invalid" });
    expect(cancelBooking(db, "not-a-token")).toEqual({ ok: false, reason: "invalid" });
    const longAfter = new Date(session.endsAt.getTime() + 31 * 86_400_000);
    expect(cancelBooking(db, a.token, longAfter)).toEqual({ ok: false, reason: "expired" });
    expect(allBookings()[0]!.status).toBe("confirmed");
  });
});

describe("messages queued with the booking", () => {
  it("queues a confirmation with the manage link and a reminder for the day before, only when an e-mail is given", () => {
    const session = addSession(db, { placeId });
    book(session.id);
    expect(db.select().from(outbox).all()).toHaveLength(0);
    const r = book(session.id, { email: "parent@example.com", locale: "sv" });
    const rows = db.select().from(outbox).orderBy(asc(outbox.id)).all();
    expect(rows.map((m) => m.kind)).toEqual(["booking_confirmed", "booking_reminder"]);
    expect(rows[0]!.subject).toBe("Ditt besök på Kohtaamo");
    // Kept sealed until sent: the table never holds the manage link in clear.
    expect(rows[0]!.textBody).not.toContain(r.ok ? r.token : "?");
    expect(unseal(BODY_SEAL, rows[0]!.textBody!)).toContain(`/sv/manage/${r.token}`);
    expect(rows[1]!.notBefore.getTime()).toBe(session.startsAt.getTime() - 86_400_000);
  });
});

describe("visitor codes with bookings", () => {
  it("keeps the code a parent brings, and offers one to keep", async () => {
    const { visitorCodes } = await import("@/db/schema");
    const session = addSession(db, { placeId });
    db.insert(visitorCodes).values({ code: "KTM-4783-PXW" }).run();
    const withCode = book(session.id, { visitorCode: "ktm 4783 pxw" });
    expect(allBookings().at(-1)!.visitorCode).toBe("KTM-4783-PXW");

    const { visitorCodeForBooking } = await import("./writes");
    expect(visitorCodeForBooking(db, withCode.token)).toEqual({ ok: true, code: "KTM-4783-PXW" });
    const without = book(session.id);
    const given = visitorCodeForBooking(db, without.token);
    expect(given.ok && given.code).toMatch(/^[A-Z]{3}-\d{4}-[A-Z]{3}$/);
    expect(visitorCodeForBooking(db, without.token)).toEqual(given); // asking again gives the same code
    expect(visitorCodeForBooking(db, "x".repeat(43))).toEqual({ ok: false, reason: "invalid" });
  });

  it("answers a code that was never given out exactly as one that was: nothing tells which codes exist", async () => {
    const { visitorCodes } = await import("@/db/schema");
    const session = addSession(db, { placeId });
    db.insert(visitorCodes).values({ code: "KTM-4783-PXW" }).run();
    const known = createBooking(db, bookingInput(session.id, { visitorCode: "KTM-4783-PXW" }));
    const unknown = createBooking(db, bookingInput(session.id, { visitorCode: "HEY-3467-ABC" }));
    const strip = (r: typeof known) => (r.ok ? { ok: r.ok, status: r.status } : r);
    expect(strip(unknown)).toEqual(strip(known));
    // Each booking holds the code its parent typed, so the manage page shows it back the same way.
    expect(allBookings().map((b) => b.visitorCode)).toEqual(["KTM-4783-PXW", "HEY-3467-ABC"]);
  });

  it("refuses only what cannot be a visitor code, such as a booking code, for its shape", () => {
    const session = addSession(db, { placeId });
    for (const typed of ["K7M-4QX", "KTM-478", "hello"]) {
      expect(createBooking(db, bookingInput(session.id, { visitorCode: typed }))).toEqual({ ok: false, error: "visitorCodeShape" });
    }
    expect(allBookings()).toHaveLength(0);
  });
});
