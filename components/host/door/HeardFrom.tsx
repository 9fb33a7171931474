"use client";
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { heardFromAction } from "@/lib/attendance/actions";
import { referralChannels, type ReferralChannel } from "@/lib/referrals/channels";

/**
 * Next to the first-time walk-in this device just counted: one optional tap
 * for how they heard of Kohtaamo. In the door's queue, after the tap itself.
 */
export function HeardFrom({ sessionId, tapKey }: { sessionId: number; tapKey: string }) {
  const t = useTranslations("referral");
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<{ key: string; channel: ReferralChannel } | null>(null);
  const save = useMutation({
    mutationKey: ["door", "heardFrom"],
    scope: { id: `door-${sessionId}` },
    mutationFn: (channel: ReferralChannel) => heardFromAction(sessionId, tapKey, channel),
    onSuccess: (answer, channel) => {
      if (answer.ok) {
        queryClient.setQueryData(["door", sessionId], answer.state);
        setSaved({ key: tapKey, channel });
      }
    },
  });
  const current = saved?.key === tapKey ? saved.channel : null;
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
            onClick={() => save.mutate(c)}
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
