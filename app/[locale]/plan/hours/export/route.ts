import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/current";
import { isPlanner } from "@/lib/auth/staff";
import { hoursCsv, hoursXlsx } from "@/lib/hours/export";
import { hoursView } from "@/lib/hours/reads";
import { hoursQuerySchema } from "@/lib/hours/schemas";
import { isLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { audit } from "@/lib/privacy/audit";

/** The hours of a period as CSV or Excel (?format=csv|xlsx&from&to&person), for planners only; each export is audited. */
export async function GET(request: Request, { params }: RouteContext<"/[locale]/plan/hours/export">) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response("Not found", { status: 404 });
  const actor = await currentActor();
  if (!actor) return Response.redirect(new URL(`/${locale}/staff/sign-in`, request.url), 303);
  const url = new URL(request.url);
  const view = isPlanner(actor) ? hoursView(getDb(), actor, hoursQuerySchema.parse(Object.fromEntries(url.searchParams))) : { ok: false as const };
  if (!view.ok) {
    return new Response(translatorFor(locale).t("staff.forbidden.body"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  audit(getDb(), actor, format === "xlsx" ? "export.xlsx" : "export.csv", "hours", `${view.period.from}..${view.period.to}`);
  const name = `kohtaamo-hours-${view.period.from}-${view.period.to}`;
  const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
  if (format === "xlsx") {
    return new Response(new Uint8Array(await hoursXlsx(view, locale)), {
      headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Content-Disposition": `attachment; filename="${name}.xlsx"` },
    });
  }
  return new Response(hoursCsv(view, locale), {
    headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.csv"` },
  });
}
