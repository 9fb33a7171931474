import { getTranslations } from "next-intl/server";
import type { County } from "@/lib/counties/reads";
import { Notice } from "@/components/ui/Notice";

/** A county's routes as planners check them, with a clear "not set yet" for what parents would miss. */
export async function CountySummary({ county, missing, onlyMissing = false }: { county: County; missing: string[]; onlyMissing?: boolean }) {
  const t = await getTranslations("county");
  const notSet = <em className="font-semibold text-red-800 not-italic">{t("notSet")}</em>;
  const ombudsman = [county.ombudsmanName, county.ombudsmanPhone, county.ombudsmanEmail, county.ombudsmanUrl].filter(Boolean).join(", ");
  const clientSafety = [county.clientSafetyName, county.clientSafetyEmail].filter(Boolean).join(", ");
  return (
    <>
      {!onlyMissing && (
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
          <dt className="font-medium">{t("emergencyLabel")}</dt>
          <dd>{county.emergencyPhone ?? notSet}</dd>
          <dt className="font-medium">{t("ombudsmanLabel")}</dt>
          <dd>{missing.includes("ombudsman") ? notSet : ombudsman}</dd>
          <dt className="font-medium">{t("clientSafetyLabel")}</dt>
          <dd>{county.clientSafetyEmail ? clientSafety : notSet}</dd>
        </dl>
      )}
      {missing.length > 0 && (
        <div className="mt-3">
          <Notice tone="warning" title={t("missingTitle")}>
            <ul className="list-disc pl-5">
              {missing.map((m) => (
                <li key={m}>{t(`missing_${m}` as "missing_ombudsman")}</li>
              ))}
            </ul>
            <p className="mt-1">{t("missingBody")}</p>
          </Notice>
        </div>
      )}
    </>
  );
}
