"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/** An unexpected failure: a plain message and a way back, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("body")}</p>
      <p className="mt-4 flex gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-800 px-4 py-2 text-white">
          {t("retry")}
        </button>
        <Link href="/">{t("home")}</Link>
      </p>
    </>
  );
}
