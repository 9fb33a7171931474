import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { concerns, feedbackQuiet, feedbackResponses, outbox, sessions, visitorCodes } from "@/db/schema";
import { sqliteOf } from "@/lib/reach/sqlite";
import { checkIn, closeSession, recordReturningCode } from "@/lib/attendance/writes";
import { createBooking } from "@/lib/booking/writes";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { runRetention } from "@/lib/privacy/retention";
import { computeReach } from "@/lib/reach/metrics";
import { noFilters } from "@/lib/reach/query";
import { refreshReach } from "@/lib/reach/refresh";
import { helsinkiDayOf } from "@/lib/i18n/time";
import { addPlace, addSession, addStaff, assign, bookingInput, earlierToday, testDb } from "@/lib/test/db";
import { answeredRecently, quietMarker, rememberAnswer } from "./quiet";
import { feedbackFormSchema } from "./schemas";
import { ensureFeedbackLink, submitFeedback } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const DAY = 86_400_000;
const CODE = "KTM-4783-PXW";
const OTHER = "HJK-3467-PQR";
let db: DB;
let placeId: number;

beforeEach(() => {
  db = testDb();
  placeId = addPlace(db).id;
  db.insert(visitorCodes).values([{ code: CODE }, { code: OTHER }]).run();
});

const form = (o: Record<string, string> = {}) => feedbackFormSchema.parse({ rating: "4", ...o });
const linkAt = (startsAt: Date) => ensureFeedbackLink(db, addSession(db, { placeId, startsAt }).id, 7);

describe("feedback without fatigue", () => {
  it("keeps only a keyed hash of the code and a day, in a table of its own, and thanks a parent who answered recently", () => {
    const t0 = new Date("2026-03-10T13:47:12.345Z");
    expect(submitFeedback(db, linkAt(new Date(t0.getTime() - 3_600_000)), form({ visitorCode: "ktm 4783 pxw" }), "fi", "phone-a", t0)).toEqual({ ok: true, recent: false });
    const rows = db.select().from(feedbackQuiet).all();
    expect(rows).toHaveLength(1);
    // Not the code, and nothing that ties the row to the answer: no session, no answer id, no time of day.
    expect(rows[0]!.marker).toBe(quietMarker(CODE));
    expect(JSON.stringify(rows)).not.toContain("4783");
    expect(Object.keys(rows[0]!)).toEqual(["marker", "until"]);
    // At least 28 days, to the Monday after: Tuesday 10 March + 28 days is Tuesday 7 April; quiet until Monday 13 April.
    expect(helsinkiDayOf(rows[0]!.until.getTime()).day - helsinkiDayOf(t0.getTime()).day).toBe(34);
    expect(rows[0]!.until.toISOString()).toBe("2026-04-12T21:00:00.000Z"); // Monday 13 April, midnight in Helsinki
    expect(JSON.stringify(db.select().from(feedbackResponses).all())).not.toContain("4783");
    // No row order to line up with the answers'.
    expect(() => sqliteOf(db).prepare("SELECT rowid FROM feedback_quiet").all()).toThrow();

    // Ten days later, on another phone, at another session: thanked as one who answered recently; what they
    // wrote anyway is kept (nothing is lost), and the quiet period does not move.
    const t1 = new Date(t0.getTime() + 10 * DAY);
    const key1 = linkAt(new Date(t1.getTime() - 3_600_000));
    expect(submitFeedback(db, key1, form({ visitorCode: CODE, concernText: "Huoli" }), "fi", "phone-b", t1)).toEqual({ ok: true, recent: true });
    expect(db.select().from(feedbackResponses).all()).toHaveLength(2);
    expect(db.select({ until: feedbackQuiet.until }).from(feedbackQuiet).all()).toEqual([{ until: rows[0]!.until }]);
    expect(db.select({ text: concerns.text }).from(concerns).all()).toEqual([{ text: "Huoli" }]);
    // Another parent's code is asked as before.
    expect(submitFeedback(db, key1, form({ visitorCode: OTHER }), "fi", "phone-c", t1)).toEqual({ ok: true, recent: false });

    // An answer on another day of the same week ends its quiet period on the same Monday.
    rememberAnswer(db, OTHER, new Date("2026-03-13T08:00:00Z"), 28);
    expect(db.select({ until: feedbackQuiet.until }).from(feedbackQuiet).where(eq(feedbackQuiet.marker, quietMarker(OTHER))).all()).toEqual([{ until: rows[0]!.until }]);

    // After the quiet period the parent is asked again.
    const t2 = new Date(t0.getTime() + 35 * DAY);
    expect(answeredRecently(db, CODE, t2)).toBe(false);
    expect(submitFeedback(db, linkAt(new Date(t2.getTime() - 3_600_000)), form({ visitorCode: CODE }), "fi", "phone-a", t2)).toEqual({ ok: true, recent: false });
  });

  it("refuses a code of the wrong shape rather than ignoring it, and the concern channel alone stores no answer", () => {
    const key = linkAt(new Date(Date.now() - 3_600_000));
    expect(submitFeedback(db, key, form({ visitorCode: "hello" }), "fi", "p")).toEqual({ ok: false, reason: "visitorCodeShape" });
    expect(submitFeedback(db, key, feedbackFormSchema.parse({ concernOnly: "1", concernText: "Huoli" }), "fi", "p")).toEqual({ ok: true, recent: true });
    expect(db.select().from(feedbackResponses).all()).toHaveLength(0);
    expect(db.select().from(concerns).all()).toHaveLength(1);
  });

  it("is not asked by e-mail or at the door, and the response rate is over the parents asked", () => {
    const now = new Date();
    submitFeedback(db, linkAt(new Date(now.getTime() - 5 * DAY)), form({ visitorCode: CODE }), "fi", "p", new Date(now.getTime() - 5 * DAY));
    const host: Actor = addStaff(db);
    const id = addSession(db, { placeId, startsAt: earlierToday(2, now), capacity: 10 }).id;
    assign(db, id, host.id);
    const early = new Date(now.getTime() - 3 * 3_600_000);
    createBooking(db, { ...bookingInput(id, { email: "quiet@example.fi", visitorCode: CODE }), locale: "fi" }, early);
    createBooking(db, { ...bookingInput(id, { email: "asked@example.fi" }), locale: "fi" }, early);
    for (const b of db.select({ id: bookings.id }).from(bookings).all()) expect(checkIn(db, host, id, b.id).ok).toBe(true);
    expect(recordReturningCode(db, host, id, OTHER, "door1").ok).toBe(true);
    expect(answeredRecently(db, CODE)).toBe(true);
    expect(answeredRecently(db, OTHER)).toBe(false);

    expect(closeSession(db, host, id, null).ok).toBe(true);
    const invites = db.select({ recipient: outbox.recipient }).from(outbox).where(eq(outbox.kind, "feedback_invite")).all();
    expect(invites).toEqual([{ recipient: "asked@example.fi" }]);
    expect(db.select({ n: sessions.feedbackNotAsked }).from(sessions).where(eq(sessions.id, id)).get()).toEqual({ n: 1 });

    refreshReach(db);
    const day = helsinkiDayOf(now.getTime()).day;
    const f = computeReach(db, { range: { from: day - 1, to: day }, filters: noFilters, now }).feedback;
    // Three parents' visits, one of them not asked.
    expect(f.asked).toBe(2);
    expect(f.responseRate).toBe(0);

    // All three answer from the QR code on the wall, the quiet parent too: counted, and the rate stops at 100%.
    const key = ensureFeedbackLink(db, id, 7);
    for (const device of ["d1", "d2", "d3"]) expect(submitFeedback(db, key, form({}), "fi", device).ok).toBe(true);
    refreshReach(db);
    const after = computeReach(db, { range: { from: day - 1, to: day }, filters: noFilters, now }).feedback;
    expect(after.responses).toBe(3);
    expect(after.responseRate).toBe(1);
  });

  it("forgets a quiet period when it ends (the retention job)", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    submitFeedback(db, linkAt(new Date(t0.getTime() - 3_600_000)), form({ visitorCode: CODE }), "fi", "p", t0);
    const periods = { retentionDays: 30, concernContactDays: 90 };
    // Quiet until Monday 13 April (28 days on, to the Monday after).
    expect(runRetention(db, new Date(t0.getTime() + 33 * DAY), periods).feedbackQuiet).toBe(0);
    expect(runRetention(db, new Date(t0.getTime() + 34 * DAY), periods).feedbackQuiet).toBe(1);
    expect(db.select().from(feedbackQuiet).all()).toEqual([]);
  });
});
