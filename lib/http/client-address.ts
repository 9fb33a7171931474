import "server-only";
import { timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";

// Set by scripts/server.mjs (./edge.mjs) on every request from the socket (or the trusted proxies),
// overwriting whatever a client sent, with this process's secret beside it.
import { CLIENT_HEADER, EDGE_HEADER, EDGE_SECRET_ENV } from "./edge.mjs";

/**
 * The client's key as the server stamped it (an IPv4 address or an IPv6 /64,
 * see clientKey in ./edge.mjs), or "unknown" (one bucket
 * shared by all) when the stamp is missing or not this process's: served
 * without scripts/server.mjs, a client could otherwise choose its own key.
 */
export function stampedAddress(get: (name: string) => string | null, secret: string | undefined): string {
  const sent = get(EDGE_HEADER);
  if (!secret || !sent || sent.length !== secret.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(secret))) return "unknown";
  return get(CLIENT_HEADER) || "unknown";
}

/**
 * The client, for rate limits and the seat cap: its IPv4 address or its IPv6
 * /64, decided once at the edge (clientKey). Never read from X-Forwarded-For
 * here: a client chooses that header, and keying a limit on it lets anyone
 * reset the limit with each request.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return stampedAddress((name) => h.get(name), process.env[EDGE_SECRET_ENV]);
}
