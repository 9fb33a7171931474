import "server-only";
import { eq, ne, and } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { DB } from "@/db/client";
import { bookings } from "@/db/schema";
import { publicUrl } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { placeIn } from "@/lib/i18n/place-names";
import { queueMail, queueSms } from "@/lib/mail/outbox";
import { bookingDetails } from "./reads";
import { gsmPlain } from "./sms";
import { hashToken, newManageToken } from "./token";
import { manageUrl } from "./writes";

/*
 * "Lost your booking link?": a parent types the e-mail address or phone
 * number they booked with, and that address gets one message with a fresh
 * link to each of its bookings still ahead. The answer on screen is the same
 * whether or not there is any (the action makes it take the same time too),
 * and nothing is kept of the request: the message's row forgets its
 * recipient once it went (FORGET_RECIPIENT_ONCE_SENT).
 *
 * The booking's token is rotated, not added to: only one hash is stored per
 * booking, and a parent who asks again often does so because someone else
 * saw the old link (a shared phone, a forwarded mail). The new link goes only
 * to the address the booking already has, so asking for it never hands a
 * booking to someone else; the old link stops working.
 */

/** A booking address as typed: an e-mail (kept lower-case, as bookings store it) or a phone number (E.164). */
export type RecoveryAddress = { email: string; phone?: never } | { phone: string; email?: never };

export const lostLinkSchema = z.object({
  address: z
    .string({ message: "lostInvalid" })
    .trim()
    .min(1, { message: "lostInvalid" })
    .max(254, { message: "lostInvalid" })
    .transform((typed, ctx): RecoveryAddress => {
      if (typed.includes("@")) {
        const email = z.email().safeParse(typed);
        if (email.success) return { email: email.data.toLowerCase() };
      } else {
        const phone = parsePhoneNumberFromString(typed.replace(/^00/, "+"), "FI");
        if (phone?.isValid()) return { phone: phone.number };
      }
      ctx.addIssue({ code: "custom", message: "lostInvalid" });
      return z.NEVER;
    }),
});

/** At most this many links in one message: more bookings ahead than this from one address is not a parent's. */
const MAX_LINKS = 10;

/**
 * Queues the message with new links to the address's bookings still ahead
 * (not cancelled, a meeting still to come), in the page's language; the
 * tokens change only when the message was queued (not held back by the
 * recipient's daily share). Returns how many links went, for tests: callers
 * must not show it.
 */
export function sendManageLinks(db: DB, to: RecoveryAddress, locale: Locale, now = new Date()): number {
  return db.transaction(
    (tx) => {
      const match = to.email !== undefined ? eq(bookings.email, to.email) : eq(bookings.phone, to.phone);
      const ahead = tx
        .select({ id: bookings.id })
        .from(bookings)
        .where(and(match, ne(bookings.status, "cancelled")))
        .all()
        .map((r) => bookingDetails(tx, r.id)!)
        .map((b) => ({ b, next: b.meetings.find((m) => m.status === "scheduled" && m.endsAt.getTime() > now.getTime()) }))
        .filter((x) => x.next !== undefined)
        .sort((x, y) => x.next!.startsAt.getTime() - y.next!.startsAt.getTime())
        .slice(0, MAX_LINKS);
      if (ahead.length === 0) return 0;

      const { t, format } = translatorFor(locale);
      const links = ahead.map(({ b, next }) => {
        const token = newManageToken();
        const when = format.dateTime(next!.startsAt, { weekday: "short", day: "numeric", month: "numeric", hour: "numeric", minute: "2-digit" });
        return { id: b.id, token, when, place: placeIn(b.place, locale).name, url: manageUrl(locale, token) };
      });

      const queued =
        to.email !== undefined
          ? queueMail(
              tx,
              {
                kind: "manage_links",
                recipient: to.email,
                notBefore: now,
                rendered: {
                  subject: t("email.manage_links.subject"),
                  text: [
                    t("email.greeting"),
                    "",
                    t("email.manage_links.lead"),
                    "",
                    ...links.flatMap((l) => [`- ${l.when}, ${l.place}`, `  ${l.url}`]),
                    "",
                    t("email.manage_links.ignore"),
                    "",
                    "--",
                    t("email.privacy", { url: publicUrl(`/${locale}/privacy`) }),
                  ].join("\n"),
                },
              },
              now,
            )
          : queueSms(
              tx,
              {
                kind: "manage_links",
                recipient: to.phone,
                notBefore: now,
                text: gsmPlain([t("sms.manage_links"), ...links.map((l) => `${l.when}: ${l.url}`)].join("\n")),
              },
              now,
            );
      if (!queued) return 0;
      for (const l of links) tx.update(bookings).set({ tokenHash: hashToken(l.token) }).where(eq(bookings.id, l.id)).run();
      return links.length;
    },
    { behavior: "immediate" },
  );
}
