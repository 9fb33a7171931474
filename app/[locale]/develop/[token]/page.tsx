import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { getDb } from "@/db/client";
import { confirmAction, renewAction, withdrawAction } from "@/lib/development/actions";
import { lastDayKept, offerByToken } from "@/lib/development/reads";
import { Notice } from "@/components/ui/Notice";

export const metadata = { robots: { index: false } };

/**
 * From the confirmation e-mail: confirm the offer (or delete it). From the
 * yearly e-mail: keep a development client's details for another year, or
 * delete them now. One link, plain forms.
 */
export default async function RenewPage({ params, searchParams }: PageProps<"/[locale]/develop/[token]">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const q = await searchParams;
  const t = await getTranslations("develop.renew");
  const format = formatterFor(locale as Locale);
  const offer = offerByToken(getDb(), token);
  const date = offer ? format.dateTime(lastDayKept(offer.deleteAfter), { dateStyle: "long" }) : "";
  const button = (action: (formData: FormData) => Promise<void>, label: string, className: string) => (
    <form action={action}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={`rounded px-4 py-2 font-medium ${className}`}>
        {label}
      </button>
    </form>
  );
  // One link for both e-mails: a pending offer is confirmed, a confirmed one kept; either can be removed.
  const primary = offer?.confirmed ? button(renewAction, t("keep"), "bg-brand-800 text-white") : button(confirmAction, t("confirm"), "bg-brand-800 text-white");
  const said = q.confirmed === "1" ? "confirmed" : q.kept === "1" ? "kept" : null;
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
            {!offer.confirmed ? (
              <p>{t("pending", { date })}</p>
            ) : said ? (
              <Notice tone="success" role="status">
                {t(said, { date })}
              </Notice>
            ) : (
              <p>{t("until", { date })}</p>
            )}
            <div className="mt-4 flex flex-wrap gap-3">
              {primary}
              {button(withdrawAction, t("remove"), "border border-red-800 text-red-900")}
            </div>
          </>
        )}
      </div>
    </>
  );
}
