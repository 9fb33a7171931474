"use client";
import { useTranslations } from "next-intl";
import { referralChannels, type ReferralChannel } from "@/lib/referrals/channels";
import { inputClass } from "@/components/ui/Field";

/** "How did you hear of Kohtaamo?": optional and anonymous; a flyer's link prefills "a flyer". */
export function HeardFromField({ defaultValue }: { defaultValue: ReferralChannel | null }) {
  const t = useTranslations("referral");
  return (
    <div className="mt-4">
      <label htmlFor="heardFrom" className="block font-medium">
        {t("question")}
      </label>
      <p id="heardFrom-hint" className="text-sm text-stone-700">
        {t("hint")}
      </p>
      <select key={defaultValue ?? ""} id="heardFrom" name="heardFrom" aria-describedby="heardFrom-hint" defaultValue={defaultValue ?? ""} className={inputClass}>
        <option value="">{t("none")}</option>
        {referralChannels.map((c) => (
          <option key={c} value={c}>
            {t(`channels.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
