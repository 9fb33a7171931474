import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/guard";
import { responses } from "@/lib/feedback/reads";
import { ResponseItem } from "@/components/feedback/ResponseItem";

export const metadata = { robots: { index: false } };

/** A facilitator reads the answers about the sessions they ran: ratings and comments, never a concern. */
export default async function HostFeedbackPage({ params }: PageProps<"/[locale]/host/feedback">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const t = await getTranslations("feedback.host");
  const list = responses(getDb(), actor);
  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {list.length === 0 ? (
        <p className="mt-4">{t("none")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {list.map((r) => (
            <ResponseItem key={r.id} r={r} />
          ))}
        </ul>
      )}
    </>
  );
}
