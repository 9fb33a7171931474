import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, developmentClients, outbox, panelInvitations } from "@/db/schema";
import type { Actor } from "@/lib/auth/staff";
import { hashToken } from "@/lib/booking/token";
import { queuedText } from "@/lib/mail/outbox";
import { runRetention } from "@/lib/privacy/retention";
import { addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { developmentList } from "./reads";
import { offerFormSchema } from "./schemas";
import { confirmOffer, inviteToPanel, offerToDevelop, renewOffer, withdrawOffer } from "./writes";

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
type Kind = "development_confirm" | "development_renewal" | "panel_invite";
const mails = (kind: Kind) => db.select().from(outbox).where(eq(outbox.kind, kind)).all().map((m) => ({ ...m, text: m.textBody ? queuedText(m.textBody) : null }));
const waiting = (kind: Kind) => mails(kind).filter((m) => !m.droppedAt);
const tokenIn = (text: string | null) => /\/develop\/([A-Za-z0-9_-]{43})/.exec(text ?? "")![1]!;
const rows = () => db.select().from(developmentClients).all();
const panelAt = (startsAt: Date) => addSession(db, { placeId: addPlace(db, `p${Math.random()}`).id, kind: "codevelopment", startsAt }).id;
/** Offers and confirms from the link in the e-mail: the link's token. */
function signUp(email: string, at: Date, locale: "fi" | "sv" | "en" = "fi", o: Record<string, unknown> = {}) {
  offerToDevelop(db, offer(email, o), locale, at);
  const token = tokenIn(waiting("development_confirm").find((m) => m.recipient === email)!.text);
  expect(confirmOffer(db, token, at).ok).toBe(true);
  return token;
}

describe("development clients", () => {
  it("needs explicit consent and a way to reach them", () => {
    const r = offerFormSchema.safeParse({ email: "x@example.fi", languages: ["fi"] });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([["consent", "consentRequired"]]);
    expect(offerFormSchema.safeParse({ email: "nope", consent: "on" }).error?.issues[0]?.message).toBe("emailInvalid");
  });

  it("keeps an offer only pending, for a week, and sends a neutral confirmation e-mail in the parent's language", () => {
    const now = new Date("2026-03-10T13:47:12.345Z");
    offerToDevelop(db, offer(), "sv", now);
    const [row] = rows();
    expect(row).toMatchObject({ email: "maija@example.fi", languages: ["fi", "somali"], locale: "sv", confirmedOn: null, renewedOn: null });
    // A month and a day, never the moment: nothing lines the offer up with the feedback answer given just before.
    expect(row!.consentedOn).toEqual(new Date("2026-02-28T22:00:00Z")); // 1 March in Helsinki
    expect(row!.deleteAfter).toEqual(new Date("2026-03-17T22:00:00Z")); // the end of 17 March, a week on
    const [mail, ...more] = mails("development_confirm");
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ recipient: "maija@example.fi", subject: "Kohtaamo: bekräfta din e-postadress" });
    expect(mail!.notBefore).toEqual(now);
    expect(mail!.text).toContain("senast 17 mars 2026:");
    expect(mail!.text).toContain(`http://localhost:3000/sv/develop/${tokenIn(mail!.text)}`);
    expect(`${mail!.subject} ${mail!.text}`).not.toMatch(/lastensuojelu|barnskydd|child protection/i);
    // Nothing yearly until it is confirmed, and the link's token is kept only as a hash.
    expect(mails("development_renewal")).toEqual([]);
    expect(row!.tokenHash).toBe(hashToken(tokenIn(mail!.text)));
    expect(JSON.stringify(row)).not.toContain(tokenIn(mail!.text));
    // Unconfirmed, nobody sees or invites it.
    expect(developmentList(db, planner)).toEqual([]);
    expect(inviteToPanel(db, planner, panelAt(new Date(now.getTime() + 7 * DAY)), [row!.id], now)).toEqual({ ok: true, invited: 0 });
    expect(db.select().from(panelInvitations).all()).toEqual([]);
  });

  it("is kept, once confirmed, to the end of the Helsinki month a year on, with the yearly e-mail queued for a month before", () => {
    offerToDevelop(db, offer(), "fi", new Date("2026-03-28T10:00:00Z"));
    const token = tokenIn(mails("development_confirm")[0]!.text);
    // 00:30 on 1 April in Helsinki, still March in UTC: the month is Helsinki's.
    const at = new Date("2026-03-31T21:30:00Z");
    const r = confirmOffer(db, token, at);
    expect(r).toEqual({ ok: true, deleteAfter: new Date("2027-04-30T21:00:00Z") }); // 1 May 2027 in Helsinki
    const [row] = rows();
    expect(row!.consentedOn).toEqual(new Date("2026-03-31T21:00:00Z")); // 1 April 2026 in Helsinki
    expect(row!.confirmedOn).toEqual(row!.consentedOn);
    expect(row!.deleteAfter).toEqual(r.ok && r.deleteAfter);
    expect(waiting("development_confirm")).toEqual([]);
    const [mail, ...more] = mails("development_renewal");
    expect(more).toEqual([]);
    expect(mail!.notBefore.getTime()).toBe(row!.deleteAfter.getTime() - 30 * DAY);
    expect(mail!.subject).toBe("Kohtaamo: säilytetäänkö yhteystietosi?");
    expect(`${mail!.subject} ${mail!.text}`).not.toMatch(/lastensuojelu|child protection/i);
    // The same link keeps or removes the details from now on.
    expect(tokenIn(mail!.text)).toBe(token);
    // Opening the link again changes nothing.
    expect(confirmOffer(db, token, new Date(at.getTime() + DAY))).toEqual(r);
    expect(rows()).toEqual([row]);
    expect(mails("development_renewal")).toHaveLength(1);
  });

  it("keeps a confirmed offer at least a year and at most 13 months, whenever in the month it is confirmed", () => {
    const times = ["2026-01-01T00:00:00+02:00", "2026-01-31T23:59:00+02:00", "2026-02-28T23:30:00+02:00", "2026-10-25T03:30:00+02:00", "2026-12-31T23:59:59+02:00"];
    for (const [i, time] of times.entries()) {
      const at = new Date(time);
      signUp(`m${i}@example.fi`, at);
      const row = rows().find((r) => r.email === `m${i}@example.fi`)!;
      expect(row.deleteAfter.getTime() - at.getTime()).toBeGreaterThanOrEqual(365 * DAY);
      expect(row.deleteAfter.getTime() - at.getTime()).toBeLessThanOrEqual(13 * 31 * DAY);
      expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Helsinki", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" }).format(row.consentedOn)).toBe("1, 00:00");
    }
  });

  it("gives random ids, so their order says nothing of when people offered", () => {
    const now = new Date("2026-03-10T10:00:00Z");
    for (let i = 0; i < 20; i++) offerToDevelop(db, offer(`r${i}@example.fi`), "fi", now);
    const ids = db.select({ id: developmentClients.id }).from(developmentClients).all().map((r) => r.id);
    const byEmail = rows().sort((a, b) => Number(a.email.slice(1).split("@")[0]) - Number(b.email.slice(1).split("@")[0])).map((r) => r.id);
    expect(new Set(ids).size).toBe(20);
    expect(byEmail).not.toEqual([...byEmail].sort((a, b) => a - b));
    expect(Math.max(...ids)).toBeGreaterThan(2 ** 32);
    expect(ids.every((id) => Number.isSafeInteger(id) && id > 0 && id < 2 ** 47)).toBe(true);
  });

  it("never lets a new offer change a confirmed one; confirming it renews that row, so its panel invitations stay", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    const first = signUp("maija@example.fi", t0);
    const [confirmed] = rows();
    inviteToPanel(db, planner, panelAt(new Date(t0.getTime() + 60 * DAY)), [confirmed!.id], t0);

    // Someone holding a feedback link types her address, twice: the confirmed row is untouched,
    // and the second pending offer replaces the first with its unsent e-mail.
    const t1 = new Date("2026-05-04T09:00:00Z");
    offerToDevelop(db, offer("maija@example.fi", { languages: ["sv"], otherLanguages: "" }), "sv", t1);
    offerToDevelop(db, offer("maija@example.fi", { languages: ["sv"], otherLanguages: "arabiska" }), "sv", t1);
    expect(rows().find((r) => r.confirmedOn)).toEqual(confirmed);
    expect(rows().filter((r) => !r.confirmedOn)).toHaveLength(1);
    const confirmations = waiting("development_confirm");
    expect(confirmations).toHaveLength(1);
    expect(mails("development_confirm").filter((m) => m.droppedAt)).toHaveLength(2); // the first confirmation (confirmed) and the replaced one
    expect(developmentList(db, planner)!.map((p) => [p.email, p.languages])).toEqual([["maija@example.fi", ["fi", "somali"]]]);

    // She confirms from the new e-mail: her row takes the new languages, language and link; the pending row goes.
    const second = tokenIn(confirmations[0]!.text);
    const r = confirmOffer(db, second, t1);
    expect(r).toEqual({ ok: true, deleteAfter: new Date("2027-05-31T21:00:00Z") });
    expect(rows()).toEqual([
      {
        ...confirmed,
        languages: ["sv", "arabiska"],
        locale: "sv",
        tokenHash: hashToken(second),
        consentedOn: new Date("2026-04-30T21:00:00Z"),
        confirmedOn: new Date("2026-04-30T21:00:00Z"),
        deleteAfter: new Date("2027-05-31T21:00:00Z"),
      },
    ]);
    expect(db.select({ clientId: panelInvitations.clientId }).from(panelInvitations).all()).toEqual([{ clientId: confirmed!.id }]);
    // One yearly e-mail waits, in Swedish, with the new link; the old link no longer opens anything.
    const renewal = waiting("development_renewal");
    expect(renewal.map((m) => [m.subject, tokenIn(m.text)])).toEqual([["Kohtaamo: ska dina kontaktuppgifter sparas?", second]]);
    expect(renewOffer(db, first, t1)).toEqual({ ok: false });
    expect(withdrawOffer(db, first, t1)).toBe(false);
  });

  it("is renewed from the e-mail's link to the end of the month a year on, or removed at once", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    const first = signUp("maija@example.fi", t0, "en");
    const later = new Date("2027-03-05T10:00:00Z");
    expect(renewOffer(db, first, later)).toEqual({ ok: true, deleteAfter: new Date("2028-03-31T21:00:00Z") }); // 1 April 2028 in Helsinki
    expect(rows()[0]!.deleteAfter).toEqual(new Date("2028-03-31T21:00:00Z"));
    // One e-mail waits for next year (this year's, already due, is not sent twice), with the same link.
    const pending = waiting("development_renewal");
    expect(pending).toHaveLength(1);
    expect(pending[0]!.notBefore.getTime()).toBe(new Date("2028-03-31T21:00:00Z").getTime() - 30 * DAY);
    expect(tokenIn(pending[0]!.text)).toBe(first);
    expect(withdrawOffer(db, first, later)).toBe(true);
    expect(rows()).toEqual([]);
    expect(waiting("development_renewal")).toEqual([]);
  });

  it("withdraws a pending offer from its link without touching the same address's confirmed one", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    signUp("maija@example.fi", t0);
    const [confirmed] = rows();
    offerToDevelop(db, offer(), "fi", t0);
    const token = tokenIn(waiting("development_confirm")[0]!.text);
    // A pending offer cannot be renewed, only confirmed or withdrawn.
    expect(renewOffer(db, token, t0)).toEqual({ ok: false });
    expect(withdrawOffer(db, token, t0)).toBe(true);
    expect(rows()).toEqual([confirmed]);
    expect(waiting("development_renewal")).toHaveLength(1);
    expect(waiting("development_confirm")).toEqual([]);
  });

  it("is deleted by the retention job: unconfirmed after a week, confirmed on its own date with its invitations", () => {
    const t0 = new Date("2026-03-10T10:00:00Z");
    signUp("confirmed@example.fi", t0);
    offerToDevelop(db, offer("pending@example.fi"), "fi", t0);
    const panel = panelAt(new Date(t0.getTime() + 7 * DAY));
    inviteToPanel(db, planner, panel, rows().map((r) => r.id), t0);
    expect(db.select().from(panelInvitations).all()).toHaveLength(1);
    const periods = { retentionDays: 30, concernContactDays: 90 };
    expect(runRetention(db, new Date(t0.getTime() + 7 * DAY), periods).developmentClients).toBe(0);
    expect(runRetention(db, new Date(t0.getTime() + 8 * DAY), periods).developmentClients).toBe(1);
    expect(rows().map((r) => r.email)).toEqual(["confirmed@example.fi"]);
    // Kept to the end of March 2027: 31 March still there, 1 April gone.
    expect(runRetention(db, new Date("2027-03-31T12:00:00Z"), periods).developmentClients).toBe(0);
    expect(runRetention(db, new Date("2027-03-31T22:00:00Z"), periods).developmentClients).toBe(1);
    expect(rows()).toEqual([]);
    expect(db.select().from(panelInvitations).all()).toEqual([]);
  });

  it("lists confirmed people for planners only, and every look is audited", () => {
    signUp("maija@example.fi", new Date());
    offerToDevelop(db, offer("pending@example.fi"), "fi");
    expect(developmentList(db, addStaff(db))).toBeNull();
    expect(developmentList(db, planner)!.map((p) => p.email)).toEqual(["maija@example.fi"]);
    developmentList(db, planner);
    expect(db.select({ action: auditLog.action, actor: auditLog.actorId, count: auditLog.subjectId }).from(auditLog).all()).toEqual([
      { action: "development.list", actor: planner.id, count: "1" },
      { action: "development.list", actor: planner.id, count: "1" },
    ]);
  });

  it("invites chosen confirmed people to a coming panel meeting (a codevelopment session), each once, in their language", () => {
    const now = new Date();
    signUp("a@example.fi", now, "fi");
    signUp("b@example.fi", now, "sv");
    offerToDevelop(db, offer("c@example.fi"), "en", now);
    const ids = rows().map((r) => r.id);
    const placeId = addPlace(db).id;
    const panel = addSession(db, { placeId, kind: "codevelopment", startsAt: new Date(now.getTime() + 7 * DAY) }).id;
    const dropIn = addSession(db, { placeId, kind: "drop_in", startsAt: new Date(now.getTime() + 7 * DAY) }).id;
    expect(inviteToPanel(db, addStaff(db), panel, ids, now)).toEqual({ ok: false, error: "forbidden" });
    expect(inviteToPanel(db, planner, dropIn, ids, now)).toEqual({ ok: false, error: "notPanel" });
    expect(inviteToPanel(db, planner, panel, ids, now)).toEqual({ ok: true, invited: 2 });
    expect(inviteToPanel(db, planner, panel, ids, now)).toEqual({ ok: true, invited: 0 });
    const sent = mails("panel_invite");
    expect(sent.map((m) => [m.recipient, m.subject]).sort()).toEqual([
      ["a@example.fi", "Kohtaamo: kutsu"],
      ["b@example.fi", "Kohtaamo: en inbjudan"],
    ]);
    expect(sent.find((m) => m.recipient === "a@example.fi")!.text).toContain(`/fi/sessions/${panel}`);
    expect(db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, "development.invite")).all()).toHaveLength(2);
  });
});
