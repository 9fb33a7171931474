import { calendarFeed } from "@/lib/schedule/feed-responses";

/** Every open place's coming sessions for parents, as a calendar to subscribe to. */
export async function GET(_req: Request, ctx: RouteContext<"/[locale]/calendar.ics">) {
  return calendarFeed((await ctx.params).locale);
}
