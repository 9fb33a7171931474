import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";

export const { GET } = handlers;

/**
 * Only the app's own sign-in form starts a sign-in (it answers every address
 * alike and is rate-limited). Auth.js's own POST /signin endpoint would tell
 * staff addresses from others and bypass the limit, so it answers 404 like
 * any unknown address.
 */
export function POST(request: NextRequest) {
  const action = new URL(request.url).pathname.split("/api/auth/")[1]?.split("/")[0];
  if (action === "signin") return new Response("Not found", { status: 404 });
  return handlers.POST(request);
}
