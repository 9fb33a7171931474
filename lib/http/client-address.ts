import "server-only";
import { headers } from "next/headers";

// Set by scripts/server.mjs on every request from the socket (or the trusted proxies), overwriting whatever a client sent.
const CLIENT_HEADER = "x-kohtaamo-client";

/**
 * The client's address, for rate limits. Never read from X-Forwarded-For
 * here: a client chooses that header, and keying a limit on it lets anyone
 * reset the limit with each request.
 */
export async function clientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_HEADER) || "unknown";
}
