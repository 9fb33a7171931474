import "server-only";
import { and, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DB } from "@/db/client";
import { bookings, outbox, sessions } from "@/db/schema";

/**
 * Removes e-mail addresses a set number of days after the booking's (last)
 * meeting. The booking itself stays, anonymous, for the figures.
 */
export function eraseExpiredEmails(db: DB, now: Date, retentionDays: number): number {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  return db.transaction(
    (tx) => {
      const lastEnd = sql<number>`(
        SELECT max(${sessions.endsAt}) FROM ${sessions}
        WHERE ${sessions.id} = ${bookings.sessionId} OR ${sessions.groupId} = ${bookings.groupId}
      )`;
      const expired = tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(isNotNull(bookings.email), sql`${lastEnd} < ${cutoff}`))
        .all()
        .map((b) => b.id);
      if (expired.length === 0) return 0;
      tx.update(bookings).set({ email: null, emailErasedAt: now }).where(inArray(bookings.id, expired)).run();
      tx.update(outbox)
        .set({ recipient: null, textBody: null })
        .where(inArray(outbox.bookingId, expired))
        .run();
      tx.update(outbox)
        .set({ droppedAt: now })
        .where(and(inArray(outbox.bookingId, expired), isNull(outbox.sentAt), isNull(outbox.droppedAt)))
        .run();
      return expired.length;
    },
    { behavior: "immediate" },
  );
}
