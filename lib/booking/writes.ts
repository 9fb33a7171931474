import "server-only";
import { eq } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { bookings, visitorCodes } from "@/db/schema";
import { config, publicUrl } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { dropPendingMail, queueMail, queueSms } from "@/lib/mail/outbox";
import { bookableKey, findBookable, seatsTaken, waitingBookings, type Bookable } from "./bookable";
import { renderBookingMail, renderCancellationMail } from "./mail";
import { renderBookingSms } from "./sms";
import { bookingByToken, bookingDetails } from "./reads";
import { queueForBooker, queueReminder } from "./reminders";
import type { BookingForm } from "./schemas";
import { hashToken, newBookingCode, newManageToken } from "./token";
import { createVisitorCode, normaliseVisitorCode } from "@/lib/visitors/codes";
import { eraseDetails } from "@/lib/privacy/retention";

export type BookingRefusal = "unknownSession" | "notBookable" | "sessionPast" | "sessionCancelled" | "partySizeTooLarge" | "partyLargerThanSession" | "visitorCodeShape";

export type BookingResult =
  | { ok: true; token: string; code: string; status: "confirmed" | "waitlisted"; bookingId: number }
  | { ok: false; error: BookingRefusal; maxPartySize?: number };

export function manageUrl(locale: Locale, token: string): string {
  return publicUrl(`/${locale}/manage/${token}`);
}

/**
 * Checks the seats and takes them in one IMMEDIATE transaction, so no two
 * bookings can both see the last seat free, even from two processes.
 * better-sqlite3 is synchronous, so the whole callback runs without yielding.
 */
export function createBooking(db: DB, input: Omit<BookingForm, "heardFrom"> & Partial<Pick<BookingForm, "heardFrom">> & { locale: Locale }, now = new Date()): BookingResult {
  return db.transaction(
    (tx) => {
      const bookable = findBookable(tx, input.sessionId);
      if (!bookable) return { ok: false, error: "unknownSession" } as const;
      if (bookable.capacity === null) return { ok: false, error: "notBookable" } as const;
      if (bookable.cancelled) return { ok: false, error: "sessionCancelled" } as const;
      if (bookable.startsAt.getTime() <= now.getTime()) return { ok: false, error: "sessionPast" } as const;
      if (input.partySize > bookable.capacity) return { ok: false, error: "partyLargerThanSession", maxPartySize: bookable.capacity } as const;
      if (input.partySize > bookable.maxPartySize)
        return { ok: false, error: "partySizeTooLarge", maxPartySize: bookable.maxPartySize } as const;

      // A typed visitor code is read for its shape only, never looked up for the answer: any
      // well-formed code is taken, and one never given out becomes this parent's code from now on.
      // So the form (and the manage page, which shows the code) says nothing about which codes exist.
      let visitorCode: string | null = null;
      if (input.visitorCode) {
        visitorCode = normaliseVisitorCode(input.visitorCode);
        if (!visitorCode) return { ok: false, error: "visitorCodeShape" } as const;
        tx.insert(visitorCodes).values({ code: visitorCode }).onConflictDoNothing().run();
      }

      const free = bookable.capacity - seatsTaken(tx, bookable.target);
      const status = input.partySize <= free ? "confirmed" : "waitlisted";
      const token = newManageToken();
      const row = tx
        .insert(bookings)
        .values({
          ...bookable.target,
          code: newBookingCode(),
          tokenHash: hashToken(token),
          nickname: input.nickname,
          partySize: input.partySize,
          email: input.email,
          phone: input.phone,
          locale: input.locale,
          interpreterLanguage: input.interpreterLanguage,
          accessibilityNeeds: input.accessibilityNeeds,
          childcare: input.childcare,
          visitorCode,
          heardFrom: input.heardFrom ?? null,
          status,
          confirmedAt: status === "confirmed" ? now : null,
        })
        .returning({ id: bookings.id, code: bookings.code })
        .get();

      if (input.email || input.phone) {
        // The messages that carry the manage link are made now, while the token is known, and sealed in the outbox.
        const details = bookingDetails(tx, row.id)!;
        const url = manageUrl(input.locale, token);
        const kind = status === "confirmed" ? "booking_confirmed" : "booking_waitlisted";
        if (input.email) {
          const mail = renderBookingMail(kind, details, { manageUrl: url, retentionDays: config().EMAIL_RETENTION_DAYS });
          queueMail(tx, { kind, bookingId: row.id, recipient: input.email, notBefore: now, rendered: mail }, now);
        }
        if (input.phone) {
          const text = renderBookingSms(kind, details, { manageUrl: url, now });
          queueSms(tx, { kind, bookingId: row.id, recipient: input.phone, notBefore: now, text }, now);
        }
        if (status === "confirmed") queueReminder(tx, row.id, { email: input.email, phone: input.phone }, bookable.startsAt, now);
      }
      return { ok: true, token, code: row.code, status, bookingId: row.id } as const;
    },
    { behavior: "immediate" },
  );
}

/** `freed`: the seats this cancellation gave up, and of which session or group (bookableKey), for the caller's per-client seat count. */
export type CancelResult =
  | { ok: true; promoted: number[]; freed: { bookable: string; seats: number } | null }
  | { ok: false; reason: "invalid" | "expired" };

/**
 * Cancels by manage token and hands the freed seats to the waiting list, in
 * the same transaction. The parent is told it is done (e-mail with a calendar
 * CANCEL for the confirmation's events, and a text), and the booking's details
 * go at once: the messages are made now with the address and number in them,
 * so they still go (through the outbox's retries), and the outbox forgets the
 * recipient once each went. A cancelled seat needs nobody's name or needs.
 */
export function cancelBooking(db: DB, token: string, now = new Date()): CancelResult {
  return db.transaction(
    (tx) => {
      const found = bookingByToken(tx, token, now, config().MANAGE_LINK_DAYS);
      if (!found.ok) return found;
      const booking = found.booking;
      if (booking.status === "cancelled") return { ok: true, promoted: [], freed: null };
      tx.update(bookings).set({ status: "cancelled", cancelledAt: now }).where(eq(bookings.id, booking.id)).run();
      dropPendingMail(tx, [booking.id], now);
      const details = bookingDetails(tx, booking.id)!;
      const mail = booking.email ? renderCancellationMail(details) : null;
      const text = booking.phone ? renderBookingSms("booking_cancelled", details, { now }) : null;
      eraseDetails(tx, [booking.id], now);
      if (booking.email && mail) queueMail(tx, { kind: "booking_cancelled", bookingId: booking.id, recipient: booking.email, notBefore: now, rendered: mail }, now);
      if (booking.phone && text) queueSms(tx, { kind: "booking_cancelled", bookingId: booking.id, recipient: booking.phone, notBefore: now, text }, now);
      const promoted = booking.status === "confirmed" ? promoteWaitlist(tx, booking.bookable, now) : [];
      return { ok: true, promoted, freed: { bookable: bookableKey(booking.bookable.target), seats: booking.partySize } };
    },
    { behavior: "immediate" },
  );
}

/**
 * Confirms waiting bookings in queue order while seats remain. A party too
 * large for the seats left keeps its place in the queue and is skipped.
 */
export function promoteWaitlist(tx: Tx, bookable: Bookable, now: Date): number[] {
  if (bookable.capacity === null || bookable.cancelled || bookable.startsAt.getTime() <= now.getTime()) return [];
  let free = bookable.capacity - seatsTaken(tx, bookable.target);
  const promoted: number[] = [];
  for (const waiting of waitingBookings(tx, bookable.target)) {
    if (free <= 0) break;
    if (waiting.partySize > free) continue;
    tx.update(bookings).set({ status: "confirmed", confirmedAt: now }).where(eq(bookings.id, waiting.id)).run();
    free -= waiting.partySize;
    promoted.push(waiting.id);
    queueForBooker(tx, "booking_promoted", waiting.id, waiting, now);
    queueReminder(tx, waiting.id, waiting, bookable.startsAt, now);
  }
  return promoted;
}

/**
 * After any change that may free seats (a raised capacity, a booking
 * cancelled): the waiting list moves up, in the caller's transaction, and the
 * parents promoted are told. The one rule for promotion; schedule calls it too.
 */
export function seatsChanged(tx: Tx, sessionId: number, now: Date): number[] {
  const bookable = findBookable(tx, sessionId);
  return bookable ? promoteWaitlist(tx, bookable, now) : [];
}

/**
 * Gives the parent of a booking a visitor code to keep (or returns the one
 * the booking has), so later visits count them once. By manage token only.
 */
export function visitorCodeForBooking(db: DB, token: string, now = new Date()): { ok: true; code: string } | { ok: false; reason: "invalid" | "expired" } {
  return db.transaction(
    (tx) => {
      const found = bookingByToken(tx, token, now, config().MANAGE_LINK_DAYS);
      if (!found.ok) return found;
      const existing = tx.select({ code: bookings.visitorCode }).from(bookings).where(eq(bookings.id, found.booking.id)).get();
      if (existing?.code) return { ok: true, code: existing.code };
      const code = createVisitorCode(tx);
      tx.update(bookings).set({ visitorCode: code }).where(eq(bookings.id, found.booking.id)).run();
      return { ok: true, code };
    },
    { behavior: "immediate" },
  );
}
