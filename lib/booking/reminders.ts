import "server-only";
import { and, eq, inArray, isNull, min } from "drizzle-orm";
import type { Reader, Tx, Writer } from "@/db/client";
import { outbox, sessions, type BookingStatus, type OutboxKind } from "@/db/schema";
import { queueMail, queueSms } from "@/lib/mail/outbox";

/*
 * When a booking is reminded: a day before its (first) meeting. Booking a
 * seat, a promotion from the waiting list and a meeting moved or cancelled by
 * a planner all set the reminder here.
 */

const DAY = 86_400_000;

const reminderTime = (startsAt: Date) => new Date(startsAt.getTime() - DAY);

/** Where a parent asked to be told: an e-mail address, a mobile number, both or neither. */
export type Contact = { email: string | null; phone: string | null };

/** Who booked, as a message to them needs it. */
export type Booker = Contact & { id: number; status: BookingStatus };

/**
 * A message to a booker by each way they gave (e-mail, text message, both or neither), rendered when
 * it is sent, from the booking as it is then. True when it reached at least one way.
 */
export function queueForBooker(tx: Writer, kind: OutboxKind, bookingId: number, to: Partial<Contact>, notBefore: Date): boolean {
  // An offer from the waiting list goes at once (notBefore is now) and counts in the recipient's share of that day; a reminder is not counted.
  if (to.email) queueMail(tx, { kind, bookingId, recipient: to.email, notBefore }, notBefore);
  if (to.phone) queueSms(tx, { kind, bookingId, recipient: to.phone, notBefore }, notBefore);
  return Boolean(to.email || to.phone);
}

const queueReminders = (tx: Writer, bookingId: number, to: Partial<Contact>, remindAt: Date) => queueForBooker(tx, "booking_reminder", bookingId, to, remindAt);

/** A newly confirmed seat's reminder. Booked within a day of the meeting: the confirmation is reminder enough. */
export function queueReminder(tx: Writer, bookingId: number, to: Contact, startsAt: Date, now: Date): void {
  const remindAt = reminderTime(startsAt);
  if (remindAt.getTime() <= now.getTime()) return;
  queueReminders(tx, bookingId, to, remindAt);
}

/** When a group's bookings are reminded: a day before its first meeting still on. Null when none is left. */
export function groupFirstStart(tx: Reader, groupId: number): Date | null {
  const row = tx
    .select({ first: min(sessions.startsAt) })
    .from(sessions)
    .where(and(eq(sessions.groupId, groupId), eq(sessions.status, "scheduled")))
    .get();
  return row?.first ?? null;
}

/**
 * Moves the pending reminders to a day before the new start. A reminder whose
 * new time has passed is dropped (the change message says enough); a
 * confirmed booking that had none (booked within a day) gets one when the
 * meeting moved further away.
 */
export function rescheduleReminders(tx: Tx, bookers: Booker[], startsAt: Date | null, now: Date): void {
  const remindAt = startsAt ? reminderTime(startsAt) : null;
  const ids = bookers.map((b) => b.id);
  if (ids.length === 0) return;
  const pending = and(
    inArray(outbox.bookingId, ids),
    eq(outbox.kind, "booking_reminder"),
    isNull(outbox.sentAt),
    isNull(outbox.droppedAt),
  );
  if (!remindAt || remindAt.getTime() <= now.getTime()) {
    tx.update(outbox).set({ droppedAt: now }).where(pending).run();
    return;
  }
  // Per booking and channel: a parent with both an address and a number has two reminders.
  const withReminder = new Set(
    tx
      .select({ bookingId: outbox.bookingId, channel: outbox.channel })
      .from(outbox)
      .where(pending)
      .all()
      .map((r) => `${r.bookingId}:${r.channel}`),
  );
  tx.update(outbox).set({ notBefore: remindAt, nextAttemptAt: remindAt }).where(pending).run();
  for (const b of bookers) {
    if (b.status !== "confirmed") continue;
    queueReminders(
      tx,
      b.id,
      { email: withReminder.has(`${b.id}:email`) ? null : b.email, phone: withReminder.has(`${b.id}:sms`) ? null : b.phone },
      remindAt,
    );
  }
}
