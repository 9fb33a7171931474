import { expect, it } from "vitest";
import { newBookingCode } from "@/lib/booking/token";
import { newVisitorCode, normaliseVisitorCode, VISITOR_CODE_SPACE } from "./codes";

it("makes codes in three groups that are easy to read aloud and type", () => {
  const codes = new Set(Array.from({ length: 2000 }, newVisitorCode));
  for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRTWXY]{3}-[346789]{4}-[ABCDEFGHJKMNPQRTWXY]{3}$/);
  expect(codes.size).toBe(2000); // random, not sequential
});

it("has a space too large to guess in: about 6·10^10 codes, as the comment says", () => {
  expect(VISITOR_CODE_SPACE).toBe(60_971_461_776);
  expect(VISITOR_CODE_SPACE).toBe(19 ** 6 * 6 ** 4);
});

it("never takes a booking code for a visitor code, nor the other way round", () => {
  for (let i = 0; i < 500; i++) {
    const booking = newBookingCode();
    expect(normaliseVisitorCode(booking)).toBeNull();
    expect(booking).not.toMatch(/^.{3}-.{4}-.{3}$/);
  }
});

it("reads a code however it was typed, and refuses what cannot be one", () => {
  expect(normaliseVisitorCode(" ktm 4783 pxw ")).toBe("KTM-4783-PXW");
  expect(normaliseVisitorCode("KTM4783PXW")).toBe("KTM-4783-PXW");
  expect(normaliseVisitorCode("ktm-4783-pxw")).toBe("KTM-4783-PXW");
  expect(normaliseVisitorCode("KTM-478")).toBeNull(); // the old shape, like a booking code
  expect(normaliseVisitorCode("KTM-4783-PX")).toBeNull();
  expect(normaliseVisitorCode("KTM-4781-PXW")).toBeNull(); // 1 is not in the alphabet
  expect(normaliseVisitorCode("")).toBeNull();
  expect(normaliseVisitorCode("maija@example.com")).toBeNull();
});
