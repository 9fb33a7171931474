"use client";
import { useState } from "react";
import { useIsMutating, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import type { VisitKind } from "@/db/schema";
import type { DoorState, Tally } from "@/lib/attendance/door";
import {
  checkInAction,
  issueCodeAction,
  noShowsAction,
  returningCodeAction,
  tapAction,
  undoTapAction,
  type DoorAnswer,
} from "@/lib/attendance/actions";

export type TapVars = { kind: VisitKind; firstTime: boolean | null; clientKey: string };

/** The four walk-in taps, and which running total each adds to. */
export const TAPS: { kind: VisitKind; firstTime: boolean | null; label: string; counts: keyof Tally }[] = [
  { kind: "parent", firstTime: true, label: "parentFirst", counts: "firstTime" },
  { kind: "parent", firstTime: false, label: "parentReturning", counts: "returning" },
  { kind: "professional", firstTime: null, label: "professional", counts: "professional" },
  { kind: "other", firstTime: null, label: "other", counts: "other" },
];

const newKey = () => crypto.randomUUID();

/**
 * The door's state and every change to it. Changes go through one queue (an
 * undo never overtakes its tap); one that cannot reach the server is tried
 * again until it lands, and a refusal is an answer, shown to the facilitator.
 */
export function useDoor(sessionId: number, initial: DoorState) {
  const queryClient = useQueryClient();
  const queryKey = ["door", sessionId];
  const scope = { id: `door-${sessionId}` };
  const mutating = useIsMutating({ mutationKey: ["door"] });

  // Everyone at the door sees each other's taps within a few seconds. No polling while a change is on its
  // way, so an older answer cannot hide it.
  const { data: state } = useQuery({
    queryKey,
    initialData: initial,
    queryFn: async () => {
      const res = await fetch(`/api/host/sessions/${sessionId}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as DoorState;
    },
    refetchInterval: mutating > 0 ? false : 3000,
  });

  // This device's own taps, newest last: what "undo" takes back, and what the code desk may turn into a coded visit.
  const [myTaps, setMyTaps] = useState<(TapVars & { coded?: boolean })[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: string; qr: string } | null>(null);
  /** The returning code last counted here had answered feedback recently: not to be asked again. */
  const [quiet, setQuiet] = useState<string | null>(null);

  const settle = (answer: DoorAnswer) => {
    if (answer.ok) {
      queryClient.setQueryData(queryKey, answer.state);
      setRefusal(null);
    } else setRefusal(answer.error);
  };
  /** A tap the code desk turned into a coded visit now answers to the code desk's key, for undo. */
  const codedFrom = (fromTap: string | null, clientKey: string) => (answer: DoorAnswer) => {
    if (answer.ok && answer.replacedTap && fromTap) {
      setMyTaps((taps) => taps.map((t) => (t.clientKey === fromTap ? { ...t, clientKey, coded: true } : t)));
    }
  };

  const tap = useMutation({ mutationKey: ["door", "tap"], scope, mutationFn: (v: TapVars) => tapAction({ sessionId, ...v }), onSuccess: settle });
  const undo = useMutation({ mutationKey: ["door", "undo"], scope, mutationFn: (v: TapVars) => undoTapAction(sessionId, v.clientKey), onSuccess: settle });
  const issue = useMutation({
    mutationKey: ["door", "issue"],
    scope,
    mutationFn: (v: { clientKey: string; fromTap: string | null }) => issueCodeAction(sessionId, v.clientKey, v.fromTap),
    onSuccess: (a, v) => {
      settle(a);
      codedFrom(v.fromTap, v.clientKey)(a);
      if (a.ok && a.code && a.qr) setIssued({ code: a.code, qr: a.qr });
    },
  });
  const returning = useMutation({
    mutationKey: ["door", "code"],
    scope,
    mutationFn: (v: { typed: string; clientKey: string; fromTap: string | null }) => returningCodeAction(sessionId, v.typed, v.clientKey, v.fromTap),
    onSuccess: (a, v) => {
      settle(a);
      codedFrom(v.fromTap, v.clientKey)(a);
      setQuiet(a.ok && a.quiet && a.code ? a.code : null);
    },
  });
  const checkIn = useMutation({
    mutationKey: ["door", "checkIn"],
    scope,
    mutationFn: (v: { bookingId: number; attended: boolean }) => checkInAction(sessionId, v.bookingId, v.attended),
    onSuccess: settle,
  });
  const noShows = useMutation({ mutationKey: ["door", "noShows"], scope, mutationFn: () => noShowsAction(sessionId), onSuccess: settle });

  // Taps still on their way are added to the server's totals at once, and shown as waiting.
  const pendingTaps = useMutationState({ filters: { mutationKey: ["door", "tap"], status: "pending" }, select: (m) => m.state.variables as TapVars });
  const pendingUndos = useMutationState({ filters: { mutationKey: ["door", "undo"], status: "pending" }, select: (m) => m.state.variables as TapVars });
  const shown: Tally = { ...state.tally };
  const adjust = (v: TapVars, by: number) => {
    const counts = TAPS.find((x) => x.kind === v.kind && x.firstTime === v.firstTime)!.counts;
    shown[counts] += by;
    shown.total += by;
  };
  pendingTaps.forEach((v) => adjust(v, +1));
  pendingUndos.forEach((v) => adjust(v, -1));

  /** The device's last tap, when it is an anonymous parent's that the code desk can make a coded visit of. */
  const last = myTaps.at(-1);
  const convertible = (firstTime: boolean) => (last && !last.coded && last.kind === "parent" && last.firstTime === firstTime ? last.clientKey : null);

  return {
    state,
    shown,
    mutating,
    refusal,
    issued,
    quiet,
    canUndo: myTaps.length > 0,
    lastTapConvertible: { first: convertible(true) !== null, returning: convertible(false) !== null },
    /** The key of this device's last tap when it was a first-time parent's: the door asks how they heard of Kohtaamo. */
    lastFirstTimeTap: last && last.kind === "parent" && last.firstTime === true ? last.clientKey : null,
    record(kind: VisitKind, firstTime: boolean | null) {
      const v = { kind, firstTime, clientKey: newKey() };
      setMyTaps((taps) => [...taps, v]);
      tap.mutate(v);
    },
    undoLast() {
      if (!last) return;
      setMyTaps((taps) => taps.slice(0, -1));
      undo.mutate(last);
    },
    issueCode() {
      issue.mutate({ clientKey: newKey(), fromTap: convertible(true) });
    },
    countCode(typed: string) {
      returning.mutate({ typed, clientKey: newKey(), fromTap: convertible(false) });
    },
    checkIn(bookingId: number, attended: boolean) {
      checkIn.mutate({ bookingId, attended });
    },
    markNoShows() {
      noShows.mutate();
    },
  };
}

export type Door = ReturnType<typeof useDoor>;
