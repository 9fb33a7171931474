import { beforeEach, describe, expect, it } from "vitest";
import type { DB } from "@/db/client";
import { authSessions } from "@/db/schema";
import { addStaff, testDb } from "@/lib/test/db";
import { hashedSessions, newSessionToken, SESSION_ABSOLUTE_HOURS } from "./sessions";

const HOUR = 3_600_000;
let db: DB;
let userId: string;
beforeEach(() => {
  db = testDb();
  userId = addStaff(db, "planner").id;
});

describe("staff sessions", () => {
  it("are stored only as a hash: the database holds nothing a cookie could be made from", async () => {
    const adapter = hashedSessions(db);
    const token = newSessionToken();
    await adapter.createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + HOUR) });
    const [row] = db.select().from(authSessions).all();
    expect(row!.sessionToken).not.toContain(token.split(".")[1]!);
    expect(row!.sessionToken).toMatch(/^[0-9a-f]{64}$/);
    // The cookie's token still finds its session and user; a stored value used as a cookie does not.
    expect((await adapter.getSessionAndUser!(token))?.user.id).toBe(userId);
    expect(await adapter.getSessionAndUser!(row!.sessionToken)).toBeNull();
    await adapter.deleteSession!(token);
    expect(db.select().from(authSessions).all()).toEqual([]);
  });

  it(`never slide past ${SESSION_ABSOLUTE_HOURS} hours from sign-in, however often they are used`, async () => {
    const adapter = hashedSessions(db);
    const signedIn = Date.now() - 11 * HOUR;
    const token = newSessionToken(signedIn);
    await adapter.createSession!({ sessionToken: token, userId, expires: new Date(signedIn + 10 * HOUR) });
    // Auth.js slides a used session 10 hours on from now: 21 hours after sign-in.
    const updated = await adapter.updateSession!({ sessionToken: token, expires: new Date(Date.now() + 10 * HOUR) });
    expect(updated!.expires.getTime()).toBe(signedIn + SESSION_ABSOLUTE_HOURS * HOUR);
    expect((await adapter.getSessionAndUser!(token))!.session.expires.getTime()).toBe(signedIn + SESSION_ABSOLUTE_HOURS * HOUR);
  });

  it("give a forged time in the token nothing: it finds no session", async () => {
    const adapter = hashedSessions(db);
    const token = newSessionToken(Date.now() - 20 * HOUR);
    await adapter.createSession!({ sessionToken: token, userId, expires: new Date(Date.now() + HOUR) });
    const forged = `${Date.now().toString(36)}.${token.split(".")[1]}`;
    expect(await adapter.getSessionAndUser!(forged)).toBeNull();
    // And a session made 20 hours ago was already ended when it was made.
    expect((await adapter.getSessionAndUser!(token))!.session.expires.getTime()).toBeLessThan(Date.now());
  });
});
