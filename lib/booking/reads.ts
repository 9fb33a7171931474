import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Reader } from "@/db/client";
import { bookings, outbox, places, sessionGroups, sessions, type OutboxChannel } from "@/db/schema";
import { HELD_FOR_THE_DAY } from "@/lib/mail/outbox";
import { findBookable, findGroupBookable, waitlistPosition } from "./bookable";
import { hashToken, looksLikeToken } from "./token";

/** Everything a parent's own booking page, e-mail or calendar file shows, and nothing more. */
export function bookingDetails(tx: Reader, bookingId: number) {
  const booking = tx
    .select({
      id: bookings.id,
      code: bookings.code,
      sessionId: bookings.sessionId,
      groupId: bookings.groupId,
      nickname: bookings.nickname,
      partySize: bookings.partySize,
      email: bookings.email,
      phone: bookings.phone,
      locale: bookings.locale,
      interpreterLanguage: bookings.interpreterLanguage,
      accessibilityNeeds: bookings.accessibilityNeeds,
      childcare: bookings.childcare,
      visitorCode: bookings.visitorCode,
      status: bookings.status,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .get();
  if (!booking) return null;

  const meetings = tx
    .select({
      id: sessions.id,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      title: sessions.title,
      kind: sessions.kind,
      status: sessions.status,
      placeId: sessions.placeId,
      movedAt: sessions.movedAt,
    })
    .from(sessions)
    .where(booking.groupId !== null ? eq(sessions.groupId, booking.groupId) : eq(sessions.id, booking.sessionId!))
    .orderBy(asc(sessions.startsAt))
    .all();
  const first = meetings[0];
  if (!first) return null;

  const place = tx
    .select({
      slug: places.slug,
      name: places.name,
      streetAddress: places.streetAddress,
      postalCode: places.postalCode,
      city: places.city,
      nameSv: places.nameSv,
      streetAddressSv: places.streetAddressSv,
      citySv: places.citySv,
      directions: places.directions,
    })
    .from(places)
    .where(eq(places.id, first.placeId))
    .get()!;

  const title =
    booking.groupId !== null
      ? tx.select({ title: sessionGroups.title }).from(sessionGroups).where(eq(sessionGroups.id, booking.groupId)).get()!
          .title
      : first.title;

  const bookable = booking.groupId !== null ? findGroupBookable(tx, booking.groupId) : findBookable(tx, first.id);
  const position =
    booking.status === "waitlisted" && bookable ? waitlistPosition(tx, bookable.target, booking.id) : null;

  return { ...booking, title, place, meetings, position, bookable: bookable! };
}

export type BookingDetails = NonNullable<ReturnType<typeof bookingDetails>>;

/**
 * What changed since the parent booked, for their booking page: the whole
 * session (or group) cancelled, single meetings of a group cancelled, or
 * meetings moved to another time. A parent without e-mail learns it here.
 */
export function bookingChanges(b: Pick<BookingDetails, "createdAt" | "meetings" | "bookable">) {
  return {
    allCancelled: b.bookable.cancelled,
    cancelledMeetings: b.bookable.cancelled ? [] : b.meetings.filter((m) => m.status === "cancelled"),
    movedMeetings: b.meetings.filter((m) => m.status === "scheduled" && m.movedAt !== null && m.movedAt.getTime() >= b.createdAt.getTime()),
  };
}

export type TokenLookup =
  | { ok: true; booking: BookingDetails }
  | { ok: false; reason: "invalid" | "expired" };

/**
 * Finds a booking by its manage token. A link stops working a set number of
 * days after the (last) meeting, so an old link in a mailbox reveals nothing.
 */
export function bookingByToken(tx: Reader, token: string, now: Date, manageLinkDays: number): TokenLookup {
  if (!looksLikeToken(token)) return { ok: false, reason: "invalid" };
  const row = tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.tokenHash, hashToken(token))))
    .get();
  if (!row) return { ok: false, reason: "invalid" };
  const booking = bookingDetails(tx, row.id);
  if (!booking) return { ok: false, reason: "invalid" };
  const expiresAt = booking.bookable.endsAt.getTime() + manageLinkDays * 86_400_000;
  if (now.getTime() > expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, booking };
}

/**
 * The ways (e-mail, text message) by which this booking's confirmation or
 * waiting-list offer was held back, because the address or number had had
 * its share of the day: the booking's page says no message went, and to save its link.
 */
export function heldMessages(tx: Reader, bookingId: number): Set<OutboxChannel> {
  const rows = tx
    .select({ channel: outbox.channel })
    .from(outbox)
    .where(
      and(
        eq(outbox.bookingId, bookingId),
        inArray(outbox.kind, ["booking_confirmed", "booking_waitlisted", "booking_promoted"]),
        eq(outbox.lastError, HELD_FOR_THE_DAY),
      ),
    )
    .all();
  return new Set(rows.map((r) => r.channel));
}
