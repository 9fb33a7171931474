import { describe, expect, it, vi } from "vitest";
import { addPlace, addSession, addStaff, assign, testDb } from "@/lib/test/db";
import { feedbackFormSchema } from "./schemas";
import { ensureFeedbackLink, submitFeedback } from "./writes";
import { auditLog } from "@/db/schema";
import { concernDetail, concernQueue, hostFeedback, MIN_ANSWERS_FOR_DETAIL } from "./reads";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

describe("what a facilitator reads of the feedback", () => {
  const db = testDb();
  const place = addPlace(db).id;
  const facilitator = addStaff(db);
  const answer = (sessionId: number, n: number) => {
    const key = ensureFeedbackLink(db, sessionId, 7);
    for (let i = 0; i < n; i++) {
      const form = feedbackFormSchema.parse({ rating: String((i % 4) + 1), gotInformation: "yes", comment: `comment ${sessionId}/${i}` });
      expect(submitFeedback(db, key, form, "fi", `device-${i}`)).toEqual({ ok: true, recent: false });
    }
  };
  const small = addSession(db, { placeId: place, startsAt: new Date(Date.now() - 2 * 86_400_000) }).id;
  const big = addSession(db, { placeId: place, startsAt: new Date(Date.now() - 86_400_000) }).id;
  const notMine = addSession(db, { placeId: place, startsAt: new Date(Date.now() - 86_400_000) }).id;
  assign(db, small, facilitator.id);
  assign(db, big, facilitator.id);
  answer(small, MIN_ANSWERS_FOR_DETAIL - 1);
  answer(big, MIN_ANSWERS_FOR_DETAIL);
  answer(notMine, 6);

  const seen = hostFeedback(db, facilitator);

  it("shows only totals for a session with fewer than 5 answers: no answer, no comment", () => {
    const s = seen.find((x) => x.session.id === small)!;
    expect(s).toMatchObject({ answers: 4, rating1: 1, rating2: 1, rating3: 1, rating4: 1, gotInformation: 4, lessAlone: 0, responses: null });
    expect(JSON.stringify(s)).not.toContain("comment");
  });

  it("shows the answers and comments of a session with 5 or more", () => {
    const s = seen.find((x) => x.session.id === big)!;
    expect(s.answers).toBe(5);
    expect(s.responses!.map((r) => r.comment).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `comment ${big}/${i}`));
  });

  it("shows nothing of sessions the facilitator did not run", () => {
    expect(seen.map((s) => s.session.id).sort()).toEqual([small, big].sort());
  });
});

describe("who reads the concerns", () => {
  it("only planners, and each look leaves an audit row where the concerns are read", () => {
    const db = testDb();
    const session = addSession(db, { placeId: addPlace(db).id, startsAt: new Date(Date.now() - 86_400_000) }).id;
    const key = ensureFeedbackLink(db, session, 7);
    const form = feedbackFormSchema.parse({ concernText: "Minua kohdeltiin huonosti.", contact: "040 123 4567" });
    expect(submitFeedback(db, key, form, "fi", "device-c").ok).toBe(true);
    const facilitator = addStaff(db);
    assign(db, session, facilitator.id);
    const planner = addStaff(db, "planner");
    const looks = () => db.select({ action: auditLog.action, actor: auditLog.actorId }).from(auditLog).all();

    expect(concernQueue(db, facilitator)).toBeNull();
    expect(concernQueue(db, null)).toBeNull();
    const queue = concernQueue(db, planner)!;
    expect(queue.map((c) => c.text)).toEqual(["Minua kohdeltiin huonosti."]);
    expect(concernDetail(db, facilitator, queue[0]!.id)).toBeNull();
    expect(concernDetail(db, planner, queue[0]!.id)!.contact).toBe("040 123 4567");
    expect(looks()).toEqual([
      { action: "concern.list", actor: planner.id },
      { action: "concern.view", actor: planner.id },
    ]);
  });
});
