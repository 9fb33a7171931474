import type { StaffRole } from "@/db/schema";
import { config } from "@/lib/config";

/**
 * The same path and query on the configured public address. A link we send or
 * redirect to is built from APP_URL only: a forged Host or X-Forwarded-Host
 * must not be able to carry a sign-in token, or a signed-in staff member, to another site.
 */
export function onAppUrl(url: string): string {
  const base = new URL(config().APP_URL);
  const given = new URL(url, base);
  // Set on a URL of our origin, never parsed again: a path of "//evil.example/x" read as a
  // relative reference would be another host.
  const out = new URL(base.origin);
  out.pathname = given.pathname;
  out.search = given.search;
  out.hash = given.hash;
  return out.href;
}

/**
 * Where to send someone after signing in or out, given a callbackUrl a
 * request carried: a page on APP_URL, or APP_URL's front page. The address
 * is read as a browser reads it (WHATWG URL: tabs and newlines dropped, "\"
 * taken for "/"), so what is checked is where the browser would go; anything
 * that lands on another origin ("//host", "/\host", "https:host", a full
 * URL elsewhere, "javascript:") or on a path that starts "//" is refused.
 */
export function redirectOnAppUrl(url: string): string {
  const base = new URL(config().APP_URL);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return `${base.origin}/`;
  }
  if (target.origin !== base.origin || /^[/\\]{2}/.test(target.pathname)) return `${base.origin}/`;
  return target.href;
}

/**
 * Where a member of staff goes after the sign-in link: a path of our own staff
 * pages carried through the sign-in form (?next=), e.g. the concern a notice
 * linked to. Anything else (another origin, "//host", a backslash, a parents'
 * page, a query) is refused, and the role's front page is used instead: the
 * planning pages for a planner or admin, the door's list for an experience expert
 * (and when the role is not known yet, as on the sign-in page itself).
 */
export function staffReturnPath(next: unknown, locale: string, role?: StaffRole): string {
  const fallback = role === "planner" || role === "admin" ? `/${locale}/plan` : `/${locale}/host`;
  if (typeof next !== "string" || next.length > 200) return fallback;
  return /^\/(fi|sv|en)\/(host|plan)(\/[A-Za-z0-9_-]+)*$/.test(next) ? next : fallback;
}
