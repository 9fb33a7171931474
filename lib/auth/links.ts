import { config } from "@/lib/config";

/**
 * The same path and query on the configured public address. A link we send or
 * redirect to is built from APP_URL only: a forged Host or X-Forwarded-Host
 * must not be able to carry a sign-in token, or a signed-in staff member, to another site.
 */
export function onAppUrl(url: string): string {
  const base = new URL(config().APP_URL);
  const given = new URL(url, base);
  return new URL(`${given.pathname}${given.search}${given.hash}`, base.origin).toString();
}
