import "server-only";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { DB, Tx } from "@/db/client";
import { developmentClients, panelInvitations, sessions } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { hashToken, looksLikeToken, newManageToken } from "@/lib/booking/token";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { startOfHelsinkiDay } from "@/lib/i18n/time";
import { translatorFor } from "@/lib/i18n/translator";
import { dropPendingMailTo, queueMail } from "@/lib/mail/outbox";
import { audit } from "@/lib/privacy/audit";
import type { OfferForm } from "./schemas";

/*
 * Development clients (kehittäjäasiakkaat) and client panels. After giving
 * feedback a parent may offer to take part in developing the service: an
 * e-mail address to reach them, their languages, explicit consent, and its
 * own deletion date a year on. A month before that date they get an e-mail
 * (a neutral subject) with a link to keep their details for another year, or
 * to remove them at once; the retention job deletes the row when the date
 * passes. Planners see the list (every look audited) and invite people to a
 * panel meeting, which is an ordinary session of kind "codevelopment".
 */

const DAY = 86_400_000;
export const KEEP_DAYS = 365;
const NOTICE_DAYS = 30;

export const renewalUrl = (locale: Locale, token: string) => `${config().APP_URL.replace(/\/$/, "")}/${locale}/develop/${token}`;

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

/** A parent's offer, with consent: kept for a year, the renewal e-mail queued for a month before. */
export function offerToDevelop(db: DB, form: OfferForm, locale: Locale, now = new Date()): { ok: true; deleteAfter: Date } {
  return db.transaction(
    (tx) => {
      // The day only: a time would line the offer up with the feedback answer just given.
      const day = startOfHelsinkiDay(now);
      const deleteAfter = new Date(day.getTime() + KEEP_DAYS * DAY);
      const token = newManageToken();
      const languages = [...new Set([...form.languages, ...form.otherLanguages])];
      // The same address offering again replaces its earlier offer (one row, one renewal e-mail).
      const earlier = tx.select({ id: developmentClients.id }).from(developmentClients).where(eq(developmentClients.email, form.email)).all();
      if (earlier.length) {
        dropPendingMailTo(tx, "development_renewal", form.email, now);
        tx.delete(developmentClients).where(inArray(developmentClients.id, earlier.map((e) => e.id))).run();
      }
      tx.insert(developmentClients).values({ email: form.email, languages, locale, tokenHash: hashToken(token), consentedOn: day, deleteAfter }).run();
      queueRenewal(tx, { email: form.email, locale, deleteAfter }, token);
      return { ok: true, deleteAfter } as const;
    },
    { behavior: "immediate" },
  );
}

function byToken(tx: Tx, token: string, now: Date) {
  if (!looksLikeToken(token)) return null;
  return (
    tx
      .select()
      .from(developmentClients)
      .where(and(eq(developmentClients.tokenHash, hashToken(token)), gt(developmentClients.deleteAfter, now)))
      .get() ?? null
  );
}

/** From the link in the yearly e-mail: another year, and next year's e-mail with the same link (it is the request's own). */
export function renewOffer(db: DB, token: string, now = new Date()): { ok: true; deleteAfter: Date } | { ok: false } {
  return db.transaction(
    (tx) => {
      const c = byToken(tx, token, now);
      if (!c) return { ok: false } as const;
      const deleteAfter = new Date(startOfHelsinkiDay(now).getTime() + KEEP_DAYS * DAY);
      dropPendingMailTo(tx, "development_renewal", c.email, now);
      tx.update(developmentClients).set({ deleteAfter, renewedOn: startOfHelsinkiDay(now) }).where(eq(developmentClients.id, c.id)).run();
      queueRenewal(tx, { email: c.email, locale: c.locale, deleteAfter }, token);
      return { ok: true, deleteAfter } as const;
    },
    { behavior: "immediate" },
  );
}

/** From the same link: removed at once, with anything still to be sent to them. */
export function withdrawOffer(db: DB, token: string, now = new Date()): boolean {
  return db.transaction(
    (tx) => {
      const c = byToken(tx, token, now);
      if (!c) return false;
      dropPendingMailTo(tx, "development_renewal", c.email, now);
      dropPendingMailTo(tx, "panel_invite", c.email, now);
      tx.delete(developmentClients).where(eq(developmentClients.id, c.id)).run();
      return true;
    },
    { behavior: "immediate" },
  );
}

export type InviteResult = { ok: true; invited: number } | { ok: false; error: "forbidden" | "notPanel" };

/** A planner invites chosen people to a panel meeting (a coming codevelopment session), each in their language. */
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
        .where(and(inArray(developmentClients.id, clientIds), gt(developmentClients.deleteAfter, now)))
        .all();
      let invited = 0;
      for (const c of people) {
        const added = tx.insert(panelInvitations).values({ clientId: c.id, sessionId, invitedBy: planner.id, at: now }).onConflictDoNothing().run();
        if (!added.changes) continue;
        const { t, format } = translatorFor(c.locale);
        const text = [
          t("develop.mail.inviteBody", { title: session.title[c.locale], when: format.dateTimeRange(session.startsAt, session.endsAt, { dateStyle: "full", timeStyle: "short" }) }),
          "",
          `${config().APP_URL.replace(/\/$/, "")}/${c.locale}/sessions/${session.id}`,
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
