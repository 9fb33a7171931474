import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { professionalFeedback, visits } from "@/db/schema";
import { onceFormSchema } from "@/lib/schedule/schemas";
import { addPlace, addSession, testDb } from "@/lib/test/db";
import { offersProfessionalForm, professionalFormSchema, sideBySide, submitProfessionalFeedback } from "./professionals";
import { feedbackFormSchema } from "./schemas";
import { ensureFeedbackLink, submitFeedback } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

let db: DB;
let a: number;
let b: number;
beforeEach(() => {
  db = testDb();
  a = addPlace(db, "a").id;
  b = addPlace(db, "b").id;
});

const session = (placeId: number, o: { forProfessionals?: boolean; startsAt?: Date } = {}) => {
  const id = addSession(db, { placeId, startsAt: o.startsAt ?? new Date(Date.now() - 3 * 3_600_000), forProfessionals: o.forProfessionals ?? false }).id;
  return { id, key: ensureFeedbackLink(db, id, 7) };
};
const pro = (o: Record<string, string>) => professionalFormSchema.parse(o);

describe("professionals' voice", () => {
  it("stores a professional's anonymous answer once per device, apart from the parents'", () => {
    const s = session(a, { forProfessionals: true });
    const answer = pro({ learned: "yes", willChange: "Kysyn vanhemmalta ennen palaveria.", comment: "Hyvä" });
    expect(submitProfessionalFeedback(db, s.key, answer, "fi", "laptop")).toEqual({ ok: true });
    expect(submitProfessionalFeedback(db, s.key, answer, "fi", "laptop")).toEqual({ ok: false, reason: "alreadyAnswered" });
    // The same phone may still answer as a parent would: two forms, two tables.
    expect(submitFeedback(db, s.key, feedbackFormSchema.parse({ rating: "3" }), "fi", "laptop")).toEqual({ ok: true, recent: false });
    const rows = db.select().from(professionalFeedback).all();
    expect(rows).toMatchObject([{ learned: "yes", willChange: "Kysyn vanhemmalta ennen palaveria.", locale: "fi" }]);
    expect(JSON.stringify(rows)).not.toContain("laptop");
    expect(professionalFormSchema.safeParse({}).error?.issues.map((i) => i.message)).toEqual(["nothingAnswered"]);
  });

  it("is offered for a session for professionals, or one professionals came to", () => {
    const forPros = session(a, { forProfessionals: true });
    const dropIn = session(a);
    expect(offersProfessionalForm(db, forPros.id)).toBe(true);
    expect(offersProfessionalForm(db, dropIn.id)).toBe(false);
    // Where it is not offered, an answer through the link is refused, not put in the professionals' column.
    expect(submitProfessionalFeedback(db, dropIn.key, pro({ learned: "no" }), "fi", "phone")).toEqual({ ok: false, reason: "invalid" });
    expect(db.select().from(professionalFeedback).all()).toEqual([]);
    db.insert(visits).values({ sessionId: dropIn.id, kind: "professional", source: "walk_in", clientKey: "p1" }).run();
    expect(offersProfessionalForm(db, dropIn.id)).toBe(true);
  });

  it("puts parents' and professionals' answers for the same place and period side by side", () => {
    const here = session(a, { forProfessionals: true });
    const there = session(b);
    submitFeedback(db, here.key, feedbackFormSchema.parse({ rating: "4", gotInformation: "yes", comment: "Sain tietoa" }), "fi", "p1");
    submitFeedback(db, here.key, feedbackFormSchema.parse({ rating: "2", gotInformation: "no" }), "fi", "p2");
    submitFeedback(db, there.key, feedbackFormSchema.parse({ rating: "1", comment: "Muualla" }), "fi", "p3");
    submitProfessionalFeedback(db, here.key, pro({ learned: "yes", learnedText: "Vanhemmat haluavat tietoa" }), "fi", "w1");
    submitProfessionalFeedback(db, there.key, pro({ learned: "no", willChange: "Muualla" }), "fi", "w2");

    const both = sideBySide(db, { placeSlug: "a" });
    expect(both.parents).toMatchObject({ responses: 2, meanRating: 3, gotInformation: { yes: 1, answered: 2, share: 0.5 } });
    expect(both.parents.comments.map((c) => c.text)).toEqual(["Sain tietoa"]);
    expect(both.professionals).toMatchObject({ responses: 1, learned: { yes: 1, answered: 1, share: 1 } });
    expect(both.professionals.answers.map((x) => x.learnedText)).toEqual(["Vanhemmat haluavat tietoa"]);
    // A period that holds neither.
    const later = sideBySide(db, { from: new Date(Date.now() + 86_400_000) });
    expect([later.parents.responses, later.professionals.responses]).toEqual([0, 0]);
  });

  it("is a session's flag a planner sets in the schedule form", () => {
    const base = { placeId: String(a), date: "2026-12-01", startTime: "10:00", endTime: "12:00", kind: "info_evening", titleFi: "K", titleSv: "K", titleEn: "K", languages: ["fi"], capacity: "10", maxPartySize: "2" };
    const parse = (o: object) => onceFormSchema.safeParse(o);
    expect(parse({ ...base, forProfessionals: "on" }).data?.forProfessionals).toBe(true);
    expect(parse(base).data?.forProfessionals).toBe(false);
  });
});
