import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { requirePlanner } from "@/lib/auth/guard";
import { concernDetail } from "@/lib/feedback/reads";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/i18n/navigation";
import { NotFoundView } from "@/components/NotFoundView";
import { ClientMessages } from "@/components/ClientMessages";
import { ConcernActionForm } from "@/components/feedback/ConcernActionForm";
import { formatterFor } from "@/lib/i18n/translator";
import { ConcernHandover } from "@/components/feedback/ConcernHandover";

const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export const metadata = { robots: { index: false } };

export default async function ConcernPage({ params, searchParams }: PageProps<"/[locale]/plan/feedback/concerns/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requirePlanner(locale);
  const db = getDb();
  // The read logs each look (a concern is about how a person was treated, with or without contact details).
  const concern = /^\d+$/.test(id) ? concernDetail(db, actor, Number(id)) : null;
  if (!concern) return <NotFoundView />;
  const t = await getTranslations("feedback.plan");
  const format = formatterFor(locale as Locale);

  return (
    <>
      <p>
        <Link href="/plan/feedback">{t("back")}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t("concernTitle", { id: concern.id })}</h1>
      <p className="mt-1 text-stone-800">
        <strong>{t(`status_${concern.status}`)}</strong> · {format.dateTime(concern.createdAt, { dateStyle: "medium", timeStyle: "short" })}
        {concern.place && ` · ${concern.place}`}
        {concern.session?.title && ` · ${concern.session.title[locale as Locale]}`}
      </p>
      <blockquote className="mt-4 rounded-lg border-l-4 border-amber-400 bg-white p-4 whitespace-pre-line">{concern.text}</blockquote>
      <p className="mt-3">
        <strong>{t("contact")}:</strong> {concern.contact ?? t("noContact")}
      </p>

      <section aria-labelledby="actions" className="mt-6">
        <h2 id="actions" className="text-xl font-bold">
          {t("actions")}
        </h2>
        {concern.actions.length === 0 ? (
          <p className="mt-2">{t("noActions")}</p>
        ) : (
          <ol className="mt-2 space-y-2">
            {concern.actions.map((a) => (
              <li key={a.id} className="rounded bg-white p-3 shadow-sm">
                <p className="text-sm text-stone-700">
                  {t("actionBy", {
                    name: a.by ?? a.email ?? "",
                    date: format.dateTime(a.at, { dateStyle: "medium", timeStyle: "short" }),
                    status: t(`status_${a.status}`),
                  })}
                </p>
                <p className="mt-1 whitespace-pre-line">{a.note}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ClientMessages namespaces={["feedback", "errors"]}>
        <ConcernActionForm concernId={concern.id} status={concern.status} />
      </ClientMessages>
      <ConcernHandover concernId={concern.id} locale={locale as Locale} notice={single((await searchParams).handover)} />
    </>
  );
}
