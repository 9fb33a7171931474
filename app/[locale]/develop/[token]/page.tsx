import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { getDb } from "@/db/client";
import { renewAction, withdrawAction } from "@/lib/development/actions";
import { offerByToken } from "@/lib/development/reads";
import { Notice } from "@/components/ui/Notice";

export const metadata = { robots: { index: false } };

/** From the yearly e-mail: keep a development client's details for another year, or delete them now. Plain forms. */
export default async function RenewPage({ params, searchParams }: PageProps<"/[locale]/develop/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations("develop.renew");
  const format = formatterFor(locale as Locale);
  const offer = offerByToken(getDb(), token);
  const date = offer ? format.dateTime(offer.deleteAfter, { dateStyle: "long" }) : "";
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <div className="mt-4">
        {q.removed === "1" ? (
          <Notice tone="success" role="status">
            {t("removed")}
          </Notice>
        ) : !offer ? (
          <p>{t("invalid")}</p>
        ) : (
          <>
            {q.kept === "1" ? (
              <Notice tone="success" role="status">
                {t("kept", { date })}
              </Notice>
            ) : (
              <p>{t("until", { date })}</p>
            )}
            <div className="mt-4 flex flex-wrap gap-3">
              <form action={renewAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="token" value={token} />
                <button type="submit" className="rounded bg-brand-800 px-4 py-2 font-medium text-white">
                  {t("keep")}
                </button>
              </form>
              <form action={withdrawAction}>
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="token" value={token} />
                <button type="submit" className="rounded border border-red-800 px-4 py-2 font-medium text-red-900">
                  {t("remove")}
                </button>
              </form>
            </div>
          </>
        )}
      </div>
    </>
  );
}
