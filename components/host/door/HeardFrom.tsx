"use client";
import { useTranslations } from "next-intl";
import { referralChannels } from "@/lib/referrals/channels";
import type { Door } from "./useDoor";

/**
 * Next to the first-time walk-in this device just counted: one optional tap
 * for how they heard of Kohtaamo. It goes through the door's queue after the
 * tap itself, so it is kept offline like every other change.
 */
export function HeardFrom({ door }: { door: Door }) {
  const t = useTranslations("referral");
  const current = door.lastFirstTime?.heardFrom ?? null;
  return (
    <section aria-labelledby="heard-from" className="rounded-lg border border-stone-300 bg-white p-3">
      <h3 id="heard-from" className="font-semibold">
        {t("door.title")}
      </h3>
      <div className="mt-2 flex flex-wrap gap-2">
        {referralChannels.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={current === c}
            onClick={() => door.heardFrom(current === c ? null : c)}
            className="rounded border border-brand-800 px-3 py-2 font-medium aria-pressed:bg-brand-800 aria-pressed:text-white"
          >
            {t(`channels.${c}`)}
          </button>
        ))}
      </div>
      <p aria-live="polite" className="mt-2 text-sm" data-testid="heard-from-status">
        {current ? t("door.recorded", { channel: t(`channels.${current}`) }) : ""}
      </p>
    </section>
  );
}
