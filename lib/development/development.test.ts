import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, developmentClients, outbox, panelInvitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { queuedText } from "@/lib/mail/outbox";
import { runRetention } from "@/lib/privacy/retention";
import { addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { developmentList } from "./reads";
import { offerFormSchema } from "./schemas";
import { inviteToPanel, offerToDevelop, renewOffer, withdrawOffer } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const DAY = 86_400_000;
let db: DB;
let planner: Actor;
beforeEach(() => {
  db = testDb();
  planner = addStaff(db, "planner");
});

const offer = (email = "maija@example.fi", o: Record<string, unknown> = {}) =>
  offerFormSchema.parse({ email, languages: ["fi"], otherLanguages: "somali", consent: "on", ...o });
const mails = (kind: "development_renewal" | "panel_invite") =>
  db.select().from(outbox).where(eq(outbox.kind, kind)).all().map((m) => ({ ...m, text: m.textBody ? queuedText(m.textBody) : null }));
const tokenIn = (text: string | null) => /\/develop\/([A-Za-z0-9_-]{43})/.exec(text ?? "")![1]!;

describe("development clients", () => {
  it("needs explicit consent and a way to reach them", () => {
    const r = offerFormSchema.safeParse({ email: "x@example.fi", languages: ["fi"] });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["consent", "consentRequired"]]);
    expect(offerFormSchema.safeParse({ email: "nope", consent: "on" }).error?.issues[0]?.message).toBe("emailInvalid");
  });

  it("keeps the offer a year from the day of consent, and queues a neutral yearly e-mail a month before", () => {
    const now = new Date("2026-03-10T13:47:12.345Z");
    const r = offerToDevelop(db, offer(), "fi", now);
    const [row] = db.select().from(developmentClients).all();
    expect(row).toMatchObject({ email: "maija@example.fi", languages: ["fi", "somali"], locale: "fi" });
    // The day only, so the offer cannot be lined up with the feedback answer given just before.
    expect(row!.consentedOn.getTime()).toBe(new Date("2026-03-09T22:00:00Z").getTime());
    expect(r.deleteAfter.getTime() - row!.consentedOn.getTime()).toBe(365 * DAY);
    const [mail] = mails("development_renewal");
    expect(mail!.notBefore.getTime()).toBe(r.deleteAfter.getTime() - 30 * DAY);
    expect(mail!.subject).toBe("Kohtaamo: säilytetäänkö yhteystietosi?");
    expect(`${mail!.subject} ${mail!.text}`).not.toMatch(/lastensuojelu|child protection/i);
    // The link's token is kept only as a hash.
    expect(JSON.stringify(row)).not.toContain(tokenIn(mail!.text));
  });

  it("is renewed for a year from the e-mail's link, or removed at once", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    offerToDevelop(db, offer(), "en", t0);
    const first = tokenIn(mails("development_renewal")[0]!.text);
    const later = new Date(t0.getTime() + 340 * DAY);
    const renewed = renewOffer(db, first, later);
    expect(renewed.ok).toBe(true);
    expect(db.select().from(developmentClients).get()!.deleteAfter.getTime()).toBeGreaterThan(later.getTime() + 364 * DAY);
    // One e-mail waits for next year (this year's, already due, is not sent twice), with the same link.
    const pending = mails("development_renewal").filter((m) => !m.droppedAt);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.notBefore.getTime()).toBeGreaterThan(later.getTime() + 300 * DAY);
    const second = tokenIn(pending[0]!.text);
    expect(second).toBe(first);
    expect(withdrawOffer(db, second, later)).toBe(true);
    expect(db.select().from(developmentClients).all()).toEqual([]);
    expect(mails("development_renewal").every((m) => m.droppedAt)).toBe(true);
  });

  it("is deleted with its invitations on its own date by the retention job", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    offerToDevelop(db, offer(), "fi", t0);
    const panel = addSession(db, { placeId: addPlace(db).id, kind: "codevelopment", startsAt: new Date(t0.getTime() + 7 * DAY) }).id;
    inviteToPanel(db, planner, panel, [db.select().from(developmentClients).get()!.id], t0);
    const periods = { retentionDays: 30, concernContactDays: 90 };
    expect(runRetention(db, new Date(t0.getTime() + 300 * DAY), periods).developmentClients).toBe(0);
    expect(runRetention(db, new Date(t0.getTime() + 366 * DAY), periods).developmentClients).toBe(1);
    expect(db.select().from(developmentClients).all()).toEqual([]);
    expect(db.select().from(panelInvitations).all()).toEqual([]);
  });

  it("is listed for planners only, and every look is audited", () => {
    offerToDevelop(db, offer(), "fi");
    expect(developmentList(db, addStaff(db))).toBeNull();
    expect(developmentList(db, planner)!.map((p) => p.email)).toEqual(["maija@example.fi"]);
    developmentList(db, planner);
    expect(db.select({ action: auditLog.action, actor: auditLog.actorId }).from(auditLog).all()).toEqual([
      { action: "development.list", actor: planner.id },
      { action: "development.list", actor: planner.id },
    ]);
  });

  it("invites chosen people to a coming panel meeting (a codevelopment session), each once, in their language", () => {
    const now = new Date();
    offerToDevelop(db, offer("a@example.fi"), "fi", now);
    offerToDevelop(db, offer("b@example.fi"), "sv", now);
    const ids = db.select({ id: developmentClients.id }).from(developmentClients).all().map((r) => r.id);
    const placeId = addPlace(db).id;
    const panel = addSession(db, { placeId, kind: "codevelopment", startsAt: new Date(now.getTime() + 7 * DAY) }).id;
    const dropIn = addSession(db, { placeId, kind: "drop_in", startsAt: new Date(now.getTime() + 7 * DAY) }).id;
    expect(inviteToPanel(db, addStaff(db), panel, ids, now)).toEqual({ ok: false, error: "forbidden" });
    expect(inviteToPanel(db, planner, dropIn, ids, now)).toEqual({ ok: false, error: "notPanel" });
    expect(inviteToPanel(db, planner, panel, ids, now)).toEqual({ ok: true, invited: 2 });
    expect(inviteToPanel(db, planner, panel, ids, now)).toEqual({ ok: true, invited: 0 });
    const sent = mails("panel_invite");
    expect(sent.map((m) => [m.recipient, m.subject])).toEqual([
      ["a@example.fi", "Kohtaamo: kutsu"],
      ["b@example.fi", "Kohtaamo: en inbjudan"],
    ]);
    expect(sent[0]!.text).toContain(`/fi/sessions/${panel}`);
    expect(db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, "development.invite")).all()).toHaveLength(2);
  });
});
