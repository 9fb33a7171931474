import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { BODY_SEAL } from "@/lib/mail/outbox";
import { unseal } from "@/lib/secret";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { concernActions, concerns, feedbackResponses, outbox, sessions, users, youSaidWeDid } from "@/db/schema";
import { checkIn, closeSession, markNoShows } from "@/lib/attendance/writes";
import { createBooking } from "@/lib/booking/writes";
import type { Actor } from "@/lib/auth/staff";
import { addPlace, addSession, addStaff, assign, bookingInput, earlierToday, testDb } from "@/lib/test/db";
import { feedbackFormSchema } from "./schemas";
import { ensureFeedbackLink, markHandled, publishYouSaidWeDid, recordConcernAction, submitFeedback } from "./writes";

// The marker's key is derived from the server secret; a fixed one keeps the test off the data folder.
vi.stubEnv("AUTH_SECRET", "unit-test-secret");

let db: DB;
let sessionId: number;
let key: string;
beforeEach(() => {
  db = testDb();
  sessionId = addSession(db, { placeId: addPlace(db).id, startsAt: new Date(Date.now() - 3 * 3_600_000) }).id;
  key = ensureFeedbackLink(db, sessionId, 7);
});

const form = (o: Record<string, string> = {}) => feedbackFormSchema.parse({ rating: "4", gotInformation: "yes", ...o });

describe("answering", () => {
  it("stores an anonymous answer once per device, and a concern apart with the contact the parent chose to give", () => {
    const answer = form({ comment: "Hyvä kahvi", concern: "on", concernText: "Kohtelu sosiaalitoimistossa", contact: "040 123 4567" });
    expect(submitFeedback(db, key, answer, "fi", "device-a")).toEqual({ ok: true, recent: false });
    expect(submitFeedback(db, key, form(), "fi", "device-a")).toEqual({ ok: false, reason: "alreadyAnswered" });
    expect(submitFeedback(db, key, form({ rating: "2" }), "sv", "device-b")).toEqual({ ok: true, recent: false });

    const rows = db.select().from(feedbackResponses).all();
    expect(rows.map((r) => [r.rating, r.locale])).toEqual([
      [4, "fi"],
      [2, "sv"],
    ]);
    // The answer holds no contact, and not even the device id, only its hash.
    expect(JSON.stringify(rows)).not.toMatch(/040 123|device-a/);
    expect(db.select().from(concerns).all()).toMatchObject([{ text: "Kohtelu sosiaalitoimistossa", contact: "040 123 4567", status: "new" }]);
  });

  it("keeps a concern that has text even when the box was not ticked", () => {
    expect(submitFeedback(db, key, form({ concernText: "Minua kohdeltiin huonosti", contact: "040 1" }), "fi", "device-a")).toEqual({ ok: true, recent: false });
    expect(db.select({ text: concerns.text, contact: concerns.contact }).from(concerns).all()).toEqual([
      { text: "Minua kohdeltiin huonosti", contact: "040 1" },
    ]);
  });

  it("refuses contact details without a concern, instead of dropping them", () => {
    const r = feedbackFormSchema.safeParse({ rating: "3", contact: "040 1" });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["concernText", "contactWithoutConcern"]]);
  });

  it("stores the concern with its day only, so its time does not tie it to the answer", () => {
    const now = new Date("2026-03-10T13:47:12.345Z"); // 15:47 in Helsinki
    const key2 = ensureFeedbackLink(db, addSession(db, { placeId: addPlace(db, "b").id, startsAt: new Date("2026-03-10T10:00:00Z") }).id, 7);
    expect(submitFeedback(db, key2, form({ concernText: "Huoli" }), "fi", "device-a", now)).toEqual({ ok: true, recent: false });
    const [concern] = db.select().from(concerns).all();
    expect(concern!.createdAt.toISOString()).toBe("2026-03-09T22:00:00.000Z"); // midnight in Helsinki
    expect(concern!.updatedAt).toBeNull();
    const [answer] = db.select().from(feedbackResponses).all();
    expect(answer!.createdAt.getTime()).not.toBe(concern!.createdAt.getTime());
  });

  it("marks one device differently in each session, with a key the database does not hold", () => {
    const other = addSession(db, { placeId: addPlace(db, "c").id, startsAt: new Date(Date.now() - 3_600_000) }).id;
    const otherKey = ensureFeedbackLink(db, other, 7);
    expect(submitFeedback(db, key, form(), "fi", "same-phone")).toEqual({ ok: true, recent: false });
    expect(submitFeedback(db, otherKey, form(), "fi", "same-phone")).toEqual({ ok: true, recent: false });
    const markers = db.select({ marker: feedbackResponses.deviceHash }).from(feedbackResponses).all().map((r) => r.marker);
    expect(markers).toHaveLength(2);
    expect(markers[0]).not.toBe(markers[1]);
    // Not the old unkeyed hash, which anyone holding the cookie could recompute.
    expect(markers).not.toContain(createHash("sha256").update("kohtaamo-feedback:same-phone").digest("hex"));
    // And the same device is still refused a second answer in the same session.
    expect(submitFeedback(db, otherKey, form(), "fi", "same-phone")).toEqual({ ok: false, reason: "alreadyAnswered" });
  });

  it("refuses an expired or unknown link and stores nothing", () => {
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(submitFeedback(db, key, form(), "fi", "d", later)).toEqual({ ok: false, reason: "expired" });
    expect(submitFeedback(db, "AAAAAAAAAAAA", form(), "fi", "d")).toEqual({ ok: false, reason: "invalid" });
    expect(db.select().from(feedbackResponses).all()).toEqual([]);
  });

  it("asks for at least one answer, and for the concern's text when the box is ticked", () => {
    const errors = (input: Record<string, string>) => feedbackFormSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(errors({})).toEqual(["nothingAnswered"]);
    expect(errors({ rating: "3", concern: "on" })).toEqual(["concernEmpty"]);
    expect(errors({ comment: "x".repeat(1001) })).toEqual(["tooLong"]);
    expect(feedbackFormSchema.parse({ rating: "9", lessAlone: "no" })).toMatchObject({ rating: null, lessAlone: "no" });
  });
});

describe("the feedback kiosk on the meeting place's tablet", () => {
  it("takes one answer per turn, marked as the kiosk's, so the next parent answers and a double tap counts once", () => {
    const facilitator = addStaff(db, "facilitator");
    assign(db, sessionId, facilitator.id);
    const turn = (t: string) => ({ kioskTurn: t, sessionId, actor: facilitator });
    expect(submitFeedback(db, key, form(), "fi", turn("turn-1"))).toEqual({ ok: true, recent: false });
    expect(submitFeedback(db, key, form({ rating: "1" }), "fi", turn("turn-1"))).toEqual({ ok: false, reason: "alreadyAnswered" });
    expect(submitFeedback(db, key, form({ rating: "2" }), "sv", turn("turn-2"))).toEqual({ ok: true, recent: false });
    // A parent's own phone beside it is its own device.
    expect(submitFeedback(db, key, form({ rating: "3" }), "en", "phone-a")).toEqual({ ok: true, recent: false });
    const rows = db.select({ rating: feedbackResponses.rating, channel: feedbackResponses.channel }).from(feedbackResponses).all();
    expect(rows).toEqual([
      { rating: 4, channel: "kiosk" },
      { rating: 2, channel: "kiosk" },
      { rating: 3, channel: "own_device" },
    ]);
  });

  it("refuses a kiosk answer from anyone who does not run the session, or for another session's link, and stores nothing", () => {
    const outsider = addStaff(db, "facilitator");
    const placeId = db.select({ placeId: sessions.placeId }).from(sessions).get()!.placeId;
    const other = addSession(db, { placeId, startsAt: new Date(Date.now() - 3 * 3_600_000) }).id;
    const planner = addStaff(db, "planner");
    expect(submitFeedback(db, key, form(), "fi", { kioskTurn: "t1", sessionId, actor: null })).toEqual({ ok: false, reason: "kioskForbidden" });
    expect(submitFeedback(db, key, form(), "fi", { kioskTurn: "t2", sessionId, actor: outsider })).toEqual({ ok: false, reason: "kioskForbidden" });
    expect(submitFeedback(db, key, form(), "fi", { kioskTurn: "t3", sessionId: other, actor: planner })).toEqual({ ok: false, reason: "kioskForbidden" });
    expect(db.select().from(feedbackResponses).all()).toEqual([]);
  });
});

describe("closing a session invites feedback", () => {
  it("e-mails every booker who left an address and was not absent, with a neutral subject", () => {
    const facilitator = addStaff(db);
    const evening = addSession(db, { placeId: addPlace(db, "evening").id, startsAt: earlierToday(3) }).id;
    assign(db, evening, facilitator.id);
    // Booked in the past: the booking rules refuse past sessions, so book first and move the session.
    const future = new Date(Date.now() + 86_400_000);
    db.update(sessions).set({ startsAt: future, endsAt: new Date(future.getTime() + 3_600_000) }).where(eq(sessions.id, evening)).run();
    const came = createBooking(db, bookingInput(evening, { email: "came@example.com", locale: "sv" }));
    const absent = createBooking(db, bookingInput(evening, { email: "absent@example.com" }));
    const noEmail = createBooking(db, bookingInput(evening));
    if (!came.ok || !absent.ok || !noEmail.ok) throw new Error("booking failed");
    const past = earlierToday(3);
    db.update(sessions).set({ startsAt: past, endsAt: new Date(past.getTime() + 3_600_000) }).where(eq(sessions.id, evening)).run();

    checkIn(db, facilitator, evening, came.bookingId);
    markNoShows(db, facilitator, evening);
    const closed = closeSession(db, facilitator, evening, null);
    expect(closed.ok).toBe(true);
    const invites = db.select().from(outbox).where(eq(outbox.kind, "feedback_invite")).all();
    expect(invites.map((m) => m.recipient)).toEqual(["came@example.com"]);
    expect(invites[0]!.subject).toBe("Hur var ditt besök på Kohtaamo?");
    const body = unseal(BODY_SEAL, invites[0]!.textBody!);
    expect(body).toContain(`/sv/feedback/${closed.ok && closed.feedbackKey}`);
    expect(`${invites[0]!.subject} ${body}`).not.toMatch(/barnskydd/i);
  });
});

describe("acting on feedback is for planners", () => {
  it.each([
    ["an anonymous visitor", (): Actor | null => null],
    ["a facilitator", (): Actor | null => addStaff(db, "facilitator")],
    ["a facilitator claiming to be a planner", (): Actor | null => ({ ...addStaff(db, "facilitator"), role: "planner" })],
    [
      "a planner deactivated a moment ago",
      (): Actor | null => {
        const leaver = addStaff(db, "planner");
        db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, leaver.id)).run();
        return leaver;
      },
    ],
  ])("refuses %s and changes nothing", (_who, actorOf) => {
    const actor = actorOf();
    submitFeedback(db, key, form({ comment: "c", concern: "on", concernText: "t" }), "fi", "d");
    const responseId = db.select().from(feedbackResponses).get()!.id;
    const concernId = db.select().from(concerns).get()!.id;
    const text = { fi: "a", sv: "a", en: "a" };
    expect(markHandled(db, actor, responseId, true)).toEqual({ ok: false, error: "forbidden" });
    expect(recordConcernAction(db, actor, concernId, "Called back", "resolved")).toEqual({ ok: false, error: "forbidden" });
    expect(publishYouSaidWeDid(db, actor, { placeId: null, said: text, did: text })).toEqual({ ok: false, error: "forbidden" });
    expect(db.select().from(feedbackResponses).get()!.handledAt).toBeNull();
    expect(db.select().from(concerns).get()!.status).toBe("new");
    expect(db.select().from(concernActions).all()).toEqual([]);
    expect(db.select().from(youSaidWeDid).all()).toEqual([]);
  });

  it("lets a planner mark handled, record what was done on a concern, and publish", () => {
    const planner = addStaff(db, "planner");
    submitFeedback(db, key, form({ comment: "c", concern: "on", concernText: "t" }), "fi", "d");
    const responseId = db.select().from(feedbackResponses).get()!.id;
    const concernId = db.select().from(concerns).get()!.id;
    expect(markHandled(db, planner, responseId, true)).toEqual({ ok: true });
    expect(recordConcernAction(db, planner, concernId, "Called the parent", "contacted")).toEqual({ ok: true });
    expect(recordConcernAction(db, planner, concernId, "Met with the unit", "resolved")).toEqual({ ok: true });
    expect(db.select().from(concerns).get()!.status).toBe("resolved");
    expect(db.select({ note: concernActions.note, status: concernActions.status, actor: concernActions.actorId }).from(concernActions).all()).toEqual([
      { note: "Called the parent", status: "contacted", actor: planner.id },
      { note: "Met with the unit", status: "resolved", actor: planner.id },
    ]);
    expect(db.select().from(feedbackResponses).get()!.handledBy).toBe(planner.id);
  });
});
