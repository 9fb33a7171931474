import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken } from "@/lib/booking/reads";
import { bookingCalendar } from "@/lib/booking/calendar";
import { localeOr } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { placeIn } from "@/lib/i18n/place-names";

export async function GET(_req: Request, ctx: RouteContext<"/[locale]/manage/[token]/calendar.ics">) {
  const { token, locale } = await ctx.params;
  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  if (!found.ok || found.booking.status === "cancelled") {
    // Opened from an old link: say in the parent's language what to do, as the booking page does.
    const { t } = translatorFor(localeOr(locale));
    return new Response(t(found.ok ? "manage.cancelledTitle" : found.reason === "expired" ? "manage.expiredBody" : "manage.invalidBody"), {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  // The place as the parent reads it: Dickursby in a Swedish calendar.
  const booking = { ...found.booking, place: placeIn(found.booking.place, found.booking.locale) };
  return new Response(bookingCalendar(booking), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kohtaamo.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "same-origin",
    },
  });
}
