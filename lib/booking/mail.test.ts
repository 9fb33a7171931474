import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox, places } from "@/db/schema";
import { deliverDueMail, retryDelayMs, type MailTransport } from "@/lib/mail/sender";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { composeMail } from "./mail";
import { createBooking } from "./writes";

type Sent = { to: string; subject: string; text: string; hasCalendar: boolean };

/** An SMTP server that is down until told otherwise; records what it accepted. */
function flakySmtp() {
  const sent: Sent[] = [];
  const state = { up: false };
  const transport: MailTransport = {
    sendMail: (async (m: { to: string; subject: string; text: string; icalEvent?: unknown }) => {
      if (!state.up) throw new Error("connect ECONNREFUSED");
      sent.push({ to: m.to, subject: m.subject, text: m.text, hasCalendar: Boolean(m.icalEvent) });
      return {};
    }) as MailTransport["sendMail"],
  };
  return { transport, sent, state };
}

let db: DB;
beforeEach(() => {
  db = testDb();
});

describe("the outbox", () => {
  it("keeps a message while the mail server is down and sends it once it is back", async () => {
    const place = addPlace(db);
    const session = addSession(db, { placeId: place.id });
    const booking = createBooking(db, bookingInput(session.id, { email: "parent@example.com", locale: "en" }));
    expect(booking.ok).toBe(true);
    const smtp = flakySmtp();
    const now = new Date();

    expect(await deliverDueMail(db, smtp.transport, composeMail, now)).toMatchObject({ sent: 0, failed: 1 });
    const [queued] = db.select().from(outbox).where(eq(outbox.kind, "booking_confirmed")).all();
    expect(queued).toMatchObject({ attempts: 1, sentAt: null, lastError: "connect ECONNREFUSED" });
    expect(queued!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not retried before its time, even when the server is back.
    smtp.state.up = true;
    expect(await deliverDueMail(db, smtp.transport, composeMail, now)).toMatchObject({ sent: 0 });
    await deliverDueMail(db, smtp.transport, composeMail, new Date(now.getTime() + retryDelayMs(1)));

    expect(smtp.sent).toHaveLength(1);
    expect(smtp.sent[0]).toMatchObject({ to: "parent@example.com", subject: "Your visit to Kohtaamo", hasCalendar: true });
    expect(smtp.sent[0]!.text).toContain("/en/manage/");
    expect(smtp.sent[0]!.text).toMatch(/How we handle your data: http:\/\/localhost:\d+\/en\/privacy$/);
    const [done] = db.select().from(outbox).where(eq(outbox.kind, "booking_confirmed")).all();
    expect(done!.sentAt).not.toBeNull();
    expect(done!.textBody).toBeNull(); // the manage link is not kept after delivery
  });

  it("writes to a Swedish-speaking parent with the place's Swedish name and Finland-Swedish times", async () => {
    const place = addPlace(db);
    db.update(places).set({ nameSv: "Kohtaamo Dickursby", streetAddressSv: "Stationsvägen 10", citySv: "Vanda" }).where(eq(places.id, place.id)).run();
    // 9.00–11.00 in Helsinki (7.00 UTC in winter), whatever the test's own zone.
    const startsAt = new Date("2027-01-13T07:00:00Z");
    const session = addSession(db, { placeId: place.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) });
    createBooking(db, bookingInput(session.id, { email: "sv@example.com", locale: "sv" }));
    const smtp = flakySmtp();
    smtp.state.up = true;
    await deliverDueMail(db, smtp.transport, composeMail, new Date());
    expect(smtp.sent[0]!.text).toContain("Kohtaamo Dickursby\nStationsvägen 10, 01300 Vanda");
    expect(smtp.sent[0]!.text).toMatch(/onsdag 13 januari 2027 9\.00–11\.00/);
  });

  it("sends the reminder the day before, rendered then, without the manage link", async () => {
    const place = addPlace(db);
    const session = addSession(db, { placeId: place.id });
    createBooking(db, bookingInput(session.id, { email: "p@example.com", nickname: "Maija" }));
    const smtp = flakySmtp();
    smtp.state.up = true;
    await deliverDueMail(db, smtp.transport, composeMail);
    expect(smtp.sent.map((m) => m.subject)).toEqual(["Käyntisi Kohtaamoon"]);
    await deliverDueMail(db, smtp.transport, composeMail, new Date(session.startsAt.getTime() - 86_400_000));
    expect(smtp.sent[1]!.subject).toBe("Muistutus: käyntisi Kohtaamoon");
    expect(smtp.sent[1]!.text).toContain("Hei Maija,");
    expect(smtp.sent[1]!.text).not.toContain("/manage/");
  });

  it("never says child protection where a bystander could read it", async () => {
    const place = addPlace(db);
    const session = addSession(db, { placeId: place.id, capacity: 1 });
    for (const locale of ["fi", "sv", "en"] as const) {
      createBooking(db, bookingInput(session.id, { email: `${locale}@example.com`, locale }));
    }
    const smtp = flakySmtp();
    smtp.state.up = true;
    await deliverDueMail(db, smtp.transport, composeMail, new Date(session.startsAt.getTime()));
    expect(smtp.sent.length).toBeGreaterThanOrEqual(3);
    for (const m of smtp.sent) {
      expect(`${m.subject}\n${m.text}`).not.toMatch(/lastensuojel|barnskydd|child protection|child welfare/i);
    }
  });
});

it("drops a message it cannot compose instead of leaving it due for ever", async () => {
  const { queueMail } = await import("@/lib/mail/outbox");
  const session = addSession(db, { placeId: addPlace(db).id });
  const booking = createBooking(db, bookingInput(session.id, { email: "p@example.com" }));
  if (!booking.ok) throw new Error(booking.error);
  db.delete(outbox).where(eq(outbox.bookingId, booking.bookingId)).run();
  // A feedback invitation whose text is gone (say, erased): nothing can be sent, and it must not block the queue.
  queueMail(db, { kind: "feedback_invite", bookingId: booking.bookingId, recipient: "p@example.com", notBefore: new Date() });
  const smtp = flakySmtp();
  smtp.state.up = true;
  expect(await deliverDueMail(db, smtp.transport, composeMail)).toEqual({ sent: 0, failed: 0, dropped: 1 });
  expect(db.select().from(outbox).get()!.droppedAt).not.toBeNull();
  expect(await deliverDueMail(db, smtp.transport, composeMail)).toEqual({ sent: 0, failed: 0, dropped: 0 });
});
