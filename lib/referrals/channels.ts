import { referralChannels, type ReferralChannel } from "@/db/vocabulary";

/*
 * How parents find a meeting place. A parent may say how they heard of
 * Kohtaamo (optional, anonymous: a channel, never a person) on the booking
 * form, or the door records it with one tap next to a first-time walk-in.
 * A flyer's QR code carries a channel tag (?from=flyer-<where handed out>),
 * which prefills "a flyer" on the booking form.
 */

export { referralChannels, type ReferralChannel };

/** The channels as the reach figures show them: "untold" is every new parent who did not say. */
export type ChannelKey = ReferralChannel | "untold";
export const channelKeys: readonly ChannelKey[] = [...referralChannels, "untold"];

/** Where a flyer is handed out: a fixed list, so a tag can never name a person. */
export const flyerTags = ["sw", "health", "school", "library", "event", "other"] as const;
export type FlyerTag = (typeof flyerTags)[number];

/** The tag a flyer's QR code carries. */
export const flyerFrom = (tag: FlyerTag) => `flyer-${tag}`;

/** The channel a `from` tag in a link stands for (only flyers' tags are known); null for anything else. */
export function channelFromTag(from: unknown): ReferralChannel | null {
  const tag = Array.isArray(from) ? from[0] : from;
  if (typeof tag !== "string" || !tag.startsWith("flyer-")) return null;
  return (flyerTags as readonly string[]).includes(tag.slice("flyer-".length)) ? "flyer" : null;
}

/** A `from` tag worth passing on to the next page (a known flyer's), else null. */
export function passOnTag(from: unknown): string | null {
  const tag = Array.isArray(from) ? from[0] : from;
  return channelFromTag(tag) ? (tag as string) : null;
}

export const isChannel = (v: unknown): v is ReferralChannel => typeof v === "string" && (referralChannels as readonly string[]).includes(v);
