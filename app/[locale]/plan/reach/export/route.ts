import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { reachReport } from "@/lib/reach/access";
import { reachCsv, reachXlsx } from "@/lib/reach/export";
import { isLocale } from "@/lib/i18n/locales";
import { audit } from "@/lib/privacy/audit";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The CSV or Excel file of a dashboard view (?format=csv|xlsx and the view's
 * own query). The role is checked here against the database: a facilitator
 * gets 403, someone not signed in is sent to sign in, and neither gets a figure.
 */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/plan/reach/export">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const actor = await currentActor();
  if (!actor) return Response.redirect(new URL(`/${locale}/staff/sign-in`, request.url), 303);
  const url = new URL(request.url);
  const result = reachReport(getDb(), actor, url.searchParams, { withSessions: true });
  if (!result.ok) {
    return new Response(translatorFor(locale).t("staff.forbidden.body"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  const { view } = result.report;
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  audit(getDb(), actor, format === "xlsx" ? "export.xlsx" : "export.csv", "reach", `${view.from}..${view.to}`);
  const name = `kohtaamo-${view.from}-${view.to}${view.publish ? "-publication" : ""}`;
  const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
  if (format === "xlsx") {
    const body = await reachXlsx(result.report, locale);
    return new Response(new Uint8Array(body), {
      headers: {
        ...headers,
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      },
    });
  }
  return new Response(reachCsv(result.report, locale), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
  });
}
