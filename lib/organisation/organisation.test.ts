import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { organisation as organisationTable } from "@/db/schema";
import { addPlace, addStaff, testDb } from "@/lib/test/db";
import { places } from "@/db/schema";
import { firstRun, organisation, publicSiteOpen } from "./reads";
import { organisationFormSchema } from "./schemas";
import { saveOrganisation } from "./writes";

let db: DB;
beforeEach(() => {
  db = testDb();
});

const input = organisationFormSchema.parse({
  name: "Vertaistuki ry",
  contact: "tietosuoja@vertaistuki.example, 09 123 4567",
});

describe("the organisation's details", () => {
  it("stand in from the configuration until an admin saves them, and the first run starts empty", () => {
    expect(organisation(db)).toMatchObject({ name: "Kohtaamo-demo ry", saved: false });
    expect(firstRun(db)).toEqual({ organisationSaved: false, hasPlace: false, colleagues: 0, done: false });
  });

  it("are saved by an admin only; a refused save changes nothing", () => {
    const planner = addStaff(db, "planner");
    expect(saveOrganisation(db, planner, input)).toEqual({ ok: false, error: "organisationAdminOnly" });
    expect(saveOrganisation(db, null, input)).toEqual({ ok: false, error: "organisationAdminOnly" });
    expect(db.select().from(organisationTable).all()).toEqual([]);

    const admin = addStaff(db, "admin");
    expect(saveOrganisation(db, admin, input)).toEqual({ ok: true });
    expect(saveOrganisation(db, admin, { ...input, name: "Vertaistuki ry (Espoo)" })).toEqual({ ok: true });
    expect(organisation(db)).toMatchObject({ name: "Vertaistuki ry (Espoo)", contact: input.contact, saved: true });
    expect(db.select().from(organisationTable).all()).toHaveLength(1);
  });

  it("count a first day done once there is a meeting place", () => {
    addStaff(db, "admin");
    addStaff(db, "facilitator");
    addPlace(db);
    expect(firstRun(db)).toMatchObject({ hasPlace: true, colleagues: 1, done: true });
  });

  it("open the parents' pages only once it is known who runs the service and a place in a county exists", () => {
    const admin = addStaff(db, "admin");
    // The demo configuration names an organisation: a place in a county is what is missing.
    expect(publicSiteOpen(db)).toBe(false);
    const place = addPlace(db);
    expect(publicSiteOpen(db)).toBe(true);
    // An archived place opens nothing.
    db.update(places).set({ archivedAt: new Date() }).where(eq(places.id, place.id)).run();
    expect(publicSiteOpen(db)).toBe(false);
    db.update(places).set({ archivedAt: null }).where(eq(places.id, place.id)).run();
    expect(saveOrganisation(db, admin, input)).toEqual({ ok: true });
    expect(publicSiteOpen(db)).toBe(true);
  });
});
