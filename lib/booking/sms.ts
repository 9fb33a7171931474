import "server-only";
import type { DB } from "@/db/client";
import type { OutboxKind } from "@/db/schema";
import { placeIn } from "@/lib/i18n/place-names";
import { translatorFor } from "@/lib/i18n/translator";
import { queuedText } from "@/lib/mail/outbox";
import type { SmsComposer } from "@/lib/sms/sender";
import { bookingDetails, type BookingDetails } from "./reads";
import { isPrerendered, stillWanted, type PrerenderedKind } from "./mail";

/*
 * The booking's text messages. Each must fit in one or two SMS segments
 * (160 GSM-7 characters for one, 306 for two): short, no title of the
 * session (a planner's title may name the service), only the time, the
 * place and what to do. Plain GSM-7 characters only: one en dash or curly
 * quote would send the whole text as UCS-2, at 70 characters a segment.
 * sms.test.ts counts the segments of every text in every language.
 */

/** The kinds made from a booking: those rendered at sending, and a parent's own cancellation (made when queued, before the number is erased). */
export type SmsKind = Exclude<OutboxKind, PrerenderedKind> | "booking_cancelled";

const PLACE_MAX = 48;

/** Typography a formatter or a planner may bring that GSM-7 lacks, as its plain look-alike. */
export function gsmPlain(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/\u2026/g, "...");
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 3).trimEnd()}...`);

type SmsBooking = Pick<BookingDetails, "locale" | "code" | "position" | "groupId" | "place" | "meetings">;

/** The meeting a message is about: the next one still on (or the last moved one), else the first cancelled one still ahead. */
function meetingOf(kind: SmsKind, booking: SmsBooking, now: Date) {
  const on = booking.meetings.filter((m) => m.status === "scheduled");
  if (kind === "session_moved") {
    const moved = on.filter((m) => m.movedAt !== null).sort((a, b) => b.movedAt!.getTime() - a.movedAt!.getTime())[0];
    if (moved) return moved;
  }
  if (kind === "session_cancelled" && on.length === 0) {
    return booking.meetings.find((m) => m.startsAt.getTime() > now.getTime()) ?? booking.meetings[0]!;
  }
  return on.find((m) => m.startsAt.getTime() > now.getTime()) ?? on[0] ?? booking.meetings[0]!;
}

/** One text message about a booking, in its language. The link is given only to the messages queued with it. */
export function renderBookingSms(kind: SmsKind, booking: SmsBooking, extra: { manageUrl?: string; now?: Date } = {}): string {
  const { t, format } = translatorFor(booking.locale);
  const meeting = meetingOf(kind, booking, extra.now ?? new Date());
  const time = format.dateTime(meeting.startsAt, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
  const local = placeIn(booking.place, booking.locale);
  const place = cut(`${local.name}, ${local.streetAddress}`, PLACE_MAX);
  const when = t("sms.when", { when: time, place });
  // A group whose other meetings go on is told which one is next, not that its visit is off.
  const key =
    kind === "session_cancelled" && booking.meetings.some((m) => m.status === "scheduled")
      ? "meeting_cancelled"
      : kind === "booking_cancelled" && booking.groupId !== null
        ? "group_cancelled"
        : kind;
  return gsmPlain(t(`sms.${key}`, { when, code: booking.code, position: booking.position ?? 1, url: extra.manageUrl ?? "" }));
}

/**
 * The text as it goes out, or null when it should be dropped (the booking
 * cancelled, the number erased). As with e-mail, a text with a link was
 * made and sealed when queued; the others are made now from the booking as
 * it is, so a moved meeting is told at its new time.
 */
export const composeSms: SmsComposer = (db: DB, row) => {
  if (row.textBody !== null) {
    const text = queuedText(row.textBody);
    return row.recipient && text !== null ? { recipient: row.recipient, text } : null;
  }
  if (row.bookingId === null || isPrerendered(row.kind)) return null;
  const booking = bookingDetails(db, row.bookingId);
  if (!booking?.phone) return null;
  if (!stillWanted(row.kind, booking.status)) return null;
  return { recipient: booking.phone, text: renderBookingSms(row.kind, booking) };
};
