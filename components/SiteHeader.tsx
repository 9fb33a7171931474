import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitch } from "./LanguageSwitch";

export async function SiteHeader() {
  const t = await getTranslations("common");
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="text-xl font-bold text-white no-underline">
          Kohtaamo
        </Link>
        <nav aria-label={t("languageNav")}>
          <Suspense>
            <LanguageSwitch />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
