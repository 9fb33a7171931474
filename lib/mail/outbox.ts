import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Writer } from "@/db/client";
import { outbox, type OutboxKind } from "@/db/schema";
import { seal, unseal } from "@/lib/secret";

/** Bodies rendered at queueing carry a secret link: they are kept sealed until sent, then cleared. */
export const BODY_SEAL = "outbox-body";

type QueuedMail = {
  kind: OutboxKind;
  bookingId?: number;
  recipient: string;
  notBefore: Date;
  /** Given only for messages that must be rendered now (they carry a secret). */
  rendered?: { subject: string; text: string };
};

/** Queues a message inside the caller's transaction: it exists exactly when the change it tells about does. */
export function queueMail(tx: Writer, mail: QueuedMail): void {
  tx.insert(outbox)
    .values({
      kind: mail.kind,
      bookingId: mail.bookingId,
      recipient: mail.recipient,
      notBefore: mail.notBefore,
      nextAttemptAt: mail.notBefore,
      subject: mail.rendered?.subject,
      textBody: mail.rendered ? seal(BODY_SEAL, mail.rendered.text) : undefined,
    })
    .run();
}

/** A text message, queued like an e-mail: the same table, retries and retention. A text carrying a link is given now, and sealed. */
export function queueSms(tx: Writer, sms: { kind: OutboxKind; bookingId?: number; recipient: string; notBefore: Date; text?: string }): void {
  tx.insert(outbox)
    .values({
      kind: sms.kind,
      channel: "sms",
      bookingId: sms.bookingId,
      recipient: sms.recipient,
      notBefore: sms.notBefore,
      nextAttemptAt: sms.notBefore,
      textBody: sms.text === undefined ? undefined : seal(BODY_SEAL, sms.text),
    })
    .run();
}

/** The text a message was queued with, or null when it cannot be opened: sealed with another secret (AUTH_SECRET changed), the link in it could not be trusted anyway. */
export function queuedText(textBody: string): string | null {
  return unseal(BODY_SEAL, textBody);
}

/** Drops what has not been sent yet for some bookings, e.g. the reminders of a cancelled session: one statement. */
export function dropPendingMail(tx: Writer, bookingIds: number[], now: Date): void {
  if (bookingIds.length === 0) return;
  tx.update(outbox)
    .set({ droppedAt: now, textBody: null })
    .where(and(inArray(outbox.bookingId, bookingIds), isNull(outbox.sentAt), isNull(outbox.droppedAt)))
    .run();
}

/** Drops what has not been sent yet of one kind to one address, e.g. an older sign-in link when a new one is asked for. */
export function dropPendingMailTo(tx: Writer, kind: OutboxKind, recipient: string, now: Date): void {
  tx.update(outbox)
    .set({ droppedAt: now, textBody: null })
    .where(and(eq(outbox.kind, kind), eq(outbox.recipient, recipient), isNull(outbox.sentAt), isNull(outbox.droppedAt)))
    .run();
}
