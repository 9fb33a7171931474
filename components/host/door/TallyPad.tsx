"use client";
import { useTranslations } from "next-intl";
import { TAPS, type Door } from "./useDoor";

/** The running totals, always in view. */
export function Totals({ door }: { door: Door }) {
  const t = useTranslations("host.door");
  const { shown, waiting } = door;
  return (
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
        {waiting > 0 ? t("waiting", { count: waiting }) : ""}
      </p>
    </section>
  );
}

/** One tap for each walk-in, and an undo for this device's last tap. */
export function TallyPad({ door }: { door: Door }) {
  const t = useTranslations("host.door");
  return (
    <section aria-labelledby="walkins">
      <h2 id="walkins" className="text-xl font-bold">
        {t("walkIns")}
      </h2>
      <div className="mt-2 grid grid-cols-2 gap-3">
        {TAPS.map((x) => (
          <button
            key={x.label}
            type="button"
            onClick={() => door.record(x.kind, x.firstTime)}
            className="min-h-16 rounded-lg bg-brand-800 px-3 py-3 text-left text-lg font-semibold text-white active:bg-brand-900"
          >
            {t(`tap.${x.label}`)}
          </button>
        ))}
      </div>
      <button
        type="button"
        onClick={door.undoLast}
        disabled={!door.canUndo}
        className="mt-3 rounded border border-stone-600 px-4 py-2 font-medium disabled:opacity-50"
      >
        {t("undo")}
      </button>
    </section>
  );
}
