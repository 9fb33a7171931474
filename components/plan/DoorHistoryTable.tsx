import { getTranslations } from "next-intl/server";
import type { DoorHistoryEntry } from "@/lib/attendance/history";
import type { Locale } from "@/lib/i18n/locales";
import { formatterFor } from "@/lib/i18n/translator";

/** The kinds of door change in the order the history names them (see DoorChangeKind). */
const KINDS = ["parents", "professionals", "others", "checkIns", "undos", "codes", "noShows", "heardFrom"] as const;

const ACTION_KEY = { "door.late_sync": "late_sync", "door.correct": "correct", "session.reopen": "reopen" } as const;

/** A session's door history as a table: when, who, what (the kind of change and how many of each). */
export async function DoorHistoryTable({ locale, history }: { locale: Locale; history: DoorHistoryEntry[] }) {
  const t = await getTranslations("plan.doorHistory");
  const format = formatterFor(locale);
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    // Noon UTC is the same calendar day in Helsinki.
    return format.dateTime(new Date(Date.UTC(y, m - 1, d, 12)), { dateStyle: "short" });
  };
  const what = (e: DoorHistoryEntry) => {
    const detail = e.detail ?? {};
    const counts = KINDS.filter((k) => typeof detail[k] === "number").map((k) => t(`kinds.${k}`, { count: detail[k] as number }));
    const dayText = typeof detail.day === "string" ? t("day", { date: day(detail.day) }) : null;
    return [dayText, counts.join(", ")].filter(Boolean).join(": ");
  };
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full border-collapse bg-white text-left text-sm" data-testid="door-history">
        <caption className="sr-only">{t("title")}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <th scope="col" className="p-2">{t("when")}</th>
            <th scope="col" className="p-2">{t("who")}</th>
            <th scope="col" className="p-2">{t("what")}</th>
          </tr>
        </thead>
        <tbody>
          {history.map((e) => (
            <tr key={e.id} className="border-b border-stone-200 align-top">
              <td className="p-2 whitespace-nowrap">{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td className="p-2">{e.by ?? t("nobody")}</td>
              <td className="p-2">
                <span className="font-semibold">{t(`actions.${ACTION_KEY[e.action]}`)}</span>
                {what(e) && <span className="block text-stone-700">{what(e)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
