import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, concernHandovers, concerns, outbox } from "@/db/schema";
import { BODY_SEAL } from "@/lib/mail/outbox";
import { runRetention } from "@/lib/privacy/retention";
import { unseal } from "@/lib/secret";
import { addCounty, addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { acknowledgeHandover, handOverConcern, handoverState, HANDOVER_LINK_DAYS, reportByToken } from "./handover";
import { concernFigures } from "./concern-clock";
import { concernClockRows } from "./reads";
import { feedbackFormSchema, handoverConsentOf } from "./schemas";
import { ensureFeedbackLink, submitFeedback } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const DAY = 86_400_000;
let db: DB;
let key: string;
let planner: ReturnType<typeof addStaff>;
beforeEach(() => {
  db = testDb();
  const county = addCounty(db, "Vantaa–Kerava", { clientSafetyEmail: "asiakasturvallisuus@vantaa-kerava.example", emergencyPhone: "09 000 0002" });
  const sessionId = addSession(db, { placeId: addPlace(db, "tikkurila", county.id).id, kind: "drop_in", startsAt: new Date(Date.now() - 3 * 3_600_000) }).id;
  key = ensureFeedbackLink(db, sessionId, 7);
  planner = addStaff(db, "planner");
});

/** A parent's concern, with the boxes they ticked. */
function concern(o: Record<string, string>, device = "device-a"): number {
  const form = feedbackFormSchema.parse({ concernText: "Ohjaaja puhui minulle tylysti lapseni kuullen", ...o });
  expect(submitFeedback(db, key, form, "fi", device)).toMatchObject({ ok: true });
  return db.select({ id: concerns.id }).from(concerns).all().at(-1)!.id;
}

describe("the parent's consent", () => {
  it("is what the boxes say, and 'with my contact details' means nothing without a contact", () => {
    expect(handoverConsentOf({ handover: false, handoverContact: false, contact: "040 1" })).toBeNull();
    expect(handoverConsentOf({ handover: true, handoverContact: false, contact: "040 1" })).toBe("anonymous");
    expect(handoverConsentOf({ handover: true, handoverContact: true, contact: "040 1" })).toBe("with_contact");
    expect(handoverConsentOf({ handover: false, handoverContact: true, contact: null })).toBe("anonymous");
    const id = concern({ handover: "on", contact: "040 123 4567" });
    expect(db.select({ consent: concerns.handoverConsent }).from(concerns).where(eq(concerns.id, id)).get()).toEqual({ consent: "anonymous" });
  });
});

describe("handing a concern over to the county", () => {
  it("is refused without the parent's consent, and changes nothing", () => {
    const id = concern({ contact: "040 123 4567" });
    expect(handOverConcern(db, planner, { concernId: id, method: "email", withContact: false }, "fi")).toEqual({ ok: false, error: "noConsent" });
    expect(handOverConcern(db, planner, { concernId: id, method: "print", withContact: false }, "fi")).toEqual({ ok: false, error: "noConsent" });
    expect(handoverState(db, id)).toMatchObject({ consent: null, handovers: [] });
    expect(db.select().from(concernHandovers).all()).toEqual([]);
    expect(db.select().from(outbox).where(eq(outbox.kind, "concern_handover")).all()).toEqual([]);
  });

  it("is refused to anyone but a planner, and the contact only goes with the parent's consent to that too", () => {
    const id = concern({ handover: "on", contact: "040 123 4567" });
    expect(handOverConcern(db, addStaff(db, "facilitator"), { concernId: id, method: "email", withContact: false }, "fi")).toEqual({ ok: false, error: "forbidden" });
    expect(handOverConcern(db, planner, { concernId: id, method: "email", withContact: true }, "fi")).toEqual({ ok: false, error: "contactNotAllowed" });
    expect(db.select().from(concernHandovers).all()).toEqual([]);
  });

  it("sends a neutral e-mail whose link shows the anonymised report, holding no contact without consent", () => {
    const now = new Date();
    const id = concern({ handover: "on", contact: "040 123 4567" });
    const result = handOverConcern(db, planner, { concernId: id, method: "email", withContact: false }, "fi", now);
    if (!result.ok || !result.token) throw new Error("refused");

    const [mail] = db.select().from(outbox).where(eq(outbox.kind, "concern_handover")).all();
    expect(mail!.recipient).toBe("asiakasturvallisuus@vantaa-kerava.example");
    const body = unseal(BODY_SEAL, mail!.textBody!)!;
    expect(body).toContain(`/fi/report/${result.token}`);
    // Nothing of the content, the place, the parent or child protection in the subject or the body.
    for (const text of [mail!.subject!, body]) expect(text).not.toMatch(/tylysti|tikkurila|040 123|lastensuojelu|huoli|child protection/i);

    // Only the token's hash is stored.
    expect(JSON.stringify(db.select().from(concernHandovers).all())).not.toContain(result.token);

    const report = reportByToken(db, result.token, now)!;
    expect(report).toMatchObject({ text: "Ohjaaja puhui minulle tylysti lapseni kuullen", place: "Kohtaamo tikkurila", kind: "drop_in", contact: null });
    expect(JSON.stringify(report)).not.toContain("040 123");
  });

  it("includes the contact when the parent allowed that too and the planner chose it", () => {
    const id = concern({ handover: "on", handoverContact: "on", contact: "040 123 4567" });
    const result = handOverConcern(db, planner, { concernId: id, method: "email", withContact: true }, "fi");
    if (!result.ok || !result.token) throw new Error("refused");
    expect(reportByToken(db, result.token)?.contact).toBe("040 123 4567");
  });

  it("lets the county acknowledge it once, within 14 days; after that the link opens nothing and retention clears it", () => {
    const now = new Date("2026-03-10T10:00:00Z");
    const id = concern({ handover: "on" });
    const result = handOverConcern(db, planner, { concernId: id, method: "email", withContact: false }, "fi", now);
    if (!result.ok || !result.token) throw new Error("refused");
    const token = result.token;
    const justBefore = new Date(now.getTime() + HANDOVER_LINK_DAYS * DAY - 1);
    const after = new Date(now.getTime() + HANDOVER_LINK_DAYS * DAY);
    expect(HANDOVER_LINK_DAYS).toBe(14);
    expect(reportByToken(db, token, justBefore)).not.toBeNull();
    expect(acknowledgeHandover(db, token, new Date(now.getTime() + DAY))).toEqual({ ok: true });
    expect(acknowledgeHandover(db, token, new Date(now.getTime() + 2 * DAY))).toEqual({ ok: true });
    expect(handoverState(db, id)?.handovers).toMatchObject([{ method: "email", acknowledgedAt: new Date(now.getTime() + DAY) }]);

    expect(reportByToken(db, token, after)).toBeNull();
    expect(acknowledgeHandover(db, token, after)).toEqual({ ok: false });
    expect(runRetention(db, after, { retentionDays: 30, concernContactDays: 90 })).toMatchObject({ handoverLinks: 1 });
    // The link is gone; the record that the concern was handed over and acknowledged stays.
    expect(db.select({ hash: concernHandovers.tokenHash, ack: concernHandovers.acknowledgedAt }).from(concernHandovers).all()).toEqual([
      { hash: null, ack: new Date(now.getTime() + DAY) },
    ]);

    const audited = db.select({ action: auditLog.action, actor: auditLog.actorId }).from(auditLog).all().filter((a) => a.action.startsWith("concern.handover"));
    expect(audited).toEqual([
      { action: "concern.handover", actor: planner.id },
      { action: "concern.handover_view", actor: null },
      { action: "concern.handover_ack", actor: null },
    ]);
  });

  it("can be printed instead: recorded, with no link", () => {
    const id = concern({ handover: "on" });
    const result = handOverConcern(db, planner, { concernId: id, method: "print", withContact: false }, "fi");
    expect(result).toMatchObject({ ok: true, token: null });
    expect(db.select({ method: concernHandovers.method, hash: concernHandovers.tokenHash }).from(concernHandovers).all()).toEqual([{ method: "print", hash: null }]);
    expect(db.select().from(outbox).where(eq(outbox.kind, "concern_handover")).all()).toEqual([]);
  });

  it("is counted on the planners' figures once per concern, however often it was handed over", () => {
    const handed = concern({ handover: "on" });
    concern({ handover: "on" }, "device-b");
    handOverConcern(db, planner, { concernId: handed, method: "print", withContact: false }, "fi");
    handOverConcern(db, planner, { concernId: handed, method: "email", withContact: false }, "fi");
    const figures = concernFigures(concernClockRows(db, planner, {})!, new Date());
    expect(figures).toMatchObject({ received: 2, handedOver: 1 });
  });
});
