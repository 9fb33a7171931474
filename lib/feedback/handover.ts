import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import type { DB, Reader, Tx } from "@/db/client";
import { concernHandovers, concerns, counties, places, sessions, users, type SessionKind } from "@/db/schema";
import { plannerIn, type Actor } from "@/lib/auth/staff";
import { hashToken, looksLikeToken, newManageToken } from "@/lib/booking/token";
import { publicUrl } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { queueMail } from "@/lib/mail/outbox";
import { audit } from "@/lib/privacy/audit";

/*
 * Handing a concern over to its county's client-safety team, with the
 * parent's consent (concerns.handover_consent, ticked on the feedback form).
 *
 * - Without consent there is no hand-over: the action refuses, the page shows no button.
 * - The report is anonymised: what happened (the concern's text), when (its
 *   day: concerns hold no time), which service (the place and the session's
 *   kind). The parent's contact goes with it only when the parent allowed that
 *   too ("with_contact") and the planner chose to include it.
 * - By e-mail: a neutral subject and body (nothing of the content, nothing of
 *   child protection) with a link valid HANDOVER_LINK_DAYS; only the link
 *   token's hash is stored, and retention clears it once expired. Or printed.
 * - Each step is audited: the hand-over (by the planner), each opening of the
 *   link and the acknowledgement (by the county, no staff actor).
 */

export const HANDOVER_LINK_DAYS = 14;
const DAY = 86_400_000;

export type HandoverError = "forbidden" | "notFound" | "noConsent" | "contactNotAllowed" | "noCounty" | "noClientSafetyEmail";
export type HandoverResult = { ok: true; handoverId: number; token: string | null } | { ok: false; error: HandoverError };

/** The concern with what a hand-over needs: its consent and its session's county. */
function concernForHandover(tx: Reader, concernId: number) {
  return tx
    .select({
      id: concerns.id,
      consent: concerns.handoverConsent,
      contact: concerns.contact,
      county: { id: counties.id, email: counties.clientSafetyEmail },
    })
    .from(concerns)
    .leftJoin(sessions, eq(sessions.id, concerns.sessionId))
    .leftJoin(places, eq(places.id, sessions.placeId))
    .leftJoin(counties, eq(counties.id, places.countyId))
    .where(eq(concerns.id, concernId))
    .get();
}

/** The neutral message the county's client-safety contact receives: a link, and nothing of what it leads to. */
function handoverMail(locale: Locale, url: string, until: Date) {
  const { t, format } = translatorFor(locale);
  return {
    subject: t("handover.mail.subject"),
    text: [t("handover.mail.body"), "", url, "", t("handover.mail.until", { date: format.dateTime(until, { dateStyle: "long" }) })].join("\n"),
  };
}

/**
 * A planner hands a consented concern to its county: by e-mail (a link the
 * county opens) or printed. One transaction: the record, the message and the
 * audit row commit together.
 */
export function handOverConcern(
  db: DB,
  actor: Actor | null,
  input: { concernId: number; method: "email" | "print"; withContact: boolean },
  locale: Locale,
  now = new Date(),
): HandoverResult {
  return db.transaction(
    (tx) => {
      const planner = plannerIn(tx, actor);
      if (!planner) return { ok: false, error: "forbidden" } as const;
      const concern = concernForHandover(tx, input.concernId);
      if (!concern) return { ok: false, error: "notFound" } as const;
      if (!concern.consent) return { ok: false, error: "noConsent" } as const;
      if (input.withContact && concern.consent !== "with_contact") return { ok: false, error: "contactNotAllowed" } as const;
      if (!concern.county) return { ok: false, error: "noCounty" } as const;
      if (input.method === "email" && !concern.county.email) return { ok: false, error: "noClientSafetyEmail" } as const;
      const withContact = input.withContact && concern.contact !== null;
      const token = input.method === "email" ? newManageToken() : null;
      const expiresAt = token ? new Date(now.getTime() + HANDOVER_LINK_DAYS * DAY) : null;
      const row = tx
        .insert(concernHandovers)
        .values({
          concernId: concern.id,
          countyId: concern.county.id,
          method: input.method,
          sentTo: input.method === "email" ? concern.county.email : null,
          withContact,
          tokenHash: token ? hashToken(token) : null,
          expiresAt,
          handedBy: planner.id,
          handedAt: now,
        })
        .returning({ id: concernHandovers.id })
        .get();
      if (token && expiresAt) {
        queueMail(tx, { kind: "concern_handover", recipient: concern.county.email!, notBefore: now, rendered: handoverMail(locale, publicUrl(`/${locale}/report/${token}`), expiresAt) });
      }
      audit(tx, planner, "concern.handover", "concern", concern.id, { method: input.method, contact: withContact ? "yes" : "no", handover: row.id });
      return { ok: true, handoverId: row.id, token } as const;
    },
    { behavior: "immediate" },
  );
}

/** The anonymised report: what happened, when, which service; the contact only when it was handed over with it. */
export type HandoverReport = {
  handoverId: number;
  text: string;
  day: Date;
  place: string | null;
  kind: SessionKind | null;
  county: { fi: string; sv: string; en: string };
  contact: string | null;
  handedAt: Date;
  acknowledgedAt: Date | null;
  expiresAt: Date | null;
};

function reportOf(tx: Reader, where: ReturnType<typeof eq>): HandoverReport | null {
  const row = tx
    .select({
      handoverId: concernHandovers.id,
      text: concerns.text,
      day: concerns.createdAt,
      place: places.name,
      kind: sessions.kind,
      county: counties.name,
      withContact: concernHandovers.withContact,
      contact: concerns.contact,
      handedAt: concernHandovers.handedAt,
      acknowledgedAt: concernHandovers.acknowledgedAt,
      expiresAt: concernHandovers.expiresAt,
    })
    .from(concernHandovers)
    .innerJoin(concerns, eq(concerns.id, concernHandovers.concernId))
    .innerJoin(counties, eq(counties.id, concernHandovers.countyId))
    .leftJoin(sessions, eq(sessions.id, concerns.sessionId))
    .leftJoin(places, eq(places.id, sessions.placeId))
    .where(where)
    .get();
  if (!row) return null;
  const { withContact, contact, ...rest } = row;
  return { ...rest, contact: withContact ? contact : null };
}

/** The report behind a county's link, while the link is valid; each opening is audited. */
export function reportByToken(db: DB, token: string, now = new Date()): HandoverReport | null {
  if (!looksLikeToken(token)) return null;
  const report = reportOf(db, and(eq(concernHandovers.tokenHash, hashToken(token)), gt(concernHandovers.expiresAt, now))!);
  if (report) audit(db, null, "concern.handover_view", "concern_handover", report.handoverId);
  return report;
}

/** The county confirms it received the report, through its link: recorded once, audited. */
export function acknowledgeHandover(db: DB, token: string, now = new Date()): { ok: boolean } {
  if (!looksLikeToken(token)) return { ok: false };
  return db.transaction(
    (tx: Tx) => {
      const row = tx
        .select({ id: concernHandovers.id, acknowledgedAt: concernHandovers.acknowledgedAt })
        .from(concernHandovers)
        .where(and(eq(concernHandovers.tokenHash, hashToken(token)), gt(concernHandovers.expiresAt, now)))
        .get();
      if (!row) return { ok: false };
      if (row.acknowledgedAt) return { ok: true };
      tx.update(concernHandovers).set({ acknowledgedAt: now }).where(eq(concernHandovers.id, row.id)).run();
      audit(tx, null, "concern.handover_ack", "concern_handover", row.id);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** A printed hand-over's report, for the planner who prints it (planners only; the look is audited like a concern's). */
export function printableReport(db: DB, actor: Actor | null, handoverId: number): HandoverReport | null {
  const planner = plannerIn(db, actor);
  if (!planner) return null;
  const report = reportOf(db, eq(concernHandovers.id, handoverId));
  if (report) audit(db, planner, "concern.view", "concern_handover", handoverId, { report: "print" });
  return report;
}

/** What the concern page shows: whether the parent consented, the county, and each hand-over with its acknowledgement. */
export function handoverState(tx: Reader, concernId: number, now = new Date()) {
  const concern = concernForHandover(tx, concernId);
  if (!concern) return null;
  const county = concern.county ? tx.select({ name: counties.name }).from(counties).where(eq(counties.id, concern.county.id)).get() : undefined;
  const handovers = tx
    .select({
      id: concernHandovers.id,
      method: concernHandovers.method,
      sentTo: concernHandovers.sentTo,
      withContact: concernHandovers.withContact,
      handedAt: concernHandovers.handedAt,
      expiresAt: concernHandovers.expiresAt,
      acknowledgedAt: concernHandovers.acknowledgedAt,
      by: users.name,
      email: users.email,
    })
    .from(concernHandovers)
    .innerJoin(users, eq(users.id, concernHandovers.handedBy))
    .where(eq(concernHandovers.concernId, concernId))
    .orderBy(asc(concernHandovers.handedAt), asc(concernHandovers.id))
    .all();
  return {
    consent: concern.consent,
    hasContact: concern.contact !== null,
    county: county ? { id: concern.county!.id, name: county.name, clientSafetyEmail: concern.county!.email } : null,
    handovers: handovers.map((h) => ({ ...h, linkOpen: h.expiresAt !== null && h.expiresAt.getTime() > now.getTime() })),
  };
}
