import fs from "node:fs";
import type { AddressInfo, Server } from "node:net";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { SegmentedMessage } from "sms-segments-calculator";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log.mjs";
import type { DB } from "@/db/client";
import { outbox, recipientDaily, sessions } from "@/db/schema";
import { doorView } from "@/lib/attendance/door";
import type { Locale } from "@/lib/i18n/locales";
import { deliverDueSms } from "@/lib/sms/sender";
import { gatewayApi, type SmsProvider } from "@/lib/sms/provider";
import { retryDelayMs } from "@/lib/mail/sender";
import { cancelSession } from "@/lib/schedule/writes";
import { bookersOf, tellBookers } from "@/lib/schedule/notify";
import { rescheduleReminders } from "@/lib/booking/reminders";
import { runRetention } from "@/lib/privacy/retention";
import { addGroup, addPlace, addSession, addStaff, assign, bookingInput, testDb } from "@/lib/test/db";
import { CATCHER_TOKEN, startSmsCatcher } from "@/scripts/sms-catcher.mjs";
import { composeSms, renderBookingSms, type SmsKind } from "./sms";
import { eraseMyDetails } from "./my-details";
import { cancelBooking, createBooking } from "./writes";

const DAY = 86_400_000;
const PHONE = "+358401234567";

/** A provider that records what it took, and is down until told otherwise. */
function phone() {
  const sent: { to: string; text: string }[] = [];
  const state = { up: true };
  const provider: SmsProvider = {
    async send(m) {
      if (!state.up) throw new Error("SMS provider answered 503");
      sent.push(m);
      return { id: String(sent.length) };
    },
  };
  return { provider, sent, state };
}

let db: DB;
beforeEach(() => {
  db = testDb();
});

const book = (sessionId: number, o: Record<string, unknown> = {}, now = new Date()) => {
  const r = createBooking(db, bookingInput(sessionId, { phone: PHONE, ...o }), now);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const smsRows = () => db.select().from(outbox).where(eq(outbox.channel, "sms")).all();

describe("the booking's text messages", () => {
  const kinds: SmsKind[] = ["booking_confirmed", "booking_waitlisted", "booking_promoted", "booking_reminder", "session_cancelled", "session_moved", "booking_cancelled"];
  const locales: Locale[] = ["fi", "sv", "en"];
  // The longest the texts get: a long place name and street, a long public address, a group whose
  // other meetings go on (the "one meeting cancelled" text), a two-digit waiting-list position.
  const start = new Date("2026-12-09T16:30:00Z");
  const longPlace = {
    slug: "x",
    nameSv: null,
    streetAddressSv: null,
    citySv: null,
    name: "Perhekeskus Itäkeskuksen monitoimitalon Kohtaamo-olohuone",
    streetAddress: "Turunlinnantie 12 A, 3. kerros, Sisäänkäynti pihan puolelta",
    postalCode: "00930",
    city: "Helsinki",
    directions: { fi: "", sv: "", en: "" },
  };
  const meetings = (statuses: ("scheduled" | "cancelled")[]) =>
    statuses.map((status, i) => ({
      id: i + 1,
      startsAt: new Date(start.getTime() + i * 7 * DAY),
      endsAt: new Date(start.getTime() + i * 7 * DAY + 2 * 3_600_000),
      title: { fi: "Lastensuojelun vertaisryhmä", sv: "Barnskydd", en: "Child protection peer group" },
      kind: "group" as const,
      status,
      placeId: 1,
      movedAt: i === 1 ? start : null,
    }));
  const url = `https://kohtaamo.hyvinvointialue-esimerkki.fi/fi/manage/${"A".repeat(43)}`;
  const cases = locales.flatMap((locale) =>
    kinds.flatMap((kind) =>
      [meetings(["scheduled"]), meetings(["cancelled", "scheduled", "scheduled"]), meetings(["cancelled"])].map((m) => ({ locale, kind, m })),
    ),
  );

  it.each(cases)("$locale $kind fits in two GSM-7 segments and says nothing of child protection", ({ locale, kind, m }) => {
    const text = renderBookingSms(kind, { locale, code: "KTM-4783", position: 12, groupId: 1, place: longPlace, meetings: m }, { manageUrl: url, now: new Date(start.getTime() - 3 * DAY) });
    const segments = new SegmentedMessage(text, "auto");
    expect(segments.getNonGsmCharacters(), text).toEqual([]);
    expect(segments.encodingName).toBe("GSM-7");
    expect(segments.segmentsCount, text).toBeLessThanOrEqual(2);
    expect(text).not.toMatch(/lastensuojel|barnskydd|child protection|child welfare|sosiaali|social|vertais|kamrat|peer/i);
    expect(text).toMatch(/^Kohtaamo/);
    if (kind === "booking_confirmed" || kind === "booking_waitlisted") expect(text).toContain(url);
    else expect(text).not.toContain("/manage/");
  });

  it("is in the booking's language, with Helsinki time", () => {
    const b = { code: "KTM-4783", position: 2, groupId: null, place: longPlace, meetings: meetings(["scheduled"]) };
    const fi = renderBookingSms("booking_confirmed", { ...b, locale: "fi" }, { manageUrl: url });
    const sv = renderBookingSms("booking_confirmed", { ...b, locale: "sv" }, { manageUrl: url });
    const en = renderBookingSms("booking_confirmed", { ...b, locale: "en" }, { manageUrl: url });
    expect(fi).toContain("varauksesi on vahvistettu");
    expect(fi).toContain("ke 9.12. klo 18.30"); // 16:30 UTC is 18:30 in Helsinki; the tests run in Los Angeles
    expect(sv).toContain("din bokning är bekräftad");
    expect(sv).toContain("18.30"); // Finland-Swedish time

    expect(en).toContain("your booking is confirmed");
    expect(en).toContain("18:30"); // British English, 24-hour clock
    expect(en).not.toMatch(/[\u00a0\u202f]/); // the formatter's narrow space is made plain
  });
});

describe("text messages through the outbox", () => {
  let catcher: Server | null = null;
  let dir: string;
  afterEach(() => new Promise<void>((resolve) => (catcher ? catcher.close(() => resolve()) : resolve())));

  it("keeps the confirmation while the provider is down and sends it once, with the link, when it is back", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-sms-"));
    // Find a port, then take the catcher down: the real client meets a refused connection.
    catcher = await startSmsCatcher({ port: 0, dir, token: CATCHER_TOKEN });
    const port = (catcher.address() as AddressInfo).port;
    await new Promise<void>((resolve) => catcher!.close(() => resolve()));
    catcher = null;
    const provider = gatewayApi({ url: `http://127.0.0.1:${port}`, token: CATCHER_TOKEN, sender: "Kohtaamo", timeoutMs: 2000 });

    const session = addSession(db, { placeId: addPlace(db).id });
    const booking = book(session.id, { locale: "sv" });
    const [queued] = smsRows().filter((r) => r.kind === "booking_confirmed");
    expect(queued!.recipient).toBe(PHONE);
    expect(queued!.textBody).not.toContain("/manage/"); // sealed while it waits

    const now = new Date();
    expect(await deliverDueSms(db, provider, composeSms, { dailyCap: 5, now })).toMatchObject({ sent: 0, failed: 1 });
    const failed = smsRows().find((r) => r.id === queued!.id)!;
    expect(failed).toMatchObject({ attempts: 1, sentAt: null, droppedAt: null });
    expect(failed.lastError).not.toContain("358401234567");
    expect(failed.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    catcher = await startSmsCatcher({ port, dir, token: CATCHER_TOKEN });
    // Not before its time, even with the provider back.
    expect(await deliverDueSms(db, provider, composeSms, { dailyCap: 5, now })).toMatchObject({ sent: 0 });
    const later = new Date(now.getTime() + retryDelayMs(1));
    expect(await deliverDueSms(db, provider, composeSms, { dailyCap: 5, now: later })).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverDueSms(db, provider, composeSms, { dailyCap: 5, now: later })).toMatchObject({ sent: 0 });

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const text = fs.readFileSync(path.join(dir, files[0]!), "utf8");
    expect(text).toContain("To: +358401234567");
    expect(text).toContain("din bokning är bekräftad");
    const link = text.match(/http\S+\/sv\/manage\/(\S+)/);
    expect(link![1]).toBe(booking.token);
    const done = smsRows().find((r) => r.id === queued!.id)!;
    expect(done.sentAt).not.toBeNull();
    expect(done.textBody).toBeNull(); // the link is not kept once delivered
  });

  it("reminds the day before, tells a promotion, a cancelled and a moved session, by text", async () => {
    const place = addPlace(db);
    const session = addSession(db, { placeId: place.id, capacity: 1 });
    const first = book(session.id, { phone: "+358501111111" });
    book(session.id, { phone: "+358502222222", locale: "en" }); // waiting
    const p = phone();
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5 });
    expect(p.sent.map((m) => m.to)).toEqual(["+358501111111", "+358502222222"]);
    expect(p.sent[1]!.text).toContain("number 1 on the waiting list");

    expect(cancelBooking(db, first.token)).toMatchObject({ ok: true, promoted: [expect.any(Number)] });
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5 });
    // The parent who cancelled is told it is done; the one waiting, that a seat was freed.
    expect(p.sent.slice(2)).toEqual([
      { to: "+358501111111", text: expect.stringContaining("perusit varauksesi") },
      { to: "+358502222222", text: expect.stringContaining("a seat was freed") },
    ]);

    // The session moves a week on: told at the new time, and the reminder moves with it.
    const newStart = new Date(session.startsAt.getTime() + 7 * DAY);
    db.transaction((tx) => {
      tx.update(sessions).set({ startsAt: newStart, endsAt: new Date(newStart.getTime() + 7_200_000), movedAt: new Date() }).where(eq(sessions.id, session.id)).run();
      const bookers = bookersOf(tx, { id: session.id, groupId: null });
      tellBookers(tx, "session_moved", bookers, new Date());
      rescheduleReminders(tx, bookers, newStart, new Date());
    });
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5 });
    expect(p.sent[4]!.text).toContain("New time");
    // Nothing at the old reminder time; the reminder comes a day before the new start.
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5, now: new Date(session.startsAt.getTime() - DAY) })).toMatchObject({ sent: 0 });
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5, now: new Date(newStart.getTime() - DAY) });
    expect(p.sent[5]!.text).toMatch(/^Kohtaamo reminder/);

    expect(cancelSession(db, addStaff(db, "planner"), session.id)).toMatchObject({ ok: true, told: 1 });
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5, now: new Date(newStart.getTime() - DAY) });
    expect(p.sent[6]!.text).toContain("has been cancelled");
    expect(p.sent).toHaveLength(7);
  });

  it("sends nothing more once the booking is cancelled or the number erased", async () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    const b = book(session.id);
    const p = phone();
    await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5 });
    cancelBooking(db, b.token);
    // The cancellation is confirmed, and then nothing more comes (no reminder).
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5 })).toMatchObject({ sent: 1 });
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5, now: new Date(session.startsAt.getTime() - DAY) })).toMatchObject({ sent: 0 });
    expect(p.sent.map((m) => m.text.slice(0, 26))).toEqual(["Kohtaamo: varauksesi on va", "Kohtaamo: perusit varaukse"]);
  });

  it("gives one number at most the daily cap of texts in a Helsinki day, and drops the rest without logging the number", async () => {
    const place = addPlace(db);
    // 23:30 in Helsinki (EET, UTC+2): late on the first day.
    const evening = new Date("2027-03-10T21:30:00Z");
    const booked = new Date(evening.getTime() - 3_600_000);
    // Five of them: the sixth and later confirmations are held when queued (MESSAGES_PER_RECIPIENT_DAY), the cap at sending is below that.
    for (let i = 0; i < 5; i++) book(addSession(db, { placeId: place.id, startsAt: new Date(evening.getTime() + (10 + i) * DAY) }).id, {}, booked);
    const group = addGroup(db, place.id, 20, 1, new Date(evening.getTime() + 20 * DAY));
    book(group.sessionIds[0]!, { phone: "+358509999999" }, booked); // another number is not held back
    const p = phone();
    const warn = vi.spyOn(log, "warn").mockImplementation(() => undefined);
    const outcome = await deliverDueSms(db, p.provider, composeSms, { dailyCap: 3, now: evening });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(warn.mock.calls)).not.toMatch(/358|401234567/);
    expect(warn.mock.calls[0]![0]).toMatchObject({ event: "sms.capped", cap: 3 });
    warn.mockRestore();
    expect(outcome).toMatchObject({ sent: 4, capped: 2 });
    expect(p.sent.filter((m) => m.to === PHONE)).toHaveLength(3);
    expect(p.sent.filter((m) => m.to === "+358509999999")).toHaveLength(1);
    const capped = smsRows().filter((r) => r.lastError === "daily cap reached");
    expect(capped).toHaveLength(2);
    expect(capped.every((r) => r.droppedAt !== null && r.textBody === null)).toBe(true);

    // After midnight in Helsinki (still the same day in UTC and in Los Angeles) the number may be texted again.
    const nextDay = new Date("2027-03-10T22:30:00Z");
    book(addSession(db, { placeId: place.id, startsAt: new Date(evening.getTime() + 30 * DAY) }).id, {}, nextDay);
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 5, now: nextDay })).toMatchObject({ sent: 1, capped: 0 });
  });

  it("keeps counting a number's day after 'Delete my details', and forgets the count once the day is over", async () => {
    const place = addPlace(db);
    const noon = new Date("2027-03-10T10:00:00Z");
    const p = phone();
    const first = book(addSession(db, { placeId: place.id, startsAt: new Date(noon.getTime() + 10 * DAY) }).id, {}, noon);
    book(addSession(db, { placeId: place.id, startsAt: new Date(noon.getTime() + 11 * DAY) }).id, {}, noon);
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 2, now: noon })).toMatchObject({ sent: 2 });
    // The parent erases their details: the outbox forgets the number, the cap must not.
    const withNumber = () => smsRows().filter((r) => r.recipient === PHONE).length;
    const before = withNumber();
    expect(eraseMyDetails(db, first.token, noon, 90)).toEqual({ ok: true });
    expect(withNumber()).toBeLessThan(before);
    book(addSession(db, { placeId: place.id, startsAt: new Date(noon.getTime() + 12 * DAY) }).id, {}, noon);
    expect(await deliverDueSms(db, p.provider, composeSms, { dailyCap: 2, now: noon })).toMatchObject({ sent: 0, capped: 1 });
    expect(p.sent).toHaveLength(2);
    // What is kept is a keyed marker and a count, never the number; gone the next day.
    const kept = db.select().from(recipientDaily).all();
    // One count of the texts sent, one of the confirmations queued (the per-recipient cap).
    expect(kept.map((r) => r.rule).sort()).toEqual(["texts_sent", "unasked"]);
    expect(JSON.stringify(kept)).not.toMatch(/358|401234567/);
    expect(runRetention(db, new Date(noon.getTime() + DAY), { retentionDays: 90, concernContactDays: 90 }).dailyShares).toBe(2);
    expect(db.select().from(recipientDaily).all()).toEqual([]);
  });

  it("shows the number to no facilitator: the door's view of a session holds no phone", () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    book(session.id, { nickname: "Maija", email: "maija@example.com" });
    const facilitator = addStaff(db, "facilitator");
    assign(db, session.id, facilitator.id);
    const view = doorView(db, facilitator, session.id, new Date());
    expect(view.ok && view.roster.map((r) => r.nickname)).toEqual(["Maija"]);
    const shown = JSON.stringify(view);
    expect(shown).not.toContain("401234567");
    expect(shown).not.toContain("maija@example.com");
  });
});
