import { calendarFeed } from "@/lib/schedule/feed-responses";

/** One place's coming sessions for parents, as a calendar to subscribe to. */
export async function GET(_req: Request, ctx: RouteContext<"/[locale]/places/[slug]/calendar.ics">) {
  const { locale, slug } = await ctx.params;
  return calendarFeed(locale, slug);
}
