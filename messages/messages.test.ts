import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { allMessages } from "@/lib/i18n/translator";

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === "string" ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)),
    ),
  );

// Every message file of every area, merged as the app loads them.
const all = { fi: flatten(allMessages.fi), sv: flatten(allMessages.sv), en: flatten(allMessages.en) };
const keys = new Set(Object.values(all).flatMap((m) => Object.keys(m)));

type Element = { type: number; value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The argument names of a parsed message, branches and tags included. */
function argumentsOf(elements: Element[]): string[] {
  return elements.flatMap((e) => [
    // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (0 is text, 7 is #, 8 a tag).
    ...(e.type >= 1 && e.type <= 6 && typeof e.value === "string" ? [e.value] : []),
    ...Object.values(e.options ?? {}).flatMap((o) => argumentsOf(o.value)),
    ...argumentsOf(e.children ?? []),
  ]);
}

describe("translations", () => {
  it.each(Object.entries(all))("%s has every key, none empty", (_locale, messages) => {
    const missing = [...keys].filter((k) => !messages[k]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(all))("%s messages parse and use the same placeholders as Finnish", (locale, messages) => {
    // Arguments only ({name} or {name, plural, …}), read from the parsed message: the text inside
    // plural and select branches ("{wed {keskiviikkoisin}}") is not an argument.
    const placeholders = (s: string) => [...new Set(argumentsOf(new IntlMessageFormat(s, locale).getAst()))].sort();
    for (const key of keys) {
      expect(() => new IntlMessageFormat(messages[key]!, locale), key).not.toThrow();
      expect(placeholders(messages[key]!), key).toEqual(placeholders(all.fi[key]!));
    }
  });
});
