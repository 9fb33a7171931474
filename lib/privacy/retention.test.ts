import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, authSessions, bookings, concerns, outbox, verificationTokens, visits } from "@/db/schema";
import { createBooking } from "@/lib/booking/writes";
import { feedbackFormSchema } from "@/lib/feedback/schemas";
import { ensureFeedbackLink, recordConcernAction, submitFeedback } from "@/lib/feedback/writes";
import { reachReport } from "@/lib/reach/access";
import { addGroup, addPlace, addSession, addStaff, bookingInput, testDb } from "@/lib/test/db";
import { eraseBookingDetails, runRetention } from "./retention";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const DAY = 86_400_000;
const periods = { retentionDays: 30, concernContactDays: 90 };
let db: DB;
beforeEach(() => {
  db = testDb();
});

const personal = { email: "maija@example.com", phone: "+358401234567", nickname: "Maija", interpreterLanguage: "arabia", accessibilityNeeds: "pyörätuoli", childcare: true };

describe("nothing personal outlives its period", () => {
  it("moves the clock past each period: every personal field is empty, and the figures are unchanged", () => {
    const place = addPlace(db);
    const planner = addStaff(db, "planner");
    const start = Date.now() + DAY;
    const session = addSession(db, { placeId: place.id, startsAt: new Date(start) });
    const { sessionIds } = addGroup(db, place.id, 10, 3, new Date(start));
    const single = createBooking(db, bookingInput(session.id, personal));
    const group = createBooking(db, bookingInput(sessionIds[0]!, { ...personal, email: "group@example.com" }));
    if (!single.ok || !group.ok) throw new Error("booking failed");
    // The single booking came: a visit the figures count.
    db.insert(visits).values({ sessionId: session.id, kind: "parent", source: "booking", bookingId: single.bookingId, clientKey: "retention-visit" }).run();
    // A copy of the address in a failed attempt's error, and sign-in mail for staff.
    db.update(outbox).set({ lastError: "550 maija@example.com: mailbox full" }).where(eq(outbox.bookingId, single.bookingId)).run();
    db.insert(outbox)
      .values({ kind: "staff_sign_in", recipient: planner.email, subject: "Sign in", textBody: "http://x/token", notBefore: new Date(), nextAttemptAt: new Date(), sentAt: new Date() })
      .run();
    // A concern with a phone number, resolved the day after the session.
    const link = ensureFeedbackLink(db, session.id, 7);
    submitFeedback(db, link, feedbackFormSchema.parse({ rating: "3", concernText: "Huoli", contact: "040 765 4321" }), "fi", "d", new Date(start + 3 * 3_600_000));
    const concernId = db.select({ id: concerns.id }).from(concerns).get()!.id;
    recordConcernAction(db, planner, concernId, "Soitettu", "resolved", new Date(start + DAY));
    // Staff sign-in leftovers: one expired session and token, one still valid.
    db.insert(authSessions).values([
      { sessionToken: "old", userId: planner.id, expires: new Date(start - DAY) },
      { sessionToken: "live", userId: planner.id, expires: new Date(start + 400 * DAY) },
    ]).run();
    db.insert(verificationTokens).values([
      { identifier: planner.email!, token: "old", expires: new Date(start - DAY) },
      { identifier: planner.email!, token: "live", expires: new Date(start + 400 * DAY) },
    ]).run();
    // The demo's mail catcher: one old message, one new.
    const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-mail-"));
    fs.writeFileSync(path.join(mailDir, "old.eml"), "To: maija@example.com");
    fs.writeFileSync(path.join(mailDir, "new.eml"), "To: someone@example.com");
    // And the demo's SMS catcher.
    const smsDir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-sms-"));
    fs.writeFileSync(path.join(smsDir, "old.txt"), "To: +358401234567");
    fs.writeFileSync(path.join(smsDir, "new.txt"), "To: +358501234567");
    const figures = () => {
      const r = reachReport(db, planner, { period: "all" }, { withSessions: true });
      if (!r.ok) throw new Error("refused");
      return JSON.stringify([r.report.reach, r.report.sessions]);
    };
    const before = figures();

    // Before any period has passed, nothing personal goes; expired sign-in leftovers do.
    const early = runRetention(db, new Date(start + 10 * DAY), periods, mailDir);
    expect(early).toMatchObject({ bookings: 0, concernContacts: 0, authSessions: 1, verificationTokens: 1, signInMail: 1 });
    expect(db.select().from(bookings).all().every((b) => b.email !== null && b.nickname === "Maija")).toBe(true);
    expect(db.select().from(outbox).where(eq(outbox.kind, "staff_sign_in")).all()).toEqual([]);

    // Past the e-mail period of the single session (the group's last meeting is two weeks later).
    const later = new Date(start + 2 * 3_600_000 + 31 * DAY);
    fs.utimesSync(path.join(mailDir, "old.eml"), new Date(start), new Date(start));
    fs.utimesSync(path.join(mailDir, "new.eml"), later, later);
    fs.utimesSync(path.join(smsDir, "old.txt"), new Date(start), new Date(start));
    fs.utimesSync(path.join(smsDir, "new.txt"), later, later);
    const counts = runRetention(db, later, periods, mailDir, smsDir);
    expect(counts).toMatchObject({ bookings: 1, concernContacts: 0, mailFiles: 1, smsFiles: 1 });
    expect(fs.readdirSync(smsDir)).toEqual(["new.txt"]);
    let rows = db.select().from(bookings).orderBy(asc(bookings.id)).all();
    expect(rows[0]).toMatchObject({ email: null, phone: null, nickname: null, interpreterLanguage: null, accessibilityNeeds: null, childcare: false, status: "confirmed", partySize: 1 });
    expect(rows[1]).toMatchObject({ email: "group@example.com", phone: "+358401234567", nickname: "Maija" });
    const mail = db.select().from(outbox).where(eq(outbox.bookingId, single.bookingId)).all();
    // The e-mails and the text messages alike.
    expect(new Set(mail.map((m) => m.channel))).toEqual(new Set(["email", "sms"]));
    for (const m of mail) expect(m).toMatchObject({ recipient: null, subject: null, textBody: null, lastError: null });
    expect(fs.readdirSync(mailDir)).toEqual(["new.eml"]);

    // Past the group's last meeting, and past the concern's contact period.
    const muchLater = new Date(start + DAY + 91 * DAY);
    expect(runRetention(db, muchLater, periods, mailDir)).toMatchObject({ bookings: 1, concernContacts: 1 });
    rows = db.select().from(bookings).all();
    expect(rows.map((b) => [b.email, b.phone, b.nickname, b.interpreterLanguage, b.accessibilityNeeds, b.childcare])).toEqual([
      [null, null, null, null, null, false],
      [null, null, null, null, null, false],
    ]);
    expect(db.select({ text: concerns.text, contact: concerns.contact }).from(concerns).all()).toEqual([{ text: "Huoli", contact: null }]);
    expect(db.select({ token: authSessions.sessionToken }).from(authSessions).all()).toEqual([{ token: "live" }]);
    expect(db.select({ token: verificationTokens.token }).from(verificationTokens).all()).toEqual([{ token: "live" }]);
    const everything = JSON.stringify([db.select().from(bookings).all(), db.select().from(outbox).all(), db.select().from(concerns).all()]);
    expect(everything).not.toMatch(/maija@|group@|Maija|arabia|pyörätuoli|040 765|358401234567/);

    // The figures read the same as before anything was erased.
    expect(figures()).toBe(before);

    // Each run is in the audit log, with what it erased.
    const runs = db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all();
    expect(runs).toHaveLength(3);
    expect(runs.map((r) => [r.actorId, r.detail?.bookings, r.detail?.concernContacts])).toEqual([
      [null, 0, 0],
      [null, 1, 0],
      [null, 1, 1],
    ]);
  });

  it("erases the contact of a concern nobody acted on for the period, and logs only runs that erased something", () => {
    const now = new Date();
    expect(runRetention(db, now, periods)).toMatchObject({ concernContacts: 0 });
    expect(db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all()).toEqual([]);

    db.insert(concerns).values({ locale: "fi", text: "Huoli", contact: "040 765 4321", status: "taken", createdAt: new Date(now.getTime() - 100 * DAY), updatedAt: new Date(now.getTime() - 95 * DAY) }).run();
    db.insert(concerns).values({ locale: "fi", text: "Toinen", contact: "050 111 2222", status: "new", createdAt: new Date(now.getTime() - 10 * DAY) }).run();
    expect(runRetention(db, now, periods)).toMatchObject({ concernContacts: 1 });
    expect(db.select({ text: concerns.text, contact: concerns.contact }).from(concerns).all()).toEqual([
      { text: "Huoli", contact: null },
      { text: "Toinen", contact: "050 111 2222" },
    ]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "retention.run")).all()).toHaveLength(1);
  });

  it("erases one booking's details at the parent's request and keeps the seat", () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    const booked = createBooking(db, bookingInput(session.id, personal));
    if (!booked.ok) throw new Error("booking failed");
    eraseBookingDetails(db, booked.bookingId);
    const [row] = db.select().from(bookings).all();
    expect(row).toMatchObject({ email: null, phone: null, nickname: null, interpreterLanguage: null, accessibilityNeeds: null, childcare: false, status: "confirmed", partySize: 1 });
    expect(row!.detailsErasedAt).not.toBeNull();
    // The queued reminder has nowhere to go: dropped, and its copy of the address gone.
    for (const m of db.select().from(outbox).all()) expect(m).toMatchObject({ recipient: null, textBody: null });
  });
});
