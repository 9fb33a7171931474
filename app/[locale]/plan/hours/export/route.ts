import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { isPlanner } from "@/lib/auth/staff";
import { hoursCsv, hoursXlsx } from "@/lib/hours/export";
import { hoursView } from "@/lib/hours/reads";
import { hoursQuerySchema } from "@/lib/hours/schemas";
import { refusedDownload, spreadsheetDownload, toSignIn } from "@/lib/http/download";
import { isLocale } from "@/lib/i18n/locales";
import { audit } from "@/lib/privacy/audit";

/** The hours of a period as CSV or Excel (?format=csv|xlsx&from&to&person), for planners only; each export is audited. */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/plan/hours/export">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const actor = await currentActor();
  if (!actor) return toSignIn(locale);
  const url = new URL(request.url);
  const view = isPlanner(actor) ? hoursView(getDb(), actor, hoursQuerySchema.parse(Object.fromEntries(url.searchParams))) : null;
  if (!view?.ok) return refusedDownload(locale);
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  audit(getDb(), actor, format === "xlsx" ? "export.xlsx" : "export.csv", "hours", `${view.period.from}..${view.period.to}`);
  const name = `kohtaamo-hours-${view.period.from}-${view.period.to}`;
  return format === "xlsx"
    ? spreadsheetDownload(name, { format, body: await hoursXlsx(view, locale) })
    : spreadsheetDownload(name, { format, body: hoursCsv(view, locale) });
}
