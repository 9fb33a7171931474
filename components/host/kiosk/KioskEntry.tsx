"use client";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/Field";
import { lockKiosk, kioskPath, PIN_SHAPE } from "./pin";

/** After closing: the facilitator sets a PIN on this tablet and hands it over as the feedback kiosk. */
export function KioskEntry({ sessionId }: { sessionId: number }) {
  const t = useTranslations("kiosk");
  const locale = useLocale();
  const [error, setError] = useState<{ field: "kiosk-pin" | "kiosk-pin-again"; text: string } | null>(null);
  return (
    <section aria-labelledby="kiosk-entry" className="mt-6 border-t border-stone-200 pt-4">
      <h3 id="kiosk-entry" className="text-lg font-bold">
        {t("title")}
      </h3>
      <p className="mt-1">{t("intro")}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const pin = String(form.get("pin") ?? "");
          const again = String(form.get("pinAgain") ?? "");
          if (!PIN_SHAPE.test(pin)) return setError({ field: "kiosk-pin", text: t("pinShape") });
          if (pin !== again) return setError({ field: "kiosk-pin-again", text: t("pinMismatch") });
          setError(null);
          // A full page load: the kiosk's page has none of the staff screen's frame.
          void lockKiosk(sessionId, locale, pin).then(() => location.assign(kioskPath({ locale, sessionId })));
        }}
      >
        <div className="flex flex-wrap gap-4">
          <Field id="kiosk-pin" label={t("pin")} hint={t("pinHint")} error={error?.field === "kiosk-pin" ? error.text : undefined}>
            {(p) => <input {...p} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={8} className={`${inputClass} max-w-48 font-mono text-lg`} />}
          </Field>
          <Field id="kiosk-pin-again" label={t("pinAgain")} error={error?.field === "kiosk-pin-again" ? error.text : undefined}>
            {(p) => <input {...p} name="pinAgain" type="password" inputMode="numeric" autoComplete="off" maxLength={8} className={`${inputClass} max-w-48 font-mono text-lg`} />}
          </Field>
        </div>
        <button type="submit" className="mt-4 rounded-lg bg-brand-800 px-4 py-3 text-lg font-semibold text-white">
          {t("enter")}
        </button>
      </form>
    </section>
  );
}
