"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReferralChannel, VisitKind } from "@/db/schema";
import type { DoorState, Tally } from "@/lib/attendance/door";
import type { OpResult as ServerResult } from "@/lib/attendance/door-ops";
import { MAX_DOOR_CHANGES } from "@/lib/attendance/window";
import * as outbox from "./outbox";

/** The four walk-in taps, and which running total each adds to. */
export const TAPS: { kind: VisitKind; firstTime: boolean | null; label: string; counts: keyof Tally }[] = [
  { kind: "parent", firstTime: true, label: "parentFirst", counts: "firstTime" },
  { kind: "parent", firstTime: false, label: "parentReturning", counts: "returning" },
  { kind: "professional", firstTime: null, label: "professional", counts: "professional" },
  { kind: "other", firstTime: null, label: "other", counts: "other" },
];

const newKey = () => crypto.randomUUID();
/** A change's answer, with the QR code of a new visitor code. */
type OpResult = ServerResult & { qr?: string };
type Answer = { results: OpResult[]; state: DoorState | null };
/** The answer to a visitor code typed or scanned here, shown next to the code field (not with the door's refusals). */
export type CodeAnswer = { clientKey: string; typed: string } & ({ ok: true; code?: string } | { ok: false; error: string });

/** One device at a time sends a session's queue, even with the door open in two tabs. */
const exclusively = (name: string, fn: () => Promise<void>) => (navigator.locks ? navigator.locks.request(name, fn) : fn());

/**
 * The door's state and every change to it. Each change is written to the
 * device (IndexedDB) before anything is sent, then the queue is sent in
 * order, as many times as it takes: a reload, a closed tab or a night with
 * the tablet off loses nothing, and the keys made here make a change sent
 * twice count once. A refusal is an answer, shown to the facilitator.
 */
export function useDoor(sessionId: number, initial: DoorState, asOf: number) {
  const queryClient = useQueryClient();
  const queryKey = ["door", sessionId];
  // The changes on this device not yet answered, oldest first; null until read from IndexedDB.
  const [queue, setQueue] = useState<outbox.Queued[] | null>(null);
  const [mine, setMine] = useState<outbox.MyTap[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: string; qr: string } | null>(null);
  // The returning code last counted here answered feedback recently: nobody asks that parent again.
  const [quiet, setQuiet] = useState<string | null>(null);
  const [codeAnswer, setCodeAnswer] = useState<CodeAnswer | null>(null);
  // The last send found no network (or no server): a code typed now is checked when it lands, and the desk says so.
  const [unreachable, setUnreachable] = useState(false);
  const waiting = queue?.length ?? 0;

  // Everyone at the door sees each other's taps within a few seconds. No polling while this device has
  // changes on their way, so an answer from before they landed cannot hide them.
  const { data: state } = useQuery({
    queryKey,
    initialData: initial,
    queryFn: async () => {
      const res = await fetch(`/api/host/sessions/${sessionId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as DoorState;
    },
    refetchInterval: waiting > 0 ? false : 3000,
    enabled: queue !== null && waiting === 0,
  });

  const show = useCallback((next: DoorState) => queryClient.setQueryData(["door", sessionId], next), [queryClient, sessionId]);

  // The newest state, from this device's answers or a colleague's via polling, is kept for opening offline;
  // once the session is closed (here or elsewhere) the device keeps nothing of it. Only after the stored
  // one was read, so an older page's state never overwrites a newer one.
  const loaded = queue !== null;
  useEffect(() => {
    if (!loaded) return;
    void (state.closed ? outbox.forgetSession(sessionId) : outbox.keepState(sessionId, state));
  }, [loaded, state, sessionId]);

  const attempt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sending = useRef(false);
  const askedAgain = useRef(false);

  const send = useCallback(async () => {
    // A change made while a round is under way is sent by another round right after it.
    if (sending.current) {
      askedAgain.current = true;
      return;
    }
    sending.current = true;
    askedAgain.current = false;
    clearTimeout(timer.current);
    let pause = 0;
    try {
      await exclusively(`kohtaamo-door-${sessionId}`, async () => {
        for (;;) {
          const list = await outbox.queued(sessionId);
          setQueue(list);
          if (list.length === 0) return;
          const batch = list.slice(0, MAX_DOOR_CHANGES);
          const res = await fetch(`/api/host/sessions/${sessionId}/taps`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ ops: batch }),
          });
          if (res.status === 403) {
            // Signed out, or the session ran out: the queue stays until someone who runs the door signs in.
            setRefusal("forbidden");
            pause = 30_000;
            return;
          }
          if (res.status === 400) {
            // Only a queue an incompatible older version stored can be malformed as a whole: drop it, say so.
            // (A single malformed change is answered alone, "invalid", like any refusal.)
            setRefusal("invalid");
            setQueue(await outbox.settled(sessionId, batch.map((c) => c.seq)));
            continue;
          }
          setUnreachable(false);
          if (!res.ok) throw new Error(String(res.status));
          const answer = (await res.json()) as Answer;
          settle(batch, answer);
          setQueue(await outbox.settled(sessionId, answer.results.map((r) => r.seq)));
          attempt.current = 0;
        }
      });
    } catch {
      // Offline or the server is away: try again with growing pauses, and at once when the network is back.
      setUnreachable(true);
      pause = Math.min(1000 * 2 ** attempt.current++, 15_000);
    } finally {
      sending.current = false;
    }
    if (pause) timer.current = setTimeout(() => void send(), pause);
    else if (askedAgain.current) void send();
    // `settle` only uses setters and `show`, stable for this session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId]);

  function settle(batch: outbox.Queued[], answer: Answer) {
    let lastRefusal: string | null = null;
    for (const r of answer.results) {
      const change = batch.find((c) => c.seq === r.seq);
      // A visitor code's answer, either way, belongs next to the code field where it was typed.
      if (change?.type === "code") setCodeAnswer(r.ok ? { clientKey: change.clientKey, typed: change.typed, ok: true, code: r.code } : { clientKey: change.clientKey, typed: change.typed, ok: false, error: r.error });
      if (!r.ok) {
        // Answered, so it leaves the queue and the totals; the facilitator reads why (a full room: ask a planner).
        // A refused tap is no longer this device's to undo.
        if (change?.type !== "code") lastRefusal = r.error;
        if (change?.type === "tap") updateMine((taps) => taps.filter((t) => t.clientKey !== change.clientKey));
        continue;
      }
      if (change?.type === "issue" && r.code && r.qr) setIssued({ code: r.code, qr: r.qr });
      if (change?.type === "code") setQuiet(r.quiet && r.code ? r.code : null);
      // A tap the code desk turned into a coded visit now answers to the code desk's key, for undo.
      if ((change?.type === "issue" || change?.type === "code") && r.replacedTap && change.fromTap) {
        const from = change.fromTap;
        updateMine((taps) => taps.map((t) => (t.clientKey === from ? { ...t, clientKey: change.clientKey, coded: true } : t)));
      }
    }
    setRefusal(lastRefusal);
    if (answer.state) show(answer.state);
  }

  function updateMine(change: (taps: outbox.MyTap[]) => outbox.MyTap[]) {
    setMine((taps) => {
      const next = change(taps);
      void outbox.keepMyTaps(sessionId, next);
      return next;
    });
  }

  // On opening: what this device still has to send, its own taps, and the newest state it knows
  // (a page the service worker served offline was rendered earlier than the tablet's last answer).
  useEffect(() => {
    let gone = false;
    void (async () => {
      const [list, taps, stored] = await Promise.all([outbox.queued(sessionId), outbox.myTaps(sessionId), outbox.lastState(sessionId)]);
      if (gone) return;
      setQueue(list);
      setMine(taps);
      if (stored && stored.at > asOf) queryClient.setQueryData(["door", sessionId], stored.state);
      void send();
    })();
    const again = () => {
      attempt.current = 0;
      void send();
    };
    window.addEventListener("online", again);
    return () => {
      gone = true;
      window.removeEventListener("online", again);
      clearTimeout(timer.current);
    };
  }, [sessionId, asOf, queryClient, send]);

  async function change(c: outbox.DoorChange) {
    // On the device first: the change is safe before the network is even tried.
    setQueue(await outbox.enqueue(sessionId, c));
    void send();
  }

  // Taps still on their way are added to the server's totals at once, and shown as waiting.
  const shown: Tally = { ...state.tally };
  for (const c of queue ?? []) {
    if (c.type !== "tap" && c.type !== "undo") continue;
    const counts = TAPS.find((x) => x.kind === c.kind && x.firstTime === c.firstTime)!.counts;
    const by = c.type === "tap" ? 1 : -1;
    shown[counts] += by;
    shown.total += by;
  }

  /** The device's last tap, when it is an anonymous parent's that the code desk can make a coded visit of. */
  const last = mine.at(-1);
  const convertible = (firstTime: boolean) => (last && !last.coded && last.kind === "parent" && last.firstTime === firstTime ? last.clientKey : null);

  return {
    state,
    shown,
    waiting,
    refusal,
    issued,
    quiet,
    codeAnswer,
    unreachable,
    /** Whether a change this device made (by its key) is still on its way. */
    isWaiting: (clientKey: string) => (queue ?? []).some((c) => "clientKey" in c && c.clientKey === clientKey),
    canUndo: mine.length > 0,
    lastTapConvertible: { first: convertible(true) !== null, returning: convertible(false) !== null },
    /** This device's last tap when it was a first-time parent's: the door asks how they heard of Kohtaamo. */
    lastFirstTime: last?.kind === "parent" && last.firstTime === true ? { heardFrom: last.heardFrom ?? null } : null,
    heardFrom(channel: ReferralChannel | null) {
      if (!last) return;
      updateMine((taps) => taps.map((t) => (t.clientKey === last.clientKey ? { ...t, heardFrom: channel } : t)));
      // A code given for this tap and still on its way makes the visit answer to the code desk's key
      // by the time this change lands after it (the queue keeps their order).
      const coding = queue?.find((c) => (c.type === "issue" || c.type === "code") && c.fromTap === last.clientKey);
      const clientKey = coding && "clientKey" in coding ? coding.clientKey : last.clientKey;
      void change({ type: "heardFrom", clientKey, channel });
    },
    record(kind: VisitKind, firstTime: boolean | null) {
      const tap = { kind, firstTime, clientKey: newKey() };
      updateMine((taps) => [...taps, tap]);
      void change({ type: "tap", ...tap });
    },
    undoLast() {
      if (!last) return;
      updateMine((taps) => taps.slice(0, -1));
      void change({ type: "undo", clientKey: last.clientKey, kind: last.kind, firstTime: last.firstTime });
    },
    issueCode() {
      void change({ type: "issue", clientKey: newKey(), fromTap: convertible(true) });
    },
    /** Returns the change's key, so the code desk knows which answer is the one to this code. */
    countCode(typed: string): string {
      const clientKey = newKey();
      void change({ type: "code", typed, clientKey, fromTap: convertible(false) });
      return clientKey;
    },
    checkIn(bookingId: number, attended: boolean) {
      void change({ type: "checkIn", bookingId, attended });
    },
    markNoShows() {
      void change({ type: "noShows" });
    },
  };
}

export type Door = ReturnType<typeof useDoor>;
