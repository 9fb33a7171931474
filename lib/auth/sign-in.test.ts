import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DB } from "@/db/client";
import { users, verificationTokens } from "@/db/schema";
import { testDb } from "@/lib/test/db";
import { SIGN_IN_ANSWER_MS, atLeast, sendSignInLinkIfStaff } from "./sign-in";

let db: DB;

/** Every row of every table: what a request wrote, or that it wrote nothing. */
function everything(): Record<string, unknown[]> {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}"`).all()]));
}

beforeEach(() => {
  db = testDb();
  db.insert(users).values({ id: "staff-1", name: "Sanna", email: "sanna@kohtaamo.local", role: "facilitator", locale: "fi" }).run();
  db.insert(verificationTokens).values({ identifier: "sanna@kohtaamo.local", token: "older-link", expires: new Date(Date.now() + 3_600_000) }).run();
  vi.useFakeTimers({ toFake: ["setTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("asking for a sign-in link", () => {
  it("answers a staff address and a stranger's after the same floor, and does nothing at all for the stranger", async () => {
    const sent: string[] = [];
    const send = async (email: string) => {
      sent.push(email);
    };
    const before = everything();
    const answered: string[] = [];
    const strangerAnswer = sendSignInLinkIfStaff(db, "nobody@example.com", send);
    const stranger = strangerAnswer.then(() => answered.push("stranger"));
    expect(everything()).toEqual(before);
    const staffAnswer = sendSignInLinkIfStaff(db, "sanna@kohtaamo.local", send);
    const staff = staffAnswer.then(() => answered.push("staff"));

    // The staff member's work is done at once (the older link voided, the new one handed to Auth.js)…
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(["sanna@kohtaamo.local"]);
    expect(db.select().from(verificationTokens).all()).toEqual([]);
    // …and still neither answer comes before the floor, then both come together.
    await vi.advanceTimersByTimeAsync(SIGN_IN_ANSWER_MS - 1);
    expect(answered).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([stranger, staff]);
    expect(answered.sort()).toEqual(["staff", "stranger"]);
    // The same answer: nothing to tell them apart by.
    expect(await strangerAnswer).toBe(await staffAnswer);
  });

  it("answers when the work ends if it takes longer than the floor, and passes a failure on", async () => {
    let finish!: () => void;
    let done = false;
    const slow = atLeast(10, () => new Promise<void>((resolve) => (finish = resolve))).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(false);
    finish();
    await slow;
    expect(done).toBe(true);

    const failing = atLeast(10, async () => {
      throw new Error("smtp down");
    });
    const outcome = expect(failing).rejects.toThrow("smtp down");
    await vi.advanceTimersByTimeAsync(10);
    await outcome;
  });
});
