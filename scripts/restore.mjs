// `npm run restore -- FILE`: checks a backup (integrity, and that this version of the app knows
// its schema), refuses while Kohtaamo runs on DATABASE_PATH, then puts the copy in place and
// keeps the previous database beside it. Prints one line; exits non-zero on any refusal.
import path from "node:path";
import { backupSettingsFrom, restoreBackup } from "../lib/backup/backup.mjs";

const root = path.resolve(import.meta.dirname, "..");
const arg = process.argv[2];
if (!arg || arg.startsWith("-")) {
  console.error("Usage: npm run restore -- FILE (a backup from BACKUP_DIR, e.g. data/backups/kohtaamo-20261123T083500Z.db)");
  process.exit(2);
}
// npm runs scripts from the project folder; a relative FILE means relative to where it was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), arg);

try {
  const { dbPath, key } = backupSettingsFrom(process.env);
  const result = await restoreBackup({ file, dbPath, key, migrationsDir: path.join(root, "db/migrations") });
  if (!result.ok) {
    console.error(`Not restored: ${result.reason}`);
    process.exit(1);
  }
  const kept = result.previous ? ` The previous database is kept as ${result.previous}.` : "";
  console.log(`Restored ${path.basename(file)} onto ${dbPath} (schema ${result.migrations.at(-1)}).${kept} Start Kohtaamo again; newer migrations apply at start.`);
} catch (error) {
  console.error(`Not restored: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
