import "server-only";
import type { DB } from "@/db/client";
import type { StaffRole } from "@/db/schema";
import { activeStaffByEmail, forgetEarlierLinks } from "./staff";

/**
 * How long the sign-in form takes to answer, whoever asked. Only a staff
 * address does database and outbox work (a median 156 ms against 84 ms for
 * a stranger), so without a floor the answer time tells who works here.
 * Well above what the work takes on a busy day, and short for a person who
 * then goes to read their e-mail.
 */
export const SIGN_IN_ANSWER_MS = 1000;

/** Runs `work`, then waits out the rest of `ms` from the start: the caller answers after the same time whatever `work` did. */
export async function atLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const floor = new Promise((resolve) => setTimeout(resolve, ms));
  try {
    return await work();
  } finally {
    await floor;
  }
}

/**
 * A sign-in link asked for `email` (already validated): sent, after voiding
 * the older ones, when the address is an active member of staff's; nothing
 * at all otherwise. `sendLink` is told the role: where the link lands without a page asked for depends on it. Both answer after SIGN_IN_ANSWER_MS, so the form's timing
 * tells a stranger no more than its words do.
 */
export function sendSignInLinkIfStaff(db: DB, email: string, sendLink: (email: string, role: StaffRole) => Promise<unknown>): Promise<void> {
  return atLeast(SIGN_IN_ANSWER_MS, async () => {
    const staff = activeStaffByEmail(db, email);
    if (!staff) return;
    forgetEarlierLinks(db, email);
    await sendLink(email, staff.role);
  });
}
