"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Door } from "./useDoor";
import { Scanner } from "./Scanner";

/**
 * Visitor codes: a new one for a first-time parent, or a returning parent's
 * own. Right after a matching tap, that tap becomes the coded visit (one
 * person, one visit), and the desk says so.
 */
export function CodeDesk({ door }: { door: Door }) {
  const t = useTranslations("host.door");
  const { issued } = door;
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
      <ReturningCode onSubmit={door.countCode} replacesTap={door.lastTapConvertible.returning} />
      <Scanner onCode={door.countCode} />
      <QuietNote code={door.quiet} />
    </section>
  );
}

function ReturningCode({ onSubmit, replacesTap }: { onSubmit: (typed: string) => void; replacesTap: boolean }) {
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
        {replacesTap && (
          <p id="visitor-code-hint" className="text-sm text-stone-700">
            {t("codeReplacesReturningTap")}
          </p>
        )}
        <input
          id="visitor-code"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          aria-describedby={replacesTap ? "visitor-code-hint" : undefined}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          placeholder="KTM-4783-PXW"
          className="mt-1 w-48 rounded border border-stone-500 p-2 font-mono text-lg uppercase"
        />
      </div>
      <button type="submit" className="rounded-lg bg-brand-800 px-4 py-2.5 font-semibold text-white">
        {t("countCode")}
      </button>
    </form>
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
