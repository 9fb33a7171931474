import "server-only";
import { config } from "@/lib/config";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The answers of a staff download route (a figures or hours export), so every export answers alike.

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

/** Not signed in: off to sign in, on the configured address (never one a request's Host names). */
export function toSignIn(locale: Locale): Response {
  return Response.redirect(new URL(`/${locale}/staff/sign-in`, config().APP_URL), 303);
}

/** Signed in but not allowed: 403 with the reason in the person's language, and no figure. */
export function refusedDownload(locale: Locale): Response {
  return new Response(translatorFor(locale).t("staff.forbidden.body"), {
    status: 403,
    headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** A spreadsheet as an attachment: `name` without its extension. */
export function spreadsheetDownload(name: string, file: { format: "csv"; body: string } | { format: "xlsx"; body: Buffer }): Response {
  const type = file.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  const body = file.format === "xlsx" ? new Uint8Array(file.body) : file.body;
  return new Response(body, { headers: { ...PRIVATE, "Content-Type": type, "Content-Disposition": `attachment; filename="${name}.${file.format}"` } });
}
