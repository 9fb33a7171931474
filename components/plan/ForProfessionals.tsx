"use client";
import { useTranslations } from "next-intl";

/** A session for professionals (a training, an info session for workers): they are offered their own feedback form. */
export function ForProfessionals({ checked }: { checked: boolean }) {
  const t = useTranslations("professionals");
  return (
    <div className="mt-6 flex items-start gap-2">
      <input id="forProfessionals" name="forProfessionals" type="checkbox" defaultChecked={checked} aria-describedby="forProfessionals-hint" className="mt-1 size-5" />
      <div>
        <label htmlFor="forProfessionals" className="font-medium">
          {t("flag")}
        </label>
        <p id="forProfessionals-hint" className="text-sm text-stone-700">
          {t("flagHint")}
        </p>
      </div>
    </div>
  );
}
