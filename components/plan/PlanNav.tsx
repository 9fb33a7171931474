import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

const LINKS = [
  ["welcome", "/plan/welcome"],
  ["schedule", "/plan"],
  ["places", "/plan/places"],
  ["counties", "/plan/counties"],
  ["newOnce", "/plan/sessions/new?mode=once"],
  ["newSeries", "/plan/sessions/new?mode=series"],
  ["newGroup", "/plan/sessions/new?mode=group"],
  ["staff", "/plan/staff"],
  ["feedback", "/plan/feedback"],
  ["panel", "/plan/panel"],
  ["reach", "/plan/reach"],
  ["hours", "/plan/hours"],
  ["audit", "/plan/audit"],
] as const;

/** The planners' own areas, under the staff bar. */
export async function PlanNav({ current }: { current?: (typeof LINKS)[number][0] }) {
  const t = await getTranslations("plan.nav");
  return (
    <nav aria-label={t("label")} className="mb-6">
      <ul className="flex flex-wrap gap-x-4 gap-y-2">
        {LINKS.map(([key, href]) => (
          <li key={key}>
            <Link href={href} aria-current={key === current ? "page" : undefined} className="aria-[current=page]:font-bold">
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
