import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { feedbackLink } from "@/lib/feedback/reads";
import { ClientMessages } from "@/components/ClientMessages";
import { OfferForm } from "@/components/feedback/OfferForm";
import { Notice } from "@/components/ui/Notice";

export const metadata = { robots: { index: false } };

/** After answering: a parent may offer to take part in developing the service (development clients, client panels). */
export default async function DevelopPage({ params, searchParams }: PageProps<"/[locale]/feedback/[key]/develop">) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("develop.offer");
  const tf = await getTranslations("feedback");
  const link = feedbackLink(getDb(), key, new Date());
  if (!link.ok) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-3">{tf(`errors.${link.reason}`)}</p>
      </>
    );
  }
  // Nothing is kept for long until the link in the confirmation e-mail is opened: the page says so.
  const query = await searchParams;
  if (query.done === "1") {
    // Held: the address has had its share of confirmations today (MESSAGES_PER_RECIPIENT_DAY), so no e-mail went.
    const held = query.held === "1";
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="mt-4">
          <Notice tone={held ? "warning" : "success"} role="status">
            {t(held ? "held" : "done")}
          </Notice>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-3">{t("intro")}</p>
      <ClientMessages namespaces={["develop"]}>
        <OfferForm feedbackKey={key} locale={locale} />
      </ClientMessages>
    </>
  );
}
