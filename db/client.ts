import "server-only";
import path from "node:path";
import fs from "node:fs";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

/** The database, with the SQLite connection under it ($client) for closing and backups. */
export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction, as a synchronous `db.transaction` callback is handed it: writes that must commit together take one. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** What a read needs: the database or a transaction, whichever the caller holds. */
export type Reader = Pick<DB, "select">;

/** What a single write needs, inside the caller's transaction or on its own. */
export type Writer = Pick<DB, "insert" | "update" | "delete">;

/** Opens (and creates) the SQLite file with the settings every connection needs. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema });
}

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db/migrations") });
}

// One connection per server process, opened on first use (never at build time).
const holder = globalThis as unknown as { __kohtaamoDb?: DB; __kohtaamoDbFile?: string };

/** Where getDb() opens the database; the boot code sets it from the validated configuration. */
export function setDatabaseFile(file: string): void {
  holder.__kohtaamoDbFile = path.resolve(/*turbopackIgnore: true*/ file);
}

export function getDb(): DB {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // A page that reads data must render per request; a build must never create or read the database.
    throw new Error("The database was opened while building: make the page dynamic (await connection()).");
  }
  if (!holder.__kohtaamoDb) {
    if (!holder.__kohtaamoDbFile) throw new Error("The database was opened before the server booted (setDatabaseFile).");
    holder.__kohtaamoDb = openDatabase(holder.__kohtaamoDbFile);
  }
  return holder.__kohtaamoDb;
}

/** Lets tests run the domain code against their own database. */
export function setDb(db: DB): void {
  holder.__kohtaamoDb = db;
}
