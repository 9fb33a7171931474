import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { bookingByToken } from "@/lib/booking/reads";
import { eraseMyDetailsAction } from "@/lib/booking/actions";
import { Link } from "@/i18n/navigation";
import { BadLinkNotice, manageLinkMetadata } from "@/components/booking/BadLinkNotice";
import { detailsPhrase, givenDetails } from "@/components/booking/MyDetailsSection";

export async function generateMetadata({ params }: PageProps<"/[locale]/manage/[token]/erase">) {
  const { locale, token } = await params;
  return manageLinkMetadata(locale, token);
}

/** The confirm step before "Delete my details": a page of its own, so erasing is a deliberate second press without JavaScript too. */
export default async function ErasePage({ params }: PageProps<"/[locale]/manage/[token]/erase">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("manage");
  const found = bookingByToken(getDb(), token, new Date(), config().MANAGE_LINK_DAYS);
  if (!found.ok) return <BadLinkNotice reason={found.reason} />;
  const b = found.booking;
  const given = givenDetails(b);
  if (given.length === 0) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("erasedTitle")}</h1>
        <p className="mt-3">{t("nothingStored")}</p>
        <p className="mt-4">
          <Link href={`/manage/${token}`}>{t("back")}</Link>
        </p>
      </>
    );
  }
  const { what } = await detailsPhrase(locale, given);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("eraseConfirmTitle")}</h1>
      <p className="mt-3">{t("eraseConfirmBody", { what })}</p>
      <p className="mt-2">{b.status === "cancelled" ? t("eraseHintCancelled") : t("eraseHint")}</p>
      <form action={eraseMyDetailsAction} className="mt-6 flex flex-wrap items-center gap-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="rounded bg-red-800 px-4 py-3 font-semibold text-white hover:bg-red-900">
          {t("eraseConfirm")}
        </button>
        <Link href={`/manage/${token}`}>{t("eraseKeep")}</Link>
      </form>
    </>
  );
}
