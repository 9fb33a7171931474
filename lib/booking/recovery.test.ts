import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { outbox } from "@/db/schema";
import { countToday } from "@/lib/mail/daily-share";
import { deliverDueMail, type MailTransport } from "@/lib/mail/sender";
import { addPlace, addSession, bookingInput, testDb } from "@/lib/test/db";
import { composeMail } from "./mail";
import { bookingByToken } from "./reads";
import { lostLinkSchema, sendManageLinks } from "./recovery";
import { cancelBooking, createBooking } from "./writes";

const HOUR = 3_600_000;
let db: DB;
beforeEach(() => {
  db = testDb();
});

function smtp() {
  const sent: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    sendMail: (async (m: { to: string; subject: string; text: string }) => {
      sent.push({ to: m.to, subject: m.subject, text: m.text });
      return {};
    }) as MailTransport["sendMail"],
  };
  return { transport, sent };
}

const book = (sessionId: number, o: Record<string, unknown>) => {
  const r = createBooking(db, bookingInput(sessionId, o));
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe("a lost booking link", () => {
  it("reads an e-mail address or a phone number, and refuses anything else", () => {
    expect(lostLinkSchema.parse({ address: " Parent@Example.com " }).address).toEqual({ email: "parent@example.com" });
    expect(lostLinkSchema.parse({ address: "040 123 4567" }).address).toEqual({ phone: "+358401234567" });
    expect(lostLinkSchema.safeParse({ address: "not an address" }).error?.issues[0]?.message).toBe("lostInvalid");
    expect(lostLinkSchema.safeParse({ address: "" }).error?.issues[0]?.message).toBe("lostInvalid");
  });

  it("mails new links to the bookings still ahead; the old links stop working, the new ones work", async () => {
    const place = addPlace(db);
    const soon = addSession(db, { placeId: place.id, startsAt: new Date(Date.now() + 24 * HOUR) });
    const later = addSession(db, { placeId: place.id, startsAt: new Date(Date.now() + 72 * HOUR) });
    const past = addSession(db, { placeId: place.id, startsAt: new Date(Date.now() + 2 * HOUR) });
    const a = book(later.id, { email: "parent@example.com" });
    const b = book(soon.id, { email: "parent@example.com" });
    const c = book(past.id, { email: "parent@example.com" });
    const gone = book(later.id, { email: "parent@example.com" });
    cancelBooking(db, gone.token);
    book(soon.id, { email: "someone.else@example.com" });
    const mail = smtp();
    await deliverDueMail(db, mail.transport, composeMail);
    const before = mail.sent.length;

    // Three hours on, the third booking's session is over.
    const now = new Date(Date.now() + 4 * HOUR);
    expect(sendManageLinks(db, { email: "parent@example.com" }, "en", now)).toBe(2);
    await deliverDueMail(db, mail.transport, composeMail, now);
    const sent = mail.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "parent@example.com", subject: "Your bookings at Kohtaamo" });
    const links = [...sent[0]!.text.matchAll(/\/en\/manage\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    // Soonest first; each link opens its own booking, and the old links no longer do.
    expect(links.map((t) => (bookingByToken(db, t, now, 30) as { booking: { id: number } }).booking.id)).toEqual([b.bookingId, a.bookingId]);
    expect(bookingByToken(db, a.token, now, 30)).toEqual({ ok: false, reason: "invalid" });
    expect(bookingByToken(db, c.token, now, 30)).toMatchObject({ ok: true });

    // Nothing is kept of the request once the message went, and it counted in the address's share.
    const row = db.select().from(outbox).where(eq(outbox.kind, "manage_links")).get()!;
    expect(row).toMatchObject({ recipient: null, textBody: null, bookingId: null, sentAt: expect.any(Date) });
    expect(countToday(db, "unasked", "parent@example.com", now)).toBe(5);
  });

  it("sends nothing, and changes nothing, for an address without bookings ahead", () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    const kept = book(session.id, { email: "kept@example.com" });
    expect(sendManageLinks(db, { email: "nobody@example.com" }, "fi")).toBe(0);
    expect(sendManageLinks(db, { phone: "+358409999999" }, "fi")).toBe(0);
    expect(db.select().from(outbox).where(eq(outbox.kind, "manage_links")).all()).toEqual([]);
    expect(bookingByToken(db, kept.token, new Date(), 30)).toMatchObject({ ok: true });
  });

  it("texts the links to a phone number", () => {
    const session = addSession(db, { placeId: addPlace(db).id });
    book(session.id, { phone: "+358401234567" });
    expect(sendManageLinks(db, { phone: "+358401234567" }, "fi")).toBe(1);
    const row = db.select().from(outbox).where(eq(outbox.kind, "manage_links")).get()!;
    expect(row).toMatchObject({ channel: "sms", recipient: "+358401234567" });
  });
});
