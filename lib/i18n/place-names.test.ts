import { describe, expect, it } from "vitest";
import { addressLine, placeIn } from "./place-names";

const tikkurila = {
  name: "Kohtaamo Tikkurila",
  streetAddress: "Asematie 10 B",
  postalCode: "01300",
  city: "Vantaa",
  nameSv: "Kohtaamo Dickursby",
  streetAddressSv: "Stationsvägen 10 B",
  citySv: "Vanda",
};

describe("placeIn", () => {
  it("names a place in Swedish where it has a Swedish name", () => {
    expect(addressLine(placeIn(tikkurila, "sv"))).toBe("Stationsvägen 10 B, 01300 Vanda");
    expect(placeIn(tikkurila, "sv").name).toBe("Kohtaamo Dickursby");
  });

  it("keeps the Finnish name in Finnish and English", () => {
    expect(addressLine(placeIn(tikkurila, "fi"))).toBe("Asematie 10 B, 01300 Vantaa");
    expect(placeIn(tikkurila, "en").name).toBe("Kohtaamo Tikkurila");
  });

  it("falls back to the Finnish name where there is no Swedish one", () => {
    const kerava = { name: "Kohtaamo Kerava", city: "Kerava", nameSv: null, citySv: "" };
    expect(placeIn(kerava, "sv")).toMatchObject({ name: "Kohtaamo Kerava", city: "Kerava" });
  });
});
