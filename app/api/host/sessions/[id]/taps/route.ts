import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { currentActor } from "@/lib/auth/current";
import { canRunSession } from "@/lib/auth/staff";
import { doorState } from "@/lib/attendance/door";
import { applyDoorOps, doorOps } from "@/lib/attendance/door-ops";

/**
 * Sec-Fetch-Site where the browser sends it; older tablets' browsers send
 * Origin, compared with the app's configured address (never with a Host a request names).
 */
function sameOrigin(req: Request) {
  const site = req.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = req.headers.get("origin");
  return origin !== null && URL.canParse(origin) && new URL(origin).origin === new URL(config().APP_URL).origin;
}

const noStore = { "Cache-Control": "private, no-store" };

/**
 * The door's queued changes, in the order the device made them. A plain route
 * rather than server actions: a tablet that kept taps overnight, or reloaded
 * the door from its own cache, may hold a page from an older build whose
 * action ids the server no longer knows; this address and its body stay the
 * same from build to build.
 *
 * Answers with each change's result and the door's state after all of them.
 * 403 (not signed in, or not this session's) keeps the device's queue as it
 * is, to be sent after signing in again.
 */
export async function POST(req: Request, ctx: RouteContext<"/api/host/sessions/[id]/taps">) {
  // Only the app's own pages may send: a cross-site form or script never reaches the door (no CSRF).
  if (!sameOrigin(req) || !req.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  }
  const id = Number((await ctx.params).id);
  const db = getDb();
  const actor = await currentActor();
  if (!Number.isInteger(id) || !canRunSession(db, actor, id)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const body = doorOps.safeParse(await req.json().catch(() => null));
  if (!body.success) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });

  const results = await Promise.all(
    applyDoorOps(db, actor, id, body.data.ops).map(async (r) =>
      // A QR code of a new visitor code alone, for the parent to photograph.
      r.ok && r.code ? { ...r, qr: await QRCode.toString(r.code, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) } : r,
    ),
  );
  return Response.json({ results, state: doorState(db, id) }, { headers: noStore });
}
