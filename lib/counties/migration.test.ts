import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openDatabase } from "@/db/client";
import { sqliteOf } from "@/lib/reach/sqlite";

const folder = path.join(process.cwd(), "db/migrations");

/** The migrations folder as it was before counties (up to 0011), to build a database of that time. */
function foldersUpTo(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8"));
  const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upTo + 1);
  fs.mkdirSync(path.join(dir, "meta"));
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(folder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe("the counties migration", () => {
  it("makes one county per county text the places held, links each place to it, and keeps the staleness trigger", () => {
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kohtaamo-old-")), "old.db"));
    migrate(db, { migrationsFolder: foldersUpTo("0011_sms_daily_cap") });
    const sqlite = sqliteOf(db);
    const text = JSON.stringify({ fi: "x", sv: "x", en: "x" });
    const place = sqlite.prepare(
      "INSERT INTO places (slug, name, county, county_sv, street_address, postal_code, city, directions, accessibility, opening_hours) VALUES (?, ?, ?, ?, 'Katu 1', '00100', 'Vantaa', ?, ?, ?) RETURNING id",
    );
    const a = place.pluck().get("a", "A", "Vantaan ja Keravan hyvinvointialue", "Vanda och Kervo välfärdsområde", text, text, text) as number;
    const b = place.pluck().get("b", "B", "Vantaan ja Keravan hyvinvointialue", null, text, text, text) as number;
    const c = place.pluck().get("c", "C", "Keski-Uudenmaan hyvinvointialue", null, text, text, text) as number;
    sqlite.prepare("INSERT INTO sessions (place_id, kind, starts_at, ends_at, title, description, languages) VALUES (?, 'drop_in', 0, 1, ?, ?, '[\"fi\"]')").run(c, text, text);

    migrate(db, { migrationsFolder: folder });
    const counties = sqlite.prepare("SELECT id, name FROM counties ORDER BY id").all() as { id: number; name: string }[];
    expect(counties.map((r) => JSON.parse(r.name))).toEqual([
      { fi: "Vantaan ja Keravan hyvinvointialue", sv: "Vanda och Kervo välfärdsområde", en: "Vantaan ja Keravan hyvinvointialue" },
      { fi: "Keski-Uudenmaan hyvinvointialue", sv: "Keski-Uudenmaan hyvinvointialue", en: "Keski-Uudenmaan hyvinvointialue" },
    ]);
    expect(sqlite.prepare("SELECT id, county_id AS county FROM places ORDER BY id").all()).toEqual([
      { id: a, county: counties[0]!.id },
      { id: b, county: counties[0]!.id },
      { id: c, county: counties[1]!.id },
    ]);
    sqlite.prepare("DELETE FROM reach_dirty").run();
    sqlite.prepare("UPDATE places SET county_id = ? WHERE id = ?").run(counties[0]!.id, c);
    expect(sqlite.prepare("SELECT count(*) FROM reach_dirty").pluck().get()).toBe(1);
  });
});
