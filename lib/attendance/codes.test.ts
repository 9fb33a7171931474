import { expect, it } from "vitest";
import { newVisitorCode, normaliseVisitorCode } from "./codes";

it("makes short codes that are easy to read aloud and type", () => {
  const codes = new Set(Array.from({ length: 2000 }, newVisitorCode));
  for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRTWXY]{3}-[346789]{3}$/);
  expect(codes.size).toBeGreaterThan(1990); // random, not sequential
});

it("reads a code however it was typed, and refuses what cannot be one", () => {
  expect(normaliseVisitorCode(" ktm 478 ")).toBe("KTM-478");
  expect(normaliseVisitorCode("KTM478")).toBe("KTM-478");
  expect(normaliseVisitorCode("ktm-478")).toBe("KTM-478");
  expect(normaliseVisitorCode("KT-478")).toBeNull();
  expect(normaliseVisitorCode("")).toBeNull();
  expect(normaliseVisitorCode("maija@example.com")).toBeNull();
});
