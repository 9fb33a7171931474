import { getTranslations } from "next-intl/server";
import type { ParentRoutes } from "@/lib/counties/reads";

const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

/**
 * The one plain line above the concern box and on the thanks page: 112 in an
 * emergency, and the county's emergency social services number when the county
 * has one (never a number nobody entered).
 */
export async function WhereToTurn({ routes, id = "where-to-turn", linked = true }: { routes: ParentRoutes | null; id?: string; linked?: boolean }) {
  const t = await getTranslations("whereToTurn");
  return (
    <p id={id} className="rounded-lg border-2 border-red-700 bg-white p-3 font-medium">
      {t("emergency")}
      {routes?.emergencyPhone && (
        <>
          {" "}
          {t.rich("emergencySocial", {
            county: routes.countyName,
            phone: routes.emergencyPhone,
            // The kiosk links nowhere (a parent holds the meeting place's tablet): the number as text.
            tel: (chunks) =>
              linked ? (
                <a href={telHref(routes.emergencyPhone!)} className="whitespace-nowrap">
                  {chunks}
                </a>
              ) : (
                <span className="whitespace-nowrap">{chunks}</span>
              ),
          })}
        </>
      )}
    </p>
  );
}

/** The county's social welfare ombudsman, after a concern: left out when the county has no contact for one. */
export async function OmbudsmanContact({ routes }: { routes: ParentRoutes | null }) {
  const o = routes?.ombudsman;
  if (!o) return null;
  const t = await getTranslations("whereToTurn");
  return (
    <section aria-labelledby="ombudsman" className="space-y-2">
      <h2 id="ombudsman" className="text-lg font-semibold">
        {t("ombudsmanTitle")}
      </h2>
      <p>{t("ombudsman")}</p>
      <ul>
        {o.name && (
          <li>
            <strong>{o.name}</strong> ({routes.countyName})
          </li>
        )}
        {o.phone && (
          <li>
            {t("phone")}: <a href={telHref(o.phone)}>{o.phone}</a>
          </li>
        )}
        {o.email && (
          <li>
            {t("email")}: <a href={`mailto:${o.email}`}>{o.email}</a>
          </li>
        )}
        {o.url && (
          <li>
            {t("url")}: <a href={o.url}>{o.url.replace(/^https?:\/\//, "")}</a>
          </li>
        )}
      </ul>
    </section>
  );
}
