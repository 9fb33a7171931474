import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { myDetails } from "@/lib/booking/my-details";
import { localeOr } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** "Download my details": everything stored about the booking, as a file, with the manage link as the only key. */
export async function GET(_req: Request, ctx: RouteContext<"/[locale]/manage/[token]/my-details.json">) {
  const { token, locale } = await ctx.params;
  const details = myDetails(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  const headers = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex" };
  if (!details) {
    const { t } = translatorFor(localeOr(locale));
    return new Response(t("manage.invalidBody"), { status: 404, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(JSON.stringify(details, null, 2), {
    headers: {
      ...headers,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="kohtaamo-${details.booking.code}.json"`,
    },
  });
}
