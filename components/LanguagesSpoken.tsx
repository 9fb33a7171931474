import { getLocale, getTranslations } from "next-intl/server";

/** Language names come from the browser's own data (Intl.DisplayNames), in the page's language. */
export async function LanguagesSpoken({ codes }: { codes: string[] }) {
  const locale = await getLocale();
  const t = await getTranslations("sessions");
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(codes.map((c) => names.of(c) ?? c));
  return <>{t("languages", { list })}</>;
}
