"use client";
import { useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import type { DoorState, RosterEntry } from "@/lib/attendance/door";
import type { DoorPhase } from "@/lib/attendance/window";
import type { FeedbackQr } from "@/lib/feedback/qr";
import { CloseSession } from "./CloseSession";
import { CodeDesk } from "./door/CodeDesk";
import { Roster } from "./door/Roster";
import { Totals, TallyPad } from "./door/TallyPad";
import { useDoor } from "./door/useDoor";
import { HeardFrom } from "./door/HeardFrom";
import { useKeptOffline } from "./door/useKeptOffline";
import { Notice } from "@/components/ui/Notice";

type Props = {
  sessionId: number;
  initial: DoorState;
  /** When the server read `initial` (ms): a state the device stored later is newer. */
  asOf: number;
  /** Whether the device may keep this page for offline use: only while the session is open. */
  keepOffline: boolean;
  roster: RosterEntry[];
  ended: boolean;
  phase: DoorPhase;
  /** The door opens at, already formatted in the staff member's language. */
  opensAt: string;
  canCount: boolean;
  canClose: boolean;
  canReopen: boolean;
  closingNote: string | null;
  feedback: FeedbackQr | null;
};

export function DoorScreen(props: Props) {
  // One client per screen: the door's data is this session's only.
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Door {...props} />
    </QueryClientProvider>
  );
}

function Door({ sessionId, initial, asOf, keepOffline, roster, ended, phase, opensAt, canCount, canClose, canReopen, closingNote, feedback }: Props) {
  const t = useTranslations("host.door");
  const locale = useLocale();
  const door = useDoor(sessionId, initial, asOf);
  useKeptOffline(keepOffline && !door.state.closed, {
    lang: locale,
    title: t("offline.title"),
    body: t("offline.body"),
    retry: t("offline.retry"),
  });
  const open = canCount && !door.state.closed;
  return (
    <div className="space-y-6">
      <Totals door={door} />
      {door.refusal && (
        <Notice tone="error" role="alert">
          {t(`refusal.${door.refusal}`)}
        </Notice>
      )}
      {phase !== "open" && !door.state.closed && (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3" data-testid="door-phase">
          {phase === "notYet" ? t("phase.notYet", { time: opensAt }) : canCount ? t("phase.correcting") : t("phase.dayOver")}
        </p>
      )}
      {open && <TallyPad door={door} />}
      {open && door.lastFirstTime && <HeardFrom door={door} />}
      {open && <CodeDesk door={door} />}
      <Roster door={door} roster={roster} canCount={canCount} ended={ended} />
      {(canClose || door.state.closed) && (
        <CloseSession sessionId={sessionId} closed={door.state.closed} closingNote={closingNote} tally={door.shown} feedback={feedback} canReopen={canReopen} />
      )}
    </div>
  );
}
