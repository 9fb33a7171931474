import { expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { doorPhase } from "./window";

const helsinki = (d: number, h: number, m = 0) => new Date(new TZDate(2026, 11, d, h, m, 0, "Europe/Helsinki").getTime());

it("opens an hour before the start and closes at midnight in Helsinki, whatever the server's zone", () => {
  const session = { startsAt: helsinki(2, 17) };
  expect(doorPhase(session, helsinki(2, 15, 59))).toBe("notYet");
  expect(doorPhase(session, helsinki(2, 16))).toBe("open");
  expect(doorPhase(session, helsinki(2, 23, 59))).toBe("open");
  expect(doorPhase(session, helsinki(3, 0))).toBe("dayOver");
  expect(doorPhase(session, helsinki(2, 17))).toBe("open");
  expect(doorPhase(session, new Date(helsinki(2, 17).getTime() - 9 * 86_400_000))).toBe("notYet");
});
