import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { myDetails } from "@/lib/booking/my-details";
import { bookingByToken } from "@/lib/booking/reads";
import { localeOr } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * "Download my details": everything stored about the booking, as a file, with
 * the manage link as the only key. (No caching and no referrer: next.config.js
 * says so for every manage address.)
 */
export async function GET(_req: Request, ctx: RouteContext<"/[locale]/manage/[token]/my-details.json">) {
  const { token, locale } = await ctx.params;
  const db = getDb();
  const now = new Date();
  const details = myDetails(db, token, now, config().MANAGE_LINK_DAYS);
  if (!details) {
    // Say why, as the manage page does: an expired link needs another step than a mistyped one.
    const found = bookingByToken(db, token, now, config().MANAGE_LINK_DAYS);
    const { t } = translatorFor(localeOr(locale));
    const reason = !found.ok && found.reason === "expired" ? t("manage.expiredBody") : t("manage.invalidBody");
    return new Response(reason, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(JSON.stringify(details, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="kohtaamo-${details.booking.code}.json"`,
    },
  });
}
