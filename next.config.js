// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- Next loads this file as CommonJS */
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Another build folder lets a second build run while a server uses the first.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pino"],
  // forbidden() answers a staff page the person may not open with a real 403 and app/[locale]/forbidden.tsx.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // A page of ours is never opened by another site's window, nor given a camera it did not ask for.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
        ],
      },
      {
        // The parents' public pages render per request (each carries its own CSP nonce), for which
        // Next sends no-store, and no-store keeps a page out of the browser's back/forward cache: a
        // parent going back to the list would wait for it again on a slow phone. no-cache still asks
        // the server every time it loads anew. The rules below set no-store again where a page shows
        // a booking or staff data (later rules win).
        source: "/:locale(fi|sv|en)/:path*",
        headers: [{ key: "Cache-Control", value: "private, no-cache" }],
      },
      {
        // Staff pages show one person's view: never kept by a browser or a proxy for someone else.
        source: "/:locale/:area(host|plan|staff)/:path*",
        headers: [
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
      {
        // So does a county's link to a handed-over concern's report (lib/feedback/handover.ts).
        source: "/:locale/report/:path*",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
      {
        // A manage link carries its secret in the path: never send it to another site, never cache it.
        source: "/:locale/manage/:path*",
        headers: [
          // same-origin, not no-referrer: the latter makes browsers send "Origin: null" on the
          // cancel form, which Next refuses as a cross-site server action.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Cache-Control", value: "private, no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
