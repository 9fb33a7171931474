import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Writer } from "@/db/client";
import { outbox, type OutboxChannel, type OutboxKind } from "@/db/schema";
import { config } from "@/lib/config";
import { seal, unseal } from "@/lib/secret";
import { takeShare } from "./daily-share";

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

/**
 * The messages anyone can make us send by typing someone's address or number:
 * a booking's confirmation, a waiting-list offer, a development client's
 * confirmation. Each recipient gets at most MESSAGES_PER_RECIPIENT_DAY of them
 * a Helsinki day, whoever asks, and the lost-link message (its manage links
 * go to whoever types an address). Reminders, news of a change to a booked
 * session and the confirmation of a parent's own cancellation answer the
 * parent's own booking and are not counted; staff sign-in links have their
 * own limits.
 */
const UNASKED: ReadonlySet<OutboxKind> = new Set<OutboxKind>(["booking_confirmed", "booking_waitlisted", "booking_promoted", "development_confirm", "manage_links"]);

/**
 * Messages whose recipient is forgotten as soon as they went: the booking's
 * own details were erased when it was queued (a parent's cancellation), or
 * nothing at all is kept of the request (a lost link asked for again).
 */
export const FORGET_RECIPIENT_ONCE_SENT: ReadonlySet<OutboxKind> = new Set<OutboxKind>(["booking_cancelled", "manage_links"]);

/** The reason on a message kept back because its recipient had had the day's share: the row says it happened, without the address or a body. */
export const HELD_FOR_THE_DAY = "recipient's daily share reached";

/**
 * Whether this message may go to its recipient today. Counted in the caller's
 * transaction, so a booking that is rolled back counts nothing; past the share
 * a row is kept, already dropped, that tells the booking's page no message went.
 */
function withinShare(tx: Writer, m: { kind: OutboxKind; channel: OutboxChannel; bookingId?: number; recipient: string }, now: Date): boolean {
  if (!UNASKED.has(m.kind) || takeShare(tx, "unasked", m.recipient, config().MESSAGES_PER_RECIPIENT_DAY, now)) return true;
  tx.insert(outbox)
    .values({ kind: m.kind, channel: m.channel, bookingId: m.bookingId, notBefore: now, nextAttemptAt: now, droppedAt: now, lastError: HELD_FOR_THE_DAY })
    .run();
  return false;
}

/**
 * Queues a message inside the caller's transaction: it exists exactly when the change it tells about does.
 * False when it was held back: its recipient has had today's share of confirmations and offers.
 */
export function queueMail(tx: Writer, mail: QueuedMail, now = new Date()): boolean {
  if (!withinShare(tx, { ...mail, channel: "email" }, now)) return false;
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
  return true;
}

/** A text message, queued like an e-mail: the same table, retries and retention. A text carrying a link is given now, and sealed. */
export function queueSms(tx: Writer, sms: { kind: OutboxKind; bookingId?: number; recipient: string; notBefore: Date; text?: string }, now = new Date()): boolean {
  if (!withinShare(tx, { ...sms, channel: "sms" }, now)) return false;
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
  return true;
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
