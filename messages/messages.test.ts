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

describe("translations", () => {
  it.each(Object.entries(all))("%s has every key, none empty", (_locale, messages) => {
    const missing = [...keys].filter((k) => !messages[k]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(all))("%s messages parse and use the same placeholders as Finnish", (locale, messages) => {
    // Arguments only ({name} or {name, plural, …}), not the text inside plural branches.
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const key of keys) {
      expect(() => new IntlMessageFormat(messages[key]!, locale), key).not.toThrow();
      expect(placeholders(messages[key]!), key).toEqual(placeholders(all.fi[key]!));
    }
  });
});
