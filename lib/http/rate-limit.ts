import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { config } from "@/lib/config";

// One process serves the app (SQLite is embedded), so counting in memory is exact.
// Nothing here is written to the database: the addresses are forgotten with the window.
const limiters = new Map<string, RateLimiterMemory>();

function limiter(prefix: string, points: number, duration: number): RateLimiterMemory {
  let l = limiters.get(prefix);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: prefix, points, duration });
    limiters.set(prefix, l);
  }
  return l;
}

/** Takes one attempt from the address's allowance for this kind of request; false when it is used up. */
export async function allowAttempt(kind: "booking" | "signIn" | "feedback" | "lostLink", address: string): Promise<boolean> {
  try {
    await limiter(kind, config().BOOKING_RATE_LIMIT, config().BOOKING_RATE_WINDOW_SECONDS).consume(address);
    return true;
  } catch {
    return false;
  }
}

export const allowBookingAttempt = (address: string) => allowAttempt("booking", address);

// Three weeks: longer would overflow the timer that forgets a key (at most 2^31 ms, 24.8 days), which then fires at once.
const SEAT_WINDOW_SECONDS = 21 * 86_400;

/**
 * Holds `seats` of what one address may book for one bookable (a session or a
 * group) over three weeks. Returns a function that gives them back, for a booking
 * that was then refused; false when the address would hold too many.
 */
export async function holdSeats(address: string, bookable: string, seats: number): Promise<false | (() => Promise<void>)> {
  const seatLimiter = limiter("seats", config().BOOKING_SEATS_PER_CLIENT, SEAT_WINDOW_SECONDS);
  const key = `${bookable}:${address}`;
  try {
    await seatLimiter.consume(key, seats);
  } catch {
    // A refused request still counted its seats: give them back, so asking for too many takes nothing.
    await seatLimiter.reward(key, seats);
    return false;
  }
  return async () => {
    await seatLimiter.reward(key, seats);
  };
}

/**
 * A parent cancelled: the seats go back to the address that cancels, but never
 * more than it holds for that session or group. Cancelling from another
 * network gives that network no extra allowance.
 */
export async function releaseSeats(address: string, bookable: string, seats: number): Promise<void> {
  const seatLimiter = limiter("seats", config().BOOKING_SEATS_PER_CLIENT, SEAT_WINDOW_SECONDS);
  const key = `${bookable}:${address}`;
  const held = (await seatLimiter.get(key))?.consumedPoints ?? 0;
  if (held > 0) await seatLimiter.reward(key, Math.min(held, seats));
}
