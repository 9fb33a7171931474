"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { CodeAnswer, Door } from "./useDoor";
import { Scanner } from "./Scanner";

/**
 * Visitor codes: a new one for a first-time parent, or a returning parent's
 * own. Right after a matching tap, that tap becomes the coded visit (one
 * person, one visit), and the desk says so.
 */
export function CodeDesk({ door }: { door: Door }) {
  const t = useTranslations("host.door");
  const { issued } = door;
  // The key of the code typed or scanned here last: its answer is the one the desk shows.
  const [asked, setAsked] = useState<string | null>(null);
  const count = (code: string) => setAsked(door.countCode(code));
  return (
    <section aria-labelledby="codes" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="codes" className="text-xl font-bold">
        {t("codes")}
      </h2>
      <p className="mt-1 text-sm text-stone-700">{t("codesIntro")}</p>
      <p className="mt-1 text-sm text-stone-700" data-testid="code-counts">
        {door.lastTapConvertible.first ? t("codeReplacesTap") : t("codeCountsVisit")}
      </p>
      <button type="button" onClick={door.issueCode} className="mt-3 rounded-lg bg-brand-800 px-4 py-3 font-semibold text-white">
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
          <div className="size-40 bg-white" role="img" aria-label={t("qrLabel", { code: issued.code })} dangerouslySetInnerHTML={{ __html: issued.qr }} />
        </div>
      )}
      <ReturningCode door={door} asked={asked} onSubmit={count} />
      <Scanner onCode={count} />
      <QuietNote code={door.quiet} />
    </section>
  );
}

/**
 * A returning parent's code, typed. What was typed stays in the field until
 * the server has counted it; its answer is shown right here, next to the
 * field and with a large mark by the button, and a refused code takes the
 * focus back to the field so it can be corrected (the answer is announced).
 * Offline, the code waits on the tablet and the desk says it is checked later.
 */
function ReturningCode({ door, asked, onSubmit }: { door: Door; asked: string | null; onSubmit: (typed: string) => void }) {
  const t = useTranslations("host.door");
  const tc = useTranslations("codeCheck");
  const [typed, setTyped] = useState("");
  const [cleared, setCleared] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLDivElement>(null);
  const replacesTap = door.lastTapConvertible.returning;
  const answer = door.codeAnswer;
  const pending = asked !== null && door.isWaiting(asked);
  // A counted code empties the field for the next parent, once (adjusting state to the answer, not in an effect).
  if (answer?.ok && answer.clientKey === asked && cleared !== asked) {
    setCleared(asked);
    setTyped("");
  }
  // Shown once the code has left the queue too (the answer is read a moment before the queue is).
  const refused = !pending && answer && !answer.ok && answer.clientKey === asked ? answer : null;
  useEffect(() => {
    if (!refused) return;
    field.current?.focus();
    field.current?.select();
    // The answer under the field is on the screen too, not just below its edge.
    result.current?.scrollIntoView({ block: "nearest" });
  }, [refused]);
  const described = [replacesTap ? "visitor-code-hint" : null, "visitor-code-result"].filter(Boolean).join(" ");
  return (
    <form
      className="mt-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (typed.trim()) onSubmit(typed);
      }}
    >
      <label htmlFor="visitor-code" className="block font-medium">
        {t("returningCode")}
      </label>
      {replacesTap && (
        <p id="visitor-code-hint" className="text-sm text-stone-700">
          {t("codeReplacesReturningTap")}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <input
          id="visitor-code"
          ref={field}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby={described}
          aria-invalid={refused ? true : undefined}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          placeholder="KTM-4783-PXW"
          className={`w-48 rounded border p-2 font-mono text-lg uppercase ${refused ? "border-2 border-red-700" : "border-stone-500"}`}
        />
        <button type="submit" className="rounded-lg bg-brand-800 px-4 py-2.5 font-semibold text-white">
          {t("countCode")}
        </button>
        <Mark answer={pending ? null : answer?.clientKey === asked ? answer : null} />
      </div>
      {/* Always in the page, so what appears in it is announced. */}
      <div id="visitor-code-result" ref={result} aria-live="polite" className="mt-2 min-h-6" data-testid="code-result">
        {pending ? (
          <p className="text-stone-800">{door.unreachable ? tc("offline") : tc("checking")}</p>
        ) : refused ? (
          <p role="alert" className="font-medium text-red-800">
            {tc("refused", { typed: refused.typed })} {t(`refusal.${refused.error}` as "refusal.unknownCode")}
          </p>
        ) : answer?.ok && answer.clientKey === asked ? (
          <p className="font-medium text-brand-900">{tc("counted", { code: answer.code ?? answer.typed })}</p>
        ) : null}
      </div>
    </form>
  );
}

/** The large ✓ or ✗ by the button, for a glance from across the table; the words are in the result line. */
function Mark({ answer }: { answer: CodeAnswer | null }) {
  if (!answer) return null;
  return (
    <span aria-hidden="true" data-testid="code-mark" className={`text-5xl font-bold leading-none ${answer.ok ? "text-brand-800" : "text-red-700"}`}>
      {answer.ok ? "✓" : "✗"}
    </span>
  );
}

/** Feedback without fatigue: the code just counted answered recently. */
function QuietNote({ code }: { code: string | null }) {
  const t = useTranslations("quiet");
  return (
    <p role="status" className="mt-2 text-sm font-medium text-brand-900" data-testid="feedback-quiet">
      {code ? t("door") : ""}
    </p>
  );
}
