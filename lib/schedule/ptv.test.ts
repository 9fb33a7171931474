import { expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { places } from "@/db/schema";
import { addPlace, addSession, testDb } from "@/lib/test/db";
import { PTV_LIMITS, ptvTexts } from "./ptv";

it("gives each language its own texts within PTV's limits, with the place's own links and the languages spoken", () => {
  const db = testDb();
  const place = addPlace(db);
  db.update(places).set({ name: "Kohtaamo Tikkurila", nameSv: "Kohtaamo Dickursby", citySv: "Vanda", streetAddressSv: "Stationsvägen 10" }).where(eq(places.id, place.id)).run();
  addSession(db, { placeId: place.id, languages: ["fi", "sv"] });
  addSession(db, { placeId: place.id, languages: ["en"], forProfessionals: true });

  const texts = ptvTexts(db, place.id)!;
  for (const fields of Object.values(texts.byLocale)) {
    for (const f of fields) if (f.limit !== null) expect(f.text.length, f.key).toBeLessThanOrEqual(PTV_LIMITS[f.key as keyof typeof PTV_LIMITS]);
  }
  const field = (l: "fi" | "sv" | "en", key: string) => texts.byLocale[l].find((f) => f.key === key)!.text;
  expect(field("fi", "name")).toBe("Kohtaamo Tikkurila: vertaistukea vanhemmille");
  expect(field("sv", "name")).toBe("Kohtaamo Dickursby: kamratstöd för föräldrar");
  expect(field("sv", "address")).toBe("Stationsvägen 10, 01300 Vanda");
  expect(field("en", "web")).toBe("http://localhost:3000/en/places/tikkurila");
  expect(field("fi", "calendar")).toBe("http://localhost:3000/fi/places/tikkurila/calendar.ics");
  // The parents' sessions are in Finnish and Swedish; the professionals' English one is not for parents.
  expect(field("en", "description")).toContain("Languages: Finnish, Swedish.");
  expect(field("fi", "description")).toContain("Toimintakielet: suomi, ruotsi.");
  expect(ptvTexts(db, 999)).toBeNull();
});
