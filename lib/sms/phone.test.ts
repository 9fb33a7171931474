import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env.mjs";
import { checkMobile, countryNames, textableCountry, textableNumber } from "./phone";

const FI = ["FI"];

describe("the countries text messages go to (SMS_COUNTRIES)", () => {
  it.each([
    ["a UK mobile", "+44 7400 123456"],
    ["a Russian mobile", "+7 912 345 67 89"],
    ["a Nigerian mobile", "+234 803 123 4567"],
    ["the same Nigerian mobile typed with 00", "00234 803 123 4567"],
  ])("refuses %s by default, as a number abroad (not as a typo)", (_name, typed) => {
    expect(checkMobile(typed, FI)).toEqual({ ok: false, reason: "phoneCountry" });
  });

  it.each([
    ["040 123 4567", "+358401234567"],
    ["+358 50 123 4567", "+358501234567"],
    ["+358 457 312 3456", "+3584573123456"],
  ])("takes the Finnish mobile %s", (typed, stored) => {
    expect(checkMobile(typed, FI)).toEqual({ ok: true, number: stored });
  });

  it("counts Åland (+358 18, region AX) as Finland: its numbers are never refused as abroad", () => {
    expect(textableCountry("AX", FI)).toBe(true);
    expect(textableNumber("+35818527000", FI)).toBe(true);
    // +358 18 numbers are Åland's landlines: refused because they cannot get a text, not for the country.
    expect(checkMobile("+358 18 527 000", FI)).toEqual({ ok: false, reason: "phoneInvalid" });
    // Åland without Finland is Åland only.
    expect(textableCountry("FI", ["AX"])).toBe(false);
  });

  it("follows the setting: Sweden added, a Swedish mobile is taken; without Finland, a Finnish one is refused", () => {
    expect(checkMobile("+46 70 123 45 67", ["FI", "SE"])).toEqual({ ok: true, number: "+46701234567" });
    expect(checkMobile("040 123 4567", ["SE"])).toEqual({ ok: false, reason: "phoneCountry" });
    expect(textableNumber("+79123456789", FI)).toBe(false);
  });

  it("names the countries in the parent's language", () => {
    expect(countryNames(FI, "fi")).toBe("Suomi");
    expect(countryNames(["FI", "SE"], "en")).toBe("Finland and Sweden");
  });

  it("reads SMS_COUNTRIES as comma-separated ISO codes, FI by default, and refuses anything else", () => {
    const read = (value?: string) => readEnv(value === undefined ? {} : { SMS_COUNTRIES: value });
    expect(read()).toMatchObject({ ok: true, env: { SMS_COUNTRIES: ["FI"] } });
    expect(read("fi, se")).toMatchObject({ ok: true, env: { SMS_COUNTRIES: ["FI", "SE"] } });
    expect(read("Finland")).toMatchObject({ ok: false });
  });
});
