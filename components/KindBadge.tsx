import { getTranslations } from "next-intl/server";
import type { SessionKind } from "@/db/schema";

const COLORS: Record<SessionKind, string> = {
  drop_in: "bg-brand-100 text-brand-900",
  group: "bg-violet-100 text-violet-900",
  info_evening: "bg-amber-100 text-amber-900",
  codevelopment: "bg-sky-100 text-sky-900",
};

export async function KindBadge({ kind }: { kind: SessionKind }) {
  const t = await getTranslations("kinds");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${COLORS[kind]}`}>{t(kind)}</span>;
}
