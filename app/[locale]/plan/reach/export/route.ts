import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { refusedDownload, spreadsheetDownload, toSignIn } from "@/lib/http/download";
import { isLocale } from "@/lib/i18n/locales";
import { audit } from "@/lib/privacy/audit";
import { reachReport } from "@/lib/reach/access";
import { reachCsv, reachXlsx } from "@/lib/reach/export";

/**
 * The CSV or Excel file of a dashboard view (?format=csv|xlsx and the view's
 * own query). The role is checked here against the database: a facilitator
 * gets 403, someone not signed in is sent to sign in, and neither gets a figure.
 */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/plan/reach/export">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const actor = await currentActor();
  if (!actor) return toSignIn(locale);
  const url = new URL(request.url);
  const result = reachReport(getDb(), actor, url.searchParams, { withSessions: true });
  if (!result.ok) return refusedDownload(locale);
  const { view } = result.report;
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  audit(getDb(), actor, format === "xlsx" ? "export.xlsx" : "export.csv", "reach", `${view.from}..${view.to}`);
  const name = `kohtaamo-${view.from}-${view.to}${view.publish ? "-publication" : ""}`;
  return format === "xlsx"
    ? spreadsheetDownload(name, { format, body: await reachXlsx(result.report, locale) })
    : spreadsheetDownload(name, { format, body: reachCsv(result.report, locale) });
}
