import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken } from "@/lib/booking/reads";
import { bookingCalendar } from "@/lib/booking/calendar";

export async function GET(_req: Request, ctx: RouteContext<"/[locale]/manage/[token]/calendar.ics">) {
  const { token } = await ctx.params;
  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  if (!found.ok || found.booking.status === "cancelled") return new Response("Not found", { status: 404 });
  return new Response(bookingCalendar(found.booking), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kohtaamo.ics"',
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "same-origin",
    },
  });
}
