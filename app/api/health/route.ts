import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { readiness } from "@/lib/server/health";

/** Readiness for a load balancer or a monitor: 200 when the service can do its work, 503 with what is wrong. */
export function GET() {
  const { BACKUP_DIR, BACKUP_INTERVAL_HOURS } = config();
  const health = readiness(getDb(), { dir: BACKUP_DIR, intervalHours: BACKUP_INTERVAL_HOURS });
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
export const dynamic = "force-dynamic";
