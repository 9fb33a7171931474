import { getTranslations } from "next-intl/server";
import { config } from "@/lib/config";
import { Link } from "@/i18n/navigation";

/** The kinds of personal detail a booking may hold, in the order a parent gave them. */
export type GivenDetail = "nickname" | "email" | "phone" | "needs";

/** What this booking holds about the parent: only what was given is named. */
export function givenDetails(b: {
  nickname: string | null;
  email: string | null;
  phone: string | null;
  interpreterLanguage: string | null;
  accessibilityNeeds: string | null;
  childcare: boolean;
}): GivenDetail[] {
  const given: GivenDetail[] = [];
  if (b.nickname) given.push("nickname");
  if (b.email) given.push("email");
  if (b.phone) given.push("phone");
  if (b.interpreterLanguage || b.accessibilityNeeds || b.childcare) given.push("needs");
  return given;
}

/** "your e-mail address and phone number", in the page's language, and how many things it names ("your needs" is many). */
export async function detailsPhrase(locale: string, given: GivenDetail[]): Promise<{ what: string; count: number }> {
  const t = await getTranslations("manage");
  const what = new Intl.ListFormat(locale, { type: "conjunction" }).format(given.map((d) => t(`detail_${d}`)));
  return { what, count: given.length === 1 && given[0] === "needs" ? 2 : given.length };
}

/**
 * The parent's own data, last on the page: download it, or erase it after a
 * confirm step on a page of its own (a stray tap never erases, with or
 * without JavaScript). Plain links: no JavaScript needed.
 */
export async function MyDetailsSection({ token, locale, given, cancelled }: { token: string; locale: string; given: GivenDetail[]; cancelled: boolean }) {
  const t = await getTranslations("manage");
  const phrase = given.length > 0 ? await detailsPhrase(locale, given) : null;
  return (
    <section aria-labelledby="my-details" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="my-details" className="text-lg font-bold">
        {t("myDetailsTitle")}
      </h2>
      <p className="mt-1">{phrase ? t("myDetailsBody", { what: phrase.what, count: phrase.count, days: config().EMAIL_RETENTION_DAYS }) : t("nothingStored")}</p>
      <p className="mt-1">
        <Link href="/privacy">{t("privacyLink")}</Link>
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <a href={`/${locale}/manage/${token}/my-details.json`} download className="rounded border border-brand-800 px-4 py-2 font-medium no-underline">
          {t("download")}
        </a>
        {phrase && (
          <Link
            href={`/manage/${token}/erase`}
            aria-describedby="erase-hint"
            className="rounded border border-stone-500 px-4 py-2 font-medium text-stone-800 no-underline"
            data-testid="erase-link"
          >
            {t("erase")}
          </Link>
        )}
      </div>
      {phrase && (
        <p id="erase-hint" className="mt-2 text-sm text-stone-800">
          {cancelled ? t("eraseHintCancelled") : t("eraseHint")}
        </p>
      )}
    </section>
  );
}
