import "server-only";
import type { DB } from "@/db/client";
import type { OutboxKind } from "@/db/schema";
import { config, publicUrl } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import { queuedText } from "@/lib/mail/outbox";
import type { Composer } from "@/lib/mail/sender";
import { bookingCalendar } from "./calendar";
import { bookingDetails, type BookingDetails } from "./reads";

export type RenderedMail = { subject: string; text: string };

type Extra = { manageUrl?: string; retentionDays: number };

/**
 * Plain-text messages about a booking. Subjects are neutral on purpose: a
 * subject line is what a bystander sees on a locked phone.
 */
/** Kinds whose text is made when queued (they carry a link), never by this template. */
export type PrerenderedKind =
  | "staff_sign_in"
  | "staff_invite"
  | "feedback_invite"
  | "development_confirm"
  | "development_renewal"
  | "panel_invite"
  | "concern_notice"
  | "concern_handover"
  | "booking_cancelled"
  | "manage_links";
const PRERENDERED = new Set<OutboxKind>([
  "staff_sign_in",
  "staff_invite",
  "feedback_invite",
  "development_confirm",
  "development_renewal",
  "panel_invite",
  "concern_notice",
  "concern_handover",
  "booking_cancelled",
  "manage_links",
] satisfies PrerenderedKind[]);

/** Kinds whose whole text was made when queued: never rendered again from the booking. */
export const isPrerendered = (kind: OutboxKind): kind is PrerenderedKind => PRERENDERED.has(kind);

/** The booking's meetings still to come, a line each, as the e-mails list them. */
function meetingLines(booking: BookingDetails, format: ReturnType<typeof translatorFor>["format"]): string {
  return booking.meetings
    .filter((m) => m.status === "scheduled")
    .map((m) => `- ${format.dateTimeRange(m.startsAt, m.endsAt, { dateStyle: "full", timeStyle: "short" })}`)
    .join("\n");
}

export function renderBookingMail(kind: Exclude<OutboxKind, PrerenderedKind>, booking: BookingDetails, extra: Extra): RenderedMail {
  const { t, format } = translatorFor(booking.locale);
  const when = meetingLines(booking, format);
  const place = placeIn(booking.place, booking.locale);
  const where = `${place.name}\n${addressLine(place)}`;
  const greeting = booking.nickname ? t("email.greetingName", { name: booking.nickname }) : t("email.greeting");

  const lines = [greeting, "", t(`email.${kind}.lead`, { position: booking.position ?? 1 }), ""];
  lines.push(t("email.code", { code: booking.code }), t("email.people", { count: booking.partySize }), "");
  lines.push(t("email.when"), when, "", t("email.where"), where, "");
  if (extra.manageUrl) lines.push(t("email.manage"), extra.manageUrl, "");
  else lines.push(t("email.manageEarlier"), "");
  // Who runs the service is on the privacy page, not here: an organisation's name in a message body could tell a bystander too much.
  lines.push("--", t("email.footer", { days: extra.retentionDays }), t("email.privacy", { url: publicUrl(`/${booking.locale}/privacy`) }));

  return { subject: t(`email.${kind}.subject`), text: lines.join("\n") };
}

/**
 * "Your booking is cancelled", to the parent who cancelled it. Made when
 * queued, with the address, because the booking's details are erased in the
 * same transaction. Short and neutral: no title, no greeting by name.
 */
export function renderCancellationMail(booking: BookingDetails): RenderedMail {
  const { t, format } = translatorFor(booking.locale);
  const when = meetingLines(booking, format);
  const place = placeIn(booking.place, booking.locale);
  const lines = [t("email.greeting"), "", t("email.booking_cancelled.lead"), "", t("email.code", { code: booking.code }), ""];
  if (when) lines.push(t("email.when"), when, "", t("email.where"), place.name, "");
  lines.push(t("email.booking_cancelled.calendar"), "", t("email.booking_cancelled.welcome"), "");
  lines.push("--", t("email.booking_cancelled.footer"), t("email.privacy", { url: publicUrl(`/${booking.locale}/privacy`) }));
  return { subject: t("email.booking_cancelled.subject"), text: lines.join("\n") };
}

/** A reminder or a promotion is for a confirmed seat; news of a change is for anyone still booked. By e-mail and by text message alike. */
export function stillWanted(kind: OutboxKind, status: BookingDetails["status"]): boolean {
  return kind === "session_cancelled" || kind === "session_moved" ? status !== "cancelled" : status === "confirmed";
}

// The kinds that come with a calendar file. It holds no secret, so it is made at sending, not in the booking's transaction.
const WITH_CALENDAR = new Set<OutboxKind>(["booking_confirmed", "booking_promoted", "booking_cancelled"]);

/**
 * The message as it goes out, or null when it should be dropped (the booking
 * was cancelled, the address erased). A message carrying a link was rendered
 * when queued; the others are rendered now from the booking as it is now, so
 * a moved meeting is told at its new time. Handed to the sending loop by the boot code.
 */
export const composeMail: Composer = (db: DB, row) => {
  const prerendered = row.subject !== null && row.textBody !== null;
  const booking = row.bookingId !== null && (!prerendered || WITH_CALENDAR.has(row.kind)) ? bookingDetails(db, row.bookingId) : null;
  const cancel = row.kind === "booking_cancelled";
  const calendar = booking && WITH_CALENDAR.has(row.kind) ? bookingCalendar(booking, { cancel }) : null;
  if (prerendered) {
    const text = queuedText(row.textBody!);
    return row.recipient && text !== null ? { recipient: row.recipient, subject: row.subject!, text, calendar, calendarMethod: cancel ? "CANCEL" : "PUBLISH" } : null;
  }

  if (!booking?.email || isPrerendered(row.kind)) return null;
  if (!stillWanted(row.kind, booking.status)) return null;
  const { subject, text } = renderBookingMail(row.kind, booking, { retentionDays: config().EMAIL_RETENTION_DAYS });
  return { recipient: booking.email, subject, text, calendar };
};
