import "server-only";
import { asc, eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { attendance, bookings, outbox } from "@/db/schema";
import { eraseBookingDetails } from "@/lib/privacy/retention";
import { bookingByToken } from "./reads";

/*
 * A parent's rights over their own booking, reached with the manage link only:
 * see everything stored about it, and erase the details at once. The seat
 * stays booked, anonymously, so the session's numbers stay right.
 */

/** Everything the database holds about this booking, as the parent may download it. */
export function myDetails(db: DB, token: string, now: Date, manageLinkDays: number) {
  const found = bookingByToken(db, token, now, manageLinkDays);
  if (!found.ok) return null;
  const b = found.booking;
  const row = db
    .select({
      // How they heard of Kohtaamo, if they said: a channel, never a person, but stored with this booking.
      heardFrom: bookings.heardFrom,
      createdAt: bookings.createdAt,
      confirmedAt: bookings.confirmedAt,
      cancelledAt: bookings.cancelledAt,
      emailErasedAt: bookings.emailErasedAt,
      detailsErasedAt: bookings.detailsErasedAt,
    })
    .from(bookings)
    .where(eq(bookings.id, b.id))
    .get()!;
  const mail = db
    .select({ kind: outbox.kind, channel: outbox.channel, recipient: outbox.recipient, queuedAt: outbox.createdAt, sentAt: outbox.sentAt, droppedAt: outbox.droppedAt })
    .from(outbox)
    .where(eq(outbox.bookingId, b.id))
    .orderBy(asc(outbox.id))
    .all();
  const attended = db
    .select({ sessionId: attendance.sessionId, status: attendance.status, at: attendance.at })
    .from(attendance)
    .where(eq(attendance.bookingId, b.id))
    .all();
  return {
    booking: {
      code: b.code,
      status: b.status,
      partySize: b.partySize,
      nickname: b.nickname,
      email: b.email,
      phone: b.phone,
      language: b.locale,
      interpreterLanguage: b.interpreterLanguage,
      accessibilityNeeds: b.accessibilityNeeds,
      childcare: b.childcare,
      visitorCode: b.visitorCode,
      ...row,
    },
    session: {
      title: b.title,
      place: b.place.name,
      meetings: b.meetings.map((m) => ({ startsAt: m.startsAt, endsAt: m.endsAt, status: m.status })),
    },
    emails: mail,
    attendance: attended,
  };
}

export type EraseResult = { ok: true } | { ok: false; reason: "invalid" | "expired" };

/** "Delete my details now": nickname, e-mail, phone number and needs go at once, with every copy in the outbox. */
export function eraseMyDetails(db: DB, token: string, now: Date, manageLinkDays: number): EraseResult {
  const found = bookingByToken(db, token, now, manageLinkDays);
  if (!found.ok) return found;
  eraseBookingDetails(db, found.booking.id, now);
  return { ok: true };
}
