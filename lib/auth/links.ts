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

/**
 * Where a member of staff goes after the sign-in link: a path of our own staff
 * pages carried through the sign-in form (?next=), e.g. the concern a notice
 * linked to. Anything else (another origin, "//host", a backslash, a parents'
 * page, a query) is refused, and the staff front page is used instead.
 */
export function staffReturnPath(next: unknown, locale: string): string {
  const fallback = `/${locale}/host`;
  if (typeof next !== "string" || next.length > 200) return fallback;
  return /^\/(fi|sv|en)\/(host|plan)(\/[A-Za-z0-9_-]+)*$/.test(next) ? next : fallback;
}
