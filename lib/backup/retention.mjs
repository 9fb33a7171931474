// @ts-check
// Which backups to keep: grandfather-father-son, as restic's --keep-daily / --keep-weekly count
// it. Keep the newest copy of each of the last `keepDaily` days that have a copy, and the newest
// copy of each of the last `keepWeekly` ISO weeks that have one (days and weeks in UTC, as the
// file names are). Counting days *with* copies, not calendar days, means a server that was off
// for a month still keeps its last good copies instead of pruning them all. The newest copy is
// always kept.

/** `2026-11-23`, the UTC day. @param {Date} at */
export function dayKey(at) {
  return at.toISOString().slice(0, 10);
}

/** `2026-W48`, the ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday), in UTC. @param {Date} at */
export function isoWeekKey(at) {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const mondayBased = (at.getUTCDay() + 6) % 7;
  const thursday = new Date(midnight + (3 - mondayBased) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * @template {{ at: Date }} B
 * @param {B[]} backups in any order
 * @param {{ keepDaily: number, keepWeekly: number }} rule
 * @returns {{ keep: B[], remove: B[] }} both newest first
 */
export function prune(backups, { keepDaily, keepWeekly }) {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set(newestFirst.slice(0, 1));
  /** @param {(at: Date) => string} bucket @param {number} count */
  const newestOfEach = (bucket, count) => {
    const seen = new Set();
    for (const b of newestFirst) {
      const k = bucket(b.at);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b);
    }
  };
  newestOfEach(dayKey, keepDaily);
  newestOfEach(isoWeekKey, keepWeekly);
  return { keep: newestFirst.filter((b) => keep.has(b)), remove: newestFirst.filter((b) => !keep.has(b)) };
}
