import { jsonFeed } from "@/lib/schedule/feed-responses";

/** The coming sessions for parents as Linked Events shapes events; `?place={slug}` for one place. */
export function GET(req: Request) {
  return jsonFeed(new URL(req.url).searchParams.get("place"));
}
export const dynamic = "force-dynamic";
