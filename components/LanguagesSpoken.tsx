import { getLocale, getTranslations } from "next-intl/server";

// Intl objects are slow to create and a list page shows dozens of sessions: make them once per language.
const formatters = new Map<string, { names: Intl.DisplayNames; list: Intl.ListFormat }>();
function formattersFor(locale: string) {
  let f = formatters.get(locale);
  if (!f) {
    f = { names: new Intl.DisplayNames([locale], { type: "language" }), list: new Intl.ListFormat(locale, { type: "conjunction" }) };
    formatters.set(locale, f);
  }
  return f;
}

/** Language names come from the runtime's own data (Intl.DisplayNames), in the page's language. */
export async function LanguagesSpoken({ codes }: { codes: string[] }) {
  const locale = await getLocale();
  const t = await getTranslations("sessions");
  const { names, list: listFormat } = formattersFor(locale);
  const list = listFormat.format(codes.map((c) => names.of(c) ?? c));
  return <>{t("languages", { list })}</>;
}
