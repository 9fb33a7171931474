import type Database from "better-sqlite3";
import type { DB } from "@/db/client";

/**
 * The better-sqlite3 connection under Drizzle. The reach figures are a few
 * hand-written aggregate queries over summary tables, prepared once and run
 * on the connection directly (drizzle's query builder adds nothing there).
 */
export const sqliteOf = (db: DB): Database.Database => (db as DB & { $client: Database.Database }).$client;
