import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { config } from "@/lib/config";

// One process serves the app (SQLite is embedded), so counting in memory is exact.
let limiter: RateLimiterMemory | undefined;

function bookingLimiter(): RateLimiterMemory {
  limiter ??= new RateLimiterMemory({
    keyPrefix: "booking",
    points: config().BOOKING_RATE_LIMIT,
    duration: config().BOOKING_RATE_WINDOW_SECONDS,
  });
  return limiter;
}

/** Takes one booking attempt from the address's allowance; false when it is used up. */
export async function allowBookingAttempt(address: string): Promise<boolean> {
  try {
    await bookingLimiter().consume(address);
    return true;
  } catch {
    return false;
  }
}
