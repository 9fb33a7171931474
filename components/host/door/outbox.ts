"use client";
import { clear, createStore, del, delMany, entries, get, keys, set, update, type UseStore } from "idb-keyval";
import type { ReferralChannel, VisitKind } from "@/db/schema";
import type { DoorState } from "@/lib/attendance/door";
import { forgetKiosk } from "@/components/host/kiosk/pin";

/**
 * What the door keeps on the tablet, in IndexedDB: the changes not yet sent
 * (so a reload, a closed tab or a restarted tablet loses none) and the last
 * state the server answered (totals and check-ins by booking id: no names,
 * no e-mail, no phone). Nicknames are only in the page itself, which the
 * service worker keeps while the session is open (public/sw.js).
 *
 * One database of the door's own, so signing out can empty it whole.
 */
const DB_NAME = "kohtaamo-door";
let store: UseStore | null = null;
const door = () => (store ??= createStore(DB_NAME, "door"));

/** A change as the device made it, before it has a place in the queue. */
export type DoorChange =
  | { type: "tap"; clientKey: string; kind: VisitKind; firstTime: boolean | null }
  | { type: "undo"; clientKey: string; kind: VisitKind; firstTime: boolean | null }
  | { type: "heardFrom"; clientKey: string; channel: ReferralChannel | null }
  | { type: "issue"; clientKey: string; fromTap: string | null }
  | { type: "code"; clientKey: string; typed: string; fromTap: string | null }
  | { type: "checkIn"; bookingId: number; attended: boolean }
  | { type: "noShows" };

/** `seq` orders the queue and names each change in the server's answer; `at` is when it was made, on the device. */
export type Queued = DoorChange & { seq: number; at?: number };

/** This device's own taps, newest last: what "undo" takes back, kept across a reload too. */
export type MyTap = { clientKey: string; kind: VisitKind; firstTime: boolean | null; coded?: boolean; heardFrom?: ReferralChannel | null };

const queueKey = (sessionId: number) => ["queue", sessionId];
const stateKey = (sessionId: number) => ["state", sessionId];
const tapsKey = (sessionId: number) => ["mine", sessionId];

export async function queued(sessionId: number): Promise<Queued[]> {
  return (await get<Queued[]>(queueKey(sessionId), door())) ?? [];
}

/** Adds a change at the end of the queue, in one IndexedDB transaction; resolves once it is on the device. */
export async function enqueue(sessionId: number, change: DoorChange): Promise<Queued[]> {
  let next: Queued[] = [];
  await update<Queued[]>(
    queueKey(sessionId),
    (list = []) => (next = [...list, { ...change, seq: (list.at(-1)?.seq ?? 0) + 1, at: Date.now() }]),
    door(),
  );
  return next;
}

/** Drops the changes the server has answered, whatever it answered. */
export async function settled(sessionId: number, seqs: number[]): Promise<Queued[]> {
  const done = new Set(seqs);
  let next: Queued[] = [];
  await update<Queued[]>(queueKey(sessionId), (list = []) => (next = list.filter((c) => !done.has(c.seq))), door());
  return next;
}

/** How many changes, of any session, this device has not sent yet. */
export async function unsent(): Promise<number> {
  const all = await entries<IDBValidKey, unknown>(door());
  return all.reduce((n, [k, v]) => n + (Array.isArray(k) && k[0] === "queue" && Array.isArray(v) ? v.length : 0), 0);
}

export type Stored = { state: DoorState; at: number };

export const lastState = (sessionId: number) => get<Stored>(stateKey(sessionId), door());
export const keepState = (sessionId: number, state: DoorState) => set(stateKey(sessionId), { state, at: Date.now() } satisfies Stored, door());
export const myTaps = async (sessionId: number) => (await get<MyTap[]>(tapsKey(sessionId), door())) ?? [];
export const keepMyTaps = (sessionId: number, taps: MyTap[]) => set(tapsKey(sessionId), taps.slice(-50), door());

/** A closed session keeps nothing on the device but changes still to send (they are answered "closed"). */
export async function forgetSession(sessionId: number) {
  await del(stateKey(sessionId), door());
  await del(tapsKey(sessionId), door());
}

/**
 * Everything the door left on this device: the database and the service
 * worker's caches. Run when signing out, and again on the sign-in page in
 * case the sign-out happened where this script could not run.
 */
export async function forgetDevice({ keepQueue = false } = {}) {
  // Signing out (or in again) is also the way out of the feedback kiosk without its PIN.
  forgetKiosk();
  const work: Promise<unknown>[] = [];
  if ("caches" in window) work.push(caches.keys().then((names) => Promise.all(names.filter((n) => n.startsWith("door-")).map((n) => caches.delete(n)))));
  if (keepQueue) {
    // Unsent changes hold keys, kinds and booking ids, nothing about a person: the sign-in page keeps them,
    // so a session that ran out (10 hours) does not cost the evening's taps. They are sent after signing in.
    work.push(keys(door()).then((all) => delMany(all.filter((k) => !(Array.isArray(k) && k[0] === "queue")), door())));
  } else work.push(clear(door()));
  await Promise.allSettled(work);
}
