import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { developmentClients, panelInvitations, sessions } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { hashToken, newManageToken } from "@/lib/booking/token";
import { publicUrl } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { helsinkiDayOf, helsinkiMidnight, startOfHelsinkiDay, startOfHelsinkiMonth } from "@/lib/i18n/time";
import { translatorFor } from "@/lib/i18n/translator";
import { dropPendingMailTo, queueMail } from "@/lib/mail/outbox";
import { audit } from "@/lib/privacy/audit";
import { clientByToken, lastDayKept } from "./reads";
import type { OfferForm } from "./schemas";

/*
 * Development clients (kehittäjäasiakkaat) and client panels. After giving
 * feedback a parent may offer to take part in developing the service: an
 * e-mail address to reach them, their languages and explicit consent.
 *
 * The offer only waits (double opt-in): anyone holding a feedback link could
 * type anyone's address, so nothing is kept for long, and nobody is invited,
 * until the owner of the address opens the link in the confirmation e-mail.
 * An unconfirmed offer goes after a week; a new offer never touches a
 * confirmed one. Once confirmed the details are kept to the end of the same
 * month a year on; a month before that the parent gets an e-mail (a neutral
 * subject) with a link to keep them for another year, or to remove them at
 * once; the retention job deletes the row when its date passes.
 *
 * Nothing here may line the offer up with the feedback answer given just
 * before it: the id is random, and the dates kept are months.
 *
 * Planners see the confirmed people (every look audited) and invite them to a
 * panel meeting, which is an ordinary session of kind "codevelopment".
 */

const DAY = 86_400_000;
/** How long the confirmation link works: to the end of the seventh day after the offer. */
export const CONFIRM_DAYS = 7;
/** Kept to the start of the 13th month after confirmation: at least a year, at most 13 months. */
const KEEP_MONTHS = 13;
const NOTICE_DAYS = 30;

export const renewalUrl = (locale: Locale, token: string) => publicUrl(`/${locale}/develop/${token}`);

/** The confirmation e-mail: the link proves the address is the parent's own. False when held back: the address has had today's share. */
function queueConfirmation(tx: Tx, c: { email: string; locale: Locale; deleteAfter: Date }, token: string, now: Date): boolean {
  const { t, format } = translatorFor(c.locale);
  const text = [
    t("develop.mail.confirmBody", { date: format.dateTime(lastDayKept(c.deleteAfter), { dateStyle: "long" }) }),
    "",
    renewalUrl(c.locale, token),
    "",
    t("develop.mail.confirmIgnore"),
  ].join("\n");
  return queueMail(tx, { kind: "development_confirm", recipient: c.email, notBefore: now, rendered: { subject: t("develop.mail.confirmSubject"), text } }, now);
}

/** The yearly e-mail: sent a month before the details go, with the link that keeps them (or removes them now). */
function queueRenewal(tx: Tx, c: { email: string; locale: Locale; deleteAfter: Date }, token: string) {
  const { t, format } = translatorFor(c.locale);
  const text = [
    t("develop.mail.renewBody", { date: format.dateTime(c.deleteAfter, { dateStyle: "long" }) }),
    "",
    renewalUrl(c.locale, token),
    "",
    t("develop.mail.renewIgnore"),
  ].join("\n");
  queueMail(tx, {
    kind: "development_renewal",
    recipient: c.email,
    notBefore: new Date(c.deleteAfter.getTime() - NOTICE_DAYS * DAY),
    rendered: { subject: t("develop.mail.renewSubject"), text },
  });
}

/**
 * A parent's offer, with consent: kept unconfirmed for a week, and the
 * confirmation e-mail queued. An earlier unconfirmed offer of the same address
 * is replaced (with its unsent e-mail); a confirmed one is left as it is.
 */
export function offerToDevelop(db: DB, form: OfferForm, locale: Locale, now = new Date()): { ok: true; deleteAfter: Date; mailed: boolean } {
  return db.transaction(
    (tx) => {
      // A day, not the moment: the time of the offer would line it up with the feedback answer just given.
      const deleteAfter = helsinkiMidnight(helsinkiDayOf(now.getTime()).day + 1 + CONFIRM_DAYS);
      const token = newManageToken();
      const languages = [...new Set([...form.languages, ...form.otherLanguages])];
      const pending = and(eq(developmentClients.email, form.email), isNull(developmentClients.confirmedOn));
      if (tx.delete(developmentClients).where(pending).run().changes) dropPendingMailTo(tx, "development_confirm", form.email, now);
      tx.insert(developmentClients)
        .values({ id: randomInt(1, 2 ** 47), email: form.email, languages, locale, tokenHash: hashToken(token), consentedOn: startOfHelsinkiMonth(now), deleteAfter })
        .run();
      const mailed = queueConfirmation(tx, { email: form.email, locale, deleteAfter }, token, now);
      return { ok: true, deleteAfter, mailed } as const;
    },
    { behavior: "immediate" },
  );
}

export type ConfirmResult = { ok: true; deleteAfter: Date } | { ok: false };

/**
 * From the link in the confirmation e-mail: the offer is kept to the end of
 * the month a year on, and the renewal e-mail queued with the same link. When
 * the address is already a confirmed development client, that row is renewed
 * with the new languages and link (its panel invitations stay) and the
 * pending one goes. Opening the link again changes nothing.
 */
export function confirmOffer(db: DB, token: string, now = new Date()): ConfirmResult {
  return db.transaction(
    (tx) => {
      const c = clientByToken(tx, token, now);
      if (!c) return { ok: false } as const;
      if (c.confirmedOn) return { ok: true, deleteAfter: c.deleteAfter } as const;
      const month = startOfHelsinkiMonth(now);
      const deleteAfter = startOfHelsinkiMonth(now, KEEP_MONTHS);
      const confirmed = { languages: c.languages, locale: c.locale, consentedOn: month, confirmedOn: month, deleteAfter };
      const earlier = tx
        .select({ id: developmentClients.id })
        .from(developmentClients)
        .where(and(eq(developmentClients.email, c.email), isNotNull(developmentClients.confirmedOn), gt(developmentClients.deleteAfter, now), ne(developmentClients.id, c.id)))
        .get();
      dropPendingMailTo(tx, "development_confirm", c.email, now);
      if (earlier) {
        // The pending row goes first: its token hash is unique, and becomes the earlier row's.
        tx.delete(developmentClients).where(eq(developmentClients.id, c.id)).run();
        dropPendingMailTo(tx, "development_renewal", c.email, now);
        tx.update(developmentClients).set({ ...confirmed, tokenHash: c.tokenHash }).where(eq(developmentClients.id, earlier.id)).run();
      } else {
        tx.update(developmentClients).set(confirmed).where(eq(developmentClients.id, c.id)).run();
      }
      queueRenewal(tx, { email: c.email, locale: c.locale, deleteAfter }, token);
      return { ok: true, deleteAfter } as const;
    },
    { behavior: "immediate" },
  );
}

/** From the link in the yearly e-mail: to the end of the month a year on, and next year's e-mail with the same link (it is the request's own). */
export function renewOffer(db: DB, token: string, now = new Date()): { ok: true; deleteAfter: Date } | { ok: false } {
  return db.transaction(
    (tx) => {
      const c = clientByToken(tx, token, now);
      if (!c?.confirmedOn) return { ok: false } as const;
      const deleteAfter = startOfHelsinkiMonth(now, KEEP_MONTHS);
      dropPendingMailTo(tx, "development_renewal", c.email, now);
      tx.update(developmentClients).set({ deleteAfter, renewedOn: startOfHelsinkiDay(now) }).where(eq(developmentClients.id, c.id)).run();
      queueRenewal(tx, { email: c.email, locale: c.locale, deleteAfter }, token);
      return { ok: true, deleteAfter } as const;
    },
    { behavior: "immediate" },
  );
}

/**
 * From either link: removed at once, with anything still to be sent to them.
 * A pending offer takes only its own confirmation e-mail: the same address may
 * be a confirmed development client, whose e-mails are not this link's.
 */
export function withdrawOffer(db: DB, token: string, now = new Date()): boolean {
  return db.transaction(
    (tx) => {
      const c = clientByToken(tx, token, now);
      if (!c) return false;
      if (c.confirmedOn) {
        dropPendingMailTo(tx, "development_renewal", c.email, now);
        dropPendingMailTo(tx, "panel_invite", c.email, now);
      } else {
        dropPendingMailTo(tx, "development_confirm", c.email, now);
      }
      tx.delete(developmentClients).where(eq(developmentClients.id, c.id)).run();
      return true;
    },
    { behavior: "immediate" },
  );
}

export type InviteResult = { ok: true; invited: number } | { ok: false; error: "forbidden" | "notPanel" };

/** A planner invites chosen people to a panel meeting (a coming codevelopment session), each in their language; only confirmed offers count. */
export function inviteToPanel(db: DB, actor: Actor | null, sessionId: number, clientIds: number[], now = new Date()): InviteResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return { ok: false, error: "forbidden" } as const;
      const session = tx
        .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "codevelopment"), eq(sessions.status, "scheduled"), gt(sessions.startsAt, now)))
        .get();
      if (!session) return { ok: false, error: "notPanel" } as const;
      const people = tx
        .select()
        .from(developmentClients)
        .where(and(inArray(developmentClients.id, clientIds), isNotNull(developmentClients.confirmedOn), gt(developmentClients.deleteAfter, now)))
        .all();
      let invited = 0;
      for (const c of people) {
        const added = tx.insert(panelInvitations).values({ clientId: c.id, sessionId, invitedBy: planner.id, at: now }).onConflictDoNothing().run();
        if (!added.changes) continue;
        const { t, format } = translatorFor(c.locale);
        const text = [
          t("develop.mail.inviteBody", { title: session.title[c.locale], when: format.dateTimeRange(session.startsAt, session.endsAt, { dateStyle: "full", timeStyle: "short" }) }),
          "",
          publicUrl(`/${c.locale}/sessions/${session.id}`),
          "",
          t("develop.mail.inviteFooter", { date: format.dateTime(c.deleteAfter, { dateStyle: "long" }) }),
        ].join("\n");
        queueMail(tx, { kind: "panel_invite", recipient: c.email, notBefore: now, rendered: { subject: t("develop.mail.inviteSubject"), text } });
        invited++;
      }
      audit(tx, planner, "development.invite", "session", sessionId, { invited });
      return { ok: true, invited } as const;
    },
    { behavior: "immediate" },
  );
}
