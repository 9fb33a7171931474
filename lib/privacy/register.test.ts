import { describe, expect, it } from "vitest";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "@/db/schema";
import { CONFIRM_DAYS } from "@/lib/development/writes";
import { HANDOVER_LINK_DAYS as FEEDBACK_HANDOVER_DAYS } from "@/lib/feedback/handover";
import { translatorFor } from "@/lib/i18n/translator";
import { readEnv } from "@/lib/env.mjs";
import { DEVELOPMENT_CONFIRM_DAYS, HANDOVER_LINK_DAYS, notPersonal, processors, register, registerRows, retentionPeriods, transfersKnownInEu } from "./register";
import { noticeLines, type Tr } from "./notice";

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is SQLiteTable => v instanceof SQLiteTable)
  .map((t) => getTableConfig(t))
  .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));

const registered = new Map<string, Set<string>>();
for (const e of register) for (const [t, cs] of Object.entries(e.columns)) for (const c of cs ?? []) (registered.get(t) ?? registered.set(t, new Set()).get(t)!).add(c);

describe("the register of personal data", () => {
  it("classifies every column of the schema: in the register, or known not to be personal", () => {
    const unclassified = tables.flatMap((t) =>
      t.columns
        .filter((c) => !registered.get(t.name)?.has(c))
        .filter((c) => {
          const known = notPersonal[t.name]?.columns;
          return !(known === "*" || known?.includes(c));
        })
        .map((c) => `${t.name}.${c}`),
    );
    expect(unclassified, "add each to lib/privacy/register.ts: an entry if personal, notPersonal with a reason if not").toEqual([]);
  });

  it("names only columns that exist, never one as both personal and not, and no whole table that holds personal data", () => {
    const exists = new Map(tables.map((t) => [t.name, new Set(t.columns)]));
    for (const [t, cs] of registered) for (const c of cs) expect(exists.get(t)?.has(c), `${t}.${c}`).toBe(true);
    for (const [t, { columns }] of Object.entries(notPersonal)) {
      expect(exists.has(t), t).toBe(true);
      if (columns === "*") expect(registered.has(t), `${t} is "*" but has personal columns`).toBe(false);
      else for (const c of columns) {
        expect(exists.get(t)!.has(c), `${t}.${c}`).toBe(true);
        expect(registered.get(t)?.has(c), `${t}.${c} is in both`).not.toBe(true);
      }
    }
  });

  it("has the other domains' fixed periods", () => {
    expect(HANDOVER_LINK_DAYS).toBe(FEEDBACK_HANDOVER_DAYS);
    expect(DEVELOPMENT_CONFIRM_DAYS).toBe(CONFIRM_DAYS);
  });
});

const env = (source: Record<string, string>) => {
  const r = readEnv(source);
  if (!r.ok) throw new Error(r.problems.join("\n"));
  return r.env;
};
const fi = translatorFor("fi").t as unknown as Tr;
const text = (c: ReturnType<typeof env>) => noticeLines(registerRows(retentionPeriods(c)), processors(c), fi).join("\n");

describe("the privacy notice", () => {
  it("changes when a retention period changes: the page and the deletion job read the same number", () => {
    const before = env({ EMAIL_RETENTION_DAYS: "30" });
    const after = env({ EMAIL_RETENTION_DAYS: "45" });
    expect(retentionPeriods(after).retentionDays).toBe(45);
    expect(text(before)).toMatch(/30 päivää viimeisen tapaamisen jälkeen/);
    expect(text(after)).toMatch(/45 päivää viimeisen tapaamisen jälkeen/);
    expect(text(after)).not.toMatch(/30 päivää viimeisen/);
  });

  it("names the configured mail server and SMS provider, and none when text messages are off", () => {
    const off = text(env({ SMTP_URL: "smtp://user:secret@smtp.vertaistuki.example:587" }));
    expect(off).toMatch(/smtp\.vertaistuki\.example/);
    expect(off).not.toMatch(/secret|user@/);
    expect(off).not.toMatch(/GatewayAPI/);
    expect(off).toMatch(/Tekstiviestejä ei lähetetä/);
    const on = text(env({ SMTP_URL: "smtp://smtp.vertaistuki.example", SMS_PROVIDER: "gatewayapi", SMS_API_TOKEN: "t", HOSTING_PROVIDER: "UpCloud Oy, Helsinki" }));
    expect(on).toMatch(/GatewayAPI \(gatewayapi\.eu\); viestit ja niiden lokit pysyvät EU:ssa/);
    const elsewhere = processors(env({ SMS_PROVIDER: "gatewayapi", SMS_API_TOKEN: "t", SMS_API_URL: "https://sms.example.com" }));
    expect(transfersKnownInEu(elsewhere)).toBe(false);
    expect(noticeLines([], elsewhere, fi).join("\n")).not.toMatch(/EU:ssa/);
    expect(on).toMatch(/UpCloud Oy, Helsinki/);
  });

  it("gives a legal basis for every purpose parents meet", () => {
    for (const row of registerRows(retentionPeriods(env({})))) expect(fi(`notice.bases.${row.basis}`), row.id).toMatch(/6 artiklan/);
  });
});
