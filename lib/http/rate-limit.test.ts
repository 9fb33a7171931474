import { describe, expect, it } from "vitest";
import { holdSeats, releaseSeats } from "./rate-limit";

describe("seats one client may hold", () => {
  it("stop at the cap for one session, are counted apart for another, and come back when a booking is refused", async () => {
    expect(await holdSeats("198.51.100.1", "session:1", 4)).not.toBe(false);
    const second = await holdSeats("198.51.100.1", "session:1", 4);
    expect(second).not.toBe(false);
    // Still held a moment later: the window is not lost to a timer that fires at once.
    await new Promise((r) => setTimeout(r, 20));
    expect(await holdSeats("198.51.100.1", "session:1", 1)).toBe(false);
    expect(await holdSeats("198.51.100.1", "session:2", 1)).not.toBe(false);
    expect(await holdSeats("198.51.100.2", "session:1", 1)).not.toBe(false);
    if (second) await second();
    expect(await holdSeats("198.51.100.1", "session:1", 4)).not.toBe(false);
  });

  it("come back when the client cancels, but never more than that client holds", async () => {
    expect(await holdSeats("198.51.100.3", "session:3", 8)).not.toBe(false);
    expect(await holdSeats("198.51.100.3", "session:3", 1)).toBe(false);
    await releaseSeats("198.51.100.3", "session:3", 4);
    expect(await holdSeats("198.51.100.3", "session:3", 4)).not.toBe(false);
    expect(await holdSeats("198.51.100.3", "session:3", 1)).toBe(false);
    // A cancellation from another network gives it no extra allowance.
    await releaseSeats("198.51.100.4", "session:3", 8);
    expect(await holdSeats("198.51.100.4", "session:3", 8)).not.toBe(false);
    expect(await holdSeats("198.51.100.4", "session:3", 1)).toBe(false);
  });
});
