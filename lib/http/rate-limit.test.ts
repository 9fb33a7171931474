import { expect, it, vi } from "vitest";

it("slows down many booking attempts from one address and not from others", async () => {
  vi.stubEnv("BOOKING_RATE_LIMIT", "3");
  vi.stubEnv("BOOKING_RATE_WINDOW_SECONDS", "60");
  const { allowBookingAttempt } = await import("./rate-limit");
  const tries = [];
  for (let i = 0; i < 5; i++) tries.push(await allowBookingAttempt("203.0.113.7"));
  expect(tries).toEqual([true, true, true, false, false]);
  expect(await allowBookingAttempt("198.51.100.2")).toBe(true);
});
