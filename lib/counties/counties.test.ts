import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, counties, reachDirty } from "@/db/schema";
import { sqliteOf } from "@/lib/reach/sqlite";
import { ensureFeedbackLink } from "@/lib/feedback/writes";
import { feedbackLink } from "@/lib/feedback/reads";
import { addCounty, addPlace, addSession, addStaff, testDb } from "@/lib/test/db";
import { countyOfSession, missingFields, parentRoutes } from "./reads";
import { countyFormSchema, firstCountyFormSchema } from "./schemas";
import { saveCounty } from "./writes";

vi.stubEnv("AUTH_SECRET", "unit-test-secret");

const vantaaKerava = {
  ombudsmanName: "Sosiaaliasiavastaava V",
  ombudsmanPhone: "09 000 0001",
  ombudsmanEmail: "sas@vantaa-kerava.example",
  emergencyPhone: "09 000 0002",
};
const keskiUusimaa = { ombudsmanName: "Sosiaaliasiavastaava K", ombudsmanPhone: "09 000 0003", emergencyPhone: "09 000 0004" };

describe("a concern's county", () => {
  it("decides the ombudsman and the emergency number its parent is shown", () => {
    const db = testDb();
    const tikkurila = addPlace(db, "tikkurila", addCounty(db, "Vantaa–Kerava", vantaaKerava).id);
    const jarvenpaa = addPlace(db, "jarvenpaa", addCounty(db, "Keski-Uusimaa", keskiUusimaa).id);
    const shown = (placeId: number) => {
      // As the feedback page and the thanks page find it: from the link the parent opened.
      const link = feedbackLink(db, ensureFeedbackLink(db, addSession(db, { placeId }).id, 7), new Date());
      if (!link.ok) throw new Error("link");
      return parentRoutes(countyOfSession(db, link.sessionId), "fi");
    };
    expect(shown(tikkurila.id)).toEqual({
      countyName: "Vantaa–Kerava",
      emergencyPhone: "09 000 0002",
      ombudsman: { name: "Sosiaaliasiavastaava V", phone: "09 000 0001", email: "sas@vantaa-kerava.example", url: null },
    });
    expect(shown(jarvenpaa.id)).toMatchObject({ countyName: "Keski-Uusimaa", emergencyPhone: "09 000 0004", ombudsman: { name: "Sosiaaliasiavastaava K", phone: "09 000 0003" } });
  });

  it("never has a number invented for it: what the county has not set is left out, and the planners are asked for it", () => {
    const db = testDb();
    const bare = addCounty(db, "Uusi alue");
    const sessionId = addSession(db, { placeId: addPlace(db, "uusi", bare.id).id }).id;
    expect(parentRoutes(countyOfSession(db, sessionId), "fi")).toEqual({ countyName: "Uusi alue", emergencyPhone: null, ombudsman: null });
    // A name alone is no route to an ombudsman.
    db.update(counties).set({ ombudsmanName: "Joku" }).where(eq(counties.id, bare.id)).run();
    expect(parentRoutes(countyOfSession(db, sessionId), "fi")?.ombudsman).toBeNull();
    expect(missingFields(countyOfSession(db, sessionId)!)).toEqual(["ombudsman", "emergencyPhone", "clientSafetyEmail"]);
  });
});

describe("planners keep the counties", () => {
  const input = countyFormSchema.parse({ nameFi: "Itä-Uudenmaan hyvinvointialue", nameSv: "Östra Nylands välfärdsområde", nameEn: "Eastern Uusimaa", emergencyPhone: "09 000 0005" });

  it("a planner adds and edits one, each change audited; a facilitator changes nothing", () => {
    const db = testDb();
    const facilitator = addStaff(db, "facilitator");
    expect(saveCounty(db, facilitator, null, input)).toEqual({ ok: false, error: "forbidden" });
    expect(db.select().from(counties).all()).toEqual([]);

    const planner = addStaff(db, "planner");
    const made = saveCounty(db, planner, null, input);
    if (!made.ok) throw new Error("refused");
    expect(saveCounty(db, planner, made.id, { ...input, ombudsmanPhone: "09 000 0006" })).toEqual({ ok: true, id: made.id });
    expect(db.select().from(counties).get()).toMatchObject({ name: { fi: "Itä-Uudenmaan hyvinvointialue" }, ombudsmanPhone: "09 000 0006", emergencyPhone: "09 000 0005" });
    expect(db.select({ action: auditLog.action, actor: auditLog.actorId, detail: auditLog.detail }).from(auditLog).all()).toEqual([
      { action: "county.create", actor: planner.id, detail: null },
      { action: "county.update", actor: planner.id, detail: { fields: "ombudsmanPhone" } },
    ]);
  });

  it("refuses what is not a phone number, an address or a web address, next to the field", () => {
    const r = countyFormSchema.safeParse({ nameFi: "A", nameSv: "B", nameEn: "", emergencyPhone: "soita", ombudsmanEmail: "x", ombudsmanUrl: "javascript:alert(1)" });
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["nameEn", "required"],
      ["ombudsmanEmail", "emailInvalid"],
      ["ombudsmanUrl", "urlInvalid"],
      ["emergencyPhone", "phoneInvalid"],
    ]);
  });

  it("the first-run page's county needs both numbers a parent is shown", () => {
    const names = { nameFi: "A", nameSv: "B", nameEn: "C" };
    expect(firstCountyFormSchema.safeParse(names).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["ombudsmanPhone", "required"],
      ["emergencyPhone", "required"],
    ]);
    expect(firstCountyFormSchema.parse({ ...names, ombudsmanPhone: "09 000 0008", emergencyPhone: "09 000 0009" })).toMatchObject({ name: { fi: "A" }, emergencyPhone: "09 000 0009" });
    expect(countyFormSchema.safeParse(names).success).toBe(true);
  });

  it("a place moving county makes its sessions' figures stale", () => {
    const db = testDb();
    const place = addPlace(db);
    const sessionId = addSession(db, { placeId: place.id }).id;
    sqliteOf(db).prepare("DELETE FROM reach_dirty").run();
    const other = addCounty(db, "Other");
    sqliteOf(db).prepare("UPDATE places SET county_id = ? WHERE id = ?").run(other.id, place.id);
    expect(db.select().from(reachDirty).all()).toEqual([{ sessionId }]);
  });
});
