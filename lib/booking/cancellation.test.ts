import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, outbox } from "@/db/schema";
import { deliverDueMail, type MailTransport } from "@/lib/mail/sender";
import { deliverDueSms } from "@/lib/sms/sender";
import { countToday } from "@/lib/mail/daily-share";
import type { SmsProvider } from "@/lib/sms/provider";
import { addGroup, addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { composeMail } from "./mail";
import { composeSms } from "./sms";
import { cancelBooking, createBooking } from "./writes";

type Sent = { to: string; subject: string; text: string; method?: string; calendar?: string };

function smtp() {
  const sent: Sent[] = [];
  const transport: MailTransport = {
    sendMail: (async (m: { to: string; subject: string; text: string; icalEvent?: { method: string; content: string } }) => {
      sent.push({ to: m.to, subject: m.subject, text: m.text, method: m.icalEvent?.method, calendar: m.icalEvent?.content });
      return {};
    }) as MailTransport["sendMail"],
  };
  return { transport, sent };
}

function phone() {
  const sent: { to: string; text: string }[] = [];
  const provider: SmsProvider = {
    async send(m) {
      sent.push(m);
      return { id: String(sent.length) };
    },
  };
  return { provider, sent };
}

const uids = (ics: string) => [...ics.matchAll(/^UID:(.+)$/gm)].map((m) => m[1]!.trim());

let db: DB;
beforeEach(() => {
  db = testDb();
});

describe("a parent's own cancellation", () => {
  it("mails a calendar CANCEL for the confirmation's events, texts the number, then keeps no contact details", async () => {
    const place = addPlace(db);
    const group = addGroup(db, place.id, 10, 3);
    const booked = createBooking(db, bookingInput(group.sessionIds[0]!, { email: "parent@example.com", phone: "+358401234567", nickname: "Maija", locale: "fi" }));
    if (!booked.ok) throw new Error(booked.error);
    const mail = smtp();
    const sms = phone();
    await deliverDueMail(db, mail.transport, composeMail);
    await deliverDueSms(db, sms.provider, composeSms, { dailyCap: 5 });
    const confirmation = mail.sent[0]!;
    expect(confirmation.method).toBe("PUBLISH");

    expect(cancelBooking(db, booked.token)).toMatchObject({ ok: true });
    // Erased at once, in the cancelling transaction: the messages were made with the address and number in them.
    expect(db.select().from(bookings).where(eq(bookings.id, booked.bookingId)).get()).toMatchObject({
      status: "cancelled",
      email: null,
      phone: null,
      nickname: null,
      detailsErasedAt: expect.any(Date),
    });

    await deliverDueMail(db, mail.transport, composeMail);
    await deliverDueSms(db, sms.provider, composeSms, { dailyCap: 5 });
    const cancelled = mail.sent[1]!;
    expect(cancelled).toMatchObject({ to: "parent@example.com", subject: "Varauksesi Kohtaamoon on peruttu", method: "CANCEL" });
    expect(cancelled.text).toContain(`Varaustunnus: ${db.select().from(bookings).get()!.code}`);
    expect(cancelled.text).not.toMatch(/Maija|\/manage\//);
    expect(cancelled.calendar).toContain("METHOD:CANCEL");
    expect(uids(cancelled.calendar!)).toEqual(uids(confirmation.calendar!));
    expect(uids(cancelled.calendar!)).toHaveLength(3);
    expect(cancelled.calendar!.match(/STATUS:CANCELLED/g)).toHaveLength(3);
    expect(sms.sent.at(-1)).toEqual({ to: "+358401234567", text: expect.stringMatching(/^Kohtaamo: perusit varauksesi ryhmään/) });

    // Once sent, the outbox keeps no address or number of it either.
    const rows = db.select().from(outbox).where(eq(outbox.kind, "booking_cancelled")).all();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ sentAt: expect.any(Date), recipient: null, textBody: null });
    expect(db.select().from(outbox).all().filter((r) => r.recipient !== null)).toEqual([]);
  });

  it("still goes when the mail server is down at first: the outbox keeps the address until it went", async () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    const booked = createBooking(db, bookingInput(session.id, { email: "later@example.com", locale: "en" }));
    if (!booked.ok) throw new Error(booked.error);
    cancelBooking(db, booked.token);
    const down: MailTransport = { sendMail: (async () => Promise.reject(new Error("ECONNREFUSED"))) as MailTransport["sendMail"] };
    await deliverDueMail(db, down, composeMail);
    const row = db.select().from(outbox).where(eq(outbox.kind, "booking_cancelled")).get()!;
    expect(row).toMatchObject({ recipient: "later@example.com", sentAt: null, attempts: 1 });
    const mail = smtp();
    await deliverDueMail(db, mail.transport, composeMail, new Date(Date.now() + 3_600_000));
    expect(mail.sent.map((m) => [m.to, m.subject, m.method])).toEqual([["later@example.com", "Your booking at Kohtaamo is cancelled", "CANCEL"]]);
  });

  it("is not counted in the recipient's daily share, and a second press sends nothing more", async () => {
    const session = addSession(db, { placeId: addPlace(db).id, capacity: 20 });
    const booked = createBooking(db, bookingInput(session.id, { email: "same@example.com" }));
    if (!booked.ok) throw new Error(booked.error);
    cancelBooking(db, booked.token);
    cancelBooking(db, booked.token);
    expect(db.select().from(outbox).where(eq(outbox.kind, "booking_cancelled")).all()).toHaveLength(1);
    expect(db.select().from(outbox).where(eq(outbox.kind, "booking_cancelled")).get()!.droppedAt).toBeNull();
    // Only the confirmation counted: the cancellation answers the parent's own booking.
    expect(countToday(db, "unasked", "same@example.com", new Date())).toBe(1);
  });
});
