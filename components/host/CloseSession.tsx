"use client";
import { useActionState, useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { closeSessionAction, type CloseState } from "@/lib/attendance/actions";
import type { FeedbackQr } from "@/lib/feedback/qr";
import type { Tally } from "@/lib/attendance/door";
import { Field, inputClass } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";

/** The end of the session: the totals, an optional note that must not identify anyone, and close. */
export function CloseSession({
  sessionId,
  closed,
  closingNote,
  tally,
  feedback,
}: {
  sessionId: number;
  closed: boolean;
  closingNote: string | null;
  tally: Tally;
  feedback: FeedbackQr | null;
}) {
  const tf = useTranslations("feedback.host");
  const t = useTranslations("host.close");
  const queryClient = useQueryClient();
  const [state, action] = useActionState<CloseState, FormData>(closeSessionAction, { note: "" });
  useEffect(() => {
    if (state.closed) void queryClient.invalidateQueries({ queryKey: ["door", sessionId] });
  }, [state.closed, queryClient, sessionId]);

  const qr = state.feedback ?? feedback;
  if (closed || state.closed) {
    return (
      <section aria-labelledby="closed" className="rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4">
        <h2 id="closed" className="text-xl font-bold">
          {t("closedTitle")}
        </h2>
        <p className="mt-1">{t("closedBody", { count: tally.total })}</p>
        {(closingNote ?? state.note) && <p className="mt-2 whitespace-pre-line">{closingNote ?? state.note}</p>}
        {qr && (
          <div className="mt-4 rounded-lg bg-white p-4">
            <h3 className="text-lg font-bold">{tf("qrTitle")}</h3>
            <p className="mt-1">{tf("qrBody")}</p>
            <div className="mt-3 size-64 max-w-full" role="img" aria-label={tf("qrLabel")} dangerouslySetInnerHTML={{ __html: qr.qr }} />
            <p className="mt-2 break-all font-mono text-sm">
              <a href={qr.url} data-testid="feedback-link">
                {qr.url}
              </a>
            </p>
          </div>
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
        <SubmitButton label={t("submit", { count: tally.total })} pending={t("submitting")} />
      </form>
    </section>
  );
}
