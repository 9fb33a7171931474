import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { canRunSession } from "@/lib/auth/staff";
import { doorState } from "@/lib/attendance/door";

/**
 * The door's live state for the screens of everyone running the session:
 * totals and check-ins, no personal data, so polling it every few seconds
 * reveals nothing the audit log should have seen.
 */
export async function GET(_req: Request, ctx: RouteContext<"/api/host/sessions/[id]">) {
  const id = Number((await ctx.params).id);
  const db = getDb();
  if (!Number.isInteger(id) || !canRunSession(db, await currentActor(), id)) {
    return Response.json({ error: "forbidden" }, { status: 403, headers: { "Cache-Control": "private, no-store" } });
  }
  const state = doorState(db, id);
  if (!state) return Response.json({ error: "notFound" }, { status: 404 });
  return Response.json(state, { headers: { "Cache-Control": "private, no-store" } });
}
