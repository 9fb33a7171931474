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
    ["a malformed e-mail", { email: "maija@" }, { email: "emailInvalid" }],
    ["an over-long nickname", { nickname: "x".repeat(41) }, { nickname: "tooLong" }],
    ["over-long needs", { accessibilityNeeds: "x".repeat(301) }, { accessibilityNeeds: "tooLong" }],
    ["zero people", { partySize: "0" }, { partySize: "partySizeInvalid" }],
    ["a party size that is not a number", { partySize: "lots" }, { partySize: "partySizeInvalid" }],
    ["a forged session id", { sessionId: "1 OR 1=1" }, { sessionId: "unknownSession" }],
  ])("gives a translatable message for %s", (_name, change, expected) => {
    expect(errorsOf({ ...valid, ...change })).toEqual(expected);
  });
});
