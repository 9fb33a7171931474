import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// One word for each thing (messages/GLOSSARY.md): the words we retired, per language.
const RETIRED: Record<"fi" | "sv" | "en", { word: string; pattern: RegExp }[]> = {
  fi: [
    { word: "tapahtuma (a session is a tapaaminen)", pattern: /\btapahtum/i },
    { word: "tilaisuus (a session is a tapaaminen)", pattern: /tilaisuu/i },
    { word: "vetäjä (kokemusasiantuntija)", pattern: /vetäj/i },
    { word: "ohjaaja (kokemusasiantuntija)", pattern: /ohjaaj/i },
    // Lower-case only: Kohtaamo is the service's name; an address like kohtaamo.fi is not a word.
    { word: "kohtaamo as a common noun (kohtaamispaikka)", pattern: /(?<![\w@./-])kohtaamo(?![\w-]*\.\w)/ },
    { word: "sulkea a session (päättää tapaaminen)", pattern: /\bsulje(ttu|taan|ttaessa|ttiin|ttava)?\b/i },
    { word: "varauskoodi (varaustunnus)", pattern: /varauskoodi/i },
  ],
  sv: [
    { word: "tillfälle (a session is a träff)", pattern: /tillfäll/i },
    { word: "handledare (erfarenhetsexpert)", pattern: /handledar/i },
    { word: "ledare (erfarenhetsexpert)", pattern: /\bledar(e|en|na)\b/i },
    { word: "öppna träffar (öppet hus)", pattern: /öppna träffar/i },
    { word: "stänga a session (avsluta träffen)", pattern: /\bstäng/i },
  ],
  en: [{ word: "facilitator (experience expert)", pattern: /facilitator/i }],
};

// Where a retired word is right in another sense: file (under messages/), key, and why.
const ALLOWED: { file: string; key: string; why: string }[] = [
  { file: "dialogue/fi.json", key: "flyer.tags.event", why: "an event where flyers are handed out (a fair), not one of our sessions" },
  { file: "dialogue/fi.json", key: "professionals.flagHint", why: "infotilaisuus: the usual word for a briefing for professionals" },
  { file: "dialogue/sv.json", key: "professionals.flagHint", why: "infotillfälle: the usual word for a briefing for professionals" },
];


type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));

// Every messages file, each on its own: fi.json, sv.json, en.json and every area's.
const root = import.meta.dirname;
const files = [
  ...readdirSync(root).filter((f) => /^(fi|sv|en)\.json$/.test(f)),
  ...readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => /^(fi|sv|en)\.json$/.test(f)).map((f) => `${d.name}/${f}`)),
];

function hits(file: string) {
  const locale = file.match(/(fi|sv|en)\.json$/)![1] as keyof typeof RETIRED;
  const messages = flatten(JSON.parse(readFileSync(join(root, file), "utf8")) as Tree);
  return messages.flatMap(([key, text]) => RETIRED[locale].filter((r) => r.pattern.test(text)).map((r) => ({ key, word: r.word, text })));
}

describe("the glossary", () => {
  it("finds every messages file", () => {
    expect(files).toEqual(expect.arrayContaining(["fi.json", "sv.json", "en.json", "host/fi.json", "plan/sv.json", "sms/en.json"]));
  });

  it.each(files)("%s uses no retired word", (file) => {
    const found = hits(file).filter(
      (h) => !ALLOWED.some((a) => a.file === file && a.key === h.key),
    );
    expect(found).toEqual([]);
  });

  it("allows a retired word only where it is still there (no stale allow-list)", () => {
    const stale = ALLOWED.filter((a) => !hits(a.file).some((h) => h.key === a.key));
    expect(stale).toEqual([]);
  });

  it("catches the words it retired", () => {
    const caught = (locale: keyof typeof RETIRED, text: string) => RETIRED[locale].some((r) => r.pattern.test(text));
    for (const text of ["Sulje tapahtuma", "Päätetäänkö tilaisuus nyt?", "Vetäjät", "Kokemusasiantuntija / ohjaaja", "Ensimmäinen kohtaamo"]) expect(caught("fi", text), text).toBe(true);
    for (const text of ["Stäng träffen", "Avsluta tillfället nu?", "handledaren", "Till öppna träffar"]) expect(caught("sv", text), text).toBe(true);
    for (const text of ["Tervetuloa Kohtaamoon", "planner@kohtaamo.local", "Päätä tapaaminen", "kohtaamispaikka"]) expect(caught("fi", text), text).toBe(false);
    for (const text of ["Avsluta träffen", "Till öppet hus", "erfarenhetsexperten"]) expect(caught("sv", text), text).toBe(false);
  });
});
