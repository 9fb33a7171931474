import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { auditLog, concerns, outbox, placePlanners, users } from "@/db/schema";
import { queuedText } from "@/lib/mail/outbox";
import { addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { concernFigures, renotifyOverdueConcerns } from "./concern-clock";
import { concernQueue } from "./reads";
import { feedbackFormSchema } from "./schemas";
import { assignConcern, ensureFeedbackLink, recordConcernAction, submitFeedback, takeConcern } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");
vi.stubEnv("APP_URL", "https://kohtaamo.example");

const settings = { workingDays: 2, textMessages: true };
// Monday 9 March 2026 in Helsinki: due on Wednesday the 11th, overdue from Thursday the 12th.
const monday = new Date("2026-03-09T10:00:00Z");
const at = (day: string, time = "09:00") => new Date(`${day}T${time}:00+02:00`);

let db: DB;
let tikkurila: { id: number; name: string };
let jarvenpaa: { id: number; name: string };
let keyAt: (placeId: number) => string;
beforeEach(() => {
  db = testDb();
  tikkurila = addPlace(db, "tikkurila");
  jarvenpaa = addPlace(db, "jarvenpaa");
  keyAt = (placeId) => ensureFeedbackLink(db, addSession(db, { placeId, startsAt: new Date(monday.getTime() - 3 * 3_600_000) }).id, 7);
});

const concernForm = () => feedbackFormSchema.parse({ concern: "on", concernText: "Lastani kohdeltiin huonosti tapaamisessa", contact: "040 765 4321" });

function raise(placeId: number, now = monday) {
  expect(submitFeedback(db, keyAt(placeId), concernForm(), "fi", `device-${Math.random()}`, now, settings)).toEqual({ ok: true, recent: false });
  return db.select().from(concerns).all().at(-1)!;
}

const notices = () =>
  db
    .select()
    .from(outbox)
    .where(eq(outbox.kind, "concern_notice"))
    .all()
    .map((r) => ({ channel: r.channel, recipient: r.recipient, subject: r.subject, text: r.textBody && queuedText(r.textBody) }));

describe("the notice of a new concern", () => {
  it("goes at once to every planner and admin when nobody is responsible for the place, and says nothing of the concern", () => {
    const planner = addStaff(db, "planner");
    const admin = addStaff(db, "admin");
    addStaff(db, "facilitator");
    db.update(users).set({ phone: "+358401234567", locale: "sv" }).where(eq(users.id, planner.id)).run();
    const concern = raise(tikkurila.id);

    const sent = notices();
    expect(sent.map((n) => `${n.channel} ${n.recipient}`).sort()).toEqual([`email ${admin.email}`, `email ${planner.email}`, "sms +358401234567"].sort());
    const swedish = sent.find((n) => n.recipient === planner.email)!;
    expect(swedish.subject).toBe("Ett nytt meddelande väntar i Kohtaamo");
    expect(swedish.text).toContain(`https://kohtaamo.example/sv/plan/feedback/concerns/${concern.id}`);
    expect(sent.find((n) => n.recipient === admin.email)!.text).toContain(`https://kohtaamo.example/fi/plan/feedback/concerns/${concern.id}`);
    for (const n of sent) {
      const all = `${n.subject ?? ""}\n${n.text}`;
      for (const secret of ["kohdeltiin", "Lastani", tikkurila.name, "tikkurila", "765 4321", "7654321", "huoli", "oro", "concern "]) expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect(concern.dueAt).toEqual(at("2026-03-11", "00:00"));
  });

  it("goes to the planner responsible for the place, and not to one responsible for another place", () => {
    const here = addStaff(db, "planner");
    const elsewhere = addStaff(db, "planner");
    const admin = addStaff(db, "admin");
    db.insert(placePlanners).values({ placeId: tikkurila.id, userId: here.id }).run();
    db.insert(placePlanners).values({ placeId: jarvenpaa.id, userId: elsewhere.id }).run();
    raise(tikkurila.id);
    expect(notices().map((n) => n.recipient)).toEqual([here.email]);
    raise(jarvenpaa.id);
    expect(notices().map((n) => n.recipient)).toEqual([here.email, elsewhere.email]);
    expect(notices().map((n) => n.recipient)).not.toContain(admin.email);
  });

  it("sends no text message when text messages are off", () => {
    const planner = addStaff(db, "planner");
    db.update(users).set({ phone: "+358401234567" }).where(eq(users.id, planner.id)).run();
    submitFeedback(db, keyAt(tikkurila.id), concernForm(), "fi", "d", monday, { ...settings, textMessages: false });
    expect(notices().map((n) => n.channel)).toEqual(["email"]);
  });
});

describe("an overdue concern", () => {
  it("is told again to every planner and admin exactly once a working day", () => {
    const responsible = addStaff(db, "planner");
    const other = addStaff(db, "planner");
    const admin = addStaff(db, "admin");
    db.insert(placePlanners).values({ placeId: tikkurila.id, userId: responsible.id }).run();
    const concern = raise(tikkurila.id);
    expect(notices()).toHaveLength(1);

    // Wednesday, the due day: still in time.
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-11", "16:00"))).toBe(0);
    const overdueOn = (now: Date) => concernQueue(db, responsible, now)![0]!.overdue;
    expect(overdueOn(at("2026-03-11", "23:30"))).toBe(false);
    // Thursday: overdue, told once however often the job runs.
    expect(overdueOn(at("2026-03-12", "00:30"))).toBe(true);
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-12", "08:00"))).toBe(1);
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-12", "17:00"))).toBe(0);
    expect(notices().map((n) => n.recipient).slice(1).sort()).toEqual([admin.email, other.email, responsible.email].sort());
    // Saturday: no working day, nobody is told.
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-14", "10:00"))).toBe(0);
    // Monday: told again, once.
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-16", "08:00"))).toBe(1);
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-16", "09:00"))).toBe(0);
    expect(notices()).toHaveLength(1 + 3 + 3);
    expect(notices().every((n) => n.text!.includes(`/fi/plan/feedback/concerns/${concern.id}`) && !n.text!.includes("kohdeltiin"))).toBe(true);

    // Taken: no longer overdue, never told again.
    expect(takeConcern(db, responsible, concern.id, at("2026-03-16", "10:00"))).toEqual({ ok: true });
    expect(renotifyOverdueConcerns(db, settings, at("2026-03-17", "08:00"))).toBe(0);
    expect(notices()).toHaveLength(7);
  });

  it("gets its due date when it predates the clock", () => {
    addStaff(db, "planner");
    const concern = raise(tikkurila.id);
    db.update(concerns).set({ dueAt: null }).where(eq(concerns.id, concern.id)).run();
    renotifyOverdueConcerns(db, settings, at("2026-03-09", "12:00"));
    expect(db.select().from(concerns).get()!.dueAt).toEqual(at("2026-03-11", "00:00"));
  });
});

describe("owner and status", () => {
  it("records taking, assigning and each action with its first response, and audits every change", () => {
    const me = addStaff(db, "planner");
    const colleague = addStaff(db, "planner");
    const facilitator = addStaff(db, "facilitator");
    const concern = raise(tikkurila.id);
    const row = () => db.select().from(concerns).where(eq(concerns.id, concern.id)).get()!;

    expect(takeConcern(db, facilitator, concern.id)).toEqual({ ok: false, error: "forbidden" });
    expect(row()).toMatchObject({ status: "new", ownerId: null, firstResponseAt: null });
    expect(takeConcern(db, me, concern.id, at("2026-03-10"))).toEqual({ ok: true });
    expect(row()).toMatchObject({ status: "taken", ownerId: me.id, firstResponseAt: at("2026-03-10") });
    expect(assignConcern(db, me, concern.id, facilitator.id)).toEqual({ ok: false, error: "invalid" });
    expect(assignConcern(db, me, concern.id, colleague.id, at("2026-03-11"))).toEqual({ ok: true });
    expect(recordConcernAction(db, colleague, concern.id, "Soitin vanhemmalle", "contacted", at("2026-03-11", "12:00"))).toEqual({ ok: true });
    expect(recordConcernAction(db, colleague, concern.id, "Asia selvitetty", "resolved", at("2026-03-12"))).toEqual({ ok: true });
    // The first response stays the first one.
    expect(row()).toMatchObject({ status: "resolved", ownerId: colleague.id, firstResponseAt: at("2026-03-10"), resolvedAt: at("2026-03-12") });
    expect(db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).all()).toEqual([
      { action: "concern.take", detail: { from: "new", to: "taken" } },
      { action: "concern.assign", detail: { to: colleague.id, from: me.id } },
      { action: "concern.action", detail: { status: "contacted" } },
      { action: "concern.status", detail: { from: "taken", to: "contacted" } },
      { action: "concern.action", detail: { status: "resolved" } },
      { action: "concern.status", detail: { from: "contacted", to: "resolved" } },
    ]);
  });
});

describe("the figures of concern handling", () => {
  it("count received, the share answered by the due day, and the median working days to a first response", () => {
    const received = at("2026-03-13", "00:00"); // a Friday: due on Tuesday the 17th
    const dueAt = at("2026-03-17", "00:00");
    const rows = [
      { createdAt: received, dueAt, firstResponseAt: at("2026-03-13", "15:00") }, // 0 working days
      { createdAt: received, dueAt, firstResponseAt: at("2026-03-16", "10:00") }, // 1
      { createdAt: received, dueAt, firstResponseAt: at("2026-03-19", "10:00") }, // 4: late
      { createdAt: received, dueAt, firstResponseAt: null }, // overdue by the 18th
    ];
    expect(concernFigures(rows, at("2026-03-20"))).toEqual({ received: 4, judged: 4, inTime: 2, share: 0.5, medianDays: 1, handedOver: 0 });
    // Before the due day is over, an unanswered one is not judged yet.
    expect(concernFigures([rows[3]!], at("2026-03-17", "12:00"))).toEqual({ received: 1, judged: 0, inTime: 0, share: null, medianDays: null, handedOver: 0 });
  });
});
