// `npm run backup`: a consistent copy of the live database (the app may keep running), into
// BACKUP_DIR, encrypted when BACKUP_KEY is set, then the older copies pruned by
// BACKUP_KEEP_DAILY / BACKUP_KEEP_WEEKLY. Prints one line; exits non-zero when it fails.
import path from "node:path";
import { backupSettingsFrom, takeBackup } from "../lib/backup/backup.mjs";

try {
  const settings = backupSettingsFrom(process.env);
  const { file, bytes, pruned } = await takeBackup(settings);
  const size = `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const shown = path.relative(process.cwd(), file).startsWith("..") ? file : path.relative(process.cwd(), file);
  console.log(`Backup written: ${shown} (${size}${settings.key ? ", encrypted" : ""})${pruned.length ? `; ${pruned.length} older cop${pruned.length === 1 ? "y" : "ies"} pruned` : ""}.`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
