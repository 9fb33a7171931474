import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Adapter, AdapterSession } from "next-auth/adapters";
import { eq } from "drizzle-orm";
import type { DB } from "@/db/client";
import { authSessions, users } from "@/db/schema";

/** A staff session ends this long after sign-in, however busy: a tablet left signed in does not stay so for days. */
export const SESSION_ABSOLUTE_HOURS = 12;

/**
 * A session token says when it was made ("<ms in base 36>.<256 random
 * bits>"), so its absolute end needs no extra column. Only the token's hash
 * is stored, so a copy of the database or a backup signs nobody in; changing
 * the time part changes the hash and finds no session.
 */
export function newSessionToken(now = Date.now()): string {
  return `${now.toString(36)}.${randomBytes(32).toString("base64url")}`;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function absoluteEnd(token: string): Date {
  const made = parseInt(token.split(".")[0] ?? "", 36);
  // A token not of our making (say, from before this change) gets no more time.
  return new Date(Number.isFinite(made) ? made + SESSION_ABSOLUTE_HOURS * 3_600_000 : 0);
}

const capped = (token: string, expires: Date) => new Date(Math.min(expires.getTime(), absoluteEnd(token).getTime()));

/**
 * The session half of the Auth.js adapter, storing hashed tokens and never
 * letting a session slide past its absolute end. The rest of the adapter
 * (users, verification tokens) is the Drizzle adapter's own.
 */
export function hashedSessions(db: DB): Pick<Adapter, "createSession" | "getSessionAndUser" | "updateSession" | "deleteSession"> {
  return {
    async createSession({ sessionToken, userId, expires }) {
      const session = { sessionToken, userId, expires: capped(sessionToken, expires) };
      db.insert(authSessions)
        .values({ ...session, sessionToken: hash(sessionToken) })
        .run();
      return session;
    },
    async getSessionAndUser(sessionToken) {
      const row = db
        .select({ session: authSessions, user: users })
        .from(authSessions)
        .innerJoin(users, eq(users.id, authSessions.userId))
        .where(eq(authSessions.sessionToken, hash(sessionToken)))
        .get();
      if (!row || !row.user.email) return null;
      return { session: { ...row.session, sessionToken }, user: { ...row.user, email: row.user.email } };
    },
    async updateSession({ sessionToken, expires }) {
      const set: Partial<AdapterSession> = expires ? { expires: capped(sessionToken, expires) } : {};
      if (!set.expires) return null;
      const row = db.update(authSessions).set(set).where(eq(authSessions.sessionToken, hash(sessionToken))).returning().get();
      return row ? { ...row, sessionToken } : null;
    },
    async deleteSession(sessionToken) {
      db.delete(authSessions).where(eq(authSessions.sessionToken, hash(sessionToken))).run();
    },
  };
}
