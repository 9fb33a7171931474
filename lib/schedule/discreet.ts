/*
 * Words that tell a bystander a family is a child-protection client. A
 * session's title is seen in lists, on a shared screen and in a parent's
 * history, so the planners' form warns (it does not refuse: a planner may
 * have a reason) when a title uses one of them, in any of the three languages.
 * Matched by stem, so Finnish inflections ("huostaanotosta", "sijoituksen") count.
 */
const TELLING: readonly { stem: string; word: string }[] = [
  { stem: "huostaanot", word: "huostaanotto" },
  { stem: "sijoitu", word: "sijoitus" },
  { stem: "sijoitet", word: "sijoitus" },
  { stem: "sijaishuol", word: "sijaishuolto" },
  { stem: "lastensuojel", word: "lastensuojelu" },
  { stem: "omhänderta", word: "omhändertagande" },
  { stem: "placering", word: "placering" },
  { stem: "vård utom hemmet", word: "vård utom hemmet" },
  { stem: "barnskydd", word: "barnskydd" },
  { stem: "taking into care", word: "taking into care" },
  { stem: "taken into care", word: "taking into care" },
  { stem: "placement", word: "placement" },
  { stem: "substitute care", word: "substitute care" },
  { stem: "child protection", word: "child protection" },
];

/** The telling words some texts use, each once, in the list's order; empty when none. */
export function tellingWords(texts: readonly (string | null | undefined)[]): string[] {
  const text = texts
    .filter(Boolean)
    .join(" \n ")
    .toLocaleLowerCase("fi")
    .replace(/\s+/g, " ");
  return [...new Set(TELLING.filter((w) => text.includes(w.stem)).map((w) => w.word))];
}

/** The words a session form's title fields (titleFi, titleSv, titleEn) use. */
export function tellingTitleWords(values: Record<string, string | string[] | undefined>): string[] {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(" ") : v);
  return tellingWords([one(values.titleFi), one(values.titleSv), one(values.titleEn)]);
}
