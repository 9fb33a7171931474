import "server-only";
import { and, eq, inArray, isNull, min, ne } from "drizzle-orm";
import { bookings, outbox, sessions } from "@/db/schema";
import { bookingsOf } from "@/lib/booking/bookable";
import { dropPendingMail, queueMail } from "@/lib/mail/outbox";
import type { Tx } from "@/db/client";

const DAY = 86_400_000;

export type Booker = { id: number; email: string | null; status: "confirmed" | "waitlisted" | "cancelled" };

/** Who booked a session: its own bookings, or for a group's meeting the group's bookings. Cancelled ones are not bookers. */
export function bookersOf(tx: Tx, session: { id: number; groupId: number | null }): Booker[] {
  return tx
    .select({ id: bookings.id, email: bookings.email, status: bookings.status })
    .from(bookings)
    .where(and(bookingsOf({ sessionId: session.id, groupId: session.groupId }), ne(bookings.status, "cancelled")))
    .all();
}

/**
 * Queues a neutral message to every booker who left an address. It is
 * rendered at send time from the booking, so it tells the times as they are then.
 */
export function tellBookers(tx: Tx, kind: "session_cancelled" | "session_moved", bookers: Booker[], now: Date): number {
  let told = 0;
  for (const b of bookers) {
    if (!b.email) continue;
    queueMail(tx, { kind, bookingId: b.id, recipient: b.email, notBefore: now });
    told++;
  }
  return told;
}

/** A cancelled single session: nothing pending for its bookings will be wanted any more. */
export function dropBookersMail(tx: Tx, bookers: Booker[], now: Date): void {
  for (const b of bookers) dropPendingMail(tx, b.id, now);
}

/** When a group's bookings are reminded: a day before its first meeting still on. Null when none is left. */
export function groupFirstStart(tx: Tx, groupId: number): Date | null {
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
  const remindAt = startsAt ? new Date(startsAt.getTime() - DAY) : null;
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
  const withReminder = new Set(
    tx
      .select({ bookingId: outbox.bookingId })
      .from(outbox)
      .where(pending)
      .all()
      .map((r) => r.bookingId),
  );
  tx.update(outbox).set({ notBefore: remindAt, nextAttemptAt: remindAt }).where(pending).run();
  for (const b of bookers) {
    if (b.status === "confirmed" && b.email && !withReminder.has(b.id)) {
      queueMail(tx, { kind: "booking_reminder", bookingId: b.id, recipient: b.email, notBefore: remindAt });
    }
  }
}
