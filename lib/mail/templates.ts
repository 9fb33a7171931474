import type { BookingDetails } from "@/lib/booking/reads";
import { translatorFor } from "@/lib/i18n/translator";
import { addressLine, placeIn } from "@/lib/i18n/place-names";
import type { OutboxKind } from "@/db/schema";

export type RenderedMail = { subject: string; text: string };

type Extra = { manageUrl?: string; retentionDays: number };

/**
 * Plain-text messages about a booking. Subjects are neutral on purpose: a
 * subject line is what a bystander sees on a locked phone.
 */
/** Kinds whose text is made when queued (they carry a link), never by this template. */
export type PrerenderedKind = "staff_sign_in" | "staff_invite" | "feedback_invite";

export function renderBookingMail(kind: Exclude<OutboxKind, PrerenderedKind>, booking: BookingDetails, extra: Extra): RenderedMail {
  const { t, format } = translatorFor(booking.locale);
  const when = booking.meetings
    .filter((m) => m.status === "scheduled")
    .map((m) => `- ${format.dateTimeRange(m.startsAt, m.endsAt, { dateStyle: "full", timeStyle: "short" })}`)
    .join("\n");
  const place = placeIn(booking.place, booking.locale);
  const where = `${place.name}\n${addressLine(place)}`;
  const greeting = booking.nickname ? t("email.greetingName", { name: booking.nickname }) : t("email.greeting");

  const lines = [greeting, "", t(`email.${kind}.lead`, { position: booking.position ?? 1 }), ""];
  lines.push(t("email.code", { code: booking.code }), t("email.people", { count: booking.partySize }), "");
  lines.push(t("email.when"), when, "", t("email.where"), where, "");
  if (extra.manageUrl) lines.push(t("email.manage"), extra.manageUrl, "");
  else lines.push(t("email.manageEarlier"), "");
  lines.push("--", t("email.footer", { days: extra.retentionDays }));

  return { subject: t(`email.${kind}.subject`), text: lines.join("\n") };
}
