"use client";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/Field";

/** Optional: with their visitor code, a parent is not asked for feedback again for a while. The code is not kept with the answer. */
export function VisitorCodeField({ defaultValue, error, quietDays }: { defaultValue?: string; error?: string; quietDays: number }) {
  const t = useTranslations("quiet");
  return (
    <Field id="visitorCode" label={t("code")} hint={t("codeHint", { days: quietDays })} error={error ? t(`errors.${error}` as "errors.visitorCodeShape") : undefined}>
      {(p) => (
        <input {...p} name="visitorCode" autoComplete="off" autoCapitalize="characters" spellCheck={false} defaultValue={defaultValue} className={`${inputClass} w-40 font-mono uppercase`} />
      )}
    </Field>
  );
}
