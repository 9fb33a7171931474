import { expect, it } from "vitest";
import { testDb } from "@/lib/test/db";
import { sqliteOf } from "./sqlite";
import { REACH_SOURCES } from "./sources";

type Watched = { insert: boolean; delete: boolean; update: "*" | string[] };

/** The reach triggers a migrated database holds, read back from their own SQL. */
function triggersInDatabase(): Record<string, Watched> {
  const rows = sqliteOf(testDb()).prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%reach_dirty%'").pluck().all() as string[];
  const found: Record<string, Watched> = {};
  for (const sql of rows) {
    const m = /AFTER\s+(INSERT|DELETE|UPDATE)(?:\s+OF\s+([\w\s,]+?))?\s+ON\s+[`"]?(\w+)[`"]?/i.exec(sql);
    if (!m) throw new Error(`a reach trigger this test cannot read: ${sql}`);
    const [, event, columns, table] = m as unknown as [string, string, string | undefined, string];
    const w = (found[table] ??= { insert: false, delete: false, update: [] });
    if (event.toUpperCase() === "INSERT") w.insert = true;
    else if (event.toUpperCase() === "DELETE") w.delete = true;
    else if (!columns) w.update = "*";
    else if (w.update !== "*") w.update.push(...columns.split(",").map((c) => c.trim()));
  }
  return found;
}

const normal = (s: Record<string, { insert: boolean; delete: boolean; update: "*" | readonly string[] }>) =>
  Object.fromEntries(
    Object.entries(s)
      .map(([t, w]) => [t, { ...w, update: w.update === "*" ? "*" : [...new Set(w.update)].sort() }] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

it("lists exactly what the database's triggers watch, so no figure can go stale unnoticed", () => {
  expect(normal(triggersInDatabase())).toEqual(normal(REACH_SOURCES));
});

it("fails when a watched column is left out of the list", () => {
  const without = { ...REACH_SOURCES, sessions: { ...REACH_SOURCES.sessions!, update: ["place_id", "group_id", "kind", "starts_at", "capacity", "status"] } };
  expect(normal(triggersInDatabase())).not.toEqual(normal(without));
});
