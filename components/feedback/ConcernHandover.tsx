import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { handoverState } from "@/lib/feedback/handover";
import { handOverAction } from "@/lib/feedback/handover-actions";
import { countyName } from "@/lib/counties/reads";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";
import { Link } from "@/i18n/navigation";
import { Notice } from "@/components/ui/Notice";

const buttonClass = "rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-900";

/**
 * The concern page's hand-over to the county (lib/feedback/handover.ts): the
 * parent's consent, the hand-overs made and the county's acknowledgements,
 * and, only when the parent consented, the buttons. Plain forms: no JavaScript needed.
 */
export async function ConcernHandover({ concernId, locale, notice }: { concernId: number; locale: Locale; notice?: string }) {
  const state = handoverState(getDb(), concernId);
  if (!state) return null;
  const t = await getTranslations("handover");
  const format = formatterFor(locale);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const message = notice === "sent" ? t("sent") : notice && t.has(`errors.${notice}`) ? t(`errors.${notice}` as "errors.forbidden") : null;

  return (
    <section id="handover" aria-labelledby="handover-title" className="mt-6 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="handover-title" className="text-xl font-bold">
        {t("title")}
      </h2>
      {message && (
        <div className="mt-2">
          <Notice tone={notice === "sent" ? "success" : "error"} role={notice === "sent" ? "status" : "alert"}>
            <p>{message}</p>
          </Notice>
        </div>
      )}
      <p className="mt-2">{state.consent ? t(`consent_${state.consent}`) : t("noConsent")}</p>

      {state.handovers.length > 0 && (
        <>
          <h3 className="mt-3 font-semibold">{t("history")}</h3>
          <ul className="mt-1 space-y-2">
            {state.handovers.map((h) => (
              <li key={h.id} className="rounded border border-stone-200 p-2">
                <p>
                  {h.method === "email"
                    ? t("method_email", { date: date(h.handedAt), to: h.sentTo ?? "", name: h.by ?? h.email ?? "" })
                    : t("method_print", { date: date(h.handedAt), name: h.by ?? h.email ?? "" })}
                  {h.withContact && ` ${t("withContactNote")}`}
                </p>
                <p className="text-sm">{h.acknowledgedAt ? <strong>{t("acknowledged", { date: date(h.acknowledgedAt) })}</strong> : t("notAcknowledged")}</p>
                {h.expiresAt && <p className="text-sm text-stone-700">{h.linkOpen ? t("linkUntil", { date: date(h.expiresAt) }) : t("linkExpired")}</p>}
                {h.method === "print" && (
                  <p className="text-sm">
                    <Link href={`/plan/feedback/concerns/${concernId}/report/${h.id}`}>{t("printAgain")}</Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {state.consent && !state.county && <p className="mt-2">{t("noCounty")}</p>}
      {state.consent && state.county && (
        <form action={handOverAction} className="mt-3 space-y-3">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="concernId" value={concernId} />
          <p>{t("county", { county: countyName(state.county.name, locale) })}</p>
          <p className="text-sm text-stone-800">{t("contents")}</p>
          {state.consent === "with_contact" && state.hasContact && (
            <div className="flex items-start gap-2">
              <input id="withContact" name="withContact" type="checkbox" className="mt-1 size-5" />
              <label htmlFor="withContact">{t("withContact")}</label>
            </div>
          )}
          {!state.county.clientSafetyEmail && (
            <p>
              {t("noEmail")} <Link href={`/plan/counties/${state.county.id}`}>{t("countyLink")}</Link>
            </p>
          )}
          <div className="flex flex-wrap gap-3">
            {state.county.clientSafetyEmail && (
              <button type="submit" name="method" value="email" className={buttonClass}>
                {t("sendEmail", { email: state.county.clientSafetyEmail })}
              </button>
            )}
            <button type="submit" name="method" value="print" className="rounded border-2 border-brand-800 px-4 py-2 font-medium text-brand-900 hover:bg-brand-50">
              {t("print")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
