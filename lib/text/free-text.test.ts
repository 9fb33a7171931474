import { describe, expect, it } from "vitest";
import { cleanText, freeText } from "./free-text";

describe("cleanText", () => {
  it("removes NUL and other control characters", () => {
    expect(cleanText("Ma\u0000ija\u0007\u001B[31m\u007F\u0085")).toBe("Maija[31m");
  });

  it("removes bidirectional overrides and isolates", () => {
    expect(cleanText("abc\u202Etxt.exe\u202C \u2066x\u2069 \u202A\u202B\u202D\u2067\u2068")).toBe("abctxt.exe x ");
  });

  it("removes zero-width characters from a name, so it cannot pass for another", () => {
    expect(cleanText("\uFEFFAn\u200Bna\u200C\u200D\u2060")).toBe("Anna");
    expect(cleanText("Anna\u200B")).toBe(cleanText("Anna"));
  });

  it("keeps the joiners of an emoji or a Persian word in a longer text, and drops the other zero-width characters", () => {
    expect(cleanText("\u{1F469}\u200D\u{1F467} \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645\u200B\uFEFF", { multiline: true })).toBe(
      "\u{1F469}\u200D\u{1F467} \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
    );
  });

  it("normalises to NFC, so the same letter is stored the same way", () => {
    const decomposed = "A\u0308iti"; // "Äiti" as A + combining diaeresis
    expect(cleanText(decomposed)).toBe("\u00C4iti");
    expect(cleanText(decomposed)).toHaveLength(4);
  });

  it("turns line breaks and tabs into spaces in a one-line field", () => {
    expect(cleanText("a\r\nb\tc\u2028d")).toBe("a b c d");
  });

  it("keeps line breaks (as \\n) in a multi-line field", () => {
    expect(cleanText("a\r\nb\rc\n\td", { multiline: true })).toBe("a\nb\nc\n\td");
  });

  it("leaves ordinary text in any script alone", () => {
    const text = "Äiti 😊 — مرحبا, Привет; ½ €";
    expect(cleanText(text)).toBe(text);
  });
});

describe("freeText", () => {
  it("cleans before trimming and checking the length", () => {
    const schema = freeText().max(3, { message: "tooLong" });
    expect(schema.parse(" \u0000ab\u202Ec ")).toBe("abc");
    expect(schema.safeParse("abcd").success).toBe(false);
  });

  it("counts a required field holding only invisible characters as empty", () => {
    expect(freeText().min(1).safeParse("\u200B\u200D\uFEFF ").success).toBe(false);
    const schema = freeText({ message: "required" }).min(1, { message: "required" });
    const result = schema.safeParse("\u202E\u0000 ");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("required");
  });
});
