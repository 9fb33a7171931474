"use client";
import { useLocale } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { useSearchParams } from "next/navigation";
import { locales } from "@/lib/i18n/locales";

// Each language's own name, so a parent finds theirs whatever the page's language.
const NAMES = { fi: "Suomeksi", sv: "På svenska", en: "In English" } as const;

/** Links to the same page in the other languages; plain links, so it works without JavaScript. */
export function LanguageSwitch() {
  const current = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const href = query ? `${pathname}?${query}` : pathname;
  return (
    <ul className="flex gap-3 text-sm">
      {locales
        .filter((l) => l !== current)
        .map((l) => (
          <li key={l}>
            <Link href={href} locale={l} lang={l} hrefLang={l} className="text-white">
              {NAMES[l]}
            </Link>
          </li>
        ))}
    </ul>
  );
}
