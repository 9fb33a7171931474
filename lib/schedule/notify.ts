import "server-only";
import { and, ne } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { bookingsOf } from "@/lib/booking/bookable";
import { queueForBooker, type Booker } from "@/lib/booking/reminders";
import { dropPendingMail } from "@/lib/mail/outbox";
import type { Tx } from "@/db/client";


/** Who booked a session: its own bookings, or for a group's meeting the group's bookings. Cancelled ones are not bookers. */
export function bookersOf(tx: Tx, session: { id: number; groupId: number | null }): Booker[] {
  return tx
    .select({ id: bookings.id, email: bookings.email, phone: bookings.phone, status: bookings.status })
    .from(bookings)
    .where(and(bookingsOf({ sessionId: session.id, groupId: session.groupId }), ne(bookings.status, "cancelled")))
    .all();
}

/**
 * Queues a neutral message to every booker who left an address or a number (both, when both). It is
 * rendered at send time from the booking, so it tells the times as they are then.
 */
export function tellBookers(tx: Tx, kind: "session_cancelled" | "session_moved", bookers: Booker[], now: Date): number {
  let told = 0;
  for (const b of bookers) if (queueForBooker(tx, kind, b.id, b, now)) told++;
  return told;
}

/** A cancelled single session: nothing pending for its bookings will be wanted any more. */
export function dropBookersMail(tx: Tx, bookers: Booker[], now: Date): void {
  dropPendingMail(
    tx,
    bookers.map((b) => b.id),
    now,
  );
}
