import { getTranslations } from "next-intl/server";
import { eraseMyDetailsAction } from "@/lib/booking/actions";
import { config } from "@/lib/config";
import { Link } from "@/i18n/navigation";

/** The parent's own data: download it, or erase it at once. Plain links and forms: no JavaScript needed. */
export async function MyDetailsSection({ token, locale, hasDetails }: { token: string; locale: string; hasDetails: boolean }) {
  const t = await getTranslations("manage");
  return (
    <section aria-labelledby="my-details" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="my-details" className="text-lg font-bold">
        {t("myDetailsTitle")}
      </h2>
      <p className="mt-1">{hasDetails ? t("myDetailsBody", { days: config().EMAIL_RETENTION_DAYS }) : t("nothingStored")}</p>
      <p className="mt-1">
        <Link href="/privacy">{t("privacyLink")}</Link>
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <a href={`/${locale}/manage/${token}/my-details.json`} download className="rounded border border-brand-800 px-4 py-2 font-medium no-underline">
          {t("download")}
        </a>
        {hasDetails && (
          <form action={eraseMyDetailsAction}>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" aria-describedby="erase-hint" className="rounded border border-red-800 px-4 py-2 font-medium text-red-800">
              {t("erase")}
            </button>
          </form>
        )}
      </div>
      {hasDetails && (
        <p id="erase-hint" className="mt-2 text-sm text-stone-800">
          {t("eraseHint")}
        </p>
      )}
    </section>
  );
}
