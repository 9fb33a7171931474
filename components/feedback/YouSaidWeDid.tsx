import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import type { publishedEntries } from "@/lib/feedback/reads";

/** The published entries, each: what parents said, what changed, where and when. */
export async function YouSaidWeDidList({ entries, headingLevel = 2 }: { entries: ReturnType<typeof publishedEntries>; headingLevel?: 2 | 3 }) {
  const t = await getTranslations("feedback.public");
  const locale = (await getLocale()) as Locale;
  const format = formatterFor(locale);
  const H = headingLevel === 2 ? "h2" : "h3";
  if (entries.length === 0) return <p className="mt-2">{t("none")}</p>;
  return (
    <ul className="mt-3 space-y-4">
      {entries.map((e) => (
        <li key={e.id} className="rounded-lg bg-white p-4 shadow-sm">
          <H className="text-sm font-medium text-stone-700">
            {(locale === "sv" && e.placeSv) || e.place || t("wholeService")}, {format.dateTime(e.publishedAt!, { dateStyle: "long" })}
          </H>
          <p className="mt-2">
            <strong>{t("said")}:</strong> {e.said[locale]}
          </p>
          <p className="mt-1">
            <strong>{t("did")}:</strong> {e.did[locale]}
          </p>
        </li>
      ))}
    </ul>
  );
}
