import { describe, expect, it } from "vitest";
import { bookingFormSchema } from "./schemas";

const valid = { sessionId: "3", nickname: "", partySize: "2", email: "", interpreterLanguage: "", accessibilityNeeds: "" };
const errorsOf = (input: Record<string, string | undefined>) => {
  const r = bookingFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]));
};

describe("the booking form's rules", () => {
  it("accepts the least a parent can give: no name, no e-mail", () => {
    const r = bookingFormSchema.parse(valid);
    expect(r).toMatchObject({ sessionId: 3, partySize: 2, nickname: null, email: null, childcare: false });
  });

  it("treats optional fields left out of the request like empty ones", () => {
    const r = bookingFormSchema.safeParse({ sessionId: "3", partySize: "1" });
    expect(r.success && r.data).toMatchObject({ nickname: null, email: null, interpreterLanguage: null, accessibilityNeeds: null });
  });

  it("normalises an e-mail address and keeps the optional needs", () => {
    const r = bookingFormSchema.parse({ ...valid, email: " Maija@Example.FI ", interpreterLanguage: "arabia", childcare: "on" });
    expect(r).toMatchObject({ email: "maija@example.fi", interpreterLanguage: "arabia", childcare: true });
  });

  it.each([
    ["040 123 4567", "+358401234567"],
    ["+358 40 123 4567", "+358401234567"],
    ["050-1234567", "+358501234567"],
    ["00358 45 1234567", "+358451234567"],
  ])("reads the mobile number %s as %s", (typed, stored) => {
    expect(bookingFormSchema.parse({ ...valid, phone: typed }).phone).toBe(stored);
  });

  it("takes a booking with only a phone number, and without one", () => {
    expect(bookingFormSchema.parse({ ...valid, phone: "" })).toMatchObject({ phone: null, email: null });
    expect(bookingFormSchema.parse({ ...valid, phone: "0401234567" })).toMatchObject({ phone: "+358401234567", email: null });
  });

  it.each([
    ["a malformed e-mail", { email: "maija@" }, { email: "emailInvalid" }],
    ["an over-long nickname", { nickname: "x".repeat(41) }, { nickname: "tooLong" }],
    ["over-long needs", { accessibilityNeeds: "x".repeat(301) }, { accessibilityNeeds: "tooLong" }],
    ["zero people", { partySize: "0" }, { partySize: "partySizeInvalid" }],
    ["a party size that is not a number", { partySize: "lots" }, { partySize: "partySizeInvalid" }],
    ["a number too short", { phone: "040 12" }, { phone: "phoneInvalid" }],
    ["a landline, which cannot get a text", { phone: "09 1234 5678" }, { phone: "phoneInvalid" }],
    ["letters for a number", { phone: "my number" }, { phone: "phoneInvalid" }],
    // SMS_COUNTRIES is FI by default: numbers abroad get a message saying e-mail works for any address.
    ["a UK mobile", { phone: "+44 7400 123456" }, { phone: "phoneCountry" }],
    ["a Russian mobile", { phone: "+7 912 345 67 89" }, { phone: "phoneCountry" }],
    ["a Nigerian mobile", { phone: "+234 803 123 4567" }, { phone: "phoneCountry" }],
    ["a Swedish mobile", { phone: "+46 70 123 45 67" }, { phone: "phoneCountry" }],
    ["a forged session id", { sessionId: "1 OR 1=1" }, { sessionId: "unknownSession" }],
  ])("gives a translatable message for %s", (_name, change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });
});
