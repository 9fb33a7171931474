"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FeedbackForm } from "@/components/feedback/FeedbackForm";
import { SignOutForm } from "@/components/staff/SignOutForm";
import { kioskLock, unlockKiosk } from "./pin";

/** A minute without a touch or a key, and the kiosk is back at its start for the next parent. */
export const KIOSK_IDLE_MS = 60_000;

type Props = {
  sessionId: number;
  /** Null when the session's feedback link no longer opens: only the way out is shown. */
  feedbackKey: string | null;
  locale: string;
  /** This parent's turn, new on every render of the page (after each answer). */
  turn: string;
  answered: boolean;
  quietDays: number;
  signOut: { action: (formData: FormData) => Promise<void>; unsentWarning: string; anywayLabel: string };
  /** 112 and the county's emergency number above the concern box, as on a parent's own phone (without links). */
  whereToTurn?: ReactNode;
};

type Screen = "start" | "form" | "thanks";

/**
 * The feedback kiosk: start, the parents' own form (the same action and
 * rules, components/feedback/FeedbackForm), thanks, and back to start after
 * each answer or a minute idle. The browser's back button stays here; leaving
 * needs the staff member's PIN, set on this tablet, or signing in again.
 */
export function FeedbackKiosk({ sessionId, feedbackKey, locale, turn, answered, quietDays, signOut, whereToTurn }: Props) {
  const t = useTranslations("kiosk");
  const [screen, setScreen] = useState<Screen>(answered ? "thanks" : "start");
  // A new answer is a new turn from the server: the thanks screen shows for it (adjusting state to the prop).
  const [thankedTurn, setThankedTurn] = useState(turn);
  if (answered && thankedTurn !== turn) {
    setThankedTurn(turn);
    setScreen("thanks");
  }
  // The form is drawn afresh for each start, so nothing the last parent chose is left in it.
  const [round, setRound] = useState(0);
  const toStart = () => {
    setScreen("start");
    setRound((n) => n + 1);
    // The address loses "answered", so a reload shows the start, not someone else's thanks.
    if (location.search) history.replaceState(history.state, "", location.pathname);
  };
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [screen]);

  // Back to start after a minute without a touch, a key or a scroll (not on the start itself).
  useEffect(() => {
    if (screen === "start") return;
    let timer = setTimeout(toStart, KIOSK_IDLE_MS);
    const again = () => {
      clearTimeout(timer);
      timer = setTimeout(toStart, KIOSK_IDLE_MS);
    };
    const events = ["pointerdown", "keydown", "input", "scroll", "touchstart"] as const;
    for (const e of events) window.addEventListener(e, again, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, again);
    };
  }, [screen]);

  // The back button does not leave the kiosk: every step back is taken forward again.
  useEffect(() => {
    history.pushState(history.state, "", location.href);
    const stay = () => history.pushState(history.state, "", location.href);
    window.addEventListener("popstate", stay);
    return () => window.removeEventListener("popstate", stay);
  }, []);

  return (
    <div className="kiosk text-lg" data-kiosk>
      {screen === "start" && (
        <section aria-labelledby="kiosk-start" className="flex min-h-[60dvh] flex-col items-center justify-center gap-6 text-center">
          <h1 id="kiosk-start" ref={heading} tabIndex={-1} className="text-4xl font-bold">
            {t("welcomeTitle")}
          </h1>
          <p className="max-w-xl text-xl">{feedbackKey ? t("welcomeBody") : t("unavailable")}</p>
          {feedbackKey && (
            <button type="button" onClick={() => setScreen("form")} className="rounded-xl bg-brand-800 px-10 py-5 text-2xl font-bold text-white">
              {t("begin")}
            </button>
          )}
        </section>
      )}
      {screen === "form" && feedbackKey && (
        <section aria-labelledby="kiosk-form">
          <h1 id="kiosk-form" ref={heading} tabIndex={-1} className="text-3xl font-bold">
            {t("formTitle")}
          </h1>
          <FeedbackForm key={`${turn}-${round}`} feedbackKey={feedbackKey} locale={locale} quietDays={quietDays} kiosk={{ sessionId, turn }} whereToTurn={whereToTurn} />
        </section>
      )}
      {screen === "thanks" && (
        <section aria-labelledby="kiosk-thanks" className="flex min-h-[60dvh] flex-col items-center justify-center gap-6 text-center">
          <h1 id="kiosk-thanks" ref={heading} tabIndex={-1} className="text-4xl font-bold">
            {t("thanksTitle")}
          </h1>
          <p className="text-xl">{t("thanksBody")}</p>
          <button type="button" onClick={toStart} className="rounded-xl bg-brand-800 px-10 py-5 text-2xl font-bold text-white">
            {t("next")}
          </button>
        </section>
      )}
      <Leave sessionId={sessionId} locale={locale} signOut={signOut} />
    </div>
  );
}

/** For the staff member: the PIN set on entering, or signing in again (which empties the lock). */
function Leave({ sessionId, locale, signOut }: Pick<Props, "sessionId" | "locale" | "signOut">) {
  const t = useTranslations("kiosk");
  const dialog = useRef<HTMLDialogElement>(null);
  const [wrong, setWrong] = useState(false);
  const [hasPin, setHasPin] = useState(true);
  return (
    <div className="mt-16 border-t border-stone-200 pt-4 text-right">
      <button
        type="button"
        onClick={() => {
          setHasPin(kioskLock() !== null);
          setWrong(false);
          dialog.current?.showModal();
        }}
        className="text-base text-stone-700 underline underline-offset-2"
      >
        {t("leave")}
      </button>
      <dialog ref={dialog} aria-labelledby="kiosk-leave" className="m-auto w-[min(32rem,90vw)] rounded-lg p-6 text-left backdrop:bg-black/60">
        <h2 id="kiosk-leave" className="text-xl font-bold">
          {t("leaveTitle")}
        </h2>
        {hasPin ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const pin = String(new FormData(e.currentTarget).get("pin") ?? "");
              void unlockKiosk(pin).then((ok) => {
                // A full page load on purpose: the door's page comes back with the staff screen's frame.
                // eslint-disable-next-line @next/next/no-location-assign-relative-destination
                if (ok) location.assign(`/${locale}/host/sessions/${sessionId}`);
                else setWrong(true);
              });
            }}
          >
            <label htmlFor="kiosk-leave-pin" className="mt-4 block font-medium">
              {t("leavePin")}
            </label>
            {wrong && (
              <p id="kiosk-leave-error" role="alert" className="mt-1 font-medium text-red-800">
                {t("leaveWrong")}
              </p>
            )}
            <input
              id="kiosk-leave-pin"
              name="pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              autoFocus
              aria-invalid={wrong || undefined}
              aria-describedby={wrong ? "kiosk-leave-error" : undefined}
              className="mt-1 block w-48 rounded border border-stone-500 p-2 font-mono text-lg"
            />
            <div className="mt-4 flex flex-wrap gap-3">
              <button type="submit" className="rounded-lg bg-brand-800 px-4 py-3 font-semibold text-white">
                {t("leaveConfirm")}
              </button>
              <button type="button" onClick={() => dialog.current?.close()} className="rounded-lg border border-stone-600 px-4 py-3 font-medium">
                {t("leaveCancel")}
              </button>
            </div>
          </form>
        ) : (
          <p className="mt-2">{t("noPin")}</p>
        )}
        <div className="mt-6 border-t border-stone-200 pt-4">
          <SignOutForm action={signOut.action} locale={locale} label={t("signInAgain")} unsentWarning={signOut.unsentWarning} anywayLabel={signOut.anywayLabel} />
        </div>
        {!hasPin && (
          <button type="button" onClick={() => dialog.current?.close()} className="mt-4 rounded-lg border border-stone-600 px-4 py-3 font-medium">
            {t("leaveCancel")}
          </button>
        )}
      </dialog>
    </div>
  );
}
