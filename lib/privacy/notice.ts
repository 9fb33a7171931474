import type { Processor, Retention, registerRows } from "./register";

/** A translator at the "notice" namespace's root: next-intl's and translatorFor's both fit once cast. */
export type Tr = (key: string, values?: Record<string, string | number>) => string;

/** When an entry's data goes, in the reader's words, from the same numbers the deletion job uses. */
export function retentionText(r: Retention, t: Tr): string {
  const { rule, ...values } = r;
  return t(`notice.retention.${rule}`, values);
}

/** One processor as the page names it; `organisation` for the hosting line when no provider is configured. */
export function processorText(p: Processor, t: Tr, organisation: string): string {
  switch (p.kind) {
    case "mail":
      return t("notice.processors.mail", { host: p.host });
    case "sms":
      return t(p.eu ? "notice.processors.sms" : "notice.processors.smsOther", { name: p.name, host: p.host });
    case "hosting":
      return p.name ? t("notice.processors.hosting", { name: p.name }) : t("notice.processors.hostingOwn", { organisation });
    default:
      return t(`notice.processors.${p.kind}`);
  }
}

/** The register and processors as plain lines: what the page says, for tests and the organisation's records. */
export function noticeLines(rows: ReturnType<typeof registerRows>, list: Processor[], t: Tr, organisation = "–"): string[] {
  return [
    ...rows.map((r) => [t(`notice.data.${r.id}`), t(`notice.purposes.${r.purpose}`), t(`notice.bases.${r.basis}`), retentionText(r.retention, t)].join(" | ")),
    ...list.map((p) => processorText(p, t, organisation)),
  ];
}
