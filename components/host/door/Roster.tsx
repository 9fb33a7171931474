"use client";
import { useTranslations } from "next-intl";
import type { RosterEntry } from "@/lib/attendance/door";
import type { Door } from "./useDoor";

/** The bookings: who is expected, their needs, and a check-in button each. */
export function Roster({ door, roster, canCount, ended }: { door: Door; roster: RosterEntry[]; canCount: boolean; ended: boolean }) {
  const t = useTranslations("host.door");
  const { state } = door;
  return (
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
            const name = b.nickname ?? b.code;
            return (
              <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-3 shadow-sm">
                <div>
                  <p className="font-semibold">
                    {b.nickname ?? t("noName")} · {t("people", { count: b.partySize })}
                    <span className="ml-2 font-mono text-sm text-stone-700">{b.code}</span>
                  </p>
                  <p className="text-sm text-stone-800">
                    {[b.interpreterLanguage && t("needsInterpreter", { language: b.interpreterLanguage }), b.accessibilityNeeds, b.childcare && t("needsChildcare")]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
                {status === "no_show" ? (
                  <span className="font-medium text-stone-700">{t("noShow")}</span>
                ) : (
                  <button
                    type="button"
                    disabled={state.closed || !canCount}
                    aria-pressed={status === "attended"}
                    aria-label={status === "attended" ? t("checkedInLabel", { name }) : t("checkInLabel", { name })}
                    onClick={() => door.checkIn(b.id, status !== "attended")}
                    className={`min-h-12 rounded-lg px-4 py-2 font-semibold disabled:opacity-60 ${status === "attended" ? "bg-brand-100 text-brand-900" : "bg-brand-800 text-white"}`}
                  >
                    {status === "attended" ? t("checkedIn") : t("checkIn")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {ended && canCount && !state.closed && roster.some((b) => !state.attendance[b.id]) && (
        <button type="button" onClick={door.markNoShows} className="mt-3 rounded border border-stone-600 px-4 py-2 font-medium">
          {t("markNoShows")}
        </button>
      )}
    </section>
  );
}
