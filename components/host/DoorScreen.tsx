"use client";
import { useState } from "react";
import { QueryClient, QueryClientProvider, useIsMutating, useMutation, useMutationState, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
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
import type { FeedbackQr } from "@/lib/feedback/qr";
import { CloseSession } from "./CloseSession";

export type RosterEntry = {
  id: number;
  code: string;
  nickname: string | null;
  partySize: number;
  interpreterLanguage: string | null;
  accessibilityNeeds: string | null;
  childcare: boolean;
};

type Props = { sessionId: number; initial: DoorState; roster: RosterEntry[]; ended: boolean; closingNote: string | null; feedback: FeedbackQr | null };

export function DoorScreen(props: Props) {
  // One client per screen: the door's data is this session's only.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A tap that cannot reach the server is tried again, with growing pauses, until it lands.
          mutations: { retry: true, retryDelay: (n) => Math.min(1000 * 2 ** n, 15_000), networkMode: "always" },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <Door {...props} />
    </QueryClientProvider>
  );
}

const newKey = () => crypto.randomUUID();

type TapVars = { kind: VisitKind; firstTime: boolean | null; clientKey: string };
const TAPS: { kind: VisitKind; firstTime: boolean | null; label: string; counts: keyof Tally }[] = [
  { kind: "parent", firstTime: true, label: "parentFirst", counts: "firstTime" },
  { kind: "parent", firstTime: false, label: "parentReturning", counts: "returning" },
  { kind: "professional", firstTime: null, label: "professional", counts: "professional" },
  { kind: "other", firstTime: null, label: "other", counts: "other" },
];

function Door({ sessionId, initial, roster, ended, closingNote, feedback }: Props) {
  const t = useTranslations("host.door");
  const queryClient = useQueryClient();
  const queryKey = ["door", sessionId];
  const scope = { id: `door-${sessionId}` }; // one queue: an undo never overtakes its tap
  const mutating = useIsMutating({ mutationKey: ["door"] });

  // Everyone at the door sees each other's taps within a few seconds. No polling while a tap is on its way,
  // so an older answer cannot hide it.
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

  const [myTaps, setMyTaps] = useState<TapVars[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ code: string; qr: string } | null>(null);

  const settle = (answer: DoorAnswer) => {
    if (answer.ok) {
      queryClient.setQueryData(queryKey, answer.state);
      setRefusal(null);
    } else setRefusal(answer.error);
  };

  // A network failure rejects and is retried; a refusal (say, the session was closed) is an answer and shown.
  const tap = useMutation({
    mutationKey: ["door", "tap"],
    scope,
    mutationFn: (v: TapVars) => tapAction({ sessionId, ...v }),
    onSuccess: settle,
  });
  const undo = useMutation({
    mutationKey: ["door", "undo"],
    scope,
    mutationFn: (v: TapVars) => undoTapAction(sessionId, v.clientKey),
    onSuccess: settle,
  });
  const issue = useMutation({
    mutationKey: ["door", "issue"],
    scope,
    mutationFn: (clientKey: string) => issueCodeAction(sessionId, clientKey),
    onSuccess: (a) => {
      settle(a);
      if (a.ok && a.code && a.qr) setIssued({ code: a.code, qr: a.qr });
    },
  });
  const returning = useMutation({
    mutationKey: ["door", "code"],
    scope,
    mutationFn: (v: { typed: string; clientKey: string }) => returningCodeAction(sessionId, v.typed, v.clientKey),
    onSuccess: settle,
  });
  const checkIn = useMutation({
    mutationKey: ["door", "checkIn"],
    scope,
    mutationFn: (v: { bookingId: number; attended: boolean }) => checkInAction(sessionId, v.bookingId, v.attended),
    onSuccess: settle,
  });
  const noShows = useMutation({
    mutationKey: ["door", "noShows"],
    scope,
    mutationFn: () => noShowsAction(sessionId),
    onSuccess: settle,
  });

  // Taps still on their way are added to the server's totals at once, and shown as waiting.
  const pendingTaps = useMutationState({
    filters: { mutationKey: ["door", "tap"], status: "pending" },
    select: (m) => m.state.variables as TapVars,
  });
  const pendingUndos = useMutationState({
    filters: { mutationKey: ["door", "undo"], status: "pending" },
    select: (m) => m.state.variables as TapVars,
  });
  const shown: Tally = { ...state.tally };
  const adjust = (v: TapVars, by: number) => {
    const counts = TAPS.find((x) => x.kind === v.kind && x.firstTime === v.firstTime)!.counts;
    shown[counts] += by;
    shown.total += by;
  };
  pendingTaps.forEach((v) => adjust(v, +1));
  pendingUndos.forEach((v) => adjust(v, -1));

  const record = (kind: VisitKind, firstTime: boolean | null) => {
    const v = { kind, firstTime, clientKey: newKey() };
    setMyTaps((taps) => [...taps, v]);
    tap.mutate(v);
  };
  const undoLast = () => {
    const last = myTaps.at(-1);
    if (!last) return;
    setMyTaps((taps) => taps.slice(0, -1));
    undo.mutate(last);
  };

  const closed = state.closed;

  return (
    <div className="space-y-6">
      <section aria-labelledby="totals" className="sticky top-0 z-10 rounded-lg bg-brand-900 p-3 text-white shadow">
        <h2 id="totals" className="sr-only">
          {t("totals")}
        </h2>
        <p className="text-2xl font-bold" data-testid="total">
          {t("total", { count: shown.total })}
        </p>
        <p className="text-sm">
          {t("breakdown", {
            firstTime: shown.firstTime + shown.newCodes,
            returning: shown.returning + shown.codes,
            booked: shown.booked,
            professional: shown.professional,
            other: shown.other,
          })}
        </p>
        <p aria-live="polite" className="text-sm font-semibold text-amber-200">
          {mutating > 0 ? t("waiting", { count: mutating }) : ""}
        </p>
      </section>

      {refusal && (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900">
          {t(`refusal.${refusal}`)}
        </p>
      )}

      {!closed && (
        <section aria-labelledby="walkins">
          <h2 id="walkins" className="text-xl font-bold">
            {t("walkIns")}
          </h2>
          <div className="mt-2 grid grid-cols-2 gap-3">
            {TAPS.map((x) => (
              <button
                key={x.label}
                type="button"
                onClick={() => record(x.kind, x.firstTime)}
                className="min-h-16 rounded-lg bg-brand-800 px-3 py-3 text-left text-lg font-semibold text-white active:bg-brand-900"
              >
                {t(`tap.${x.label}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={undoLast}
            disabled={myTaps.length === 0}
            className="mt-3 rounded border border-stone-600 px-4 py-2 font-medium disabled:opacity-50"
          >
            {t("undo")}
          </button>
        </section>
      )}

      {!closed && (
        <section aria-labelledby="codes" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="codes" className="text-xl font-bold">
            {t("codes")}
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("codesIntro")}</p>
          <button
            type="button"
            onClick={() => issue.mutate(newKey())}
            className="mt-3 rounded-lg bg-brand-800 px-4 py-3 font-semibold text-white"
          >
            {t("newCode")}
          </button>
          {issued && (
            <div className="mt-4 flex flex-wrap items-center gap-4" role="status">
              <div>
                <p className="text-sm">{t("codeFor")}</p>
                <p className="font-mono text-4xl font-bold tracking-widest" data-testid="issued-code">
                  {issued.code}
                </p>
              </div>
              <div
                className="size-40 bg-white"
                role="img"
                aria-label={t("qrLabel", { code: issued.code })}
                dangerouslySetInnerHTML={{ __html: issued.qr }}
              />
            </div>
          )}
          <ReturningCode onSubmit={(typed) => returning.mutate({ typed, clientKey: newKey() })} />
        </section>
      )}

      <section aria-labelledby="roster">
        <h2 id="roster" className="text-xl font-bold">
          {t("roster", { count: roster.length })}
        </h2>
        {roster.length === 0 ? (
          <p className="mt-2">{t("noBookings")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {roster.map((b) => {
              const status = state.attendance[b.id];
              return (
                <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-3 shadow-sm">
                  <div>
                    <p className="font-semibold">
                      {b.nickname ?? t("noName")} · {t("people", { count: b.partySize })}
                      <span className="ml-2 font-mono text-sm text-stone-700">{b.code}</span>
                    </p>
                    <p className="text-sm text-stone-800">
                      {[
                        b.interpreterLanguage && t("needsInterpreter", { language: b.interpreterLanguage }),
                        b.accessibilityNeeds,
                        b.childcare && t("needsChildcare"),
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </div>
                  {status === "no_show" ? (
                    <span className="font-medium text-stone-700">{t("noShow")}</span>
                  ) : (
                    <button
                      type="button"
                      disabled={closed}
                      aria-pressed={status === "attended"}
                      aria-label={status === "attended" ? t("checkedInLabel", { name: b.nickname ?? b.code }) : t("checkInLabel", { name: b.nickname ?? b.code })}
                      onClick={() => checkIn.mutate({ bookingId: b.id, attended: status !== "attended" })}
                      className={`min-h-12 rounded-lg px-4 py-2 font-semibold ${status === "attended" ? "bg-brand-100 text-brand-900" : "bg-brand-800 text-white"}`}
                    >
                      {status === "attended" ? t("checkedIn") : t("checkIn")}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {ended && !closed && roster.some((b) => !state.attendance[b.id]) && (
          <button type="button" onClick={() => noShows.mutate()} className="mt-3 rounded border border-stone-600 px-4 py-2 font-medium">
            {t("markNoShows")}
          </button>
        )}
      </section>

      <CloseSession sessionId={sessionId} closed={closed} closingNote={closingNote} tally={shown} feedback={feedback} />
    </div>
  );
}

function ReturningCode({ onSubmit }: { onSubmit: (typed: string) => void }) {
  const t = useTranslations("host.door");
  const [typed, setTyped] = useState("");
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim()) onSubmit(typed);
        setTyped("");
      }}
    >
      <div>
        <label htmlFor="visitor-code" className="block font-medium">
          {t("returningCode")}
        </label>
        <input
          id="visitor-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="KTM-4783-PXW"
          className="mt-1 w-40 rounded border border-stone-500 p-2 font-mono text-lg uppercase"
        />
      </div>
      <button type="submit" className="rounded-lg bg-brand-800 px-4 py-2.5 font-semibold text-white">
        {t("countCode")}
      </button>
    </form>
  );
}
