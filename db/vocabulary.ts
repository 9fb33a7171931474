/*
 * The lists of words the app decides on, with no imports of its own: the
 * schema's enums read them, and so can a client component without pulling
 * drizzle into a parents' page (issue 25: the booking form's "how did you
 * hear" once shipped drizzle-orm through db/schema).
 */

/**
 * How a parent heard of Kohtaamo, when they chose to say (optional, anonymous:
 * a channel, never a person). Counted for new parents on the reach dashboard.
 */
export const referralChannels = ["social_worker", "professional", "peer", "web", "flyer", "other"] as const;
export type ReferralChannel = (typeof referralChannels)[number];
