import { getTranslations } from "next-intl/server";
import type { HandoverReport } from "@/lib/feedback/handover";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";

/** The anonymised report a county reads (its link) or a planner prints: what happened, when, which service, and a contact only with consent. */
export async function HandoverReportView({ report, locale, organisation }: { report: HandoverReport; locale: Locale; organisation: string }) {
  const t = await getTranslations("handover.report");
  const tk = await getTranslations("kinds");
  const format = formatterFor(locale);
  const service = [report.place, report.kind ? tk(report.kind) : null].filter(Boolean).join(", ");
  return (
    <dl className="mt-4 space-y-3">
      <div>
        <dt className="font-semibold">{t("what")}</dt>
        <dd className="mt-1 rounded-lg border-l-4 border-amber-400 bg-white p-4 whitespace-pre-line">{report.text}</dd>
      </div>
      <div>
        <dt className="font-semibold">{t("when")}</dt>
        <dd>{format.dateTime(report.day, { dateStyle: "long" })}</dd>
      </div>
      <div>
        <dt className="font-semibold">{t("service")}</dt>
        <dd>{service || "–"}</dd>
      </div>
      <div>
        <dt className="font-semibold">{t("contact")}</dt>
        <dd>{report.contact ?? t("noContact")}</dd>
      </div>
      <div>
        <dt className="font-semibold">{t("from")}</dt>
        <dd>{organisation}</dd>
      </div>
    </dl>
  );
}
