import type { NextRequest } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { REQUEST_PATH_HEADER } from "./lib/auth/request-path";

const i18n = createMiddleware(routing);

/**
 * The page's Content-Security-Policy, with a fresh nonce for each response:
 * Next puts it on its own scripts (it reads it from the request's CSP
 * header), 'strict-dynamic' lets those load the app's chunks, and nothing
 * injected into a page can run. Styles are the app's own stylesheet only.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The door's service worker (public/sw.js): without this, worker-src falls back to script-src, where
    // 'strict-dynamic' ignores 'self' and refuses navigator.serviceWorker.register("/sw.js").
    "worker-src 'self'",
    // The door's web app manifest (default-src would allow it too; said aloud, as it is relied on).
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export default function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  // next-intl forwards the request's headers to the page, so the nonce reaches Next's renderer.
  request.headers.set("content-security-policy", csp);
  // The page asked for, so a staff page that sends someone to sign in can bring them back (lib/auth/guard.ts).
  // Set here on every request, whatever a client sent under the same name.
  request.headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname);
  const response = i18n(request);
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but API routes, Next's own files and files with an extension.
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
