"use client";
import { useActionState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { closeSessionAction, reopenSessionAction, type CloseState, type ReopenState } from "@/lib/attendance/actions";
import type { DoorState, Tally } from "@/lib/attendance/door";
import type { FeedbackQr } from "@/lib/feedback/qr";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { Link } from "@/i18n/navigation";
import { FeedbackQrScreen } from "./FeedbackQrScreen";
import { KioskEntry } from "./kiosk/KioskEntry";

type Props = {
  sessionId: number;
  /** From the door's live state, so a colleague's closing or a planner's reopening shows here too. */
  closed: boolean;
  closingNote: string | null;
  tally: Tally;
  feedback: FeedbackQr | null;
  canReopen: boolean;
};

/** The end of the session: the totals, an optional note that must not identify anyone, close (after "close now?"). */
export function CloseSession({ sessionId, closed, closingNote, tally, feedback, canReopen }: Props) {
  const t = useTranslations("host.close");
  const queryClient = useQueryClient();
  // The answer is put into the door's live state at once, and the state read again from the server.
  const setClosed = (value: boolean) => {
    queryClient.setQueryData<DoorState>(["door", sessionId], (s) => (s ? { ...s, closed: value } : s));
    void queryClient.invalidateQueries({ queryKey: ["door", sessionId] });
  };
  const [state, action] = useActionState<CloseState, FormData>(async (prev, form) => {
    const next = await closeSessionAction(prev, form);
    if (next.closed) setClosed(true);
    return next;
  }, { note: "" });
  const [reopen, reopenAction] = useActionState<ReopenState, FormData>(async (prev, form) => {
    const next = await reopenSessionAction(prev, form);
    if (next.reopened) setClosed(false);
    return next;
  }, {});

  if (closed) {
    const qr = state.feedback ?? feedback;
    const note = state.closed ? state.note : closingNote;
    return (
      <section aria-labelledby="closed" className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
        <h2 id="closed" className="text-xl font-bold">
          {t("closedTitle")}
        </h2>
        <p className="mt-1">{t("closedBody", { count: tally.total })}</p>
        {note && <p className="mt-2 whitespace-pre-line">{note}</p>}
        {qr && <FeedbackQrScreen qr={qr.qr} openAtOnce={state.closed === true} />}
        {qr && <FeedbackCode qr={qr} sessionId={sessionId} />}
        {canReopen && (
          <form action={reopenAction} className="mt-4">
            <input type="hidden" name="sessionId" value={sessionId} />
            <p className="text-sm">{t("reopenHint")}</p>
            {reopen.error && (
              <p role="alert" className="mt-2 font-medium text-red-800">
                {t(`error.${reopen.error}`)}
              </p>
            )}
            <SubmitButton label={t("reopen")} pending={t("reopening")} />
          </form>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="close" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="close" className="text-xl font-bold">
        {t("title")}
      </h2>
      <form action={action} noValidate>
        <input type="hidden" name="sessionId" value={sessionId} />
        <Field id="note" label={t("note")} hint={t("noteHint")} error={state.error ? t(`error.${state.error}`) : undefined}>
          {(p) => <textarea {...p} name="note" rows={3} defaultValue={state.note} className={inputClass} />}
        </Field>
        {state.confirming ? (
          <div role="alert" className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            <p className="font-semibold">{t("confirm", { count: tally.total })}</p>
            <p className="mt-1 text-sm">{t("confirmHint")}</p>
            <div className="mt-3 flex flex-wrap gap-3">
              <button type="submit" name="step" value="close" className="rounded bg-brand-800 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-900">
                {t("confirmYes")}
              </button>
              <button type="submit" name="step" value="back" className="rounded border border-stone-600 px-4 py-3 font-medium">
                {t("confirmNo")}
              </button>
            </div>
          </div>
        ) : (
          <SubmitButton label={t("submit", { count: tally.total })} pending={t("submitting")} />
        )}
      </form>
    </section>
  );
}

function FeedbackCode({ qr, sessionId }: { qr: FeedbackQr; sessionId: number }) {
  const t = useTranslations("qrScreen");
  return (
    <div className="mt-4 rounded-lg bg-white p-4">
      <QrLink namespace="feedback.host" qr={qr} size="size-64" testId="feedback-link" />
      <p className="mt-3">
        <Link href={`/host/sessions/${sessionId}/card`} prefetch={false}>
          {t("card")}
        </Link>
      </p>
      {/* The same form on this tablet, handed to a parent without a phone (or without data). */}
      <KioskEntry sessionId={sessionId} />
      {/* The professionals' own short form, beside the parents': when the session was for them or they came. */}
      {qr.professionals && (
        <div className="mt-6 border-t border-stone-200 pt-4">
          <QrLink namespace="professionals.host" qr={qr.professionals} size="size-48" testId="professionals-link" />
        </div>
      )}
    </div>
  );
}

/** A feedback form's QR code for the room, with the link itself under it. */
function QrLink({ namespace, qr, size, testId }: { namespace: "feedback.host" | "professionals.host"; qr: { url: string; qr: string }; size: string; testId: string }) {
  const t = useTranslations(namespace);
  return (
    <>
      <h3 className="text-lg font-bold">{t("qrTitle")}</h3>
      <p className="mt-1">{t("qrBody")}</p>
      <div className={`mt-3 ${size} max-w-full`} role="img" aria-label={t("qrLabel")} dangerouslySetInnerHTML={{ __html: qr.qr }} />
      <p className="mt-2 break-all font-mono text-sm">
        <a href={qr.url} data-testid={testId}>
          {qr.url}
        </a>
      </p>
    </>
  );
}
