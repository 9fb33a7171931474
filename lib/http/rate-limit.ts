import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { config } from "@/lib/config";

// One process serves the app (SQLite is embedded), so counting in memory is exact.
const limiters = new Map<string, RateLimiterMemory>();

function limiter(prefix: string): RateLimiterMemory {
  let l = limiters.get(prefix);
  if (!l) {
    l = new RateLimiterMemory({ keyPrefix: prefix, points: config().BOOKING_RATE_LIMIT, duration: config().BOOKING_RATE_WINDOW_SECONDS });
    limiters.set(prefix, l);
  }
  return l;
}

/** Takes one attempt from the address's allowance for this kind of request; false when it is used up. */
export async function allowAttempt(kind: "booking" | "signIn" | "feedback", address: string): Promise<boolean> {
  try {
    await limiter(kind).consume(address);
    return true;
  } catch {
    return false;
  }
}

export const allowBookingAttempt = (address: string) => allowAttempt("booking", address);
