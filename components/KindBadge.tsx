import { getLocale, getTranslations } from "next-intl/server";
import type { SessionKind } from "@/db/schema";

const COLORS: Record<SessionKind, string> = {
  drop_in: "bg-brand-100 text-brand-900",
  group: "bg-violet-100 text-violet-900",
  info_evening: "bg-amber-100 text-amber-900",
  codevelopment: "bg-sky-100 text-sky-900",
};

/** The kind of a session, unless its title already says it: "Drop-in" over "Drop-in" says nothing twice. */
export async function KindBadge({ kind, title, className = "" }: { kind: SessionKind; title?: string; className?: string }) {
  const t = await getTranslations("kinds");
  const locale = await getLocale();
  if (title?.toLocaleLowerCase(locale).startsWith(t(kind).toLocaleLowerCase(locale))) return null;
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${COLORS[kind]} ${className}`}>{t(kind)}</span>;
}
