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
